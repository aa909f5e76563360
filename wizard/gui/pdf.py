"""Lays the records out for A4 with Qt's own QTextDocument: to a PDF file, or to a printer.

A record is a list of blocks (`wizard/core/printed.py`); the pages are made here, not by QTextDocument's own
pagination, which cuts a table row in two and leaves a heading alone at the bottom of a page. Each page is a
QTextDocument of the blocks that fit in it, measured on the device itself (its fonts and resolution), with:
- a heading (and a table's note) kept with what follows;
- a table cut between rows only, its header row repeated at the top of the next page;
- no last page holding fewer than `MIN_LINES` lines: rows or paragraphs move down from the page before;
- a footer line (the document, the school, « page n sur N ») inside the printable area.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QGuiApplication,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextDocument,
    QTextOption,
)

from wizard.core.entdata import current
from wizard.core.outputs import is_whole_pdf, write_atomically
from wizard.core.printed import Block, Printed, Table

MARGINS_MM = 15
MIN_LINES = 5
FOOTER_POINTS = 8


def _document(html: str, device=None, width: float | None = None) -> QTextDocument:
    document = QTextDocument()
    if device is not None:
        document.documentLayout().setPaintDevice(device)  # the device's own fonts and resolution
    # Lines break between words; a word longer than its column (an address beside other columns) is the only one
    # that may break inside: columns are at least as wide as their longest word otherwise (printed.column_widths).
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    document.setDefaultTextOption(option)
    document.setDocumentMargin(0)
    document.setHtml(html)
    if width is not None:
        document.setTextWidth(width)
    return document


# -- pages ----------------------------------------------------------------------------------------------------
class _Piece:
    """A block, or rows [start, end) of a table: what a page is made of."""

    __slots__ = ("block", "start", "end")

    def __init__(self, block: Block, start: int = 0, end: int = 0):
        self.block, self.start, self.end = block, start, end

    def html(self) -> str:
        if isinstance(self.block, Table):
            return self.block.html(self.start, self.end)
        return self.block.html()


def _units(blocks: list[Block]) -> list[list[_Piece]]:
    """The document as units that never split across pages: a paragraph; one table row (the first with the
    table's header); each glued to the block before it when that one keeps with next (a heading, a note)."""
    units: list[list[_Piece]] = []
    glue: list[_Piece] = []
    for block in blocks:
        if isinstance(block, Table):
            pieces = [_Piece(block, row, row + 1) for row in range(len(block.rows))] or [_Piece(block, 0, 0)]
        else:
            pieces = [_Piece(block)]
        if block.keep_with_next:
            glue += pieces
            continue
        units.append(glue + pieces[:1])
        units += [[piece] for piece in pieces[1:]]
        glue = []
    if glue:
        units.append(glue)
    return units


def _page_html(units: list[list[_Piece]], css: str) -> str:
    """One page's HTML: rows of the same table that follow each other make one table."""
    merged: list[_Piece] = []
    for piece in (piece for unit in units for piece in unit):
        last = merged[-1] if merged else None
        if (last is not None and isinstance(piece.block, Table) and last.block is piece.block
                and last.end == piece.start):
            merged[-1] = _Piece(piece.block, last.start, piece.end)
        else:
            merged.append(_Piece(piece.block, piece.start, piece.end))
    return css + "\n".join(piece.html() for piece in merged)


class _Pager:
    def __init__(self, device, width: float, height: float, css: str):
        self.device, self.width, self.height, self.css = device, width, height, css

    def layout(self, units) -> QTextDocument:
        return _document(_page_html(units, self.css), self.device, self.width)

    def fits(self, units) -> bool:
        return self.layout(units).size().height() <= self.height

    def lines(self, units) -> int:
        """The lines of text a page shows: distinct baselines (the cells of a table row share theirs)."""
        document = self.layout(units)
        layout = document.documentLayout()
        baselines = set()
        block = document.begin()
        while block.isValid():
            top = layout.blockBoundingRect(block).top()
            text_layout = block.layout()
            for index in range(text_layout.lineCount()):
                line = text_layout.lineAt(index)
                if block.text().strip():
                    baselines.add(round((top + line.y() + line.ascent()) / 4))
            block = block.next()
        return len(baselines)

    def paginate(self, blocks: list[Block]) -> list[list[list[_Piece]]]:
        pages: list[list[list[_Piece]]] = [[]]
        for unit in _units(blocks):
            if not pages[-1] or self.fits(pages[-1] + [unit]):
                pages[-1].append(unit)
            else:
                pages.append([unit])
        # No last page with a lone line or two: bring units down from the page before while it stays full enough.
        while len(pages) > 1 and self.lines(pages[-1]) < MIN_LINES and len(pages[-2]) > 1:
            moved = [pages[-2][-1], *pages[-1]]
            if not self.fits(moved) or self.lines(pages[-2][:-1]) < MIN_LINES:
                break
            pages[-2], pages[-1] = pages[-2][:-1], moved
        return pages


def render(document: Printed, device) -> None:
    """Draw `document` on a paged device (QPdfWriter, QPrinter) whose page layout is already set."""
    width, height = device.width(), device.height()
    footer_font = QFont("DejaVu Sans")
    footer_font.setPointSizeF(FOOTER_POINTS)
    footer_height = FOOTER_POINTS * 2.2 * device.logicalDpiY() / 72
    pager = _Pager(device, width, height - footer_height, document.css)
    pages = pager.paginate(document.blocks)
    painter = QPainter(device)
    try:
        for number, units in enumerate(pages, start=1):
            if number > 1:
                device.newPage()
            page = pager.layout(units)
            page.drawContents(painter, QRectF(0, 0, width, height - footer_height))
            if document.footer or len(pages) > 1:
                painter.setFont(footer_font)
                painter.setPen(QColor("#555555"))
                text = f"{document.footer} – page {number} sur {len(pages)}" if document.footer else \
                    f"page {number} sur {len(pages)}"
                text = painter.fontMetrics().elidedText(text, Qt.TextElideMode.ElideMiddle, int(width))
                painter.drawText(QRectF(0, height - footer_height, width, footer_height),
                                 Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, text)
    finally:
        painter.end()


def _a4(device) -> None:
    device.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                                     QMarginsF(MARGINS_MM, MARGINS_MM, MARGINS_MM, MARGINS_MM),
                                     QPageLayout.Unit.Millimeter))


