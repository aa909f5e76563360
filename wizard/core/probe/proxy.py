"""Which proxy the server check goes through (school networks send web traffic through one).

In this order:
1. the proxy typed in the wizard's settings (`check_proxy` validates the field), for networks whose proxy the
   system does not announce (an automatic configuration script, a locked-down PC);
2. otherwise the system's: when any `*_proxy` variable is set, the environment (HTTPS_PROXY or ALL_PROXY, and
   NO_PROXY; lower-case forms first, as urllib reads them); else on Windows the automatic configuration of
   Internet Options – its script (PAC) or the network's (WPAD) – as Windows itself evaluates it for the PRONOTE
   address (winproxy.py), and when there is none or it does not answer, the fixed proxy; on macOS the network
   settings' fixed proxy; both fixed proxies as `urllib.request.getproxies()` reads them;
3. never a proxy for a loopback host (a demo server on this computer).

HTTP_PROXY is, as everywhere (curl, requests, urllib), the proxy for http:// addresses; the probe sends http only
to loopback hosts, which never go through a proxy, so only HTTPS_PROXY matters for it.

The bypass lists (NO_PROXY, Windows' « ProxyOverride », macOS' exceptions) are matched here, by name and by IP
literal only: `urllib.request.proxy_bypass` looks the name up in DNS on Windows and macOS, and the probe must
not resolve a name it is about to hand to the proxy (the school's DNS may not know it, and a lookup has no
timeout).

Only http proxies (a CONNECT tunnel), which is what school proxies are; SOCKS and https:// proxies are refused
with a sentence. Credentials may ride in the proxy's address (`http://user:password@host:port`): they go into
the CONNECT request and nowhere else – not into `display`, `url`, a message or a log.
"""
from __future__ import annotations

import base64
import ipaddress
import re
import sys
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from fnmatch import fnmatchcase
from typing import NamedTuple
from urllib.parse import unquote, urlsplit

from wizard.core.hosts import is_host_name, is_ip_address, is_loopback
from wizard.core.i18n import tr, tr_noop
from wizard.core.probe.answer import ProbeFailure
from wizard.core.probe.winproxy import automatic_proxy
from wizard.core.school import normalise_pronote_url

_PRINTABLE_ASCII = re.compile(r"[!-~]+")  # no space, no control character, nothing beyond ASCII


@dataclass(frozen=True)
class Proxy:
    host: str
    port: int
    username: str = field(default="", repr=False)
    password: str = field(default="", repr=False)
    typed: bool = False  # from the wizard's settings; otherwise the system's

    @property
    def display(self) -> str:
        """« host:port » for messages: never the credentials."""
        return f"[{self.host}]:{self.port}" if ":" in self.host else f"{self.host}:{self.port}"

    @property
    def url(self) -> str:
        return "http://" + self.display

    def authorization(self) -> str:
        """The Proxy-Authorization value (Basic), or "" without credentials."""
        if not (self.username or self.password):
            return ""
        token = base64.b64encode(f"{self.username}:{self.password}".encode()).decode("ascii")
        return "Basic " + token


class ProxyCheck(NamedTuple):
    """What the settings field shows: (ok, normalised value to keep, French sentence when refused)."""

    ok: bool
    value: str
    message: str


class _Refused(ValueError):
    def __init__(self, why: str):
        super().__init__(why)
        self.why = why  # socks, https, scheme, port_missing, port, host, shape


def parse_proxy(text: str, *, require_port: bool = True, typed: bool = False) -> Proxy:
    """`http://[user:password@]host:port` (the scheme may be left out) → Proxy. Raises _Refused."""
    raw = text.strip()
    if not raw or not _PRINTABLE_ASCII.fullmatch(raw):
        raise _Refused("shape")
    if "://" not in raw:
        raw = "http://" + raw
    try:
        parts = urlsplit(raw)
        port = parts.port
    except ValueError:
        raise _Refused("port" if _has_port_text(raw) else "shape") from None
    scheme = parts.scheme.lower()
    if scheme.startswith("socks"):
        raise _Refused("socks")
    if scheme == "https":
        raise _Refused("https")
    if scheme != "http":
        raise _Refused("scheme")
    if parts.path not in ("", "/") or parts.query or parts.fragment:
        raise _Refused("shape")
    host = (parts.hostname or "").rstrip(".")
    if not _valid_proxy_host(host):
        raise _Refused("host")
    if port is None:
        if require_port:
            raise _Refused("port_missing")
        port = 80  # what urllib3 and requests assume for a system proxy written without its port
    if not 0 < port < 65536:
        raise _Refused("port")
    return Proxy(host, port, unquote(parts.username or ""), unquote(parts.password or ""), typed=typed)


def _has_port_text(raw: str) -> bool:
    netloc = raw.split("://", 1)[1].split("/", 1)[0].rsplit("@", 1)[-1]
    return ":" in netloc.rsplit("]", 1)[-1]


def _valid_proxy_host(host: str) -> bool:
    # A single label is fine (« proxy » on a school network).
    return is_ip_address(host) or is_host_name(host.lower(), min_labels=1)


