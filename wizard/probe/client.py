"""The transport of the server check: one bounded GET, stdlib only (no Qt, no third-party HTTP library).

What it guarantees, because the admin clicks a button and waits: a connect timeout and a total deadline that
hold whatever the server does (silent, trickling bytes, slow DNS), a bounded body, redirects followed only
within the same origin, cancellation that takes effect within a fraction of a second, and TLS verified
against the system trust store unless the caller passes its own context (tests, with a local CA).

It reports what happened (`Answer`) or why nothing could be read (`ProbeFailure`); judge.py says what it means.
"""
from __future__ import annotations

import http.client
import socket
import ssl
import threading
import time
from dataclasses import dataclass, field, replace
from typing import Callable
from urllib.parse import urljoin, urlsplit

from wizard import __version__

USER_AGENT = f"pronote-ent-wizard/{__version__} (assistant d'interconnexion PRONOTE)"
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
_CHUNK = 64 * 1024
_WATCH_INTERVAL = 0.05  # how often the watcher looks at the deadline and the Cancel button

# OpenSSL verify codes worth a precise sentence; every other verification failure is « not trusted ».
_CERT_EXPIRED = {9, 10}  # not yet valid, expired
_CERT_WRONG_HOST = {62, 64}  # hostname mismatch, IP address mismatch


class Cancelled(Exception):
    """The admin cancelled the check; the GUI worker reports this as « cancelled », not as a failure."""


class ProbeFailure(Exception):
    """Nothing usable could be read from the server. `reason` is a code judge.py turns into French:
    dns, refused, timeout, closed, network, cert_untrusted, cert_expired, cert_wrong_host, tls, protocol."""

    def __init__(self, reason: str, host: str, seconds: float = 0.0):
        super().__init__(reason)
        self.reason = reason
        self.host = host
        self.seconds = seconds


@dataclass(frozen=True)
class Answer:
    url: str  # the URL that gave this answer (after same-origin redirects)
    status: int
    headers: dict[str, str] = field(default_factory=dict)  # names in lower case
    body: bytes = b""
    over_limit: bool = False  # the body was larger than allowed and was not read to the end
    redirect: str = ""  # absolute target of a redirect that was not followed
    redirects_exhausted: bool = False  # same-origin redirects went on past the allowed number


def origin(url: str) -> tuple[str, str, int]:
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    try:
        port = parts.port
    except ValueError:
        port = None
    return scheme, (parts.hostname or "").lower().rstrip("."), port or (443 if scheme == "https" else 80)


