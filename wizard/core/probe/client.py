"""The transport of the server check: one bounded GET, directly or through the school's proxy.

What it guarantees, because the admin clicks a button and waits: a connect timeout and a total deadline that
hold whatever the server or the proxy does (silent, trickling bytes, slow DNS), a bounded body, redirects followed
only within the same origin, cancellation that takes effect within a fraction of a second from another thread,
TLS verified against the operating system's store (trust.py) unless the caller passes its own context (tests,
with a local CA), and through a proxy a CONNECT tunnel without ever resolving the server's name here.

Why this stays hand-written (stdlib sockets and http.client) rather than httpx or urllib3 (issue 13 asked to
prefer a maintained client if it keeps these promises; neither does):
- a total deadline: both have only per-operation timeouts (connect, each read), which a server sending one byte
  a second resets forever, and no timeout at all on the name lookup;
- Cancel from another thread: neither has a way to interrupt a blocked synchronous call; closing their sockets
  from outside is not part of their API (httpx's async mode could, at the price of an event loop, anyio and
  httpcore in the bundle for one GET);
- the proxy's refusals: both report a refused CONNECT as a ProxyError whose only detail is text (« 407 Proxy
  Authentication Required »), so telling 407 from 403 from 5xx – each has its own sentence here – would mean
  parsing their messages, and the Proxy-Authenticate challenge (Basic or only NTLM) is not exposed at all.
What a library would bring – proxies and trust – is covered with the stdlib (proxy.py) and truststore (trust.py).

It reports what happened (`Answer`) or why nothing could be read (`ProbeFailure`); judge.py says what it means.
"""
from __future__ import annotations

import http.client
import re
import socket
import ssl
import threading
import time
from collections.abc import Callable
from dataclasses import replace
from typing import Any
from urllib.parse import SplitResult, urljoin, urlsplit

from wizard import __version__
from wizard.core.errors import Cancelled
from wizard.core.probe.answer import Answer, ProbeFailure
from wizard.core.probe.guard import WATCH_INTERVAL, Guard
from wizard.core.probe.proxy import Proxy
from wizard.core.probe.trust import certificate_problem, system_context
from wizard.core.probe.tunnel import open_tunnel

__all__ = ["fetch", "origin", "sendable", "Answer", "ProbeFailure", "Cancelled", "USER_AGENT"]

USER_AGENT = f"pronote-ent-wizard/{__version__} (assistant d'interconnexion PRONOTE)"
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
_CHUNK = 64 * 1024
# What a request target may hold (RFC 3986 path and query characters, percent-escapes): nothing else is sent.
_SENDABLE_TARGET = re.compile(r"[A-Za-z0-9\-._~!$&'()*+,;=:@%/?]*")


def origin(url: str) -> tuple[str, str, int]:
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    try:
        port = parts.port
    except ValueError:
        port = None
    return scheme, (parts.hostname or "").lower().rstrip("."), port or (443 if scheme == "https" else 80)


