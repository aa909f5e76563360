"""The check through the school's proxy: a loopback proxy records what it is asked. HTTPS_PROXY and NO_PROXY,
the proxy typed in the settings, loopback bypass, and a sentence of its own for each way a proxy refuses."""
from __future__ import annotations

import base64
import socket
import sys
import threading
import time

import pytest

from tests.probe.conftest import PROXY_ONLY_HOST
from tests.probe.pronote import INFO_PATH, INFO_QUERY, info_body, plain
from tests.wine import wine_limitation
from wizard.core.probe import Cancelled, probe_server

FAST = {"connect_timeout": 0.5, "total_timeout": 1.0}
SECRET = "m0t-de-passe-S3cret"


def pronote_behind(serve, tls_context):
    server = serve(tls_context)
    server.expect_request(INFO_PATH, query_string=INFO_QUERY).respond_with_data(info_body(),
                                                                               content_type="application/json")
    return server


def tunnel_to(recording_proxy, server):
    return recording_proxy(routes={f"{PROXY_ONLY_HOST}:443": server.port})


URL = f"https://{PROXY_ONLY_HOST}/pronote/"


# --- which proxy, and the tunnel -------------------------------------------------------------------------------

@pytest.mark.parametrize("variable", ["HTTPS_PROXY", "https_proxy", "ALL_PROXY"])
def test_https_proxy_gets_a_connect_and_the_name_is_never_resolved_here(
        serve, tls_proxy_only, client_context, recording_proxy, outside_lookups, monkeypatch, variable):
    server = pronote_behind(serve, tls_proxy_only)
    proxy = tunnel_to(recording_proxy, server)
    monkeypatch.setenv(variable, proxy.url())
    result = probe_server(URL, ssl_context=client_context)
    assert (result.outcome, result.level, result.school_name) == ("delegated", "ok", "COLLEGE VIA DOMITIA")
    (line, headers), = proxy.requests
    assert line == f"CONNECT {PROXY_ONLY_HOST}:443 HTTP/1.1"
    assert headers["host"] == f"{PROXY_ONLY_HOST}:443"
    assert "proxy-authorization" not in headers
    assert outside_lookups == []  # the proxy resolved the name; this side never asked the DNS
    (request, _), = server.log
    assert request.headers["Host"] == PROXY_ONLY_HOST  # inside the tunnel, the server's own name


def test_no_proxy_sends_the_check_direct(recording_proxy, outside_lookups, monkeypatch):
    proxy = recording_proxy()
    monkeypatch.setenv("HTTPS_PROXY", proxy.url())
    monkeypatch.setenv("NO_PROXY", "autre.example, .seul-le-proxy.test")
    result = probe_server(URL, **FAST)
    assert proxy.requests == []
    assert outside_lookups == [(PROXY_ONLY_HOST, 443)]  # direct: its own lookup, stopped by the tests' guard
    assert result.reason == "dns"


def test_http_proxy_is_for_http_addresses_only(recording_proxy, outside_lookups, monkeypatch):
    proxy = recording_proxy()
    monkeypatch.setenv("HTTP_PROXY", proxy.url())
    probe_server(URL, **FAST)
    assert proxy.requests == [] and outside_lookups == [(PROXY_ONLY_HOST, 443)]


def test_the_typed_proxy_wins_over_the_system_one(serve, tls_proxy_only, client_context, recording_proxy,
                                                  outside_lookups, monkeypatch):
    server = pronote_behind(serve, tls_proxy_only)
    typed = tunnel_to(recording_proxy, server)
    system = recording_proxy()
    monkeypatch.setenv("HTTPS_PROXY", system.url())
    monkeypatch.setenv("NO_PROXY", PROXY_ONLY_HOST)  # the system's bypass list does not apply to a typed proxy
    result = probe_server(URL, proxy=typed.url(), ssl_context=client_context)
    assert result.outcome == "delegated"
    assert len(typed.requests) == 1 and system.requests == []
    assert outside_lookups == []


def test_typed_credentials_go_in_proxy_authorization_and_nowhere_else(serve, tls_proxy_only, client_context,
                                                                      recording_proxy):
    server = pronote_behind(serve, tls_proxy_only)
    proxy = tunnel_to(recording_proxy, server)
    result = probe_server(URL, proxy=proxy.url(f"prof%40clg:{SECRET}@"), ssl_context=client_context)
    assert result.outcome == "delegated"
    (_, headers), = proxy.requests
    assert headers["proxy-authorization"] == "Basic " + base64.b64encode(f"prof@clg:{SECRET}".encode()).decode()
    (request, _), = server.log
    assert "Proxy-Authorization" not in request.headers  # never inside the tunnel, to the server
    assert SECRET not in repr(result)


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost"])
def test_loopback_never_goes_through_a_proxy(serve, recording_proxy, monkeypatch, host):
    server = serve()
    server.expect_request(INFO_PATH).respond_with_data(info_body(), content_type="application/json")
    proxy = recording_proxy()
    monkeypatch.setenv("HTTPS_PROXY", proxy.url())
    monkeypatch.setenv("HTTP_PROXY", proxy.url())
    for typed in (None, proxy.url()):
        result = probe_server(f"http://{host}:{server.port}/pronote/", proxy=typed)
        assert result.outcome == "delegated"
    assert proxy.requests == []


