"""`python main.py probe URL [--json]` in a subprocess: exit codes, output, no traceback and no Qt.

Exit 0: a PRONOTE that delegates to this ENT; 1: a PRONOTE that does not (CAS inactive or another CAS server);
2: nothing usable read (refused, unreachable, not PRONOTE, an HTTP error)."""
from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from tests.probe.pronote import INFO_PATH, INFO_QUERY, PORTAL_PAGE, info_body, plain

ROOT = Path(__file__).resolve().parents[2]


def run_cli(*args: str, env_extra: dict | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    env.pop("SSL_CERT_FILE", None)  # only the test that sets it may trust the test CA
    env.update(env_extra or {})
    return subprocess.run([sys.executable, "main.py", "probe", *args], cwd=ROOT, env=env, capture_output=True,
                          text=True, encoding="utf-8", timeout=30)


def serve_info(server, body: bytes, content_type: str = "application/json") -> str:
    server.expect_request(INFO_PATH, query_string=INFO_QUERY).respond_with_data(body, content_type=content_type)
    return server.url_for("/pronote/")


def test_exit_0_with_json(serve):
    url = serve_info(serve(), info_body())
    done = run_cli(url, "--json")
    assert done.returncode == 0, plain(done.stderr)
    data = json.loads(done.stdout)
    assert {"reachable", "school_name", "version", "cas_active", "cas_host", "delegated_to_ent", "spaces",
            "message"} <= set(data)
    assert data["version"] == "2024 – 2.5" and data["delegated_to_ent"] is True
    assert data["outcome"] == "delegated"


def test_a_server_date_years_from_this_pc_s_is_told_on_stderr_and_in_the_json(serve):
    server = serve()
    server.expect_request(INFO_PATH, query_string=INFO_QUERY).respond_with_data(
        info_body(), content_type="application/json", headers={"Date": "Tue, 07 Dec 2060 12:00:00 GMT"})
    url = server.url_for("/pronote/")
    done = run_cli(url)
    assert done.returncode == 0, plain(done.stderr)
    assert "Version : 2024 – 2.5" in plain(done.stdout) and "semble fausse" not in done.stdout
    assert "La date de cet ordinateur semble fausse" in plain(done.stderr) and "07/12/2060" in done.stderr
    data = json.loads(run_cli(url, "--json").stdout)
    assert "07/12/2060" in data["clock_warning"] and data["outcome"] == "delegated"


def test_exit_1_for_a_pronote_that_does_not_delegate_to_this_ent(serve):
    """PRONOTE answers, but part 2 is not in force: a script must not take it for « connected »."""
    url = serve_info(serve(), info_body(cas_active=False))
    done = run_cli(url)
    assert done.returncode == 1, plain(done.stderr)
    assert "CAS inactif" in plain(done.stdout)
    assert "Version : 2024 – 2.5" in plain(done.stdout)
    assert "Établissement : COLLEGE VIA DOMITIA" in plain(done.stdout)


def test_exit_1_for_a_pronote_delegating_to_another_ent(serve):
    url = serve_info(serve(), info_body(cas_url="https://cas.autre-ent.example/login"))
    done = run_cli(url, "--json")
    assert done.returncode == 1, plain(done.stderr)
    data = json.loads(done.stdout)
    assert data["outcome"] == "cas_other" and data["delegated_to_ent"] is False


def test_exit_2_when_the_server_is_not_pronote(serve):
    url = serve_info(serve(), PORTAL_PAGE, "text/html")
    done = run_cli(url)
    assert done.returncode == 2
    assert plain(done.stdout) == ""
    assert "page web" in plain(done.stderr) and "Traceback" not in plain(done.stderr)
    assert "Vous pouvez continuer" not in plain(done.stderr)  # the finding: the page's advice is not the command's
    assert len(plain(done.stderr).strip().splitlines()) == 1


def test_exit_2_on_an_http_error(serve):
    server = serve()
    server.expect_request(INFO_PATH).respond_with_data("absent", status=404)
    done = run_cli(server.url_for("/pronote/"), "--json")
    assert done.returncode == 2
    assert plain(json.loads(done.stdout)["message"]).startswith("Le serveur a répondu 404 (page introuvable).")


@pytest.mark.parametrize("typed", ["ftp://127.0.0.1/pronote/", "javascript:alert(1)", "pas une adresse"])
def test_exit_2_on_a_refused_address(typed):
    done = run_cli(typed)
    assert done.returncode == 2
    assert plain(done.stderr).strip() and "Traceback" not in plain(done.stderr)


def test_exit_2_when_nothing_can_be_read():
    with socket.socket() as placeholder:
        placeholder.bind(("127.0.0.1", 0))
        port = placeholder.getsockname()[1]
        done = run_cli(f"http://127.0.0.1:{port}/pronote/", "--json")
    assert done.returncode == 2
    data = json.loads(done.stdout)
    assert data["reachable"] is False and "refuse la connexion" in plain(data["message"])


def test_https_refuses_a_certificate_the_system_does_not_trust(serve, tls_good):
    url = serve_info(serve(tls_good), info_body())
    untrusted = run_cli(url)
    assert untrusted.returncode == 2
    assert "certificat" in plain(untrusted.stderr)


@pytest.mark.skipif(sys.platform != "linux", reason="SSL_CERT_FILE is OpenSSL's: Windows and macOS have their stores")
def test_https_trusts_the_system_store_which_ssl_cert_file_can_point_to(serve, tls_good, ca, tmp_path):
    url = serve_info(serve(tls_good), info_body())
    bundle = tmp_path / "ca.pem"
    ca.cert_pem.write_to_path(str(bundle))
    trusted = run_cli(url, "--json", env_extra={"SSL_CERT_FILE": str(bundle)})  # OpenSSL's default-paths override
    assert trusted.returncode == 0, plain(trusted.stderr)
    assert json.loads(trusted.stdout)["school_name"] == "COLLEGE VIA DOMITIA"


def test_probe_command_does_not_load_qt(serve):
    url = serve_info(serve(), info_body())
    script = (
        "import runpy, sys\n"
        f"sys.argv = ['main.py', 'probe', {url!r}, '--json']\n"
        "try:\n"
        "    runpy.run_path('main.py', run_name='__main__')\n"
        "except SystemExit as end:\n"
        "    code = end.code\n"
        "qt = sorted(name for name in sys.modules if name.split('.')[0] in ('PySide6', 'shiboken6'))\n"
        "sys.stderr.write('QT:' + ','.join(qt) + '\\n')\n"
        "sys.exit(code)\n"
    )
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=30,
                          env={**os.environ, "PYTHONIOENCODING": "utf-8"})
    assert done.returncode == 0, plain(done.stderr)
    assert "QT:\n" in plain(done.stderr)


