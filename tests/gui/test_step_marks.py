"""The marks of a step's state are drawn by every font: the side panel draws its own (steps_panel.draw_mark), the
welcome page's board types characters every font has. A mark a font lacks is replaced by whatever the fallback
finds – under Wine's Tahoma, to-do rows looked done."""
import ctypes
import sys

import pytest
from PySide6.QtGui import QFont, QFontInfo, QRawFont

from wizard.pages.accueil import BOARD_MARKS

MARKS = tuple(dict.fromkeys(BOARD_MARKS.values()))


def test_board_marks_are_windows_ansi_characters_or_the_square_root():
    # Windows' ANSI code page is in every Windows font; √ is in WGL4, which Tahoma, Segoe UI and Arial carry.
    for mark in MARKS:
        assert mark == "√" or mark.encode("cp1252")
    assert len(MARKS) == 3  # done, declared, to do: each its own


def windows_message_font() -> str:
    """The font Windows gives applications for their text (SystemParametersInfo's message font)."""
    from ctypes import wintypes

    class LogFont(ctypes.Structure):
        _fields_ = [("lfHeight", wintypes.LONG), ("lfWidth", wintypes.LONG), ("lfEscapement", wintypes.LONG),
                    ("lfOrientation", wintypes.LONG), ("lfWeight", wintypes.LONG), ("lfItalic", wintypes.BYTE),
                    ("lfUnderline", wintypes.BYTE), ("lfStrikeOut", wintypes.BYTE), ("lfCharSet", wintypes.BYTE),
                    ("lfOutPrecision", wintypes.BYTE), ("lfClipPrecision", wintypes.BYTE),
                    ("lfQuality", wintypes.BYTE), ("lfPitchAndFamily", wintypes.BYTE),
                    ("lfFaceName", wintypes.WCHAR * 32)]

    class NonClientMetrics(ctypes.Structure):
        _fields_ = [("cbSize", wintypes.UINT), ("iBorderWidth", ctypes.c_int), ("iScrollWidth", ctypes.c_int),
                    ("iScrollHeight", ctypes.c_int), ("iCaptionWidth", ctypes.c_int),
                    ("iCaptionHeight", ctypes.c_int), ("lfCaptionFont", LogFont), ("iSmCaptionWidth", ctypes.c_int),
                    ("iSmCaptionHeight", ctypes.c_int), ("lfSmCaptionFont", LogFont), ("iMenuWidth", ctypes.c_int),
                    ("iMenuHeight", ctypes.c_int), ("lfMenuFont", LogFont), ("lfStatusFont", LogFont),
                    ("lfMessageFont", LogFont), ("iPaddedBorderWidth", ctypes.c_int)]

    metrics = NonClientMetrics()
    metrics.cbSize = ctypes.sizeof(metrics)
    spi_getnonclientmetrics = 0x29
    assert ctypes.windll.user32.SystemParametersInfoW(spi_getnonclientmetrics, metrics.cbSize, ctypes.byref(metrics), 0)
    return substitute(metrics.lfMessageFont.lfFaceName)


def substitute(family: str) -> str:
    """A logical name (« MS Shell Dlg », Wine's message font) → the font Windows draws it with."""
    import winreg

    try:
        with winreg.OpenKey(winreg.HKEY_LOCAL_MACHINE,
                            r"SOFTWARE\Microsoft\Windows NT\CurrentVersion\FontSubstitutes") as key:
            return str(winreg.QueryValueEx(key, family)[0]).split(",")[0]
    except OSError:
        return family


@pytest.mark.skipif(sys.platform != "win32", reason="Windows' own user-interface font")
def test_the_windows_interface_font_draws_every_board_mark(qapp):
    family = windows_message_font()
    font = QFont(family)
    if QFontInfo(font).family() != family:
        pytest.fail(f"{family} not found in %WINDIR%\\Fonts (QT_QPA_FONTDIR)")
    raw = QRawFont.fromFont(font)
    assert [mark for mark in MARKS if not raw.supportsCharacter(ord(mark))] == [], family
