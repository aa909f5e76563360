"""Windows only: the automatic proxy configuration as Windows itself evaluates it (winproxy.py over WinHTTP) – a
PAC script served on loopback, Internet Options' script address read back from the registry, and the whole check
going through the proxy a script names. Run by the GitHub workflow on Windows and by scripts/test-windows.sh under
Wine (whose WinHTTP downloads and evaluates PAC scripts the same way)."""
from __future__ import annotations

import struct
import sys
import uuid

import pytest

from tests.probe.conftest import PROXY_ONLY_HOST
from tests.probe.pronote import INFO_PATH, INFO_QUERY, info_body
from wizard.core.probe import probe_server
from wizard.core.probe import proxy as proxy_module
from wizard.core.probe.winproxy import UserConfig, automatic_proxy, first_proxy, proxy_for_url, user_config

pytestmark = pytest.mark.skipif(sys.platform != "win32", reason="WinHTTP is Windows' own")

# What the autouse fixture of conftest replaces: the real question to Windows.
ASK_WINDOWS = proxy_module._windows_automatic

PAC = """function FindProxyForURL(url, host) {
    if (isPlainHostName(host) || shExpMatch(host, "*.clg-intranet.test")) return "DIRECT";
    if (shExpMatch(host, "*.index-education.net") || shExpMatch(host, "*.seul-le-proxy.test"))
        return "PROXY %(proxy)s; DIRECT";
    return "DIRECT";
}
"""


def serve_script(serve, proxy: str = "proxy.clg.test:3128") -> str:
    """A PAC script on loopback, under an address of its own (WinHTTP caches a script per address a minute)."""
    server = serve()
    path = f"/{uuid.uuid4().hex}/proxy.pac"
    server.expect_request(path).respond_with_data(PAC % {"proxy": proxy},
                                                  content_type="application/x-ns-proxy-autoconfig")
    return server.url_for(path)


def test_the_script_names_the_proxy_for_the_pronote_server(serve):
    script = serve_script(serve)
    assert proxy_for_url("https://0301746k.index-education.net/pronote/", script=script) == "proxy.clg.test:3128"


def test_the_script_says_direct_for_other_addresses(serve):
    script = serve_script(serve)
    assert proxy_for_url("https://pronote.clg-intranet.test/pronote/", script=script) == ""


def test_a_script_that_cannot_be_downloaded_is_no_answer(raw_server):
    closed = raw_server(lambda conn, stop: None)  # accepts, then hangs up without a word
    assert proxy_for_url("https://0301746k.index-education.net/", script=closed.url() + "proxy.pac") is None


def test_no_script_and_no_detection_asks_nothing():
    assert proxy_for_url("https://0301746k.index-education.net/") is None
    assert automatic_proxy("https://x.index-education.net/", timeout=1, config=UserConfig(False, "", "", "")) is None


def test_automatic_proxy_with_a_script_in_internet_options(serve):
    config = UserConfig(False, serve_script(serve, "pac.clg.test:8080"), "fixe.clg.test:3128", "")
    answer = automatic_proxy("https://0301746k.index-education.net/pronote/", timeout=10, config=config)
    assert answer is not None and answer.proxy == "pac.clg.test:8080"


@pytest.mark.parametrize("listed, first", [("a.test:1;b.test:2", "a.test:1"), ("a.test:1 b.test:2", "a.test:1"),
                                           (" ;a.test:1", "a.test:1"), ("", "")])
def test_the_first_of_winhttps_list(listed, first):
    assert first_proxy(listed) == first


# --- Internet Options, read back ---------------------------------------------------------------------------------

CONNECTIONS = r"Software\Microsoft\Windows\CurrentVersion\Internet Settings\Connections"


def connection_settings(flags: int, proxy: str = "", bypass: str = "", script: str = "") -> bytes:
    """DefaultConnectionSettings as Internet Options writes it: version, counter, flags (1 direct, 2 fixed proxy,
    4 script, 8 detection), then the proxy, its exceptions and the script's address, each after its length."""
    def field(text: str) -> bytes:
        data = text.encode("ascii")
        return struct.pack("<I", len(data)) + data

    return struct.pack("<III", 0x46, 1, flags) + field(proxy) + field(bypass) + field(script) + bytes(32)


@pytest.fixture
def internet_options():
    """Sets the current user's Internet Options for one test and puts back what was there."""
    import winreg

    key = winreg.CreateKeyEx(winreg.HKEY_CURRENT_USER, CONNECTIONS, 0, winreg.KEY_READ | winreg.KEY_WRITE)
    try:
        saved = winreg.QueryValueEx(key, "DefaultConnectionSettings")
    except FileNotFoundError:
        saved = None

    def write(blob: bytes) -> None:
        winreg.SetValueEx(key, "DefaultConnectionSettings", 0, winreg.REG_BINARY, blob)

    yield write
    if saved is None:
        winreg.DeleteValue(key, "DefaultConnectionSettings")
    else:
        winreg.SetValueEx(key, "DefaultConnectionSettings", 0, saved[1], saved[0])
    winreg.CloseKey(key)


def test_internet_options_script_and_fixed_proxy_are_read(internet_options):
    internet_options(connection_settings(1 | 2 | 4, "fixe.clg.test:3128", "<local>", "http://127.0.0.1:9/x.pac"))
    assert user_config() == UserConfig(False, "http://127.0.0.1:9/x.pac", "fixe.clg.test:3128", "<local>")


def test_internet_options_detection_is_read(internet_options):
    internet_options(connection_settings(1 | 8))
    assert user_config() == UserConfig(True, "", "", "")


def test_the_check_goes_through_the_proxy_the_script_names(serve, tls_proxy_only, client_context, recording_proxy,
                                                           outside_lookups, internet_options, monkeypatch):
    """The whole way: Internet Options name a script, the script names the school's proxy for the PRONOTE
    server, the check tunnels through it – and this side never resolves the server's name."""
    server = serve(tls_proxy_only)
    server.expect_request(INFO_PATH, query_string=INFO_QUERY).respond_with_data(info_body(),
                                                                               content_type="application/json")
    proxy = recording_proxy(routes={f"{PROXY_ONLY_HOST}:443": server.port})
    internet_options(connection_settings(1 | 4, script=serve_script(serve, f"127.0.0.1:{proxy.port}")))
    monkeypatch.setattr(proxy_module, "_windows_automatic", ASK_WINDOWS)
    result = probe_server(f"https://{PROXY_ONLY_HOST}/pronote/", ssl_context=client_context)
    assert (result.outcome, result.school_name) == ("delegated", "COLLEGE VIA DOMITIA")
    (line, _headers), = proxy.requests
    assert line == f"CONNECT {PROXY_ONLY_HOST}:443 HTTP/1.1"
    assert outside_lookups == []
