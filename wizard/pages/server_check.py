"""The live PRONOTE server check as a widget: a button, a busy state with Cancel, and the outcome inline.

Used by the school page (address and version) and by part 2 (delegation to mon ENT Occitanie). The network
work runs in a worker thread; the judgement comes from the Qt-free probe client.
"""
from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QPushButton, QVBoxLayout, QWidget

from wizard.pages.base import notice, style_notice
from wizard.pages.task import TaskRunner
from wizard.i18n import tr


class ServerCheck(QWidget):
    started = Signal()
    finished = Signal(object)  # the ProbeResult, or None when cancelled or failed

    def __init__(self, label: str, url_getter, cas_host: str, parent=None):
        super().__init__(parent)
        self.url_getter = url_getter
        self.cas_host = cas_host
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.button = QPushButton(label)
        self.button.setObjectName("check_server")
        self.button.setAccessibleName(label.replace("&", ""))
        self.button.clicked.connect(self.start)
        self.task = TaskRunner(self, self.button, cancel_text=tr("Annuler la vérification"), cancel_name="cancel_check",
                               progress_name=tr("Vérification du serveur en cours"), determinate=False)
        self.cancel, self.busy = self.task.cancel, self.task.bar
        self.busy.setMaximumWidth(160)
        layout.addLayout(self.task.controls())
        self.message = notice("", "info")
        self.message.setObjectName("check_message")
        self.message.setVisible(False)
        layout.addWidget(self.message)

    @property
    def running(self) -> bool:
        return self.task.running

    def start(self) -> None:
        from wizard.probe import probe_server

        url, cas_host = self.url_getter(), self.cas_host
        job = lambda progress, cancelled: probe_server(url, cas_host=cas_host, cancelled=cancelled)
        if self.task.run(job, done=self._done, failed=self._failed, cancelled=self._cancelled):
            self.show_message(tr("Interrogation du serveur PRONOTE…"), "info")
            self.started.emit()

    def stop(self) -> None:
        self.task.stop()

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
