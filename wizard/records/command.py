"""`record --out FILE.pdf` and `notice --out FILE.pdf`: the only headless commands that load Qt (to draw)."""
from __future__ import annotations

import os
import sys
from pathlib import Path

from wizard.console import clean, err, out
from wizard.errors import UserError
from wizard.records.content import notice_html, record_html
from wizard.store import read_current_school

TITLES = {"record": "Fiche de configuration", "notice": "Notice pour les familles et les personnels"}


def run_pdf(args, data_dir: Path) -> int:
    school = read_current_school(data_dir)
    try:
        html = record_html(school) if args.command == "record" else notice_html(school)
    except UserError as problem:
        err(problem.message)
        return 1
    target = Path(args.out)
    if not target.parent.is_dir():
        err(f"Le dossier « {clean(str(target.parent))} » n'existe pas : choisissez un autre emplacement.")
        return 1
    _ensure_gui_application()
    from wizard.records.pdf import write_pdf

    try:
        write_pdf(html, target, TITLES[args.command])
        written = target.exists() and target.stat().st_size > 0  # Qt may fail without raising
    except OSError:
        written = False
    if not written:
        err(f"Impossible d'écrire « {clean(str(target))} » : vérifiez les droits sur ce dossier.")
        return 1
    out(f"{TITLES[args.command]} enregistrée : {clean(str(target))}")
    return 0


def _ensure_gui_application():
    """Fonts need a QGuiApplication; without a screen (servers, CI) the offscreen platform draws the same PDF."""
    if sys.platform.startswith("linux") and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    return QGuiApplication.instance() or QGuiApplication([sys.argv[0]])
