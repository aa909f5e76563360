"""Time per keystroke on the school page, for a school with six years of imports in its history, against a bare
QLineEdit's keystroke in the same process.

Each keystroke is a real key event (QTest.keyClick) into the school page's name field of the window
`create_window` builds: the field, the page's checks, the model, the save and the views' refresh, all on the
screen's thread. The same keys go into a bare QLineEdit in a plain window, alternating, so machine noise hits both
alike; the medians and the worst are compared. The save's own share: the model's method the field calls, with the
views detached (what the progress costs the screen's thread per keystroke, its write included when it is made
there). Then the admin stops typing: the time until the change is on disk, and how long the screen's thread was
held meanwhile (the longest gap between two turns of its event loop).
Usage: .venv/bin/python bench/keystroke.py [--keys N]
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QTimer  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication, QLineEdit, QVBoxLayout, QWidget  # noqa: E402

from tests.gui.test_help import complete_every_step  # noqa: E402
from wizard.app import create_window  # noqa: E402
from wizard.core import store as store_module  # noqa: E402

TEXT = "Lycee polyvalent Jean Jaures, Saint-Clement-de-Riviere "  # QTest.keyClick types ASCII only


def six_years(progress) -> None:
    """The yearly school of bench/startup.py: the first walk, then six full imports of 1,200 people."""
    complete_every_step(progress)
    progress.finish_walk()
    for year in range(6):
        progress.start_pass("nouvelle_annee")
        progress.choose_mode("complet")
        hashes = [f"{year:02d}{person:030x}" for person in range(1200)]
        progress.record_analysis(
            {"name": "IdPN_To_KOSMOS.xml", "path": "/nonexistent", "size": 1, "sha256": f"{year:064x}",
             "mtime_ns": None},
            {"file_sha256": f"{year:064x}", "mode": "complet", "layout": "", "layout_label": None, "encoding": None,
             "counts": {"total": 1200}, "findings": [], "finding_counts": {}, "errors": 0, "warnings": 0,
             "mapping": {}, "export_date": None, "id_hashes": hashes, "language": "fr"})
        progress.type_reported_count(1200)
        progress.record_import()
        progress.finish_walk()
    assert len(progress.school["import_history"]) == 6


def key_time(field, character: str) -> float:
    start = time.perf_counter()
    QTest.keyClick(field, character)
    return time.perf_counter() - start


def serialising(doc: dict) -> float:
    """The best of 20 serialisations of the document as the store writes it (before: indented and sorted)."""
    encode = getattr(store_module, "encode", None) or (
        lambda doc: json.dumps(doc, ensure_ascii=False, indent=1, sort_keys=True).encode("utf-8"))
    best = float("inf")
    for _ in range(20):
        start = time.perf_counter()
        encode(doc)
        best = min(best, time.perf_counter() - start)
    return best


def settle(app, progress) -> tuple[float, float]:
    """After the last key: (seconds until the document is on disk, the longest hold of the screen's thread)."""
    start = last = time.perf_counter()
    longest = 0.0
    pending = getattr(progress, "pending", lambda: False)
    while pending() and time.perf_counter() - start < 10:
        app.processEvents()
        now = time.perf_counter()
        longest, last = max(longest, now - last), now
        time.sleep(0.0005)
    return time.perf_counter() - start, longest


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--keys", type=int, default=300)
    args = parser.parse_args()
    app = QApplication([])
    with tempfile.TemporaryDirectory() as top:
        data = Path(top) / "data"
        window = create_window(data)
        six_years(window.progress)
        window.close()
        window = create_window(data)
        window.show()
        QTest.qWaitForWindowExposed(window)
        window.go_to("etablissement")
        field = window.currentPage().fields["name"]
        plain = QWidget()
        bare = QLineEdit()
        QVBoxLayout(plain).addWidget(bare)
        plain.show()
        QTest.qWaitForWindowExposed(plain)
        app.processEvents()
        field.clear()
        ours, theirs = [], []
        keys = (TEXT * (args.keys // len(TEXT) + 1))[: args.keys]
        for character in keys:
            if len(field.text()) == field.maxLength():  # the name's limit (200, safetext.NAME): a new name, untimed
                field.clear()
                bare.clear()
            ours.append(key_time(field, character))
            theirs.append(key_time(bare, character))
        assert window.progress.identity["name"] == field.text() == keys[-len(field.text()):]
        waited, held = settle(app, window.progress)
        listeners, window.progress.listeners = window.progress.listeners, []
        model = []
        for index in range(args.keys):
            start = time.perf_counter()
            window.progress.type_identity("name", keys[: index + 1])
            model.append(time.perf_counter() - start)
        window.progress.listeners = listeners
        settle(app, window.progress)
        serialised = serialising(window.progress.doc)
        size = window.progress.store.path.stat().st_size
        QTimer.singleShot(0, window.close)
        app.processEvents()
        window.close()
    bare_median = statistics.median(theirs)
    print(f"history: six years of 1,200 people, progress file {size / 1024:.0f} KiB; {args.keys} keystrokes")
    for name, values in (("school page", ours), ("bare QLineEdit", theirs), ("save's share", model)):
        median = statistics.median(values)
        p95 = statistics.quantiles(values, n=20)[-1]
        line = f"{name:15}: median {median * 1000:.2f} ms, 95th percentile {p95 * 1000:.2f} ms, " \
               f"worst {max(values) * 1000:.2f} ms"
        if values is ours:
            line += f"   ratio of medians to a bare QLineEdit {median / bare_median:.1f}"
        print(line)
    print(f"serialising the document (on the screen's thread, once per pause): {serialised * 1000:.2f} ms, best of 20")
    print(f"after the last key: on disk {waited * 1000:.0f} ms later; the screen's thread held at most "
          f"{held * 1000:.2f} ms at a time meanwhile")


if __name__ == "__main__":
    main()
