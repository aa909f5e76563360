"""Long work off the GUI thread – file analysis, matching, server checks – behind one kind of control.

A job is a plain function `job(advance, cancelled)`: `advance(fraction)` reports how far it is, `cancelled()`
says whether the admin pressed Cancel, so the core stays Qt-free. Outcomes come back to the GUI thread through
queued signals. Failures are recognised by class (`wizard.core.errors`): a `UserError` carries the French sentence
for the page, `Cancelled` is not a failure, anything else is a bug – logged, and the page says it generically.

`TaskRunner` puts one job at a time behind a button: a progress bar, a Cancel button, the button greyed
meanwhile, the focus moved to Cancel and back. Pages ask `running`; `StepPage` keeps Next waiting while any of its
runners runs, and cancels them when the admin leaves the page (Back, another school): a cancelled job's outcome,
even one already on its way, reaches the page as « cancelled », never as a result.

Every job's thread is known here until it ends (`_LIVE`): closing the window cancels them all and waits for them, a
bounded time (`shutdown`); the app ends without destroying a thread still running (« QThread: Destroyed while
thread is still running » aborts the process).
"""
from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal
from PySide6.QtWidgets import QHBoxLayout, QProgressBar, QPushButton, QWidget

from wizard.core.errors import Cancelled, UserError

log = logging.getLogger("wizard.worker")
# The workers whose thread runs, kept alive here rather than by a page: a page may go before its job ends.
_LIVE: set[Worker] = set()


class Worker(QObject):
    progressed = Signal(float)
    succeeded = Signal(object)
    # The French sentence of a UserError, else "" and the page says it generically. Only a string crosses
    # threads: exception objects hold frames of the worker thread.
    failed = Signal(str)
    cancelled = Signal()

    def __init__(self, job: Callable[..., Any]):
        super().__init__()
        self._job = job
        self._stop = threading.Event()
        self._thread: QThread | None = None
        # Its outcome goes nowhere now (replaced, or the window closing). A flag read on the window's thread, rather
        # than disconnecting the signals while the job's thread may be emitting them.
        self.dropped = False

    def start(self) -> None:
        self._thread = _JobThread(self)
        self._thread.setObjectName("wizard-job")  # the thread's name in the system's tools (and tests)
        self._thread.finished.connect(self._thread_done)
        _LIVE.add(self)
        self._thread.start()

    def _thread_done(self) -> None:
        # Forget the thread before Qt deletes it: asking a deleted QThread isRunning() raises.
        thread, self._thread = self._thread, None
        if thread is not None:
            thread.deleteLater()
        _LIVE.discard(self)

    @property
    def alive(self) -> bool:
        return self._thread is not None and self._thread.isRunning()

    def cancel(self) -> None:
        self._stop.set()

    def wait(self, ms: int = 30000) -> bool:
        return self._thread.wait(ms) if self._thread is not None else True

    def _run(self) -> None:
        try:
            result = self._job(advance=self.progressed.emit, cancelled=self._stop.is_set)
        except Cancelled:
            self.cancelled.emit()
        except UserError as problem:
            self.cancelled.emit() if self._stop.is_set() else self.failed.emit(problem.message)
        except Exception as exc:  # noqa: BLE001 - a bug in a job is reported to the page, never raised in a thread
            if self._stop.is_set():
                self.cancelled.emit()
            else:
                log.error("tâche en arrière-plan échouée", exc_info=(type(exc), exc, exc.__traceback__))
                self.failed.emit("")
        else:
            self.cancelled.emit() if self._stop.is_set() else self.succeeded.emit(result)


def shutdown(timeout_ms: int = 5000) -> int:
    """Cancel every job and wait for their threads, `timeout_ms` in all; how many still run after that (a job deep
    in a call that cannot be interrupted). Their late outcomes go nowhere: the pages may be gone."""
    workers = list(_LIVE)
    for worker in workers:
        worker.cancel()
        worker.dropped = True
    deadline = time.monotonic() + timeout_ms / 1000
    for worker in workers:
        worker.wait(max(0, int((deadline - time.monotonic()) * 1000)))
    still = [worker for worker in workers if worker.alive]
    for worker in workers:
        if not worker.alive:
            _LIVE.discard(worker)
    if still:
        log.warning("%d tâche(s) encore en cours à la fermeture", len(still))
    return len(still)


