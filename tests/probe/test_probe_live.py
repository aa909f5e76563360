"""The whole probe against real servers on 127.0.0.1: http, https with a local CA, and raw sockets that
misbehave. Short timeouts keep the suite fast; the production defaults are 5 s and 15 s."""
from __future__ import annotations

import socket
import threading
import time
from email.utils import parsedate_to_datetime

import pytest
from werkzeug import Response

from tests.probe.pronote import INFO_PATH, INFO_QUERY, PORTAL_PAGE, info_body, plain
from tests.wine import wine_limitation
from wizard.core.probe import Cancelled, probe_server

FAST = {"connect_timeout": 0.5, "total_timeout": 1.0}
MARGIN = 0.6  # the watcher looks every 50 ms; the rest is thread scheduling on a busy CI machine


def serve_info(server, body: bytes = None, **kwargs):
    server.expect_request(INFO_PATH, query_string=INFO_QUERY).respond_with_data(
        info_body() if body is None else body, content_type=kwargs.pop("content_type", "application/json"), **kwargs)


def root(server) -> str:
    return server.url_for("/pronote/")


# --- what the server says --------------------------------------------------------------------------------------

def test_delegation_to_occitanie_over_https(serve, tls_good, client_context):
    server = serve(tls_good)
    serve_info(server)
    result = probe_server(root(server) + "eleve.html?login=true", ssl_context=client_context)
    assert result.url == root(server)  # the page and query the admin pasted are dropped
    assert (result.reachable, result.is_pronote, result.outcome) == (True, True, "delegated")
    assert (result.school_name, result.version) == ("COLLEGE VIA DOMITIA", "2024 – 2.5")
    assert (result.cas_active, result.cas_host, result.delegated_to_ent) == (True, "cas.mon-ent-occitanie.fr", True)
    assert [space.genre for space in result.spaces] == ["eleve", "parent", "professeur", "direction"]
    assert plain(result.message).startswith("Serveur PRONOTE 2024 – 2.5")
    (request, _response), = server.log
    assert request.method == "GET"
    assert request.headers["User-Agent"].startswith("pronote-ent-wizard/")
    assert request.headers["Host"] == f"127.0.0.1:{server.port}"


def test_a_server_whose_date_is_a_year_from_this_pc_s_says_the_clock_is_wrong(serve, monkeypatch):
    """The server's answer carries its date (HTTP `Date`): a PC clock a year off is told with the finding – on
    the page (the message) and to the command (`clock_warning`) – and changes nothing of the finding itself."""
    server = serve()
    serve_info(server, headers={"Date": "Tue, 07 Dec 2027 12:00:00 GMT"})  # noon: that day in any time zone
    server_time = parsedate_to_datetime("Tue, 07 Dec 2027 12:00:00 GMT").timestamp()
    monkeypatch.setattr("wizard.core.dates.clock", lambda: server_time - 365 * 86400)
    result = probe_server(root(server))
    assert result.outcome == "delegated" and plain(result.finding).startswith("Serveur PRONOTE 2024 – 2.5")
    assert "serveur 127.0.0.1 indique le 07/12/2027" in plain(result.clock_warning)
    assert plain(result.message).endswith("\n" + plain(result.clock_warning)) and result.level == "warning"
    assert result.to_json()["clock_warning"] == result.clock_warning


def test_a_server_on_time_adds_nothing(serve):
    server = serve()
    serve_info(server)  # the test server sends its own date: this PC's
    result = probe_server(root(server))
    assert result.outcome == "delegated" and result.clock_warning == "" and "date" not in plain(result.message)
    assert result.level == "ok"


def test_https_by_name_checks_the_certificate_against_the_name(serve, tls_good, client_context):
    server = serve(tls_good)
    serve_info(server)
    result = probe_server(f"https://localhost:{server.port}/pronote/", ssl_context=client_context, **FAST)
    assert result.outcome == "delegated"


def test_cas_off(serve):
    server = serve()
    serve_info(server, info_body(cas_active=False))
    result = probe_server(root(server))
    assert (result.is_pronote, result.outcome, result.cas_active, result.delegated_to_ent) == (
        True, "cas_inactive", False, False)
    assert "CAS inactif" in plain(result.message)


