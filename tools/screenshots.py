"""Screenshots of every page for the README and reviews, in a real window (run it under Xvfb:
`bash tools/screenshots.sh`). A demo school is walked through with the trainers' sample file."""
from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from PySide6.QtWidgets import QApplication  # noqa: E402

from wizard import flow  # noqa: E402
from wizard.app import create_window  # noqa: E402

OUT = ROOT / "docs" / "screenshots"
SAMPLE = ROOT / "tests" / "fixtures" / "walk" / "IdPN_To_KOSMOS.xml"
IDENTITY = {
    "name": "Collège Via Domitia", "uai": "0301746K",
    "pronote_url": "https://0301746K.index-education.net/pronote/eleve.html",
    "pronote_version": "2024 – 2.5", "ent_site_url": "https://via-domitia.mon-ent-occitanie.fr/",
}


def settle(seconds: float = 0.3) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        QApplication.processEvents()
        time.sleep(0.02)


def shoot(window, name: str) -> None:
    settle()
    window.grab().save(str(OUT / f"{name}.png"))
    print("capture", name)


def complete(window, step: str) -> None:
    """Do what the admin would on this page, through the model the page writes to."""
    progress = window.progress
    if step == "etablissement":
        for key, value in IDENTITY.items():
            progress.set_identity(key, value)
    elif step == "pronote_net_avertissement":
        progress.set_field(step, "compris", True)
    elif step == "fichier":
        page = window.currentPage()
        page.analyse(SAMPLE)
        for _ in range(200):
            settle(0.05)
            if not page.analysing:
                break
        if progress.cycle.get("analysis", {}).get("warnings"):
            progress.set_field(step, "avertissements_lus", True)
    elif step == "import_ent":
        progress.set_field(step, "nombre_importe", 7)
    for item in flow.checklist(step, progress.cycle.get("mode")):
        progress.set_field(step, item["id"], True)
    if step == "pronote_net":
        progress.set_field(step, "confirmation_manuelle", True)


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory() as data:
        window = create_window(Path(data))
        window.resize(900, 700)
        window.show()
        number = 1
        while True:
            step = window.current_step()
            window.currentPage().initializePage()  # show the page as it looks on arrival
            shoot(window, f"{number:02d}-{step}")
            if step == "fin":
                break
            complete(window, step)
            if step in ("etablissement", "fichier", "import_ent"):
                if step != "fichier":  # the file page shows its analysis as it stands; reloading would redo it
                    window.currentPage().initializePage()
                shoot(window, f"{number:02d}-{step}-rempli")
            window.next()
            number += 1
        window.close()
        # The status board shown on later launches.
        again = create_window(Path(data))
        again.resize(900, 700)
        again.show()
        shoot(again, "00-tableau-de-bord")
        again.close()
    del app


if __name__ == "__main__":
    main()
