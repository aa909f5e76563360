"""Windows: the proxy Windows itself would use for one address – the automatic configuration script (PAC) set in
Internet Options (« Utiliser un script de configuration »), or one found on the network (WPAD, « Détecter
automatiquement les paramètres ») – as WinHTTP evaluates it, the service Windows Update and Edge ask.

Why WinHTTP through ctypes, here in the core, rather than Qt's QNetworkProxyFactory.systemProxyForQuery (which
asks WinHTTP too on Windows): the core and the headless commands (`probe`) stay Qt-free (pyproject's import
contracts) and the bundle leaves QtNetwork out, so a resolver in the Qt layer would serve the window but not the
command; winhttp.dll is part of every Windows, so nothing is added. The probe then connects with its own transport
(client.py) through the proxy named here, as before.

A script or a detection that does not answer within `timeout` seconds counts as no answer: the caller then uses
the fixed proxy of Internet Options, as browsers do. The call goes on in the background until WinHTTP gives up
(its own timeouts) – nothing waits for it.
"""
from __future__ import annotations

import ctypes
import sys
import threading
import time
from collections.abc import Callable
from typing import NamedTuple

from wizard.core.errors import Cancelled
from wizard.core.probe.guard import WATCH_INTERVAL

__all__ = ["AutomaticProxy", "UserConfig", "user_config", "automatic_proxy", "proxy_for_url"]

_ACCESS_TYPE_NO_PROXY = 1
_ACCESS_TYPE_NAMED_PROXY = 3
_AUTOPROXY_AUTO_DETECT = 0x1
_AUTOPROXY_CONFIG_URL = 0x2
_AUTO_DETECT_TYPE_DHCP = 0x1
_AUTO_DETECT_TYPE_DNS_A = 0x2
# WinHttpSetTimeouts for the script's download: name lookup, connect, send, receive (ms).
_SCRIPT_TIMEOUTS = (3000, 3000, 3000, 5000)


class UserConfig(NamedTuple):
    """Internet Options for the current user (WinHttpGetIEProxyConfigForCurrentUser)."""

    auto_detect: bool  # « Détecter automatiquement les paramètres »
    script: str  # « Utiliser un script de configuration » : its address, or ""
    proxy: str  # the fixed proxy (« host:port », or per scheme « http=…;https=… »), or ""
    bypass: str  # its exceptions, « ; »-separated, or ""


class AutomaticProxy(NamedTuple):
    """What the automatic configuration said for one address: « host:port », or "" for a direct connection."""

    proxy: str


class _IEConfig(ctypes.Structure):
    _fields_ = [("fAutoDetect", ctypes.c_int), ("lpszAutoConfigUrl", ctypes.c_void_p),
                ("lpszProxy", ctypes.c_void_p), ("lpszProxyBypass", ctypes.c_void_p)]


class _AutoProxyOptions(ctypes.Structure):
    _fields_ = [("dwFlags", ctypes.c_uint32), ("dwAutoDetectFlags", ctypes.c_uint32),
                ("lpszAutoConfigUrl", ctypes.c_wchar_p), ("lpvReserved", ctypes.c_void_p),
                ("dwReserved", ctypes.c_uint32), ("fAutoLogonIfChallenged", ctypes.c_int)]


class _ProxyInfo(ctypes.Structure):
    _fields_ = [("dwAccessType", ctypes.c_uint32), ("lpszProxy", ctypes.c_void_p),
                ("lpszProxyBypass", ctypes.c_void_p)]


def _libraries() -> tuple[ctypes.CDLL, ctypes.CDLL]:
    """winhttp and kernel32 with the signatures used here (Windows only: OSError elsewhere)."""
    # sys.platform, as the type checker reads it (each branch checked for its own system): WinDLL is Windows'.
    if sys.platform != "win32":
        raise OSError("WinHTTP is Windows'")
    else:
        winhttp = ctypes.WinDLL("winhttp", use_last_error=True)
        kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
        winhttp.WinHttpGetIEProxyConfigForCurrentUser.argtypes = [ctypes.POINTER(_IEConfig)]
        winhttp.WinHttpGetIEProxyConfigForCurrentUser.restype = ctypes.c_int
        winhttp.WinHttpOpen.argtypes = [ctypes.c_wchar_p, ctypes.c_uint32, ctypes.c_wchar_p, ctypes.c_wchar_p,
                                        ctypes.c_uint32]
        winhttp.WinHttpOpen.restype = ctypes.c_void_p
        winhttp.WinHttpSetTimeouts.argtypes = [ctypes.c_void_p, ctypes.c_int, ctypes.c_int, ctypes.c_int, ctypes.c_int]
        winhttp.WinHttpSetTimeouts.restype = ctypes.c_int
        winhttp.WinHttpGetProxyForUrl.argtypes = [ctypes.c_void_p, ctypes.c_wchar_p, ctypes.POINTER(_AutoProxyOptions),
                                                  ctypes.POINTER(_ProxyInfo)]
        winhttp.WinHttpGetProxyForUrl.restype = ctypes.c_int
        winhttp.WinHttpCloseHandle.argtypes = [ctypes.c_void_p]
        winhttp.WinHttpCloseHandle.restype = ctypes.c_int
        kernel32.GlobalFree.argtypes = [ctypes.c_void_p]
        kernel32.GlobalFree.restype = ctypes.c_void_p
        return winhttp, kernel32