def test_cas_to_another_ent(serve):
    server = serve()
    serve_info(server, info_body(cas_url="https://cas.ent-lr.fr/cas/login"))
    result = probe_server(root(server))
    assert (result.outcome, result.cas_host, result.delegated_to_ent) == ("cas_other", "cas.ent-lr.fr", False)
    assert "CAS vers un autre ENT : cas.ent-lr.fr" in plain(result.message)


def test_cas_host_comes_from_the_caller(serve):
    server = serve()
    serve_info(server, info_body(cas_url="https://cas.autre-ent.fr/"))
    result = probe_server(root(server), cas_host="CAS.autre-ent.fr", ent_name="Autre ENT")
    assert result.delegated_to_ent and "Autre ENT" in plain(result.message)


def test_html_portal_page(serve):
    server = serve()
    serve_info(server, PORTAL_PAGE, content_type="text/html; charset=utf-8")
    result = probe_server(root(server))
    assert (result.reachable, result.is_pronote, result.outcome) == (True, False, "not_pronote")
    assert "page web" in plain(result.message)


@pytest.mark.parametrize("status, words", [(404, "404 (page introuvable)"), (500, "500 (erreur interne du serveur)")])
def test_http_error_status(serve, status, words):
    server = serve()
    serve_info(server, b"<html>erreur</html>", status=status, content_type="text/html")
    result = probe_server(root(server))
    assert (result.reachable, result.is_pronote, result.outcome) == (True, False, "http_error")
    assert words in plain(result.message)


def test_truncated_json(serve):
    server = serve()
    serve_info(server, info_body()[:150])
    result = probe_server(root(server))
    assert result.outcome == "not_pronote" and "incomplète" in plain(result.message)