def fetch(
    url: str,
    *,
    connect_timeout: float,
    total_timeout: float,
    max_body: int,
    max_redirects: int,
    ssl_context: ssl.SSLContext | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> Answer:
    """GET `url`, following at most `max_redirects` same-origin redirects. Raises ProbeFailure or Cancelled.

    `cancelled` is also called from a watcher thread, so it must be thread-safe (a threading.Event's is_set is).
    """
    context = ssl_context if ssl_context is not None else ssl.create_default_context()
    with _Guard(total_timeout, cancelled) as guard:
        current = url
        for hop in range(max_redirects + 1):
            answer = _exchange(current, guard, context, connect_timeout, max_body, total_timeout)
            location = answer.headers.get("location", "")
            if answer.status not in REDIRECT_STATUSES or not location:
                return answer
            target = urljoin(current, location)
            if origin(target) != origin(current):
                # A portal or another server: following it would send the check somewhere the admin never typed.
                return replace(answer, redirect=target)
            if hop == max_redirects:
                return replace(answer, redirect=target, redirects_exhausted=True)
            current = target
    raise AssertionError("unreachable")  # pragma: no cover - the loop always returns


def _exchange(url: str, guard: _Guard, context: ssl.SSLContext, connect_timeout: float, max_body: int,
              total_timeout: float) -> Answer:
    parts = urlsplit(url)
    scheme, host, port = origin(url)
    try:
        guard.check()
        sock = _connect(host, port, guard, connect_timeout)
        try:
            if scheme == "https":
                guard.check()
                sock.settimeout(guard.remaining_for_io())
                sock = _wrap_tls(sock, host, context, guard)
            return _request(url, parts, host, port, scheme, sock, guard, max_body)
        finally:
            guard.release(sock)
    except (Cancelled, ProbeFailure):
        raise
    except Exception as exc:  # noqa: BLE001 - every transport error becomes one reason code
        raise _failure(exc, host, guard, connect_timeout, total_timeout) from None


def _connect(host: str, port: int, guard: _Guard, connect_timeout: float) -> socket.socket:
    addresses = _resolve(host, port, guard, connect_timeout)
    last: Exception | None = None
    for family, kind, proto, _name, address in addresses:
        guard.check()
        sock = socket.socket(family, kind, proto)
        guard.attach(sock)
        try:
            sock.settimeout(min(connect_timeout, guard.remaining_for_io()))
            sock.connect(address)
            return sock
        except OSError as exc:
            guard.release(sock)
            last = exc
            if guard.tripped:
                break
    raise last if last is not None else socket.gaierror(socket.EAI_NONAME, "no address")


def _resolve(host: str, port: int, guard: _Guard, connect_timeout: float) -> list:
    """getaddrinfo has no timeout of its own: run it aside and stop waiting at the deadline or on Cancel."""
    outcome: dict = {}
    done = threading.Event()

    def lookup() -> None:
        try:
            outcome["value"] = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
        except BaseException as exc:  # noqa: BLE001 - handed back to the waiting thread
            outcome["error"] = exc
        finally:
            done.set()

    threading.Thread(target=lookup, name="probe-dns", daemon=True).start()
    limit = time.monotonic() + connect_timeout
    while not done.wait(_WATCH_INTERVAL):
        guard.check()
        if time.monotonic() >= limit:
            raise socket.gaierror(socket.EAI_AGAIN, "lookup timed out")
    if "error" in outcome:
        raise outcome["error"]
    return outcome["value"]


def _wrap_tls(sock: socket.socket, host: str, context: ssl.SSLContext, guard: _Guard) -> ssl.SSLSocket:
    tls = context.wrap_socket(sock, server_hostname=host, do_handshake_on_connect=False)
    guard.attach(tls)
    try:
        tls.do_handshake()
    except BaseException:
        guard.release(tls)
        raise
    return tls


def _request(url: str, parts, host: str, port: int, scheme: str, sock: socket.socket, guard: _Guard,
             max_body: int) -> Answer:
    conn = http.client.HTTPConnection(host, port)
    conn.sock = sock  # already connected (and wrapped): http.client only speaks HTTP over it
    target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    default_port = 443 if scheme == "https" else 80
    host_header = f"[{host}]" if ":" in host else host
    if port != default_port:
        host_header += f":{port}"
    guard.check()
    sock.settimeout(guard.remaining_for_io())
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
    body, over = _read_body(response, headers, sock, guard, max_body)
    return Answer(url, response.status, headers, body, over_limit=over)


def _read_body(response: http.client.HTTPResponse, headers: dict[str, str], sock: socket.socket, guard: _Guard,
               max_body: int) -> tuple[bytes, bool]:
    declared = headers.get("content-length", "").strip()
    if declared.isdigit() and int(declared) > max_body:
        return b"", True
    chunks: list[bytes] = []
    size = 0
    while True:
        guard.check()
        sock.settimeout(guard.remaining_for_io())
        try:
            chunk = response.read1(_CHUNK)
        except http.client.IncompleteRead as exc:
            guard.check_tripped()
            chunks.append(exc.partial)  # the server hung up early: judge what came (truncated JSON)
            break
        guard.check_tripped()
        if not chunk:
            break
        size += len(chunk)
        if size > max_body:
            return b"".join(chunks), True
        chunks.append(chunk)
    return b"".join(chunks), False


def _failure(exc: Exception, host: str, guard: _Guard, connect_timeout: float, total_timeout: float) -> ProbeFailure:
    if guard.tripped == "cancelled":
        raise Cancelled()
    if guard.tripped == "timeout":
        return ProbeFailure("timeout", host, total_timeout)
    if isinstance(exc, socket.gaierror):
        return ProbeFailure("dns", host)
    if isinstance(exc, ConnectionRefusedError):
        return ProbeFailure("refused", host)
    if isinstance(exc, (TimeoutError, socket.timeout)):
        return ProbeFailure("timeout", host, connect_timeout)
    if isinstance(exc, ssl.SSLCertVerificationError):
        code = getattr(exc, "verify_code", None)
        if code in _CERT_EXPIRED:
            return ProbeFailure("cert_expired", host)
        if code in _CERT_WRONG_HOST:
            return ProbeFailure("cert_wrong_host", host)
        return ProbeFailure("cert_untrusted", host)
    if isinstance(exc, ssl.SSLError):
        return ProbeFailure("tls", host)
    if isinstance(exc, http.client.RemoteDisconnected):
        return ProbeFailure("closed", host)
    if isinstance(exc, http.client.HTTPException):
        return ProbeFailure("protocol", host)  # bytes came, but not HTTP: something answered, not a web server
    if isinstance(exc, ConnectionError):
        return ProbeFailure("closed", host)
    return ProbeFailure("network", host)


class _Guard:
    """Holds the total deadline and the Cancel button over every blocking call.

    Socket timeouts alone cannot: a server that sends one byte a second resets them forever, and getaddrinfo
    ignores them. A watcher thread shuts the current socket down when time is up or Cancel is pressed, which
    wakes whatever call is blocked on it; the socket timeouts stay as a second line.
    """

    def __init__(self, total_timeout: float, cancelled: Callable[[], bool] | None):
        self.deadline = time.monotonic() + total_timeout
        self._cancelled = cancelled or (lambda: False)
        self._lock = threading.Lock()
        self._sock: socket.socket | None = None
        self._stop = threading.Event()
        self.tripped = ""  # "", "timeout" or "cancelled"
        self._watcher = threading.Thread(target=self._watch, name="probe-deadline", daemon=True)

    def __enter__(self) -> _Guard:
        self._watcher.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._watcher.join()

    def remaining_for_io(self) -> float:
        return max(self.deadline - time.monotonic(), 0.001)

    def check(self) -> None:
        """Between steps: stop here if Cancel was pressed or the time is up."""
        if self.tripped == "cancelled" or self._cancelled():
            raise Cancelled()
        if self.tripped == "timeout" or time.monotonic() >= self.deadline:
            self.tripped = self.tripped or "timeout"
            raise TimeoutError("deadline")

    def check_tripped(self) -> None:
        """After a read: an end of stream may be the watcher's doing, not the server's."""
        if self.tripped == "cancelled":
            raise Cancelled()
        if self.tripped == "timeout":
            raise TimeoutError("deadline")

    def attach(self, sock: socket.socket) -> None:
        with self._lock:
            self._sock = sock

    def release(self, sock: socket.socket) -> None:
        with self._lock:  # never close while the watcher is shutting the same socket down
            if self._sock is sock:
                self._sock = None
            sock.close()

    def _watch(self) -> None:
        while not self._stop.wait(_WATCH_INTERVAL):
            if self._cancelled():
                self._trip("cancelled")
            elif time.monotonic() >= self.deadline:
                self._trip("timeout")
            if self.tripped:
                return

    def _trip(self, why: str) -> None:
        with self._lock:
            self.tripped = why
            if self._sock is not None:
                try:
                    # The plain-socket shutdown, also for a TLS socket: it only wakes the blocked reader.
                    socket.socket.shutdown(self._sock, socket.SHUT_RDWR)
                except OSError:
                    pass