def _take_string(kernel32: ctypes.CDLL, pointer: int | None) -> str:
    """A string WinHTTP allocated for us: read, then given back."""
    if not pointer:
        return ""
    try:
        return ctypes.wstring_at(pointer)
    finally:
        kernel32.GlobalFree(pointer)


def user_config() -> UserConfig | None:
    """Internet Options of the current user, or None when Windows cannot say (or this is not Windows)."""
    try:
        winhttp, kernel32 = _libraries()
    except (AttributeError, OSError):
        return None
    config = _IEConfig()
    if not winhttp.WinHttpGetIEProxyConfigForCurrentUser(ctypes.byref(config)):
        return None
    return UserConfig(bool(config.fAutoDetect), _take_string(kernel32, config.lpszAutoConfigUrl),
                      _take_string(kernel32, config.lpszProxy), _take_string(kernel32, config.lpszProxyBypass))


def proxy_for_url(url: str, *, script: str = "", auto_detect: bool = False) -> str | None:
    """What the script at `script` (and/or WPAD detection) says for `url`: « host:port », "" for direct, or
    None when there is no answer (no script found, not downloadable, not valid). Blocks until WinHTTP answers."""
    if not (script or auto_detect):
        return None
    try:
        winhttp, kernel32 = _libraries()
    except (AttributeError, OSError):
        return None
    session = winhttp.WinHttpOpen(None, _ACCESS_TYPE_NO_PROXY, None, None, 0)
    if not session:
        return None
    try:
        winhttp.WinHttpSetTimeouts(session, *_SCRIPT_TIMEOUTS)
        options = _AutoProxyOptions()
        if auto_detect:
            options.dwFlags |= _AUTOPROXY_AUTO_DETECT
            options.dwAutoDetectFlags = _AUTO_DETECT_TYPE_DHCP | _AUTO_DETECT_TYPE_DNS_A
        if script:
            options.dwFlags |= _AUTOPROXY_CONFIG_URL
            options.lpszAutoConfigUrl = script
        options.fAutoLogonIfChallenged = 1  # a script behind the domain's authentication, as Windows allows
        info = _ProxyInfo()
        if not winhttp.WinHttpGetProxyForUrl(session, url, ctypes.byref(options), ctypes.byref(info)):
            return None
        proxy = _take_string(kernel32, info.lpszProxy)
        _take_string(kernel32, info.lpszProxyBypass)
        if info.dwAccessType == _ACCESS_TYPE_NAMED_PROXY and proxy:
            return first_proxy(proxy)
        return ""
    finally:
        winhttp.WinHttpCloseHandle(session)


def first_proxy(listed: str) -> str:
    """WinHTTP's list (« a:1;b:2 », or « a:1 b:2 ») → the first entry, the one WinHTTP itself would try first."""
    for entry in listed.replace(" ", ";").split(";"):
        if entry.strip():
            return entry.strip()
    return ""


def automatic_proxy(url: str, *, timeout: float, cancelled: Callable[[], bool] | None = None,
                    config: UserConfig | None = None) -> AutomaticProxy | None:
    """The automatic configuration's answer for `url`, or None when Internet Options set none, or when it gave
    no answer within `timeout` seconds (then the fixed proxy applies). Raises Cancelled when `cancelled` turns
    true while waiting."""
    config = user_config() if config is None else config
    if config is None or not (config.auto_detect or config.script):
        return None
    outcome: dict[str, str | None] = {}
    done = threading.Event()

    def resolve() -> None:
        try:
            outcome["proxy"] = proxy_for_url(url, script=config.script, auto_detect=config.auto_detect)
        except Exception:  # noqa: BLE001 - whatever went wrong in WinHTTP, there is no answer
            outcome["proxy"] = None
        finally:
            done.set()

    threading.Thread(target=resolve, name="probe-autoproxy", daemon=True).start()
    limit = time.monotonic() + timeout
    while not done.wait(WATCH_INTERVAL):
        if cancelled is not None and cancelled():
            raise Cancelled()
        if time.monotonic() >= limit:
            return None
    answer = outcome.get("proxy")
    return None if answer is None else AutomaticProxy(answer)
