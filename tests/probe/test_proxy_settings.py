"""Which proxy the system would use, on each platform's logic (Windows and macOS with their settings stubbed,
since they cannot be read here), the bypass lists, and the settings field (`check_proxy`). No network."""
from __future__ import annotations

import socket
import urllib.request

import pytest

from tests.probe.pronote import plain
from wizard.core.probe import check_proxy, system_proxy
from wizard.core.probe import proxy as proxy_module
from wizard.core.probe.answer import ProbeFailure
from wizard.core.probe.proxy import bypass_macos, bypass_no_proxy, bypass_windows, choose_proxy

URL = "https://0301746K.index-education.net/pronote/eleve.html"
HOST = "0301746k.index-education.net"


@pytest.fixture(autouse=True)
def no_dns(monkeypatch):
    """Choosing a proxy never resolves a name: any lookup here fails the test."""
    def refuse(*args, **kwargs):
        raise AssertionError(f"name lookup while choosing a proxy: {args[:1]}")

    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    monkeypatch.setattr(socket, "gethostbyname", refuse)


@pytest.fixture
def windows(monkeypatch):
    """The Windows branch: what urllib.request.getproxies() returns from the registry, ProxyOverride, and what
    the automatic configuration (winproxy.py, tested for real on Windows) answers for each address asked."""
    settings = {"proxies": {}, "override": "", "automatic": None, "asked": []}

    def automatic(url, timeout, cancelled):
        settings["asked"].append(url)
        return settings["automatic"]

    monkeypatch.setattr(proxy_module, "_platform", lambda: "win32")
    monkeypatch.setattr(urllib.request, "getproxies", lambda: settings["proxies"])
    monkeypatch.setattr(proxy_module, "_windows_override", lambda: settings["override"])
    monkeypatch.setattr(proxy_module, "_windows_automatic", automatic)
    return settings


@pytest.fixture
def macos(monkeypatch):
    settings = {"proxies": {}, "exclude_simple": False, "exceptions": []}
    monkeypatch.setattr(proxy_module, "_platform", lambda: "darwin")
    monkeypatch.setattr(urllib.request, "getproxies", lambda: settings["proxies"])
    monkeypatch.setattr(proxy_module, "_macos_exceptions", lambda: (settings["exclude_simple"], settings["exceptions"]))
    return settings


# --- the environment -------------------------------------------------------------------------------------------

def test_no_setting_means_direct(monkeypatch):
    monkeypatch.setattr(proxy_module, "_platform", lambda: "linux")
    assert system_proxy(URL) is None
    assert choose_proxy(HOST, 443, None) is None


def test_environment_proxy_is_shown_without_its_credentials(monkeypatch):
    monkeypatch.setenv("https_proxy", "http://prof:secret@proxy.clg.fr:3128")
    assert system_proxy(URL) == "http://proxy.clg.fr:3128"
    chosen = choose_proxy(HOST, 443, None)
    assert (chosen.host, chosen.port, chosen.username, chosen.password, chosen.typed) == (
        "proxy.clg.fr", 3128, "prof", "secret", False)
    assert "secret" not in repr(chosen) and chosen.display == "proxy.clg.fr:3128"


def test_environment_proxy_without_scheme_or_port(monkeypatch):
    monkeypatch.setenv("HTTPS_PROXY", "proxy.clg.fr")
    assert choose_proxy(HOST, 443, None).display == "proxy.clg.fr:80"  # as urllib3 and requests assume


def test_the_environment_wins_over_the_platform_settings(monkeypatch, windows):
    windows["proxies"] = {"https": "http://registre.clg.fr:8080"}
    monkeypatch.setenv("HTTPS_PROXY", "http://env.clg.fr:3128")
    assert system_proxy(URL) == "http://env.clg.fr:3128"


@pytest.mark.parametrize("no_proxy, bypassed", [
    ("index-education.net", True),
    (".index-education.net", True),
    ("*.index-education.net", True),
    ("INDEX-EDUCATION.NET", True),
    ("education.net", False),  # a suffix only on a dot boundary
    ("0301746k.index-education.net:443", True),
    ("0301746k.index-education.net:8443", False),
    ("autre.fr, index-education.net ", True),
    ("*", True),
    ("", False),
])
def test_no_proxy_names(no_proxy, bypassed):
    assert bypass_no_proxy(HOST, 443, no_proxy) is bypassed


