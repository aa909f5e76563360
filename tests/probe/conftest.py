"""Local servers for the probe tests: pytest-httpserver over http and https (a trustme CA), and raw sockets that
misbehave. Nothing here may reach beyond loopback: name lookups for other hosts fail and are recorded."""
from __future__ import annotations

import datetime
import socket
import ssl
import threading

import pytest
import trustme
from pytest_httpserver import HTTPServer

from wizard.core.hosts import is_loopback
from wizard.core.probe import proxy as proxy_module


@pytest.fixture(autouse=True)
def outside_lookups(monkeypatch):
    """Every getaddrinfo for a non-loopback host is refused and recorded: tests assert the list is empty (or
    holds exactly the https lookup they expect), so no test can touch the internet by mistake."""
    real = socket.getaddrinfo
    calls: list[tuple] = []

    def loopback_only(host, port, *args, **kwargs):
        name = host.decode() if isinstance(host, bytes) else host
        if name is None or is_loopback(str(name)):
            return real(host, port, *args, **kwargs)
        calls.append((name, port))
        raise socket.gaierror(socket.EAI_NONAME, f"tests: no lookup outside loopback ({name})")

    monkeypatch.setattr(socket, "getaddrinfo", loopback_only)
    return calls


@pytest.fixture(scope="session")
def ca():
    return trustme.CA()


@pytest.fixture(scope="session")
def client_context(ca):
    """What the probe uses in production (the system store) plus the test CA."""
    context = ssl.create_default_context()
    ca.configure_trust(context)
    return context


def server_context(cert) -> ssl.SSLContext:
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    cert.configure_cert(context)
    return context


@pytest.fixture(scope="session")
def tls_good(ca):
    return server_context(ca.issue_cert("127.0.0.1", "localhost"))


@pytest.fixture(scope="session")
def tls_untrusted():
    return server_context(trustme.CA().issue_cert("127.0.0.1", "localhost"))  # a CA the client never heard of


@pytest.fixture(scope="session")
def tls_expired(ca):
    past = datetime.datetime(2020, 1, 1, tzinfo=datetime.timezone.utc)
    return server_context(ca.issue_cert("127.0.0.1", "localhost", not_before=past - datetime.timedelta(days=30),
                                        not_after=past))


@pytest.fixture(scope="session")
def tls_wrong_host(ca):
    return server_context(ca.issue_cert("pronote.autre-college.example"))


@pytest.fixture(scope="session")
def _server_pool():
    """pytest-httpserver servers kept for the session: stopping one waits for werkzeug's 0.5 s poll."""
    pool: dict[tuple, list[HTTPServer]] = {}
    yield pool
    stoppers = [threading.Thread(target=server.stop) for servers in pool.values() for server in servers
                if server.is_running()]
    for thread in stoppers:
        thread.start()
    for thread in stoppers:
        thread.join()


@pytest.fixture
def serve(_server_pool):
    """A pytest-httpserver on 127.0.0.1 (optionally https), fresh for this test: its handlers and log are
    cleared afterwards. Asking twice for the same kind gives two distinct servers."""
    used: dict[tuple, int] = {}

    def start(ssl_context: ssl.SSLContext | None = None, host: str = "127.0.0.1") -> HTTPServer:
        key = (id(ssl_context), host)
        servers = _server_pool.setdefault(key, [])
        index = used.get(key, 0)
        if index == len(servers):
            server = HTTPServer(host=host, port=0, ssl_context=ssl_context, threaded=True)
            server.start()
            servers.append(server)
        used[key] = index + 1
        return servers[index]

    yield start
    for key, count in used.items():
        for server in _server_pool[key][:count]:
            server.clear()


