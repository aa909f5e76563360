"""The « À propos » dialog: version, licence, where the log is (opened from the window's button, loaded then)."""
from __future__ import annotations

import platform
from html import escape as html_escape

import PySide6
from PySide6.QtWidgets import QMessageBox

from wizard import __version__
from wizard.core.i18n import tr, tr_noop
from wizard.core.logs import log_dir
from wizard.gui.accessibility import name_message_box_icon
from wizard.gui.branding import ABOUT, app_icon, window_title

VERSION = tr_noop("Version {version}")
LICENCE = tr_noop(
    "Logiciel libre sous licence publique de l'Union européenne (EUPL-1.2) : vous pouvez l'utiliser, le copier, "
    "le modifier et le redistribuer selon ses termes."
)
PRIVACY = tr_noop("Aucun nom ni date de naissance n'est conservé ni envoyé : seulement des nombres et des codes.")
LOG = tr_noop("Journal : {path}")
BUILT_WITH = tr_noop("Python {python}, Qt {qt} (PySide6)")

LICENCE_ID = "EUPL-1.2"


def escape(text: str) -> str:
    return html_escape(text, quote=False)  # apostrophes stay readable in the rich text


def about_html() -> str:
    lines = [
        f"<p><b>{escape(window_title())}</b><br>{escape(tr(VERSION).format(version=__version__))}</p>",
        f"<p>{escape(tr(LICENCE))}</p>",
        f"<p>{escape(tr(PRIVACY))}</p>",
        f"<p><small>{escape(tr(LOG).format(path=log_dir()))}<br>"
        f"{escape(tr(BUILT_WITH).format(python=platform.python_version(), qt=PySide6.__version__))}</small></p>",
    ]
    return "".join(lines)


def about_box(parent=None) -> QMessageBox:
    box = QMessageBox(parent)
    box.setObjectName("about_dialog")
    box.setWindowTitle(tr(ABOUT))
    box.setText(about_html())
    icon = app_icon()
    if not icon.isNull():
        box.setIconPixmap(icon.pixmap(96, 96))
        name_message_box_icon(box, tr("Logo de l'assistant"))  # an image a screen reader would skip or spell
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    return box


def show_about(parent=None) -> None:
    about_box(parent).exec()