@pytest.mark.parametrize("host, no_proxy, bypassed", [
    ("10.20.30.40", "10.0.0.0/8", True),
    ("10.20.30.40", "192.168.0.0/16", False),
    ("pronote.clg.fr", "10.0.0.0/8", False),  # a range applies to addresses, never to a name (no lookup)
    ("2001:db8::5", "2001:db8::/32", True),
])
def test_no_proxy_ranges_match_ip_literals_only(host, no_proxy, bypassed):
    assert bypass_no_proxy(host, 443, no_proxy) is bypassed


# --- Windows: Internet Options ---------------------------------------------------------------------------------

def test_windows_single_proxy_for_all_protocols(windows):
    # What getproxies_registry makes of « proxy.ac-toulouse.fr:8080 » with « same proxy for all protocols ».
    windows["proxies"] = {"http": "http://proxy.ac-toulouse.fr:8080", "https": "http://proxy.ac-toulouse.fr:8080"}
    assert system_proxy(URL) == "http://proxy.ac-toulouse.fr:8080"
    assert choose_proxy(HOST, 443, None).display == "proxy.ac-toulouse.fr:8080"


@pytest.mark.parametrize("override, bypassed", [
    ("*.index-education.net", True),
    ("*.INDEX-education.net;<local>", True),
    ("0301746?.index-education.net", True),
    ("<local>", False),  # the host has dots
    ("*.ac-toulouse.fr;10.*", False),
    ("https://*.index-education.net", True),
    ("", False),
])
def test_windows_proxy_override(windows, override, bypassed):
    windows["proxies"] = {"https": "http://proxy.ac-toulouse.fr:8080"}
    windows["override"] = override
    assert (system_proxy(URL) is None) is bypassed
    assert (choose_proxy(HOST, 443, None) is None) is bypassed


@pytest.mark.parametrize("host, override, bypassed", [
    ("pronote", "<local>", True),
    ("10.1.2.3", "10.*", True),
    ("10.1.2.3", "192.168.*", False),
])
def test_windows_override_patterns(host, override, bypassed):
    assert bypass_windows(host, override) is bypassed


def test_windows_socks_only_is_refused_with_its_own_reason(windows):
    windows["proxies"] = {"socks": "socks4://10.0.0.1:1080", "http": "socks4://10.0.0.1:1080",
                          "https": "socks4://10.0.0.1:1080"}
    with pytest.raises(ProbeFailure) as refused:
        choose_proxy(HOST, 443, None)
    assert refused.value.reason == "proxy_unsupported" and refused.value.proxy == "socks4://10.0.0.1:1080"


def test_windows_without_proxy(windows):
    windows["override"] = "*.clg.fr"
    assert system_proxy(URL) is None


# --- Windows: the automatic configuration (script or WPAD) -----------------------------------------------------

def test_windows_automatic_configuration_names_the_proxy_for_the_pronote_address(windows):
    windows["proxies"] = {"https": "http://fixe.ac-toulouse.fr:8080"}  # the fallback, not used when a script answers
    windows["automatic"] = "pac.clg.fr:3128"
    assert system_proxy(URL) == "http://pac.clg.fr:3128"
    assert choose_proxy(HOST, 443, None, url=URL).display == "pac.clg.fr:3128"
    assert windows["asked"] == ["https://0301746k.index-education.net/pronote/", URL]


def test_windows_automatic_configuration_saying_direct_wins_over_the_fixed_proxy(windows):
    windows["proxies"] = {"https": "http://fixe.ac-toulouse.fr:8080"}
    windows["automatic"] = ""
    assert system_proxy(URL) is None
    assert choose_proxy(HOST, 443, None) is None
    assert windows["asked"][-1] == f"https://{HOST}/"  # without a url, the host's root is asked


def test_windows_without_an_automatic_answer_uses_the_fixed_proxy(windows):
    windows["proxies"] = {"https": "http://fixe.ac-toulouse.fr:8080"}
    assert system_proxy(URL) == "http://fixe.ac-toulouse.fr:8080"


def test_windows_automatic_answer_without_a_port_means_80(windows):
    windows["automatic"] = "pac.clg.fr"
    assert choose_proxy(HOST, 443, None).display == "pac.clg.fr:80"


def test_the_typed_proxy_and_the_environment_win_over_the_automatic_configuration(windows, monkeypatch):
    windows["automatic"] = "pac.clg.fr:3128"
    assert choose_proxy(HOST, 443, "http://tape.clg.fr:8080").display == "tape.clg.fr:8080"
    monkeypatch.setenv("HTTPS_PROXY", "http://env.clg.fr:3128")
    assert choose_proxy(HOST, 443, None).display == "env.clg.fr:3128"
    assert windows["asked"] == []


