"""Where the app keeps the admin's data and its log: the running system's own folders, through platformdirs.

Windows: data in %LOCALAPPDATA%\\pronote-ent-wizard (local, not roaming: neither a roaming profile nor OneDrive's
backup of Desktop and Documents copies it), the log in its Logs folder; the installer's uninstaller asks about that
same folder (tests/packaging/test_installer.py runs platformdirs' Windows rules here). macOS: ~/Library/Application
Support/… and ~/Library/Logs/…; Linux: ~/.local/share/… and ~/.local/state/…/log.
"""
from __future__ import annotations

from pathlib import Path

from platformdirs import user_data_dir, user_log_dir

from wizard.core.resources import APP_NAME


def default_data_dir() -> Path:
    return Path(user_data_dir(APP_NAME, appauthor=False))


def default_log_dir() -> Path:
    return Path(user_log_dir(APP_NAME, appauthor=False))