# --- odd consoles, hostile text, the proxy (issues 11 and 13) --------------------------------------------------

HOSTILE_NAME = "Collège Œdipe – « Saint-Exupéry » ‘ő’ \x1b]0;pwned\x07\x1b[31mROUGE\u202e"
CONSOLES = {
    "cp850": {"PYTHONIOENCODING": "cp850"},
    "cp1252": {"PYTHONIOENCODING": "cp1252"},
    "C locale": {"LC_ALL": "C", "LANG": "C", "PYTHONUTF8": "0", "PYTHONIOENCODING": None},
}


def run_console(console: str, *args: str, env_extra: dict | None = None) -> tuple[int, str, str]:
    env = {**os.environ}
    env.pop("SSL_CERT_FILE", None)
    for name, value in {**CONSOLES[console], **(env_extra or {})}.items():
        if value is None:
            env.pop(name, None)
        else:
            env[name] = value
    done = subprocess.run([sys.executable, "main.py", "probe", *args], cwd=ROOT, env=env, capture_output=True,
                          timeout=60)
    encoding = CONSOLES[console].get("PYTHONIOENCODING") or "ascii"
    stdout, stderr = (done.stdout.decode(encoding, "replace"), done.stderr.decode(encoding, "replace"))
    assert "Traceback" not in plain(stderr) and "Erreur inattendue" not in plain(stderr), plain(stderr)
    return done.returncode, stdout, stderr


@pytest.mark.parametrize("console", list(CONSOLES))
def test_exit_0_on_any_console_with_the_servers_text_cleaned(serve, console):
    url = serve_info(serve(), info_body(name=HOSTILE_NAME))
    code, stdout, stderr = run_console(console, url)
    assert code == 0, plain(stderr)
    assert "\x1b" not in plain(stdout) and "\x07" not in plain(stdout) and "\u202e" not in plain(stdout)
    assert "\\x1b]0;pwned\\x07\\x1b[31mROUGE" in plain(stdout)  # shown, harmless
    assert "Version : 2024" in plain(stdout)