@wine_limitation("its crypt32 accepts a certificate of an unknown CA when the name matches (truststore then "
                 "trusts the test CA)")
def test_a_proxy_that_intercepts_tls_is_refused_until_the_system_trusts_it(serve, tls_proxy_only, recording_proxy,
                                                                           monkeypatch):
    """A TLS-inspecting proxy whose certificate the system does not trust: the message names the proxy and the
    certificate store."""
    server = pronote_behind(serve, tls_proxy_only)
    proxy = tunnel_to(recording_proxy, server)
    monkeypatch.setenv("HTTPS_PROXY", proxy.url())
    untrusted = probe_server(URL, **FAST)
    assert untrusted.reason == "cert_untrusted"
    assert f"interrompue. Si le proxy 127.0.0.1:{proxy.port}" in plain(untrusted.message)
    assert "magasin de certificats" in plain(untrusted.message)


@pytest.mark.skipif(sys.platform != "linux", reason="SSL_CERT_FILE is OpenSSL's: Windows and macOS have their stores")
def test_a_proxy_that_intercepts_tls_is_trusted_through_the_system_store(
        serve, tls_proxy_only, recording_proxy, ca, tmp_path, monkeypatch):
    """The académie's certificate installed in the system's store (here SSL_CERT_FILE, which truststore reads on
    Linux) makes a TLS-inspecting proxy just work – no context passed in, the production one."""
    server = pronote_behind(serve, tls_proxy_only)
    proxy = tunnel_to(recording_proxy, server)
    monkeypatch.setenv("HTTPS_PROXY", proxy.url())
    assert probe_server(URL, **FAST).reason == "cert_untrusted"
    bundle = tmp_path / "academie.pem"
    ca.cert_pem.write_to_path(str(bundle))
    monkeypatch.setenv("SSL_CERT_FILE", str(bundle))
    assert probe_server(URL).outcome == "delegated"


# --- each way a proxy refuses ----------------------------------------------------------------------------------

def _answer(status: str, *headers: str) -> bytes:
    return ("\r\n".join([f"HTTP/1.1 {status}", *headers, "Content-Length: 0"]) + "\r\n\r\n").encode()


@pytest.mark.parametrize("answer, reason, words", [
    (_answer("407 Proxy Authentication Required", 'Proxy-Authenticate: Basic realm="clg"'), "proxy_auth",
     "demande un identifiant et un mot de passe"),
    (_answer("407 Proxy Authentication Required"), "proxy_auth", "demande un identifiant"),
    (_answer("407 Proxy Authentication Required", "Proxy-Authenticate: NTLM", "Proxy-Authenticate: Negotiate"),
     "proxy_auth_unsupported", "authentification Windows"),
    (_answer("403 Forbidden"), "proxy_denied", "refuse l'accès au serveur pronote.seul-le-proxy.test (réponse 403)"),
    (_answer("502 Bad Gateway"), "proxy_failed",
     "n'a pas pu joindre le serveur pronote.seul-le-proxy.test (réponse 502)"),
    (_answer("503 Service Unavailable"), "proxy_failed", "(réponse 503)"),
    (b"SSH-2.0-OpenSSH_9.6\r\n", "proxy_protocol", "n'a pas répondu comme un proxy web"),
    (b"HTTP/1.1 200 OK\r\n\r\nnot a tunnel", "proxy_protocol", "n'a pas répondu comme un proxy web"),
    (b"HTTP/1.1 200 OK\r\n", "proxy_protocol", "n'a pas répondu comme un proxy web"),
    (b"", "proxy_protocol", "n'a pas répondu comme un proxy web"),
    (b"HTTP/1.1 200 OK\r\nX: " + b"a" * 100_000, "proxy_protocol", "n'a pas répondu comme un proxy web"),
])
def test_proxy_refusals_have_their_own_sentence_naming_the_proxy(recording_proxy, outside_lookups, monkeypatch,
                                                                  answer, reason, words):
    proxy = recording_proxy(answer=answer)
    monkeypatch.setenv("HTTPS_PROXY", proxy.url())
    result = probe_server(URL, **FAST)
    assert (result.outcome, result.reason, result.level) == ("unreachable", reason, "error")
    assert words in plain(result.message)
    assert f"127.0.0.1:{proxy.port}" in plain(result.message)
    assert outside_lookups == []