# --- macOS: network settings -----------------------------------------------------------------------------------

@pytest.mark.parametrize("host, exclude_simple, exceptions, bypassed", [
    (HOST, False, ["*.index-education.net"], True),
    (HOST, False, ["*.local", "169.254/16"], False),
    ("169.254.3.4", False, ["*.local", "169.254/16"], True),
    ("10.1.2.3", False, ["10.1"], True),
    ("pronote", True, [], True),
    ("pronote", False, [], False),
])
def test_macos_exceptions(macos, host, exclude_simple, exceptions, bypassed):
    assert bypass_macos(host, exclude_simple, exceptions) is bypassed


def test_macos_branch(macos):
    macos["proxies"] = {"https": "http://proxy.clg.fr:3128"}
    assert system_proxy(URL) == "http://proxy.clg.fr:3128"
    macos["exceptions"] = ["*.index-education.net"]
    assert system_proxy(URL) is None


# --- never for loopback, never for a refused address -----------------------------------------------------------

def test_loopback_and_refused_addresses_have_no_proxy(monkeypatch):
    monkeypatch.setenv("HTTPS_PROXY", "http://proxy.clg.fr:3128")
    assert system_proxy("http://127.0.0.1:8080/pronote/") is None
    assert system_proxy("https://[::1]/pronote/") is None
    assert system_proxy("ftp://x/") is None
    assert choose_proxy("localhost", 443, "http://proxy.clg.fr:3128") is None


# --- the settings field ----------------------------------------------------------------------------------------

@pytest.mark.parametrize("typed, value", [
    ("", ""),
    ("   ", ""),
    ("proxy.clg.fr:3128", "http://proxy.clg.fr:3128"),
    ("http://proxy.clg.fr:3128", "http://proxy.clg.fr:3128"),
    (" HTTP://Proxy.CLG.fr:8080/ ", "http://proxy.clg.fr:8080"),
    ("http://proxy:3128", "http://proxy:3128"),
    ("10.0.0.1:3128", "http://10.0.0.1:3128"),
    ("[2001:db8::1]:3128", "http://[2001:db8::1]:3128"),
    ("http://prof:s3cret@proxy.clg.fr:3128", "http://prof:s3cret@proxy.clg.fr:3128"),
    ("http://prof%40clg:p%3Ass@proxy.clg.fr:3128", "http://prof%40clg:p%3Ass@proxy.clg.fr:3128"),
])
def test_check_proxy_accepts_and_normalises(typed, value):
    ok, normalised, message = check_proxy(typed)
    assert (ok, normalised, plain(message)) == (True, value, "")


@pytest.mark.parametrize("typed, words", [
    ("proxy.clg.fr", "Indiquez le port"),
    ("http://proxy.clg.fr", "Indiquez le port"),
    ("proxy.clg.fr:0", "entre 1 et 65535"),
    ("proxy.clg.fr:70000", "entre 1 et 65535"),
    ("proxy.clg.fr:http", "entre 1 et 65535"),
    ("socks5://proxy.clg.fr:1080", "SOCKS"),
    ("https://proxy.clg.fr:3128", "http://"),
    ("ftp://proxy.clg.fr:21", "doit commencer par http://"),
    ("http://proxy.clg.fr:3128/chemin", "sans chemin"),
    ("http://proxy.clg.fr:3128/?x=1", "sans chemin"),
    ("prox y.clg.fr:3128", "sans espace"),
    ("proxé.clg.fr:3128", "sans espace ni accent"),
    ("proxy\x1b.clg.fr:3128", "sans espace"),
    ("pro_xy.clg.fr:3128", "n'est pas valide"),
    ("10.1:3128", "n'est pas valide"),
    ("http://:3128", "n'est pas valide"),
])
def test_check_proxy_refuses_with_a_sentence(typed, words):
    ok, value, message = check_proxy(typed)
    assert (ok, value) == (False, "")
    assert words in plain(message)


def test_check_proxy_never_repeats_a_password():
    for typed in ("http://prof:TopS3cret@proxy.clg.fr", "socks5://prof:TopS3cret@p:1", "http://prof:TopS3cret@p:99999"):
        ok, _, message = check_proxy(typed)
        assert not ok and "TopS3cret" not in plain(message)
