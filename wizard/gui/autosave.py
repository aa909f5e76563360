"""The progress written while the admin works: after a pause, off the screen's thread; at once when a step is left,
and at once – waited for – when the window closes, the app quits or a bug is reported.

Typing costs the screen's thread a timer restarted per keystroke. When the pause comes, the document is
serialised there (one consistent state, `store.encode`: compact, about 2 ms with six years of imports) and a
writer thread (core/saving.py) does the disk's part, so a slow disk, an antivirus scanning each write or a
network share never freezes the window. A change counts as « enregistré » (`Progress.saved`) only once on disk:
an app killed before that loses the last moments of typing, never what it said was saved.
"""
from __future__ import annotations

import threading
import time

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget

from wizard.core.progress import Progress
from wizard.core.saving import WriterThread

PAUSE_MS = 400  # the admin stops typing: written this long after the last change
LONGEST_S = 3.0  # the admin never stops: written at least this often


class _Lifetime:
    """Whether the views may still hear of a write. A write can end in the writer thread at the very moment Qt
    deletes the window (its autosave with it): a signal emitted from the thread then reaches an object half
    destroyed – a crash, not an exception. The window's `destroyed` comes before its children are deleted; it ends
    the lifetime under the lock the thread holds while it emits, so the two never overlap."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.alive = True

    def end(self) -> None:
        with self.lock:
            self.alive = False


class AutoSave(QObject):
    written = Signal()  # a write ended: queued from the writer thread to the screen's, where the views refresh

    def __init__(self, progress: Progress, window: QWidget):
        super().__init__(window)
        self.progress = progress
        self._lifetime = _Lifetime()
        window.destroyed.connect(self._lifetime.end)  # a plain Python callable: runs as Qt destroys the window
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(PAUSE_MS)
        self.timer.timeout.connect(self.flush)
        self._since = 0.0
        progress.writer = WriterThread(progress.store, self._written)
        progress.write_soon = self.soon
        self.written.connect(progress.notify)

    def soon(self) -> None:
        """A change: written after the pause, or now when changes have been waiting for LONGEST_S."""
        now = time.monotonic()
        if not self.timer.isActive():
            self._since = now
        elif now - self._since >= LONGEST_S:
            self.flush()
            return
        self.timer.start()

    def flush(self, *, refresh_backup: bool = False) -> None:
        """Hand what changed to the writer now (a step left: with a fresh `.bak`)."""
        self.timer.stop()
        self.progress.flush(refresh_backup=refresh_backup)

    def finish(self) -> bool:
        """Everything written now and waited for (closing, quitting, a bug reported); whether it reached the disk."""
        self.flush()
        self.progress.writer.wait()
        return self.progress.saved

    def _written(self, revision: int, problem: str) -> None:  # in the writer thread
        self.progress.written(revision, problem)
        with self._lifetime.lock:
            if self._lifetime.alive:  # else the window is gone: no view to refresh
                self.written.emit()
