"""The dialog an uncaught exception opens (crash.py reports it): what happened, whether the progress is safe, where
the log is. A dialog: loaded when it opens (docs/DEVELOPING.md, « Imports »)."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStyle,
    QVBoxLayout,
)

from wizard.core.i18n import tr, tr_noop

TITLE = tr_noop("Erreur inattendue")
WHAT = tr_noop("L'assistant a rencontré une erreur inattendue et n'a pas pu terminer cette action.")
# What to do depends on whether the last change reached the disk: nothing claims « enregistré » otherwise.
TODO_SAVED = tr_noop(
    "Votre progression est enregistrée ; relancez l'assistant : il reprendra à l'étape où vous étiez. "
    "Si l'erreur revient, envoyez le journal à votre référent numérique ou à l'assistance."
)
TODO_NOT_SAVED = tr_noop(
    "Attention : vos dernières modifications n'ont pas pu être enregistrées (voir le message en haut de la page). "
    "Choisissez « Continuer quand même » pour les garder à l'écran et réessayer l'enregistrement. "
    "Si l'erreur revient, envoyez le journal à votre référent numérique ou à l'assistance."
)
TODO_UNKNOWN = tr_noop(
    "Relancez l'assistant. Si l'erreur revient, envoyez le journal à votre référent numérique ou à l'assistance."
)
WHERE = tr_noop("Le journal se trouve dans : {path}")
NO_LOG = tr_noop("Le journal n'a pas pu être écrit sur ce poste.")
OPEN_FOLDER = tr_noop("Ouvrir le dossier du journal")
QUIT = tr_noop("Quitter l'assistant")
CONTINUE = tr_noop("Continuer quand même")


class CrashDialog(QDialog):
    def __init__(self, log_path: str | None, parent=None, saved: bool | None = None):
        super().__init__(parent)
        self.setObjectName("crash_dialog")
        self.setWindowTitle(tr(TITLE))
        self.log_path = log_path
        self.quit_requested = False
        icon = QLabel()
        icon.setPixmap(self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical).pixmap(48, 48))
        icon.setAccessibleName(tr("Erreur"))  # an image: named, as screen readers otherwise skip or spell it
        texts = QVBoxLayout()
        todo = TODO_UNKNOWN if saved is None else TODO_SAVED if saved else TODO_NOT_SAVED
        for text in (tr(WHAT), tr(todo), tr(WHERE).format(path=log_path) if log_path else tr(NO_LOG)):
            label = QLabel(text)
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)  # the path can be copied
            texts.addWidget(label)
        self.labels = [texts.itemAt(i).widget() for i in range(texts.count())]
        row = QHBoxLayout()
        row.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
        row.addLayout(texts, 1)
        buttons = QDialogButtonBox()
        self.open_button = QPushButton(tr(OPEN_FOLDER))
        self.open_button.setEnabled(bool(log_path))
        self.open_button.clicked.connect(self.open_log_folder)  # ActionRole: the dialog stays open
        buttons.addButton(self.open_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.quit_button = buttons.addButton(tr(QUIT), QDialogButtonBox.ButtonRole.AcceptRole)
        self.continue_button = buttons.addButton(tr(CONTINUE), QDialogButtonBox.ButtonRole.RejectRole)
        self.quit_button.setDefault(True)
        buttons.accepted.connect(self._quit)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(buttons)
        self.setMinimumWidth(480)

    def text(self) -> str:
        return "\n".join(label.text() for label in self.labels)

    def open_log_folder(self) -> None:
        if self.log_path:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(Path(self.log_path).parent)))

    def _quit(self) -> None:
        self.quit_requested = True
        self.accept()


def show_crash_dialog(log_path: str | None, parent=None, saved: bool | None = None) -> CrashDialog:
    """Shows the dialog now (modal) and quits the app when the admin chooses to; returns it for tests."""
    dialog = CrashDialog(log_path, parent, saved)
    dialog.exec()
    if dialog.quit_requested:
        app = QApplication.instance()
        if app is not None:
            app.exit(1)
    return dialog
