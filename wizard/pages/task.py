"""One background job at a time behind a button: a progress bar, a Cancel button, the button greyed meanwhile.

Shared by the file analysis, the matching preview and the server checks, so the three behave alike for the
keyboard (focus moves to Cancel and back) and for Next (pages ask `running`)."""
from __future__ import annotations

from typing import Callable

from PySide6.QtWidgets import QProgressBar, QPushButton, QWidget

from wizard.ui_worker import Worker


class TaskRunner:
    def __init__(self, owner: QWidget, start_button: QPushButton, *, cancel_text: str, cancel_name: str,
                 progress_name: str, determinate: bool = True, on_busy: Callable[[bool], None] | None = None):
        self.owner = owner
        self.start_button = start_button
        self.on_busy = on_busy
        self.worker: Worker | None = None
        self.bar = QProgressBar()
        self.determinate = determinate
        self.bar.setRange(0, 1000 if determinate else 0)  # 0..0: a request has no meaningful percentage
        self.bar.setAccessibleName(progress_name)
        self.bar.setVisible(False)
        self.cancel = QPushButton(cancel_text)
        self.cancel.setObjectName(cancel_name)
        self.cancel.setVisible(False)
        self.cancel.clicked.connect(self.stop)

    @property
    def running(self) -> bool:
        return self.worker is not None and self.worker.is_running()

    def run(self, job, *, done, failed, cancelled, replace: bool = False) -> bool:
        """Start `job(progress, cancelled)`; False when one is already running and `replace` is not set."""
        if self.running:
            if not replace:
                return False
            self.worker.cancel()
            self.worker.wait()
        self.worker = Worker(job, self.owner)
        if self.determinate:
            self.worker.progressed.connect(lambda fraction: self.bar.setValue(int(fraction * 1000)))
        self.worker.succeeded.connect(done)
        self.worker.failed.connect(failed)
        self.worker.cancelled.connect(cancelled)
        self.worker.finished.connect(lambda: self._set_busy(False))
        self._set_busy(True)
        self.worker.start()
        return True

    def stop(self) -> None:
        if self.worker is not None:
            self.worker.cancel()

    def _set_busy(self, on: bool) -> None:
        self.bar.setValue(0)
        self.bar.setVisible(on)
        self.cancel.setVisible(on)
        self.start_button.setEnabled(not on)
        if on:
            self.cancel.setFocus()
        elif self.cancel.hasFocus() or self.owner.focusWidget() is None:
            self.start_button.setFocus()
        if self.on_busy:
            self.on_busy(on)
