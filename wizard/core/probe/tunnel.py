"""`CONNECT host:port` through an http proxy: after a 2xx the socket is a tunnel to the PRONOTE server, and TLS
starts over it as over a direct connection. The proxy resolves the server's name; this side never does.

The proxy's answer is read under the same guard as everything else (deadline, Cancel) and bounded in size; its
status says why the tunnel was refused, which `ProbeFailure` carries to the judge: 407 (authentication, and
whether the proxy accepts Basic, the only scheme the assistant can answer), other 4xx (the proxy forbids the
server), 5xx (the proxy could not reach it).
"""
from __future__ import annotations

import re
import socket

from wizard.core.probe.answer import ProbeFailure
from wizard.core.probe.guard import Guard
from wizard.core.probe.proxy import Proxy

MAX_HEAD = 16 * 1024  # a proxy's answer to CONNECT is a status line and a few headers
_STATUS_LINE = re.compile(rb"HTTP/1\.[01] (\d{3})(?: [^\r\n]*)?")


def open_tunnel(sock: socket.socket, proxy: Proxy, host: str, port: int, guard: Guard, user_agent: str) -> None:
    """Ask `proxy` (connected on `sock`) for a tunnel to host:port. Raises ProbeFailure when it refuses."""
    authority = f"[{host}]:{port}" if ":" in host else f"{host}:{port}"
    lines = [f"CONNECT {authority} HTTP/1.1", f"Host: {authority}", f"User-Agent: {user_agent}"]
    authorization = proxy.authorization()
    if authorization:
        lines.append(f"Proxy-Authorization: {authorization}")
    guard.check()
    sock.settimeout(guard.io_timeout())
    sock.sendall(("\r\n".join(lines) + "\r\n\r\n").encode("ascii"))  # host: ASCII, checked before any connection
    head, extra, complete = _read_head(sock, guard)
    status, challenges = _parse_head(head)
    if status is None:
        raise ProbeFailure("proxy_protocol", host, proxy=proxy.display)
    if 200 <= status < 300:
        if extra or not complete:
            # Bytes after the header before our TLS hello, or a hang-up: not a tunnel, whatever the status says.
            raise ProbeFailure("proxy_protocol", host, proxy=proxy.display, status=status)
        return
    if status == 407:
        if authorization:
            reason = "proxy_auth_rejected"
        elif challenges and not any(challenge.lower().startswith("basic") for challenge in challenges):
            reason = "proxy_auth_unsupported"  # NTLM or Negotiate only: the Windows session's own credentials
        else:
            reason = "proxy_auth"
        raise ProbeFailure(reason, host, proxy=proxy.display, status=status)
    raise ProbeFailure("proxy_failed" if status >= 500 else "proxy_denied", host, proxy=proxy.display, status=status)


def _read_head(sock: socket.socket, guard: Guard) -> tuple[bytes, bytes, bool]:
    """The answer's status line and headers, what came after them, and whether the head was complete (a
    proxy may hang up after a refusal without the final empty line)."""
    buffer = b""
    while b"\r\n\r\n" not in buffer:
        if len(buffer) > MAX_HEAD:
            return b"", b"", False  # not a proxy's answer: judged « not a web proxy »
        guard.check()
        sock.settimeout(guard.io_timeout())
        chunk = sock.recv(4096)
        guard.check_tripped()
        if not chunk:
            if not buffer:
                raise ConnectionResetError("the proxy closed the connection without answering")
            return buffer, b"", False
        buffer += chunk
    head, _, extra = buffer.partition(b"\r\n\r\n")
    return head, extra, True


def _parse_head(head: bytes) -> tuple[int | None, list[str]]:
    """(status, Proxy-Authenticate values), status None when the head is not an HTTP answer."""
    first, _, rest = head.partition(b"\r\n")
    match = _STATUS_LINE.fullmatch(first)
    if match is None:
        return None, []
    challenges = []
    for line in rest.split(b"\r\n"):
        name, colon, value = line.partition(b":")
        if colon and name.strip().lower() == b"proxy-authenticate":
            challenges.append(value.strip().decode("latin-1"))
    return int(match.group(1)), challenges
