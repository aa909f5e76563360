"""How the app names and shows itself: the window's title, its icon, the « À propos » label (shared by the
application, the window and its dialogs)."""
from __future__ import annotations

from functools import cache

from PySide6.QtGui import QIcon

from wizard.core.entdata import load_ent
from wizard.core.i18n import tr, tr_noop
from wizard.core.resources import APP_NAME, resources_dir

WINDOW_TITLE = tr_noop("Assistant d'interconnexion PRONOTE – {ent_name}")
ABOUT = tr_noop("À propos")


def window_title(page: str = "") -> str:
    """The window's name; with the page first, as screen readers say a window when it changes (« Votre
    établissement – Assistant… »)."""
    title = tr(WINDOW_TITLE).format(**load_ent().words)
    return f"{page} – {title}" if page else title


@cache
def app_icon() -> QIcon:
    """The PNG (not the SVG): no image-format plugin needed, so it also shows in a trimmed bundle. Made once: the
    application and the window both show it, and checking it reads the file (0.6 ms)."""
    icon = QIcon(str(resources_dir() / "icons" / f"{APP_NAME}.png"))
    if icon.isNull():
        icon = QIcon.fromTheme(APP_NAME)  # a system install may only have the .desktop entry's themed icon
    return icon