_REFUSALS = {
    "shape": tr_noop("L'adresse du proxy doit être de la forme http://proxy.etablissement.fr:3128 (sans espace ni "
                     "accent, sans chemin après le port)."),
    "socks": tr_noop("Les proxys SOCKS ne sont pas pris en charge : indiquez le proxy web (http://) de "
                     "l'établissement."),
    "https": tr_noop("Indiquez le proxy en http:// : la connexion au serveur PRONOTE reste chiffrée de bout en bout "
                     "à travers lui."),
    "scheme": tr_noop("L'adresse du proxy doit commencer par http://, par exemple http://proxy.etablissement.fr:3128."),
    "host": tr_noop("Le nom du proxy n'est pas valide ; il ressemble par exemple à proxy.etablissement.fr ou "
                    "10.0.0.1."),
    "port_missing": tr_noop("Indiquez le port du proxy après deux-points, par exemple proxy.etablissement.fr:3128."),
    "port": tr_noop("Le port du proxy doit être un nombre entre 1 et 65535, par exemple 3128 ou 8080."),
}


def check_proxy(text: str) -> ProxyCheck:
    """The proxy field of the wizard's settings. Empty means « the system's proxy ». The message never repeats
    what was typed: it may hold a password."""
    if not (text or "").strip():
        return ProxyCheck(True, "", "")
    try:
        proxy = parse_proxy(text, typed=True)
    except _Refused as refused:
        return ProxyCheck(False, "", tr(_REFUSALS[refused.why]))
    userinfo = ""
    if proxy.username or proxy.password:
        # Kept as typed (percent-encoded), so that a « : » or « @ » in a password survives the round trip.
        parts = urlsplit(text.strip() if "://" in text else "http://" + text.strip())
        userinfo = parts.netloc.rsplit("@", 1)[0] + "@"
    return ProxyCheck(True, f"http://{userinfo}{proxy.display}", "")


# --- the system's settings -------------------------------------------------------------------------------------

def _platform() -> str:
    return sys.platform


def _windows_override() -> str:
    """Internet Options' « Do not use the proxy server for addresses beginning with » list (ProxyOverride)."""
    # sys.platform tests, as the type checker reads them: each branch is checked for its own platform.
    if sys.platform != "win32":
        return ""
    else:
        import winreg  # a module of Windows' Python only

        try:
            with winreg.OpenKey(winreg.HKEY_CURRENT_USER,
                                r"Software\Microsoft\Windows\CurrentVersion\Internet Settings") as key:
                return str(winreg.QueryValueEx(key, "ProxyOverride")[0])
        except OSError:
            return ""


def _macos_exceptions() -> tuple[bool, list[str]]:
    """macOS' « Bypass proxy settings for these hosts » and « Exclude simple hostnames »."""
    if sys.platform != "darwin":
        return False, []
    else:
        # What urllib.request reads there too; a module of macOS' Python only, which has no published types.
        from _scproxy import _get_proxy_settings  # type: ignore[import-not-found]

        settings = _get_proxy_settings()
        return bool(settings.get("exclude_simple")), [str(item) for item in settings.get("exceptions", ()) or ()]


def bypass_no_proxy(host: str, port: int, no_proxy: str) -> bool:
    """NO_PROXY: comma-separated names matched as suffixes on a dot boundary (a leading « . » or « *. » is
    ignored), « name:port », « * » for all, and address ranges (10.0.0.0/8) for IP literals."""
    host = host.lower().rstrip(".")
    for entry in re.split(r"[,\s]+", no_proxy.lower()):
        if not entry:
            continue
        if entry == "*":
            return True
        if "/" in entry and _in_network(host, entry):
            return True
        name, _, entry_port = entry.rpartition(":") if _has_port(entry) else (entry, "", "")
        if entry_port and entry_port != str(port):
            continue
        name = name.strip("[]").lstrip("*").lstrip(".").rstrip(".")
        if name and (host == name or host.endswith("." + name)):
            return True
    return False


def _has_port(entry: str) -> bool:
    if entry.startswith("["):
        return "]:" in entry
    return entry.count(":") == 1


def bypass_windows(host: str, override: str) -> bool:
    """Windows' ProxyOverride: « ; »-separated patterns with * and ?, and <local> for names without a dot."""
    host = host.lower().rstrip(".")
    for entry in re.split(r"[;\s]+", override.lower()):
        if not entry:
            continue
        if entry == "<local>":
            if "." not in host and ":" not in host:
                return True
            continue
        entry = re.sub(r"^[a-z]+://", "", entry)
        if fnmatchcase(host, entry.rstrip(".")):
            return True
    return False


def bypass_macos(host: str, exclude_simple: bool, exceptions: list[str]) -> bool:
    """macOS' exceptions: glob patterns for names, « 169.254/16 »-style ranges for IP literals only."""
    host = host.lower().rstrip(".")
    if exclude_simple and "." not in host and ":" not in host:
        return True
    for entry in exceptions:
        entry = entry.strip().lower()
        if not entry:
            continue
        if re.fullmatch(r"\d+(\.\d+){0,3}(/\d+)?", entry):
            if _in_network(host, _full_network(entry)):
                return True
        elif fnmatchcase(host, entry):
            return True
    return False


