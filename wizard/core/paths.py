"""Where the app finds its resources and keeps its data."""
from __future__ import annotations

import sys
from pathlib import Path

APP_NAME = "pronote-ent-wizard"


def resources_dir() -> Path:
    """The `resources/` folder: beside the package in a checkout or a wheel, or inside a PyInstaller bundle."""
    bundled = getattr(sys, "_MEIPASS", None)
    if bundled:
        return Path(bundled) / "resources"
    package = Path(__file__).resolve().parents[1]  # wizard/
    for candidate in (package / "resources", package.parent / "resources"):
        if candidate.is_dir():
            return candidate
    return package.parent / "resources"


# platformdirs picks the folders of the running system. Windows: data in %LOCALAPPDATA%\pronote-ent-wizard (local,
# not roaming: neither a roaming profile nor OneDrive's backup of Desktop and Documents copies it), the log in its
# Logs folder; the installer's uninstaller asks about that same folder (tests/packaging/test_installer.py runs
# platformdirs' Windows rules here). macOS: ~/Library/Application Support/… and ~/Library/Logs/…; Linux:
# ~/.local/share/… and ~/.local/state/…/log.
def default_data_dir() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False))


def default_log_dir() -> Path:
    from platformdirs import user_log_dir

    return Path(user_log_dir(APP_NAME, appauthor=False))