def test_server_hanging_up_in_the_middle_of_the_body(raw_server):
    body = info_body()

    def half(conn, stop):
        conn.recv(65536)
        conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                     b"Content-Length: %d\r\n\r\n" % len(body) + body[: len(body) // 2])

    result = probe_server(raw_server(half).url(), **FAST)
    assert (result.reachable, result.outcome) == (True, "not_pronote")
    assert "incomplète" in plain(result.message)


def test_huge_body_is_not_read_to_the_end(serve):
    server = serve()
    sent = {"bytes": 0}
    block = b"x" * 65536

    def endless(request):
        def stream():
            for _ in range(800):  # 50 MB if nobody stops reading
                sent["bytes"] += len(block)
                yield block
        return Response(stream(), content_type="application/json")

    server.expect_request(INFO_PATH).respond_with_handler(endless)
    start = time.monotonic()
    result = probe_server(root(server), max_body=1_000_000, total_timeout=10)
    assert time.monotonic() - start < 5
    assert (result.reachable, result.outcome) == (True, "not_pronote")
    assert "trop volumineuse" in plain(result.message)
    time.sleep(0.2)
    assert sent["bytes"] < 20_000_000  # the server was stopped by the closed connection, far before 50 MB


def test_declared_huge_body_is_not_read_at_all(raw_server):
    def declared(conn, stop):
        conn.recv(65536)
        conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: 52428800\r\n\r\n{")
        stop.wait(2)

    start = time.monotonic()
    result = probe_server(raw_server(declared).url(), max_body=1_000_000, total_timeout=5)
    assert time.monotonic() - start < 1
    assert "trop volumineuse" in plain(result.message)


# --- timeouts and cancellation ---------------------------------------------------------------------------------

def silent(conn, stop):
    stop.wait(10)  # accepts, reads nothing, sends nothing


def test_server_that_never_answers_times_out_within_the_deadline(raw_server):
    server = raw_server(silent)
    start = time.monotonic()
    result = probe_server(server.url(), **FAST)
    elapsed = time.monotonic() - start
    assert elapsed < FAST["total_timeout"] + MARGIN
    assert (result.reachable, result.outcome, result.reason) == (False, "unreachable", "timeout")
    assert "ne répond pas" in plain(result.message)
    assert server.accepted == 1


@pytest.mark.parametrize("where", ["headers", "body"])
def test_trickling_server_cannot_stretch_the_deadline(raw_server, where):
    def trickle(conn, stop):
        conn.recv(65536)
        if where == "body":
            conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: 100000\r\n\r\n")
        for byte in b"HTTP/1.1 200 OK\r\nX-Slow: " + b"a" * 10_000:
            if stop.wait(0.05):
                return
            conn.sendall(bytes([byte]))  # each byte resets a socket timeout: only the deadline stops this

    start = time.monotonic()
    result = probe_server(raw_server(trickle).url(), **FAST)
    assert time.monotonic() - start < FAST["total_timeout"] + MARGIN
    assert (result.reachable, result.reason) == (False, "timeout")


def test_cancel_stops_a_waiting_probe_quickly(raw_server):
    server = raw_server(silent)
    pressed = threading.Event()
    threading.Timer(0.2, pressed.set).start()
    start = time.monotonic()
    with pytest.raises(Cancelled):
        probe_server(server.url(), cancelled=pressed.is_set, connect_timeout=5, total_timeout=15)
    assert time.monotonic() - start < 1.0


@pytest.mark.parametrize("platform, closed", [("win32", True), ("linux", False), ("darwin", False)])
def test_the_deadline_wakes_the_socket_as_each_system_allows(monkeypatch, platform, closed):
    """A shutdown wakes a blocked receive on Linux and macOS, not under Wine (nor, by its documentation, surely on
    Windows), where only closing the socket cancels it: the watcher closes it there."""
    from wizard.core.probe import guard as guard_module

    monkeypatch.setattr(guard_module, "_platform", lambda: platform)
    ours, theirs = socket.socketpair()
    try:
        with guard_module.Guard(0.1, None) as guard:
            guard.attach(ours)
            while not guard.tripped:
                time.sleep(0.01)
        assert guard.tripped == "timeout"
        assert (ours.fileno() == -1) is closed
    finally:
        ours.close()
        theirs.close()


def test_cancelled_before_starting_connects_to_nothing(raw_server):
    server = raw_server(silent)
    with pytest.raises(Cancelled):
        probe_server(server.url(), cancelled=lambda: True)
    time.sleep(0.1)
    assert server.accepted == 0


def test_connection_refused():
    with socket.socket() as placeholder:  # bound, never listening: the port is free and nobody answers
        placeholder.bind(("127.0.0.1", 0))
        port = placeholder.getsockname()[1]
        result = probe_server(f"http://127.0.0.1:{port}/pronote/", **FAST)
    assert (result.reachable, result.outcome, result.reason) == (False, "unreachable", "refused")
    assert "refuse la connexion" in plain(result.message)


def test_server_closing_without_answering(raw_server):
    result = probe_server(raw_server(lambda conn, stop: conn.recv(65536)).url(), **FAST)
    assert (result.reachable, result.reason) == (False, "closed")


def test_something_that_is_not_http(raw_server):
    def smtp(conn, stop):
        conn.sendall(b"220 mail.example ESMTP ready\r\n")
        conn.recv(65536)

    result = probe_server(raw_server(smtp).url(), **FAST)
    assert (result.reachable, result.is_pronote, result.outcome) == (True, False, "not_pronote")


# --- certificates ----------------------------------------------------------------------------------------------

@pytest.mark.parametrize("context_fixture, reason, words", [
    ("tls_untrusted", "cert_untrusted", "n'est pas reconnu comme sûr"),
    ("tls_expired", "cert_expired", "a expiré"),
    ("tls_wrong_host", "cert_wrong_host", "n'est pas celui de 127.0.0.1"),
])
def test_bad_certificates_are_refused(request, serve, client_context, context_fixture, reason, words):
    server = serve(request.getfixturevalue(context_fixture))
    serve_info(server)
    result = probe_server(root(server), ssl_context=client_context, **FAST)
    assert (result.reachable, result.outcome, result.reason) == (False, "unreachable", reason)
    assert words in plain(result.message)
    assert server.log == []  # no request went over the untrusted connection


@wine_limitation("its crypt32 does not match IP addresses in a certificate's subjectAltName (CERT_E_CN_NO_MATCH "
                 "for 127.0.0.1) and accepts a certificate of an unknown CA when the name matches")
def test_default_context_verifies_against_the_system_store(serve, tls_good):
    server = serve(tls_good)  # the test CA is not in the system store
    serve_info(server)
    result = probe_server(root(server), **FAST)
    assert result.reason == "cert_untrusted"
    assert server.log == []


def test_https_to_a_plain_http_server(serve, client_context):
    server = serve()
    serve_info(server)
    result = probe_server(root(server).replace("http://", "https://"), ssl_context=client_context, **FAST)
    assert (result.reachable, result.reason) == (False, "tls")


# --- redirects -------------------------------------------------------------------------------------------------

def test_redirect_within_the_same_host_is_followed(serve):
    server = serve()
    server.expect_request(INFO_PATH).respond_with_data(
        "", status=302, headers={"Location": "/pronote/mobile/InfoMobileApp.json?" + INFO_QUERY})
    server.expect_request("/pronote/mobile/InfoMobileApp.json").respond_with_data(
        info_body(), content_type="application/json")
    result = probe_server(root(server))
    assert result.outcome == "delegated"
    assert len(server.log) == 2


@pytest.mark.parametrize("other_host", ["localhost", "127.0.0.1"])
def test_redirect_to_another_server_is_reported_not_followed(serve, other_host):
    elsewhere = serve()
    serve_info(elsewhere)
    target = f"http://{other_host}:{elsewhere.port}{INFO_PATH}?{INFO_QUERY}"  # another host, or another port
    server = serve()
    server.expect_request(INFO_PATH).respond_with_data("", status=301, headers={"Location": target})
    result = probe_server(root(server))
    assert (result.reachable, result.is_pronote, result.outcome) == (True, False, "redirected")
    assert f"({other_host})" in plain(result.message)
    assert elsewhere.log == []


def test_endless_same_host_redirects_stop_after_three(serve):
    server = serve()
    server.expect_request(INFO_PATH).respond_with_data("", status=307, headers={"Location": INFO_PATH + "?again"})
    result = probe_server(root(server))
    assert result.outcome == "redirected" and "trop de redirections" in plain(result.message)
    assert len(server.log) == 4  # the request and three redirects followed


# --- addresses refused before any connection -------------------------------------------------------------------

@pytest.mark.parametrize("typed", [
    "ftp://127.0.0.1/pronote/", "file:///etc/passwd", "javascript:alert(1)", "data:text/html,<b>x</b>",
    "mailto:admin@example.org", "pas une adresse", "", "https://", "http://user:secret@127.0.0.1/pronote/",
])
def test_refused_addresses(typed, outside_lookups, monkeypatch):
    def no_connection(*args, **kwargs):
        raise AssertionError("a refused address must not open a connection")

    monkeypatch.setattr(socket.socket, "connect", no_connection)
    result = probe_server(typed)
    assert (result.reachable, result.is_pronote, result.outcome) == (False, False, "refused_url")
    assert plain(result.message)
    assert outside_lookups == []


@pytest.mark.parametrize("typed, host", [("http://example.org/pronote/", "example.org"),
                                         ("http://192.0.2.10/pronote/", "192.0.2.10")])
def test_plain_http_is_only_for_loopback(typed, host, outside_lookups):
    result = probe_server(typed, **FAST)
    assert result.url == f"https://{host}/pronote/"  # upgraded by the normaliser: never plain http out there
    assert outside_lookups == [(host, 443)]  # …and the test's guard stopped it before the internet
    assert result.reason == "dns"


def test_ipv6_loopback(serve):
    try:
        server = serve(host="::1")
    except OSError:
        pytest.skip("no IPv6 loopback here")
    serve_info(server)
    result = probe_server(f"http://[::1]:{server.port}/pronote/", **FAST)
    assert result.outcome == "delegated"
    assert server.log[0][0].headers["Host"] == f"[::1]:{server.port}"
