"""Wine, told apart from a real Windows: only Wine's ntdll exports `wine_get_version`.

A test that meets a limitation of Wine (not of Windows, not of the project) is marked `@wine_limitation("…")`
with the limitation named: it is skipped under Wine only (scripts/test-windows.sh) and runs everywhere else, on
the GitHub workflow's real Windows included. No other kind of skip is allowed for Wine."""
from __future__ import annotations

import sys

import pytest


def wine_version() -> str | None:
    if sys.platform != "win32":
        return None
    import ctypes

    try:
        get = ctypes.WinDLL("ntdll").wine_get_version
    except AttributeError:
        return None
    get.restype = ctypes.c_char_p
    return get().decode("ascii", "replace")


WINE = wine_version()


def wine_limitation(reason: str):
    """Skip under Wine only; `reason` names what Wine lacks or does differently from Windows."""
    return pytest.mark.skipif(WINE is not None, reason=f"Wine {WINE}: {reason}")


# Measured under Wine 8.0: `os.symlink` returns, then `is_symlink()` and `exists()` are False (no link was made).
NO_SYMLINKS = "CreateSymbolicLinkW reports success but makes no link (os.symlink returns, is_symlink() is False)"
