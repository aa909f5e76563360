"""« À propos »: version, licence, where the log is; and the app icon, shared by the window and the application."""
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QWizard

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMessageBox

from wizard import __version__
from wizard.core.entdata import load_ent
from wizard.core.i18n import tr, tr_noop
from wizard.core.paths import resources_dir
from wizard.gui.accessibility import name_message_box_icon

ABOUT = tr_noop("À propos")
APP_NAME = tr_noop("Assistant d'interconnexion PRONOTE – {ent_name}")
VERSION = tr_noop("Version {version}")
LICENCE = tr_noop(
    "Logiciel libre sous licence publique de l'Union européenne (EUPL-1.2) : vous pouvez l'utiliser, le copier, "
    "le modifier et le redistribuer selon ses termes."
)
PRIVACY = tr_noop("Aucun nom ni date de naissance n'est conservé ni envoyé : seulement des nombres et des codes.")
LOG = tr_noop("Journal : {path}")
BUILT_WITH = tr_noop("Python {python}, Qt {qt} (PySide6)")

LICENCE_ID = "EUPL-1.2"
ICON_NAME = "pronote-ent-wizard"


def app_icon() -> QIcon:
    """The PNG (not the SVG): no image-format plugin needed, so it also shows in a trimmed bundle."""
    icon = QIcon(str(resources_dir() / "icons" / f"{ICON_NAME}.png"))
    if icon.isNull():
        icon = QIcon.fromTheme(ICON_NAME)  # a system install may only have the .desktop entry's themed icon
    return icon


def escape(text: str) -> str:
    from html import escape as html_escape  # when the dialog opens: html.entities is not for the first page

    return html_escape(text, quote=False)  # apostrophes stay readable in the rich text


def about_html() -> str:
    import platform  # only when the dialog opens: keeps it off the startup path

    import PySide6

    from wizard.core.logs import log_dir

    lines = [
        f"<p><b>{escape(tr(APP_NAME).format(**load_ent().words))}</b><br>{escape(tr(VERSION).format(version=__version__))}</p>",
        f"<p>{escape(tr(LICENCE))}</p>",
        f"<p>{escape(tr(PRIVACY))}</p>",
        f"<p><small>{escape(tr(LOG).format(path=log_dir()))}<br>"
        f"{escape(tr(BUILT_WITH).format(python=platform.python_version(), qt=PySide6.__version__))}</small></p>",
    ]
    return "".join(lines)


def about_box(parent=None) -> QMessageBox:
    from PySide6.QtWidgets import QMessageBox  # its enums cost 1 ms: loaded when asked, not at start-up

    box = QMessageBox(parent)
    box.setObjectName("about_dialog")
    box.setWindowTitle(tr(ABOUT))
    box.setText(about_html())
    icon = app_icon()
    if not icon.isNull():
        box.setIconPixmap(icon.pixmap(96, 96))
        name_message_box_icon(box, tr("Logo de l'assistant"))
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    return box


def show_about(parent=None) -> None:
    about_box(parent).exec()


def add_about_button(wizard: QWizard) -> None:
    """« À propos » beside « Aide », on the left, away from the buttons that move through the pages."""
    Button = QWizard.WizardButton
    wizard.setOption(QWizard.WizardOption.HaveCustomButton1, True)
    wizard.setButtonText(Button.CustomButton1, tr(ABOUT))
    wizard.setButtonLayout([Button.HelpButton, Button.CustomButton1, Button.Stretch, Button.BackButton,
                            Button.NextButton, Button.CommitButton, Button.FinishButton, Button.CancelButton])
    wizard.button(Button.CustomButton1).clicked.connect(lambda: show_about(wizard))
