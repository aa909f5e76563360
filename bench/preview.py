"""The matching preview's responsiveness: the longest stall of the window's thread while a matching result of 2,000,
30,000 and 200,000 rows is shown, then filtered as someone types in the search box and changes the status filter.

Measured as the longest gap between ticks of a 20 ms heartbeat timer on the window's thread (a stall is the gap
less the 20 ms), beside the same timer on the idle window as the baseline of this run (aim: under 50 ms at
200,000 rows). The rows are made as the worker makes them (`preview_rows`, off the window's thread, timed apart);
the matching itself is bench/reconcile.py's business. Before this bench's change the table was a QTableWidget with
one item per cell: 12.7 s at 30,000 people a side, 37 s at 200,000 rows, 2–2.5 s per keystroke (issue 22).
Usage: .venv/bin/python bench/preview.py [--sizes 2000,30000,200000]"""
from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import threading
import time
from datetime import date
from itertools import pairwise
from pathlib import Path
from types import SimpleNamespace

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from tests.gui.test_help import complete_every_step  # noqa: E402
from wizard.app import create_window  # noqa: E402
from wizard.core.matching.entcsv import EntList  # noqa: E402
from wizard.core.matching.matcher import Pair, Result, count  # noqa: E402
from wizard.core.matching.preview import no_collector_pauses, preview_rows  # noqa: E402
from wizard.core.people import Person  # noqa: E402

SURNAMES = ["MARTIN", "BERNARD", "DUBOIS", "THOMAS", "ROBERT", "RICHARD", "PETIT", "DURAND", "LEROY", "MOREAU"]


def synthetic_result(rows: int) -> tuple[EntList, Result]:
    """`rows` lines: 70 % pairs (sure, probable, ambiguous), the rest unmatched on either side."""
    pairs, lonely_pronote, lonely_ent, ent_people = [], [], [], []
    for n in range(rows):
        last, first = f"{SURNAMES[n % 10]}{n // 10}", f"Prénom{n % 97}"
        born = date(2008 + n % 10, 1 + n % 12, 1 + n % 28)
        pronote = Person(f"P{n:07d}", "eleve", last, first, born, n + 1)
        ent = Person(f"e.{n:07d}", "eleve", last, first, born, n + 1)
        kind = n % 10
        if kind < 7:
            status = "certain" if kind < 5 else "probable" if kind < 6 else "ambiguous"
            comparison = SimpleNamespace(score=99.0 if status == "certain" else 71.0,
                                         reasons=("même nom", "même date de naissance"))
            pairs.append(Pair(pronote, ent, status, comparison))
            ent_people.append(ent)
        elif kind < 9:
            lonely_pronote.append(pronote)
        else:
            lonely_ent.append(ent)
            ent_people.append(ent)
    result = Result(pairs=pairs, unmatched_pronote=lonely_pronote, unmatched_ent=lonely_ent)
    result.counts = count(result)
    return EntList(people=ent_people), result


def heartbeat(app, until) -> list[float]:
    ticks = [time.perf_counter()]
    timer = QTimer()
    timer.setInterval(20)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    timer.start()
    while not until():
        app.processEvents()
        time.sleep(0.001)
    app.processEvents()
    timer.stop()
    return [b - a for a, b in pairwise(ticks)]


def stall(gaps: list[float]) -> float:
    return max(0.0, max(gaps, default=0.02) - 0.02) * 1000


def measure(app, preview, rows: int) -> dict:
    made_in_worker: list = []

    def worker() -> None:  # what the matching job does, off the window's thread (the matching itself aside)
        with no_collector_pauses():
            ent, result = synthetic_result(rows)
            made_in_worker.append((ent, result, preview_rows(result)))

    started = time.perf_counter()
    thread = threading.Thread(target=worker)
    thread.start()
    building = stall(heartbeat(app, lambda: not thread.is_alive()))
    worker_seconds = time.perf_counter() - started
    ent, result, made = made_in_worker[0]
    target = preview.progress_model.job_target()
    actions = [lambda: preview._done((ent, result, made), target)]
    for text in ("d", "du", "dur", "dura", "duran", "durand1"):
        actions.append(lambda text=text: preview.search.setText(text))
    actions.append(lambda: preview.search.setText(""))
    actions.append(lambda: preview.status_filter.setCurrentIndex(0))
    actions.append(lambda: preview.profile_filter.setCurrentIndex(1))
    stalls = []
    for action in actions:
        fired = []
        QTimer.singleShot(30, lambda action=action, fired=fired: (action(), fired.append(True)))
        gaps = heartbeat(app, lambda fired=fired: fired and not preview.filtering)
        stalls.append(stall(gaps))
    return {"rows": len(made), "worker": worker_seconds, "building": building, "show": stalls[0],
            "typing": max(stalls[1:7]), "filters": max(stalls[7:])}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="2000,30000,200000")
    args = parser.parse_args()
    app = QApplication.instance() or QApplication([])
    folder = Path(tempfile.mkdtemp(prefix="bench-preview-"))
    try:
        os.environ["PRONOTE_ENT_WIZARD_KEY_STORE"] = "file"
        window = create_window(folder / "data")
        complete_every_step(window.progress)
        window.show()
        window.go_to("rapprochement")
        preview = window.currentPage().preview
        end_idle = time.perf_counter() + 1.0
        idle = stall(heartbeat(app, lambda: time.perf_counter() > end_idle))
        print(f"idle window: longest stall {idle:.0f} ms (baseline of this run)")
        for size in (int(part) for part in args.sizes.split(",")):
            found = measure(app, preview, size)
            base = max(idle, 1.0)
            print(f"{found['rows']:>7} rows: made in a worker in {found['worker']:.2f} s; longest stall of the "
                  f"window's thread: while made {found['building']:.0f} ms (×{found['building'] / base:.1f} idle), "
                  f"showing {found['show']:.0f} ms (×{found['show'] / base:.1f}), typing "
                  f"{found['typing']:.0f} ms (×{found['typing'] / base:.1f}), filters {found['filters']:.0f} ms "
                  f"(×{found['filters'] / base:.1f}); aim < 50 ms")
        window.close()
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
