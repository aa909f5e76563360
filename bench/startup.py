"""Time to first shown page: the app against a bare QWizard, in the same run.

Each sample is a whole new process (imports included) timed from its first line to the first page exposed on
screen (offscreen platform). The two kinds alternate so machine noise hits both alike; the medians are compared.
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


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as data:
        app_code = APP.format(root=str(ROOT), data=data)
        sample(BARE), sample(app_code)  # warm the file cache for both
        bare, app = [], []
        for _ in range(args.runs):
            bare.append(sample(BARE))
            app.append(sample(app_code))
    b, a = statistics.median(bare), statistics.median(app)
    print(f"bare QWizard : median {b * 1000:.0f} ms over {args.runs} runs")
    print(f"application  : median {a * 1000:.0f} ms over {args.runs} runs")
    print(f"ratio app / bare = {a / b:.2f} (target ≤ 1.3)")


if __name__ == "__main__":
    main()
