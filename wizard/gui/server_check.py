"""The live PRONOTE server check as a widget: a button, a busy state with Cancel, and the verdict inline.

Used by the school page (`purpose="address"`: is it PRONOTE, which version, already delegating to the ENT?) and
by part 2 (`purpose="delegation"`: does the server now delegate to the ENT's CAS?). The network work runs in a
worker thread; the verdict – level and French message – comes whole from the Qt-free probe package and is only
shown here, then recorded in the progress (date and outcome).
"""
from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QPushButton, QVBoxLayout, QWidget

from wizard.core.i18n import tr
from wizard.gui.widgets import notice
from wizard.gui.worker import TaskRunner


class ServerCheck(QWidget):
    started = Signal()
    finished = Signal(object)  # the ProbeResult, or None when cancelled or failed

    def __init__(self, label: str, purpose: str, progress, parent=None):
        super().__init__(parent)
        self.purpose = purpose
        self.progress = progress
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.button = QPushButton(label)
        self.button.setObjectName("check_server")
        self.button.setAccessibleName(label.replace("&", ""))
        self.button.setAutoDefault(False)
        self.button.clicked.connect(self.start)
        self.task = TaskRunner(self, self.button, cancel_text=tr("Annuler la vérification"), cancel_name="cancel_check",
                               progress_name=tr("Vérification du serveur en cours"), determinate=False)
        self.task.bar.setMaximumWidth(160)
        row = self.task.controls()
        # School networks often need a proxy: the system's is used; one can be typed here when it must be.
        self.network = QPushButton(tr("Proxy…"))
        self.network.setObjectName("network_settings")
        self.network.setAccessibleName(tr("Réglages du proxy pour la vérification du serveur"))
        self.network.setAutoDefault(False)
        self.network.clicked.connect(self._network_settings)
        row.insertWidget(row.count() - 1, self.network)
        layout.addLayout(row)
        self.message = notice("", "info", "check_message")
        self.message.setVisible(False)
        layout.addWidget(self.message)

    @property
    def running(self) -> bool:
        return self.task.running

    def start(self) -> None:
        from wizard.core.probe import probe_server  # the network check loads with its first use (docs/DEVELOPING.md)

        url, purpose = self.progress.identity["pronote_url"], self.purpose
        proxy = self.progress.proxy
        school_id = self.progress.school["id"]  # the check's result belongs to this school, whatever is shown then

        def job(advance, cancelled):
            return probe_server(url, purpose=purpose, proxy=proxy, cancelled=cancelled)

        if self.task.run(job, done=lambda result: self._done(result, school_id), failed=self._failed,
                         cancelled=self._cancelled):
            self.message.show_message(tr("Interrogation du serveur PRONOTE…"), "info", announce=True)
            self.started.emit()

    def _network_settings(self) -> None:
        from wizard.gui.network_settings import NetworkSettings  # a dialog: loaded when it opens

        NetworkSettings(self.progress, self).exec()

    def stop(self) -> None:
        self.task.stop()

    def _done(self, result, school_id: str | None = None) -> None:
        school_id = school_id or self.progress.school["id"]
        if not self.progress.record_server_check(self.purpose, result, school_id):
            self.message.show_message(tr("L'établissement pour lequel le serveur était vérifié n'existe plus : le "
                                         "résultat n'a pas été enregistré."), "warning", announce=True)
            self.finished.emit(None)
            return
        if school_id != self.progress.school["id"]:
            name = self.progress.doc["schools"][school_id]["identity"]["name"] or tr("Nouvel établissement")
            # « rattaché », not « enregistré »: it is written with the next save, which may fail (the save banner
            # then says so); nothing may claim a write that has not happened.
            self.message.show_message(tr("La vérification du serveur de « {name} » s'est terminée : son résultat est "
                                         "rattaché à cet établissement, pas à celui affiché.").format(
                                             name=name), "warning", announce=True)
            self.finished.emit(None)
            return
        self.message.show_message(result.message, result.level, announce=True)
        self.finished.emit(result)

    def _failed(self, message: str) -> None:
        self.message.show_message(message or tr("La vérification a échoué à cause d'une erreur inattendue ; le détail "
                                                "est dans le journal."), "error", announce=True)
        self.finished.emit(None)

    def _cancelled(self) -> None:
        self.message.show_message(tr("Vérification annulée."), "warning", announce=True)
        self.finished.emit(None)
