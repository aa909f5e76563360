"""Choosing a file to open or a place to save: Qt's own dialog, in the interface's language, opening where the
admin keeps downloads and documents (never at the root of the disk)."""
from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget


def start_folder(remembered: str | Path | None = None) -> str:
    """The folder of the file chosen last time when it still exists, else Downloads, Documents, home."""
    candidates = [Path(remembered).parent] if remembered else []
    for location in (QStandardPaths.StandardLocation.DownloadLocation,
                     QStandardPaths.StandardLocation.DocumentsLocation,
                     QStandardPaths.StandardLocation.HomeLocation):
        found = QStandardPaths.writableLocation(location)
        if found:
            candidates.append(Path(found))
    for folder in candidates:
        if folder.is_dir():
            return str(folder)
    return str(Path.home())


def _options() -> QFileDialog.Option:
    # Windows and macOS dialogs follow the system's language; on Linux the desktop's native dialog may not,
    # Qt's own is translated with the rest of the interface (qtbase_fr).
    if sys.platform.startswith(("win", "darwin")):
        return QFileDialog.Option(0)
    return QFileDialog.Option.DontUseNativeDialog


def open_file(parent: QWidget, title: str, filters: str, remembered: str | Path | None = None) -> str:
    path, _ = QFileDialog.getOpenFileName(parent, title, start_folder(remembered), filters, options=_options())
    return path


def save_file(parent: QWidget, title: str, file_name: str, filters: str) -> str:
    path, _ = QFileDialog.getSaveFileName(parent, title, str(Path(start_folder()) / file_name), filters,
                                          options=_options())
    return path