@pytest.mark.parametrize("console", list(CONSOLES))
def test_json_output_is_ascii_on_any_console(serve, console):
    url = serve_info(serve(), info_body(name=HOSTILE_NAME))
    code, stdout, _ = run_console(console, url, "--json")
    assert code == 0
    assert json.loads(stdout)["school_name"] == HOSTILE_NAME
    assert "\x1b" not in plain(stdout)


@pytest.mark.parametrize("console", list(CONSOLES))
def test_exit_2_for_no_pronote_on_any_console(serve, console):
    url = serve_info(serve(), b"[" * 1_000_000)  # the million brackets: « not PRONOTE », never exit 3
    code, stdout, stderr = run_console(console, url)
    assert (code, plain(stdout)) == (2, "")
    assert "PRONOTE" in plain(stderr) and len(plain(stderr).strip().splitlines()) == 1


@pytest.mark.parametrize("console", list(CONSOLES))
@pytest.mark.parametrize("typed", ["https://pronote.clg.fr/a\x01b/pronote/", "https://pronote.clg.fr/é/pronote/"])
def test_exit_2_for_a_refused_shape_on_any_console(console, typed):
    code, stdout, stderr = run_console(console, typed)
    assert (code, plain(stdout)) == (2, "")
    assert "envoy" in plain(stderr) and "Internet" not in plain(stderr)


@pytest.mark.parametrize("console", list(CONSOLES))
def test_exit_2_when_the_proxy_asks_for_credentials(recording_proxy, console):
    proxy = recording_proxy(answer=b"HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic\r\n\r\n")
    code, _, stderr = run_console(console, "https://pronote.seul-le-proxy.test/pronote/",
                                  env_extra={"HTTPS_PROXY": proxy.url()})
    assert code == 2
    assert f"127.0.0.1:{proxy.port}" in plain(stderr) and "mot de passe" in plain(stderr)
    assert len(proxy.requests) == 1


def test_through_a_tls_inspecting_proxy_with_the_academie_certificate_in_the_store(
        serve, tls_proxy_only, recording_proxy, ca, tmp_path):
    """The whole command as a school PC runs it: HTTPS_PROXY, a name only the proxy can resolve (.test: no DNS
    knows it, so success proves the command never resolved it), and the CA trusted only through the system's
    store (SSL_CERT_FILE, read by truststore)."""
    server = serve(tls_proxy_only)
    server.expect_request(INFO_PATH, query_string=INFO_QUERY).respond_with_data(info_body(),
                                                                               content_type="application/json")
    proxy = recording_proxy(routes={"pronote.seul-le-proxy.test:443": server.port})
    bundle = tmp_path / "academie.pem"
    ca.cert_pem.write_to_path(str(bundle))
    done = run_cli("https://pronote.seul-le-proxy.test/pronote/", "--json",
                   env_extra={"HTTPS_PROXY": proxy.url(), "SSL_CERT_FILE": str(bundle)})
    assert done.returncode == 0, plain(done.stderr)
    assert json.loads(done.stdout)["outcome"] == "delegated"
    assert proxy.requests[0][0] == "CONNECT pronote.seul-le-proxy.test:443 HTTP/1.1"


def test_a_proxy_typed_on_the_command_line_wins(recording_proxy):
    proxy = recording_proxy(answer=b"HTTP/1.1 403 Forbidden\r\n\r\n")
    code, _, stderr = run_console("cp1252", "https://pronote.seul-le-proxy.test/pronote/", "--proxy",
                                  f"127.0.0.1:{proxy.port}")
    assert code == 2 and len(proxy.requests) == 1
    assert proxy.requests[0][0].startswith("CONNECT pronote.seul-le-proxy.test:443")


def test_a_proxy_that_is_no_address_is_refused_before_anything_is_sent():
    code, stdout, stderr = run_console("C locale", "https://pronote.clg.fr/pronote/", "--proxy", "pas un proxy")
    assert code == 2 and plain(stdout) == "" and len(plain(stderr).strip().splitlines()) == 1