class RawServer:
    """A TCP listener on 127.0.0.1 whose connections are handed to `behaviour(conn, stop)`."""

    def __init__(self, behaviour):
        self.behaviour = behaviour
        self.stop = threading.Event()
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.accepted = 0
        self.threads: list[threading.Thread] = []
        self.listener.settimeout(0.05)
        self.thread = threading.Thread(target=self._accept, daemon=True)
        self.thread.start()

    def url(self, scheme: str = "http") -> str:
        return f"{scheme}://127.0.0.1:{self.port}/pronote/"

    def _accept(self) -> None:
        while not self.stop.is_set():
            try:
                conn, _ = self.listener.accept()
            except OSError:
                continue
            self.accepted += 1
            thread = threading.Thread(target=self._serve, args=(conn,), daemon=True)
            thread.start()
            self.threads.append(thread)

    def _serve(self, conn: socket.socket) -> None:
        with conn:
            try:
                self.behaviour(conn, self.stop)
            except OSError:
                pass  # the client hung up, which is what these tests want

    def close(self) -> None:
        self.stop.set()
        self.thread.join(2)
        for thread in self.threads:
            thread.join(2)
        self.listener.close()


@pytest.fixture
def raw_server():
    servers: list[RawServer] = []

    def start(behaviour) -> RawServer:
        server = RawServer(behaviour)
        servers.append(server)
        return server

    yield start
    for server in servers:
        server.close()


PROXY_VARIABLES = ("http_proxy", "https_proxy", "all_proxy", "no_proxy")


@pytest.fixture(autouse=True)
def no_system_proxy(monkeypatch):
    """No proxy variable from the machine running the tests, and on Windows no automatic configuration of its
    Internet Options (WPAD would search the network): each test sets the ones it is about."""
    for name in PROXY_VARIABLES:
        monkeypatch.delenv(name, raising=False)
        monkeypatch.delenv(name.upper(), raising=False)
    monkeypatch.setattr(proxy_module, "_windows_automatic", lambda url, timeout, cancelled: None)


# A name no DNS knows (.test is reserved): only the recording proxy can reach it, so a check that succeeds
# with it went through the proxy.
PROXY_ONLY_HOST = "pronote.seul-le-proxy.test"


@pytest.fixture(scope="session")
def tls_proxy_only(ca):
    return server_context(ca.issue_cert(PROXY_ONLY_HOST))


class RecordingProxy:
    """A loopback http proxy that records each request head and answers as told.

    `answer` (bytes) is sent back to every request, then the connection closes; without it, `CONNECT name:port`
    for a name in `routes` opens a tunnel to that loopback port (the proxy is the only one that knows the name),
    and any other target gets 502."""

    def __init__(self, raw_server, answer: bytes | None = None, routes: dict[str, int] | None = None):
        self.answer = answer
        self.routes = routes or {}
        self.requests: list[tuple[str, dict[str, str]]] = []
        self.server = raw_server(self._serve)

    @property
    def port(self) -> int:
        return self.server.port

    def url(self, userinfo: str = "") -> str:
        return f"http://{userinfo}127.0.0.1:{self.port}"

    def _serve(self, conn: socket.socket, stop: threading.Event) -> None:
        conn.settimeout(5)
        head = b""
        while b"\r\n\r\n" not in head:
            chunk = conn.recv(4096)
            if not chunk:
                return
            head += chunk
        first, *lines = head.split(b"\r\n\r\n", 1)[0].decode("latin-1").split("\r\n")
        headers = {}
        for line in lines:
            name, _, value = line.partition(":")
            headers[name.strip().lower()] = value.strip()
        self.requests.append((first, headers))
        if self.answer is not None:
            conn.sendall(self.answer)
            return
        method, target, _ = first.split(" ", 2)
        if method != "CONNECT" or target not in self.routes:
            conn.sendall(b"HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\n\r\n")
            return
        with socket.create_connection(("127.0.0.1", self.routes[target])) as upstream:
            conn.sendall(b"HTTP/1.1 200 Connection established\r\n\r\n")
            _pipe(conn, upstream, stop)


def _pipe(a: socket.socket, b: socket.socket, stop: threading.Event) -> None:
    import selectors

    with selectors.DefaultSelector() as selector:
        selector.register(a, selectors.EVENT_READ, b)
        selector.register(b, selectors.EVENT_READ, a)
        while not stop.is_set():
            for key, _ in selector.select(0.05):
                data = key.fileobj.recv(65536)
                if not data:
                    return
                key.data.sendall(data)


@pytest.fixture
def recording_proxy(raw_server):
    def start(answer: bytes | None = None, routes: dict[str, int] | None = None) -> RecordingProxy:
        return RecordingProxy(raw_server, answer, routes)

    return start
