"""How the progress reaches the disk: in the caller's thread (the headless commands, the tests), or – in the
window – in a writer thread, so that the screen's thread never waits for a disk, an antivirus or a network share.

Both take the document already serialised (`store.encode`, on the thread that changes the document, so the bytes
are one consistent state) and report each write's outcome as `written(revision, problem)`: `problem` is "" or the
French sentence of the failure (`SaveFailed`). The writer thread writes only the latest document: one handed over
while another is being written replaces any still waiting, since it holds all of it.
"""
from __future__ import annotations

import threading
from collections.abc import Callable

from wizard.core.store import ProgressStore, SaveFailed

Written = Callable[[int, str], None]


def write(store: ProgressStore, data: bytes, refresh_backup: bool) -> str:
    """Write `data`; "" when done, else the sentence that says what failed and what to do."""
    try:
        store.write(data, refresh_backup=refresh_backup)
    except SaveFailed as failure:
        return failure.message
    return ""


class WriteNow:
    """Writes in the caller's thread, before `submit` returns."""

    def __init__(self, store: ProgressStore, written: Written):
        self.store, self.written = store, written

    def submit(self, revision: int, data: bytes, refresh_backup: bool) -> None:
        self.written(revision, write(self.store, data, refresh_backup))

    def wait(self) -> None:
        pass


class WriterThread:
    """Writes in a thread of its own, started when there is something to write and ended when there is nothing
    left; `wait()` returns once everything handed over is written (or has failed)."""

    def __init__(self, store: ProgressStore, written: Written):
        self.store, self.written = store, written
        self._turn = threading.Condition()
        self._next: tuple[int, bytes, bool] | None = None
        self._thread: threading.Thread | None = None

    def submit(self, revision: int, data: bytes, refresh_backup: bool) -> None:
        with self._turn:
            if self._next is not None:  # not started yet: this one holds all of it (and its backup, if asked)
                refresh_backup = refresh_backup or self._next[2]
            self._next = (revision, data, refresh_backup)
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="progress-writer", daemon=True)
                self._thread.start()

    def wait(self) -> None:
        with self._turn:
            while self._thread is not None:
                self._turn.wait()

    def _run(self) -> None:
        try:
            while True:
                with self._turn:
                    if self._next is None:  # ended under the lock: a document handed over now starts a new thread
                        self._thread = None
                        self._turn.notify_all()
                        return
                    revision, data, refresh_backup = self._next
                    self._next = None
                self.written(revision, write(self.store, data, refresh_backup))
        except BaseException:
            # A bug (the crash reporter hears of it through threading.excepthook): `wait` must not hang, and the
            # change stays unsaved – nothing claims « enregistré ».
            with self._turn:
                self._thread = None
                self._turn.notify_all()
            raise
