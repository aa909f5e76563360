"""Lays the records out with Qt's own QTextDocument: to a PDF file, or to a printer."""
from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QMarginsF
from PySide6.QtGui import QGuiApplication, QPageLayout, QPageSize, QPdfWriter, QTextDocument, QTextOption

from wizard.core.entdata import current
from wizard.core.outputs import is_whole_pdf, write_atomically


def _document(html: str) -> QTextDocument:
    document = QTextDocument()
    # QTextDocument's default wrap mode also cuts inside words (« Paren/t » in a narrow table column); lines break
    # between words only, and columns are at least as wide as their longest word.
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WordWrap)
    document.setDefaultTextOption(option)
    document.setHtml(html)
    return document


def write_pdf(html: str, path: Path, title: str) -> None:
    """The PDF at `path`, whole, or OutputFailed and `path` as it was. QPdfWriter never reports a failure (a
    folder it cannot write, a file held open): the file it wrote is checked before it takes the target's place
    (wizard/core/outputs.py)."""

    def draw(temporary: Path) -> None:
        writer = QPdfWriter(str(temporary))
        writer.setTitle(title)
        writer.setCreator(f"Assistant d'interconnexion PRONOTE – {current().name}")
        writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                                         QMarginsF(15, 15, 15, 15), QPageLayout.Unit.Millimeter))
        # print_() paginates to the writer's page and scales points to its resolution by itself.
        _document(html).print_(writer)
        del writer  # the file is closed before it is checked and renamed (Windows cannot rename it open)

    write_atomically(Path(path), draw, is_whole_pdf)


def print_html(html: str, printer) -> None:
    _document(html).print_(printer)


def ensure_gui_application() -> QGuiApplication:
    """Fonts need a QGuiApplication; without a screen (servers, CI) the offscreen platform draws the same PDF."""
    if sys.platform.startswith("linux") and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # read when the application is made, below
    return QGuiApplication.instance() or QGuiApplication([sys.argv[0]])
