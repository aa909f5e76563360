"""Choosing a file to open or a place to save: Qt's own dialog, in the interface's language, opening where the
admin keeps downloads and documents (never at the root of the disk)."""
from __future__ import annotations

import sys
from collections.abc import Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QStandardPaths, QTranslator
from PySide6.QtWidgets import QApplication, QFileDialog, QWidget

# Qt's own dialog asks for these two labels with a mnemonic, and qtbase_fr knows them only without it: they stayed
# in English (« Look in: », « Files of type: ») in a French dialog.
_LABELS_WITHOUT_THEIR_MNEMONIC = ("&Look in:", "Files of &type:")


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


class _DialogLabels(QTranslator):
    """Gives those two labels the translation Qt has for them without the mnemonic (only while a dialog opens:
    a translator written in Python is asked for every text of the application)."""

    def translate(self, context, source, disambiguation=None, n=-1):
        if context == "QFileDialog" and source in _LABELS_WITHOUT_THEIR_MNEMONIC:
            bare = source.replace("&", "")
            found = QCoreApplication.translate(context, bare)
            if found != bare:
                return found
        return None  # a null string: no translation here, Qt asks the other translators (an empty one would blank)


@contextmanager
def _translated_labels():
    labels = _DialogLabels()
    QApplication.installTranslator(labels)
    try:
        yield
    finally:
        QApplication.removeTranslator(labels)


def changed_since_analysed(chosen: Mapping[str, Any] | None) -> bool:
    """The identifier file analysed for a pass is still where it was, with another size or modification time:
    re-exported or replaced since (PRONOTE writes its export under the same name every time). A cheap look, made as
    a page opens, nothing read: a copy that keeps the old time at the very same size goes unseen here (the matching
    compares the bytes it reads with the recorded fingerprint). Times are compared exactly as the same stat gave
    them at the check (a share that rounds them rounds both alike); a file checked before they were kept (None) is
    judged on its size alone."""
    if not chosen:
        return False
    try:
        now = Path(chosen["path"]).stat()
    except (OSError, ValueError):  # gone, unreachable, or a path this system cannot take: not « changed »
        return False
    recorded = chosen.get("mtime_ns")
    return now.st_size != chosen["size"] or (recorded is not None and now.st_mtime_ns != recorded)


def open_file(parent: QWidget, title: str, filters: str, remembered: str | Path | None = None) -> str:
    with _translated_labels():
        path, _ = QFileDialog.getOpenFileName(parent, title, start_folder(remembered), filters, options=_options())
    return path


def save_file(parent: QWidget, title: str, file_name: str, filters: str) -> str:
    with _translated_labels():
        path, _ = QFileDialog.getSaveFileName(parent, title, str(Path(start_folder()) / file_name), filters,
                                              options=_options())
    return path
