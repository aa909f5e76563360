"""One background job at a time behind a button: a progress bar, a Cancel button, the button greyed meanwhile.

Shared by the file analysis, the matching preview and the server checks, so the three behave alike for the
keyboard (focus moves to Cancel and back) and for Next (pages ask `running`)."""
from __future__ import annotations

from typing import Callable

from PySide6.QtWidgets import QHBoxLayout, QProgressBar, QPushButton, QWidget

from wizard.ui_worker import Worker


class TaskRunner:
    def __init__(self, owner: QWidget, start_button: QPushButton, *, cancel_text: str, cancel_name: str,
                 progress_name: str, determinate: bool = True, on_busy: Callable[[bool], None] | None = None):
        self.owner = owner
        self.start_button = start_button
        self.on_busy = on_busy
        self.worker: Worker | None = None
        self._busy = False
        self.bar = QProgressBar()
        self.determinate = determinate
        self.bar.setRange(0, 1000 if determinate else 0)  # 0..0: a request has no meaningful percentage
        self.bar.setAccessibleName(progress_name)
        self.bar.setVisible(False)
        self.cancel = QPushButton(cancel_text)
        self.cancel.setObjectName(cancel_name)
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
        """Start `job(progress, cancelled)`; False when one is already running and `replace` is not set."""
        if self.running:
            if not replace:
                return False
            self.worker.cancel()
            self.worker.wait()
            self.worker.disconnect_all()  # the replaced job's late signals must not reach the page
        self.worker = Worker(job, self.owner)
        if self.determinate:
            self.worker.progressed.connect(lambda fraction: self.bar.setValue(int(fraction * 1000)))
        # Idle first, then the page hears the outcome: it may start the next job from there (the matching does,
        # after asking for the CSV columns).
        self.worker.succeeded.connect(lambda result: self._then(done, result))
        self.worker.failed.connect(lambda message: self._then(failed, message))
        self.worker.cancelled.connect(lambda: self._then(cancelled))
        self._set_busy(True)
        self.worker.start()
        return True

    def _then(self, callback, *outcome) -> None:
        self._set_busy(False)
        callback(*outcome)

    def stop(self) -> None:
        if self.worker is not None:
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
        if self.on_busy:
            self.on_busy(on)
