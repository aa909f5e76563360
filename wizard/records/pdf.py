"""Lays the records out with Qt's own QTextDocument: to a PDF file, or to a printer."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMarginsF
from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter, QTextDocument


def _document(html: str) -> QTextDocument:
    document = QTextDocument()
    document.setHtml(html)
    return document


def write_pdf(html: str, path: Path, title: str) -> None:
    writer = QPdfWriter(str(path))
    writer.setTitle(title)
    writer.setCreator("Assistant d'interconnexion PRONOTE – mon ENT Occitanie")
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                                     QMarginsF(15, 15, 15, 15), QPageLayout.Unit.Millimeter))
    # print_() paginates to the writer's page and scales points to its resolution by itself.
    _document(html).print_(writer)


def print_html(html: str, printer) -> None:
    _document(html).print_(printer)