def running_jobs() -> int:
    return sum(worker.alive for worker in list(_LIVE))


class _JobThread(QThread):
    def __init__(self, worker: Worker):
        super().__init__()
        self.worker = worker

    def run(self) -> None:
        self.worker._run()


class TaskRunner:
    def __init__(self, owner: QWidget, start_button: QPushButton, *, cancel_text: str, cancel_name: str,
                 progress_name: str, determinate: bool = True):
        self.owner = owner
        self.start_button = start_button
        self.busy_changed: list[Callable[[bool], None]] = []  # StepPage listens: Next waits while a job runs
        self.worker: Worker | None = None
        self._busy = False
        self._stopped = False  # Cancel pressed, or the page left: whatever comes back is « cancelled »
        self.bar = QProgressBar()
        self.determinate = determinate
        self.bar.setRange(0, 1000 if determinate else 0)  # 0..0: a request has no meaningful percentage
        self.bar.setAccessibleName(progress_name)
        self.bar.setVisible(False)
        self.cancel = QPushButton(cancel_text)
        self.cancel.setObjectName(cancel_name)
        self.cancel.setAutoDefault(False)
        self.cancel.setVisible(False)
        self.cancel.clicked.connect(self.stop)

    def controls(self) -> QHBoxLayout:
        """The start button, the progress bar and Cancel on one line, as every page shows them."""
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        for widget in (self.start_button, self.bar, self.cancel):
            row.addWidget(widget)
        row.addStretch(1)
        return row

    @property
    def running(self) -> bool:
        # Until the job's results have reached the GUI thread, not merely until its thread has ended: in between,
        # a page would take its old results for the new ones.
        return self._busy

    def run(self, job, *, done, failed, cancelled, replace: bool = False) -> bool:
        """Start `job(advance, cancelled)`; False when one is already running and `replace` is not set."""
        if self.running:
            if not replace:
                return False
            # The replaced job ends on its own (shutdown knows it); its late signals must not reach the page.
            self.worker.cancel()
            self.worker.dropped = True
        self._stopped = False
        self.worker = worker = Worker(job)
        if self.determinate:
            worker.progressed.connect(lambda fraction: worker.dropped or self.bar.setValue(int(fraction * 1000)))
        # Idle first, then the page hears the outcome: it may start the next job from there (the matching does,
        # after asking for the CSV columns).
        worker.succeeded.connect(lambda result: worker.dropped or self._then(done, result))
        worker.failed.connect(lambda message: worker.dropped or self._then(failed, message))
        self._cancelled_callback = cancelled
        worker.cancelled.connect(lambda: worker.dropped or self._then(cancelled))
        self._set_busy(True)
        self.worker.start()
        return True

    def _then(self, callback, *outcome) -> None:
        self._set_busy(False)
        if self._stopped and callback is not self._cancelled_callback:
            self._cancelled_callback()
            return
        callback(*outcome)

    def stop(self) -> None:
        """Cancel the job: its outcome, even one already sent, reaches the page as « cancelled »."""
        if self.worker is not None and self._busy:
            self._stopped = True
            self.worker.cancel()

    def _set_busy(self, on: bool) -> None:
        self._busy = on
        # Hiding Cancel while it has the focus would hand the focus to the next button in the window, often
        # « Précédent »: Enter would then go back. The focus returns to the button that started the job.
        cancel_had_focus = self.cancel.hasFocus()
        self.bar.setValue(0)
        self.start_button.setEnabled(not on)
        self.bar.setVisible(on)
        self.cancel.setVisible(on)
        if on:
            self.cancel.setFocus()
        elif cancel_had_focus or self.owner.focusWidget() is None:
            self.start_button.setFocus()
        for listener in self.busy_changed:
            listener(on)
