"""Where the app finds what it ships: the `resources/` folder (ENT data files, help, translations, icons)."""
from __future__ import annotations

import sys
from pathlib import Path

APP_NAME = "pronote-ent-wizard"  # on disk: its data and log folders, its icon, its desktop entry


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
