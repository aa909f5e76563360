"""Time to first shown page: the app against a bare QWizard, in the same run.

Each sample is a whole new process (imports included) timed from its first line to the first page exposed on
screen (offscreen platform). The kinds alternate so machine noise hits all alike; the medians are compared.
Three ways the app opens: a first launch (an empty data folder each time); a school back for its yearly import (the
first walk done and six years of imports of 1,200 people in its history: the welcome page with the status board –
most schools, every year); and an admin who stopped in the middle of part 3 (resuming replays the flow to that
page).
Usage: .venv/bin/python bench/startup.py [--runs N]
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

BARE = r"""
import time; t0 = time.perf_counter()
from PySide6.QtWidgets import QApplication, QLabel, QVBoxLayout, QWizard, QWizardPage
from PySide6.QtTest import QTest
app = QApplication([])
wizard = QWizard()
page = QWizardPage(); page.setTitle("Bienvenue"); QVBoxLayout(page).addWidget(QLabel("Bonjour"))
wizard.addPage(page)
wizard.show(); QTest.qWaitForWindowExposed(wizard); app.processEvents()
print(time.perf_counter() - t0)
"""

# What any Qt wizard with a page like ours pays before our own code: ModernStyle, a side panel in rich text, a page
# scrolling as one area with paragraphs, a group box and combos – written without PySide's `Qt` namespace, as the
# app's first page is (its enums cost 13 ms: wizard/gui/qtvalues.py). The distance from this to the app is ours.
PLAIN_PAGE = r"""
import time; t0 = time.perf_counter()
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (QApplication, QComboBox, QGroupBox, QLabel, QPushButton, QScrollArea, QVBoxLayout,
                               QWidget, QWizard, QWizardPage)
app = QApplication([])
wizard = QWizard()
wizard.setWizardStyle(QWizard.WizardStyle.ModernStyle)
side = QLabel("<b>Partie 1</b><p>Étapes</p>"); wizard.setSideWidget(side)  # rich text, recognised as such
page = QWizardPage(); page.setTitle("Bienvenue")
outer = QVBoxLayout(page); scroll = QScrollArea(); scroll.setWidgetResizable(True); body = QWidget()
layout = QVBoxLayout(body)
for _ in range(6):
    label = QLabel("Un paragraphe de texte assez long pour être replié sur plusieurs lignes. " * 3)
    label.setWordWrap(True); layout.addWidget(label)
box = QGroupBox("Établissement"); inner = QVBoxLayout(box)
for widget in (QComboBox(), QPushButton("Ajouter"), QComboBox()):
    inner.addWidget(widget)
layout.addWidget(box); scroll.setWidget(body); outer.addWidget(scroll)
wizard.addPage(page)
wizard.show(); QTest.qWaitForWindowExposed(wizard); app.processEvents()
print(time.perf_counter() - t0)
"""

APP = r"""
import time; t0 = time.perf_counter()
import sys; sys.path.insert(0, {root!r})
from pathlib import Path
from PySide6.QtWidgets import QApplication
from PySide6.QtTest import QTest
from wizard.app import create_window
app = QApplication([])
window = create_window(Path({data!r}))
window.show(); QTest.qWaitForWindowExposed(window); app.processEvents()
print(time.perf_counter() - t0)
"""


def sample(code: str) -> float:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    # Users' Python caches compiled modules; a machine that disables it would time our compilation, not startup.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True).stdout
    return float(out.strip().splitlines()[-1])


SAVED = r"""
import sys; sys.path.insert(0, {root!r})
from pathlib import Path
from PySide6.QtWidgets import QApplication
from tests.gui.test_help import complete_every_step
from wizard.app import create_window
app = QApplication([])
window = create_window(Path({data!r}))
complete_every_step(window.progress)
if {finished!r}:
    window.progress.finish_walk()
    # Six school years of full imports of 1,200 people: the history keeps each one's keyed hashes.
    for year in range(6):
        window.progress.start_pass("nouvelle_annee")
        window.progress.choose_mode("complet")
        hashes = [f"{{year:02d}}{{person:030x}}" for person in range(1200)]
        window.progress.record_analysis(
            {{"name": "IdPN_To_KOSMOS.xml", "path": "/nonexistent", "size": 1, "sha256": f"{{year:064x}}"}},
            {{"file_sha256": f"{{year:064x}}", "mode": "complet", "layout": "", "layout_label": None,
             "encoding": None, "counts": {{"total": 1200}}, "findings": [], "finding_counts": {{}}, "errors": 0,
             "warnings": 0, "mapping": {{}}, "export_date": None, "id_hashes": hashes, "language": "fr"}})
        window.progress.type_reported_count(1200)
        window.progress.record_import()
        window.progress.finish_walk()
    assert len(window.progress.school["import_history"]) == 6
else:
    window.go_to("import_ent")
window.close()
"""


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as top:
        saved = {}
        for name, finished in (("yearly import", True), ("resumed part 3", False)):
            saved[name] = Path(top) / name.replace(" ", "_")
            subprocess.run([sys.executable, "-c", SAVED.format(root=str(ROOT), data=str(saved[name]),
                                                               finished=finished)],
                           check=True, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
        codes = {"bare QWizard": BARE, "plain Qt page": PLAIN_PAGE, "first launch": None,
                 **{name: APP.format(root=str(ROOT), data=str(folder)) for name, folder in saved.items()}}
        times: dict[str, list[float]] = {name: [] for name in codes}
        for run in range(args.runs + 1):  # the first round warms the file cache and is not counted
            for name, code in codes.items():
                if code is None:
                    code = APP.format(root=str(ROOT), data=str(Path(top) / f"first{run}"))
                seconds = sample(code)
                if run:
                    times[name].append(seconds)
    bare = statistics.median(times["bare QWizard"])
    plain = statistics.median(times["plain Qt page"])
    for name, values in times.items():
        median = statistics.median(values)
        ratio = "" if name == "bare QWizard" else f"   ratio to bare {median / bare:.2f} (target ≤ 1.3)"
        if name not in ("bare QWizard", "plain Qt page"):
            ratio += f", to a plain Qt page {median / plain:.2f}"
        print(f"{name:16}: median {median * 1000:.0f} ms over {args.runs} runs{ratio}")


if __name__ == "__main__":
    main()
