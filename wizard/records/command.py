"""`record --out FILE.pdf` and `notice --out FILE.pdf`: the only headless commands that load Qt (to draw)."""
from __future__ import annotations

import os
import sys
from pathlib import Path

from wizard.records.content import NothingConfigured, notice_html, record_html
from wizard.store import read_current_school

TITLES = {"record": "Fiche de configuration", "notice": "Notice pour les familles et les personnels"}


def run_pdf(args, data_dir: Path) -> int:
    school = read_current_school(data_dir)
    try:
        html = record_html(school) if args.command == "record" else notice_html(school)
    except NothingConfigured as problem:
        sys.stderr.write(problem.message + "\n")
        return 1
    out = Path(args.out)
    if not out.parent.is_dir():
        sys.stderr.write(f"Le dossier « {out.parent} » n'existe pas : choisissez un autre emplacement.\n")
        return 1
    _ensure_gui_application()
    from wizard.records.pdf import write_pdf

    try:
        write_pdf(html, out, TITLES[args.command])
    except OSError:
        sys.stderr.write(f"Impossible d'écrire « {out} » : vérifiez les droits sur ce dossier.\n")
        return 1
    if not out.exists() or out.stat().st_size == 0:
        sys.stderr.write(f"Impossible d'écrire « {out} » : vérifiez les droits sur ce dossier.\n")
        return 1
    print(f"{TITLES[args.command]} enregistrée : {out}")
    return 0


def _ensure_gui_application():
    """Fonts need a QGuiApplication; without a screen (servers, CI) the offscreen platform draws the same PDF."""
    if sys.platform.startswith("linux") and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    return QGuiApplication.instance() or QGuiApplication([sys.argv[0]])