def test_407_with_credentials_says_they_were_refused_without_repeating_them(recording_proxy):
    proxy = recording_proxy(answer=_answer("407 Proxy Authentication Required", "Proxy-Authenticate: Basic"))
    result = probe_server(URL, proxy=proxy.url(f"admin:{SECRET}@"), **FAST)
    assert result.reason == "proxy_auth_rejected"
    assert "a refusé l'identifiant ou le mot de passe" in plain(result.message)
    assert SECRET not in plain(result.message) and "admin" not in plain(result.message)
    assert SECRET not in repr(result)


def test_a_proxy_refusing_the_connection(monkeypatch):
    with socket.socket() as placeholder:  # bound, never listening: nobody answers on that port
        placeholder.bind(("127.0.0.1", 0))
        port = placeholder.getsockname()[1]
        monkeypatch.setenv("HTTPS_PROXY", f"http://127.0.0.1:{port}")
        result = probe_server(URL, **FAST)
    assert (result.reason, result.level) == ("proxy_refused", "error")
    assert f"Le proxy 127.0.0.1:{port} refuse la connexion" in plain(result.message)


def test_a_proxy_whose_name_is_unknown(monkeypatch, outside_lookups):
    monkeypatch.setenv("HTTPS_PROXY", "http://proxy.inconnu.test:3128")
    result = probe_server(URL, **FAST)
    assert result.reason == "proxy_dns" and "Le proxy proxy.inconnu.test:3128 est introuvable" in plain(result.message)
    assert outside_lookups == [("proxy.inconnu.test", 3128)]  # the proxy's name, never the server's


def test_a_silent_proxy_times_out_with_the_true_delay(raw_server, monkeypatch):
    server = raw_server(lambda conn, stop: stop.wait(10))
    monkeypatch.setenv("HTTPS_PROXY", f"http://127.0.0.1:{server.port}")
    start = time.monotonic()
    result = probe_server(URL, connect_timeout=0.3, total_timeout=0.8)
    assert time.monotonic() - start < 1.5
    assert result.reason == "proxy_timeout"
    assert "Le proxy 127.0.0.1" in plain(result.message) and "(délai de 0,8 s dépassé)" in plain(result.message)


def test_cancel_while_the_proxy_is_silent(raw_server, monkeypatch):
    server = raw_server(lambda conn, stop: stop.wait(10))
    monkeypatch.setenv("HTTPS_PROXY", f"http://127.0.0.1:{server.port}")
    pressed = threading.Event()
    threading.Timer(0.2, pressed.set).start()
    start = time.monotonic()
    with pytest.raises(Cancelled):
        probe_server(URL, cancelled=pressed.is_set, connect_timeout=5, total_timeout=15)
    assert time.monotonic() - start < 1.0


@pytest.mark.parametrize("setting, reason, words", [
    (f"socks5://prof:{SECRET}@127.0.0.1:1080", "proxy_unsupported", "Le proxy socks5://127.0.0.1:1080 n'est pas"),
    ("https://127.0.0.1:3128", "proxy_unsupported", "https://127.0.0.1:3128"),
    ("http://proxy:notaport", "proxy_invalid", "rien n'a été envoyé"),
    ("http://pro xy:3128", "proxy_invalid", "rien n'a été envoyé"),
])
def test_a_system_proxy_that_cannot_be_used_sends_nothing(monkeypatch, outside_lookups, setting, reason, words):
    def no_connection(*args, **kwargs):
        raise AssertionError("nothing may be sent")

    monkeypatch.setenv("HTTPS_PROXY", setting)
    monkeypatch.setattr(socket.socket, "connect", no_connection)
    result = probe_server(URL)
    assert (result.reason, result.level) == (reason, "error")
    assert words in plain(result.message) and SECRET not in plain(result.message)
    assert outside_lookups == []


def test_a_trickling_proxy_cannot_stretch_the_deadline(raw_server, monkeypatch):
    def trickle(conn, stop):
        conn.recv(65536)
        for byte in b"HTTP/1.1 200 OK\r\nX-Slow: " + b"a" * 10_000:
            if stop.wait(0.05):
                return
            conn.sendall(bytes([byte]))  # each byte resets a socket timeout: only the deadline stops this

    monkeypatch.setenv("HTTPS_PROXY", f"http://127.0.0.1:{raw_server(trickle).port}")
    start = time.monotonic()
    result = probe_server(URL, **FAST)
    assert time.monotonic() - start < FAST["total_timeout"] + 0.6
    assert result.reason == "proxy_timeout" and "(délai de 1 s dépassé)" in plain(result.message)


def test_an_invalid_typed_proxy_sends_nothing_and_does_not_repeat_it(monkeypatch, outside_lookups):
    monkeypatch.setattr(socket.socket, "connect", lambda *a: (_ for _ in ()).throw(AssertionError("sent")))
    result = probe_server(URL, proxy=f"http://admin:{SECRET}@proxy")  # no port
    assert result.reason == "proxy_invalid" and SECRET not in plain(result.message)
    assert outside_lookups == []