def write_pdf(document: Printed, path: Path, title: str) -> None:
    """The PDF at `path`, whole, or OutputFailed and `path` as it was. QPdfWriter never reports a failure (a
    folder it cannot write, a file held open): the file it wrote is checked before it takes the target's place
    (wizard/core/outputs.py)."""

    def draw(temporary: Path) -> None:
        # Drawn in memory, written by Python: Qt cannot name a file whose path is not valid Unicode (a folder
        # « Coll\xe8ge » written in Latin-1 on a Linux stick), Python can (before: « n'a pas pu être écrit »).
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        writer = QPdfWriter(buffer)
        writer.setTitle(title)
        writer.setCreator(f"Assistant d'interconnexion PRONOTE – {current().name}")
        _a4(writer)
        render(document, writer)
        del writer  # the PDF is finished when its writer goes
        buffer.close()
        with open(temporary, "wb") as handle:  # closed before it is checked and renamed (Windows cannot rename it open)
            handle.write(data.data())

    write_atomically(Path(path), draw, is_whole_pdf)


def print_document(document: Printed, printer) -> None:
    """To a printer the admin chose: its paper, our margins."""
    printer.setPageMargins(QMarginsF(MARGINS_MM, MARGINS_MM, MARGINS_MM, MARGINS_MM), QPageLayout.Unit.Millimeter)
    render(document, printer)


def print_html(html: str, printer) -> None:
    """Any other HTML (the matching worksheet), paginated by Qt itself."""
    _document(html).print_(printer)


def ensure_gui_application() -> QGuiApplication:
    """Fonts need a QGuiApplication; without a screen (servers, CI) the offscreen platform draws the same PDF."""
    if sys.platform.startswith("linux") and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # read when the application is made, below
    running = QGuiApplication.instance()
    return running if isinstance(running, QGuiApplication) else QGuiApplication([sys.argv[0]])