def sendable(url: str) -> bool:
    """Whether `url`'s path and query can go on a request line as they are (ASCII, no space, no control)."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    target = parts.path + ("?" + parts.query if parts.query else "")
    return parts.scheme in ("http", "https") and bool(parts.hostname) and _SENDABLE_TARGET.fullmatch(target) is not None


def fetch(
    url: str,
    *,
    connect_timeout: float,
    total_timeout: float,
    max_body: int,
    max_redirects: int,
    ssl_context: ssl.SSLContext | None = None,
    cancelled: Callable[[], bool] | None = None,
    proxy: Proxy | None = None,
) -> Answer:
    """GET `url` (through `proxy` when given), following at most `max_redirects` same-origin redirects.
    Raises ProbeFailure or Cancelled.

    `cancelled` is also called from a watcher thread, so it must be thread-safe (a threading.Event's is_set is).
    """
    context = ssl_context if ssl_context is not None else system_context()
    with Guard(total_timeout, cancelled) as guard:
        current = url
        for hop in range(max_redirects + 1):
            answer = _exchange(current, guard, context, connect_timeout, max_body, proxy)
            location = answer.headers.get("location", "")
            if answer.status not in REDIRECT_STATUSES or not location:
                return answer
            try:
                target = urljoin(current, location.strip())
                target_origin = origin(target)
            except ValueError:  # « http://[::1 », and other addresses urllib cannot even split
                return replace(answer, redirect=location, redirect_invalid=True)
            if target_origin != origin(current):
                # A portal or another server: following it would send the check somewhere the admin never typed.
                return replace(answer, redirect=target)
            if not sendable(target):
                return replace(answer, redirect=target, redirect_invalid=True)
            if hop == max_redirects:
                return replace(answer, redirect=target, redirects_exhausted=True)
            current = target
    raise AssertionError("unreachable")  # pragma: no cover - the loop always returns


def _exchange(url: str, guard: Guard, context: ssl.SSLContext, connect_timeout: float, max_body: int,
              proxy: Proxy | None) -> Answer:
    parts = urlsplit(url)
    scheme, host, port = origin(url)
    # Only https goes out beyond this computer, and loopback hosts never use a proxy: a proxy means a tunnel.
    tunnel_to = proxy if proxy is not None and scheme == "https" else None
    waiting_on_proxy = tunnel_to is not None
    try:
        guard.check()
        if tunnel_to is not None:
            sock = _connect(tunnel_to.host, tunnel_to.port, guard, connect_timeout)
        else:
            sock = _connect(host, port, guard, connect_timeout)
        try:
            if tunnel_to is not None:
                open_tunnel(sock, tunnel_to, host, port, guard, USER_AGENT)
                waiting_on_proxy = False
            if scheme == "https":
                guard.check()
                sock.settimeout(guard.io_timeout())
                sock = _wrap_tls(sock, host, context, guard)
            return _request(url, parts, host, port, scheme, sock, guard, max_body)
        finally:
            guard.release(sock)
    except Cancelled:
        raise
    except ProbeFailure as failure:
        if tunnel_to is not None and not failure.proxy:
            failure.proxy = tunnel_to.display
        raise
    except Exception as exc:  # noqa: BLE001 - every transport error becomes one reason code
        if guard.tripped == "cancelled":
            raise Cancelled() from None
        if waiting_on_proxy and tunnel_to is not None:
            raise _proxy_failure(exc, host, guard, tunnel_to) from None
        unread = _failure(exc, host, guard)
        unread.proxy = tunnel_to.display if tunnel_to is not None else ""
        raise unread from None


class _LookupTimeout(Exception):
    """The name lookup did not answer within the connect timeout."""


def _connect(host: str, port: int, guard: Guard, connect_timeout: float) -> socket.socket:
    addresses = _resolve(host, port, guard, connect_timeout)
    last: Exception | None = None
    for family, kind, proto, _name, address in addresses:
        guard.check()
        sock = socket.socket(family, kind, proto)
        guard.attach(sock)
        try:
            sock.settimeout(guard.io_timeout(connect_timeout))
            sock.connect(address)
            return sock
        except OSError as exc:
            guard.release(sock)
            last = exc
            if guard.tripped:
                break
    raise last if last is not None else socket.gaierror(socket.EAI_NONAME, "no address")


# One address as getaddrinfo gives it: (family, type, proto, canonname, sockaddr – whose shape is the family's).
_Address = tuple[socket.AddressFamily, socket.SocketKind, int, str, Any]


def _resolve(host: str, port: int, guard: Guard, connect_timeout: float) -> list[_Address]:
    """getaddrinfo has no timeout of its own: run it aside and stop waiting at the deadline or on Cancel."""
    outcome: dict[str, Any] = {}
    done = threading.Event()

    def lookup() -> None:
        try:
            outcome["value"] = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
        except BaseException as exc:  # noqa: BLE001 - handed back to the waiting thread
            outcome["error"] = exc
        finally:
            done.set()

    threading.Thread(target=lookup, name="probe-dns", daemon=True).start()
    wait = guard.io_timeout(connect_timeout)
    limit = time.monotonic() + wait
    while not done.wait(WATCH_INTERVAL):
        guard.check()
        if time.monotonic() >= limit:
            raise _LookupTimeout()
    if "error" in outcome:
        raise outcome["error"]
    addresses: list[_Address] = outcome["value"]
    return addresses


def _wrap_tls(sock: socket.socket, host: str, context: ssl.SSLContext, guard: Guard) -> ssl.SSLSocket:
    # Handshake (and truststore's verification, which follows it) after the guard holds the TLS socket.
    tls = context.wrap_socket(sock, server_hostname=host, do_handshake_on_connect=False)
    guard.attach(tls)
    try:
        tls.do_handshake()
    except BaseException:
        guard.release(tls)
        raise
    return tls


def _request(url: str, parts: SplitResult, host: str, port: int, scheme: str, sock: socket.socket, guard: Guard,
             max_body: int) -> Answer:
    conn = http.client.HTTPConnection(host, port)
    conn.sock = sock  # already connected (and wrapped): http.client only speaks HTTP over it
    target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    default_port = 443 if scheme == "https" else 80
    host_header = f"[{host}]" if ":" in host else host
    if port != default_port:
        host_header += f":{port}"
    guard.check()
    sock.settimeout(guard.io_timeout())
    conn.putrequest("GET", target, skip_host=True, skip_accept_encoding=True)
    conn.putheader("Host", host_header)
    conn.putheader("User-Agent", USER_AGENT)
    conn.putheader("Accept", "application/json")
    conn.putheader("Accept-Encoding", "identity")  # a bounded read must count the bytes that arrive
    conn.putheader("Connection", "close")
    conn.endheaders()
    response = conn.getresponse()
    guard.check_tripped()  # an EOF caused by the watcher is not an answer
    headers = {name.lower(): value for name, value in response.getheaders()}
    if response.status in REDIRECT_STATUSES and headers.get("location"):
        return Answer(url, response.status, headers)  # the body of a redirect says nothing worth reading
    body, over = _read_body(response, headers, sock, guard, max_body, host)
    return Answer(url, response.status, headers, body, over_limit=over)


def _read_body(response: http.client.HTTPResponse, headers: dict[str, str], sock: socket.socket, guard: Guard,
               max_body: int, host: str) -> tuple[bytes, bool]:
    declared = headers.get("content-length", "").strip()
    if declared.isdigit() and int(declared) > max_body:
        return b"", True
    chunks: list[bytes] = []
    size = 0
    # Python ≥ 3.13's http.client closes the connection – the socket with it – as soon as the last byte that
    # Content-Length announced is read: the loop asks the response, not the socket, whether more may come.
    while not response.isclosed():
        guard.check()
        sock.settimeout(guard.io_timeout())
        try:
            chunk = response.read1(_CHUNK)
        except http.client.IncompleteRead as exc:
            guard.check_tripped()
            chunks.append(exc.partial)  # the server hung up early: judge what came (truncated JSON)
            break
        except (ValueError, http.client.HTTPException):
            # A chunk size that is not a number, and the like: the server answered, but not in HTTP.
            guard.check_tripped()
            raise ProbeFailure("protocol", host) from None
        guard.check_tripped()
        if not chunk:
            break
        size += len(chunk)
        if size > max_body:
            return b"".join(chunks), True
        chunks.append(chunk)
    return b"".join(chunks), False


def _failure(exc: Exception, host: str, guard: Guard) -> ProbeFailure:
    if guard.tripped == "timeout":
        return ProbeFailure("timeout", host, guard.total)
    if isinstance(exc, _LookupTimeout):
        return ProbeFailure("dns_timeout", host, guard.limit)
    if isinstance(exc, socket.gaierror):
        return ProbeFailure("dns", host)
    if isinstance(exc, ConnectionRefusedError):
        return ProbeFailure("refused", host)
    if isinstance(exc, (TimeoutError, socket.timeout)):
        return ProbeFailure("timeout", host, guard.limit)  # the limit that bounded the call that timed out
    if isinstance(exc, ssl.SSLCertVerificationError):
        return ProbeFailure(certificate_problem(exc), host)
    if isinstance(exc, ssl.SSLError):
        return ProbeFailure("tls", host)
    if isinstance(exc, http.client.RemoteDisconnected):
        return ProbeFailure("closed", host)
    if isinstance(exc, http.client.HTTPException):
        return ProbeFailure("protocol", host)  # bytes came, but not HTTP: something answered, not a web server
    if isinstance(exc, ConnectionError):
        return ProbeFailure("closed", host)
    return ProbeFailure("network", host)


def _proxy_failure(exc: Exception, host: str, guard: Guard, proxy: Proxy) -> ProbeFailure:
    """Before the tunnel is open, whatever goes wrong is the proxy's, and the message names it."""
    if guard.tripped == "timeout":
        return ProbeFailure("proxy_timeout", host, guard.total, proxy=proxy.display)
    if isinstance(exc, (_LookupTimeout, TimeoutError, socket.timeout)):
        return ProbeFailure("proxy_timeout", host, guard.limit, proxy=proxy.display)
    if isinstance(exc, socket.gaierror):
        return ProbeFailure("proxy_dns", host, proxy=proxy.display)
    if isinstance(exc, ConnectionRefusedError):
        return ProbeFailure("proxy_refused", host, proxy=proxy.display)
    if isinstance(exc, ConnectionError):  # it hung up, or reset the connection, instead of answering
        return ProbeFailure("proxy_protocol", host, proxy=proxy.display)
    if isinstance(exc, OSError):  # no route to it, network down
        return ProbeFailure("proxy_unreachable", host, proxy=proxy.display)
    return ProbeFailure("proxy_protocol", host, proxy=proxy.display)