def _full_network(entry: str) -> str:
    """« 169.254/16 » → « 169.254.0.0/16 »; « 10.1 » → « 10.1.0.0/16 » (as macOS reads them)."""
    address, _, prefix = entry.partition("/")
    parts = address.split(".")
    return ".".join(parts + ["0"] * (4 - len(parts))) + "/" + (prefix or str(8 * len(parts)))


def _in_network(host: str, network: str) -> bool:
    try:
        return ipaddress.ip_address(host.strip("[]")) in ipaddress.ip_network(network, strict=False)
    except ValueError:
        return False


class SystemSetting(NamedTuple):
    """The system's proxy for https and whether `host` bypasses it; `text` is its address as configured."""

    text: str | None
    bypassed: bool


# How long the automatic configuration may take to answer before the fixed proxy applies: a script on the
# school's server, or WPAD's search on the network (fast once Windows has cached it).
AUTOMATIC_TIMEOUT = 5.0


def _windows_automatic(url: str, timeout: float, cancelled: Callable[[], bool] | None) -> str | None:
    """The automatic configuration's answer for `url` (« host:port », "" for direct), None when there is none."""
    answer = automatic_proxy(url, timeout=timeout, cancelled=cancelled)
    return None if answer is None else answer.proxy


def system_setting(host: str, port: int = 443, *, url: str = "", timeout: float = AUTOMATIC_TIMEOUT,
                   cancelled: Callable[[], bool] | None = None) -> SystemSetting:
    """`url`: the address the check will ask (an automatic configuration script may answer per address);
    by default the host's root."""
    environment = urllib.request.getproxies_environment()
    if environment:
        text = environment.get("https") or environment.get("all")
        return SystemSetting(text, bool(text) and bypass_no_proxy(host, port, environment.get("no", "")))
    platform = _platform()
    if platform == "win32":
        automatic = _windows_automatic(url or _root_url(host, port), timeout, cancelled)
        if automatic is not None:
            return SystemSetting(automatic or None, False)  # the script's answer is the whole answer
        text = urllib.request.getproxies().get("https")
        return SystemSetting(text, bool(text) and bypass_windows(host, _windows_override()))
    if platform == "darwin":
        text = urllib.request.getproxies().get("https")
        return SystemSetting(text, bool(text) and bypass_macos(host, *_macos_exceptions()))
    return SystemSetting(None, False)


def _root_url(host: str, port: int) -> str:
    shown = f"[{host}]" if ":" in host else host
    return f"https://{shown}/" if port == 443 else f"https://{shown}:{port}/"


def choose_proxy(host: str, port: int, typed: str | None, *, url: str = "",
                 cancelled: Callable[[], bool] | None = None) -> Proxy | None:
    """The proxy to reach `host:port` (the address `url`) over https, or None for a direct connection. Raises
    ProbeFailure (proxy_invalid, proxy_unsupported) when the setting to use cannot be used, Cancelled when
    `cancelled` turns true while the system works out its proxy."""
    if is_loopback(host):
        return None
    if typed and typed.strip():
        return _parsed(typed, host, typed=True)
    setting = system_setting(host, port, url=url, cancelled=cancelled)
    if not setting.text or setting.bypassed:
        return None
    return _parsed(setting.text, host, typed=False)


def _parsed(text: str, host: str, *, typed: bool) -> Proxy:
    try:
        return parse_proxy(text, require_port=typed, typed=typed)
    except _Refused as refused:
        if refused.why in ("socks", "https"):
            raise ProbeFailure("proxy_unsupported", host, proxy=_credential_free(text)) from None
        raise ProbeFailure("proxy_invalid", host) from None  # the text may hold a password: not repeated


def _credential_free(text: str) -> str:
    try:
        parts = urlsplit(text.strip() if "://" in text else "http://" + text.strip())
        host = parts.hostname or ""
        port = parts.port
    except ValueError:
        return ""
    if not host:
        return ""
    shown = f"[{host}]" if ":" in host else host
    return f"{parts.scheme.lower()}://{shown}" + (f":{port}" if port else "")


def system_proxy(url: str, *, timeout: float = AUTOMATIC_TIMEOUT) -> str | None:
    """The proxy the system would use for the PRONOTE address `url`, without credentials (for display), or None
    for a direct connection (or an address that would be refused). `timeout`: how long an automatic
    configuration may take (the settings dialog asks on the GUI thread, so it waits less)."""
    check = normalise_pronote_url(url)
    if not check.ok:
        return None
    parts = urlsplit(check.value)
    host = (parts.hostname or "").rstrip(".")
    if parts.scheme != "https" or is_loopback(host):
        return None
    setting = system_setting(host, parts.port or 443, url=check.value, timeout=timeout)
    if not setting.text or setting.bypassed:
        return None
    return _credential_free(setting.text) or None
