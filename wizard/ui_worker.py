"""Long work off the GUI thread: file analysis, matching, network checks.

The job is a plain function taking `progress(fraction)` and `cancelled()` callables, so the core stays Qt-free;
results come back to the GUI thread through queued signals.
"""
from __future__ import annotations

import logging
import threading
from typing import Any, Callable

from PySide6.QtCore import QObject, QThread, Signal

log = logging.getLogger("wizard.worker")


class Cancelled(Exception):
    """Raised by a job that noticed `cancelled()`; the worker reports it as `cancelled`, not as a failure."""


class Worker(QObject):
    progressed = Signal(float)
    succeeded = Signal(object)
    # The French sentence of a failure that carries one (`.message`), else "" and the page says it generically.
    # Only a string crosses threads: exception objects hold frames of the worker thread.
    failed = Signal(str)
    cancelled = Signal()
    finished = Signal()

    def __init__(self, job: Callable[..., Any], parent: QObject | None = None):
        super().__init__(parent)
        self._job = job
        self._stop = threading.Event()
        self._thread: QThread | None = None

    def start(self) -> None:
        self._thread = _JobThread(self)
        self._thread.finished.connect(self._thread_done)
        self._thread.start()

    def _thread_done(self) -> None:
        # Forget the thread before Qt deletes it: asking a deleted QThread isRunning() raises.
        thread, self._thread = self._thread, None
        if thread is not None:
            thread.deleteLater()

    def disconnect_all(self) -> None:
        for signal in (self.progressed, self.succeeded, self.failed, self.cancelled, self.finished):
            try:
                signal.disconnect()
            except (RuntimeError, TypeError):
                pass  # nothing connected

    def cancel(self) -> None:
        self._stop.set()

    def is_cancelled(self) -> bool:
        return self._stop.is_set()

    def is_running(self) -> bool:
        return self._thread is not None and self._thread.isRunning()

    def wait(self, ms: int = 30000) -> bool:
        return self._thread.wait(ms) if self._thread is not None else True

    def _run(self) -> None:
        try:
            result = self._job(progress=self.progressed.emit, cancelled=self._stop.is_set)
        except Exception as exc:  # noqa: BLE001 - every failure is reported to the page, never raised in a thread
            if self._stop.is_set() or type(exc).__name__ == "Cancelled":
                self.cancelled.emit()
            else:
                message = getattr(exc, "message", None)
                if not isinstance(message, str):
                    log.error("tâche en arrière-plan échouée", exc_info=(type(exc), exc, exc.__traceback__))
                    message = ""
                self.failed.emit(message)
        else:
            if self._stop.is_set():
                self.cancelled.emit()
            else:
                self.succeeded.emit(result)
        finally:
            self.finished.emit()


class _JobThread(QThread):
    def __init__(self, worker: Worker):
        super().__init__()
        self.worker = worker

    def run(self) -> None:
        self.worker._run()
