"""GUI responsiveness while the file page analyses a 100,000-person file: the longest gap between ticks of a
20 ms heartbeat timer on the GUI thread (aim: under 50 ms), beside the same timer on an idle window as the
baseline of this run. Usage: .venv/bin/python bench/gui_heartbeat.py [--people N]"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from itertools import pairwise
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from bench.check import write_documented  # noqa: E402
from wizard.app import create_window  # noqa: E402


def heartbeat_gaps(app, until) -> list[float]:
    ticks = [time.perf_counter()]
    timer = QTimer()
    timer.setInterval(20)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    timer.start()
    while not until():
        app.processEvents()
        time.sleep(0.001)
    timer.stop()
    return [b - a for a, b in pairwise(ticks)]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--people", type=int, default=100_000)
    args = parser.parse_args()
    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as folder:
        sample = Path(folder) / "IdPN_To_KOSMOS.xml"
        write_documented(sample, args.people)
        window = create_window(Path(folder) / "data")
        window.progress.type_identity("uai", "0301746K")
        window.progress.choose_mode("complet")
        window.show()
        page = window.ensure_page("fichier")
        window.go_to("fichier") if window.current_step() != "fichier" else None
        page.ensure_built()
        end_idle = time.perf_counter() + 2.0
        idle = heartbeat_gaps(app, lambda: time.perf_counter() > end_idle)
        started = time.perf_counter()
        page.analyse(sample)
        busy = heartbeat_gaps(app, lambda: not page.task.running)
        took = time.perf_counter() - started
        window.close()
    print(f"file: {args.people} people, {sample.name}")
    print(f"analysis in the page: {took:.2f} s")
    print(f"idle window : longest heartbeat gap {max(idle) * 1000:.0f} ms over {len(idle)} ticks")
    print(f"analysing   : longest heartbeat gap {max(busy) * 1000:.0f} ms over {len(busy)} ticks "
          f"(ratio to idle {max(busy) / max(idle):.2f}; aim < 50 ms)")


if __name__ == "__main__":
    main()
