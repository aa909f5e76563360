"""The live PRONOTE server check as a widget: a button, a busy state with Cancel, and the outcome inline.

Used by the school page (address and version) and by part 2 (delegation to mon ENT Occitanie). The network
work runs in a worker thread; the judgement comes from the Qt-free probe client.
"""
from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QProgressBar, QPushButton, QVBoxLayout, QWidget

from wizard.pages.base import notice, style_notice
from wizard.ui_worker import Worker
from wizard.i18n import tr


class ServerCheck(QWidget):
    started = Signal()
    finished = Signal(object)  # the ProbeResult, or None when cancelled or failed

    def __init__(self, label: str, url_getter, cas_host: str, parent=None):
        super().__init__(parent)
        self.url_getter = url_getter
        self.cas_host = cas_host
        self.worker: Worker | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        self.button = QPushButton(label)
        self.button.setObjectName("check_server")
        self.button.setAccessibleName(label.replace("&", ""))
        self.button.clicked.connect(self.start)
        self.cancel = QPushButton(tr("Annuler la vérification"))
        self.cancel.setObjectName("cancel_check")
        self.cancel.setVisible(False)
        self.cancel.clicked.connect(self.stop)
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)  # indeterminate: a request has no meaningful percentage
        self.busy.setAccessibleName(tr("Vérification du serveur en cours"))
        self.busy.setMaximumWidth(160)
        self.busy.setVisible(False)
        row.addWidget(self.button)
        row.addWidget(self.busy)
        row.addWidget(self.cancel)
        row.addStretch(1)
        layout.addLayout(row)
        self.message = notice("", "info")
        self.message.setObjectName("check_message")
        self.message.setVisible(False)
        layout.addWidget(self.message)

    @property
    def running(self) -> bool:
        return self.worker is not None and self.worker.is_running()

    def start(self) -> None:
        from wizard.probe import probe_server

        if self.running:
            return
        url = self.url_getter()
        cas_host = self.cas_host
        self.worker = Worker(lambda progress, cancelled: probe_server(url, cas_host=cas_host, cancelled=cancelled), self)
        self.worker.succeeded.connect(self._done)
        self.worker.failed.connect(self._failed)
        self.worker.cancelled.connect(self._cancelled)
        self.worker.finished.connect(lambda: self._set_busy(False))
        self._set_busy(True)
        self.show_message(tr("Interrogation du serveur PRONOTE…"), "info")
        self.started.emit()
        self.worker.start()

    def stop(self) -> None:
        if self.worker is not None:
            self.worker.cancel()

    def _set_busy(self, on: bool) -> None:
        self.button.setEnabled(not on)
        self.busy.setVisible(on)
        self.cancel.setVisible(on)
        if on:
            self.cancel.setFocus()
        elif self.cancel.hasFocus():
            self.button.setFocus()

    def show_message(self, text: str, kind: str) -> None:
        self.message.setText(text)
        self.message.setObjectName(f"check_message_{kind}")
        style_notice(self.message, kind)
        self.message.setVisible(bool(text))

    def _done(self, result) -> None:
        self.finished.emit(result)

    def _failed(self, message: str) -> None:
        self.show_message(message or tr("La vérification a échoué à cause d'une erreur inattendue ; le détail est dans le journal."), "error")
        self.finished.emit(None)

    def _cancelled(self) -> None:
        self.show_message(tr("Vérification annulée."), "warning")
        self.finished.emit(None)
