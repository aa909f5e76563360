"""A key typed on the school page: what it costs the window, and what it sends a screen reader – the app against a
bare QWizard whose page holds one QLineEdit, in the same run.

- time per key: keys typed into the UAI field (a digit, then Backspace, over and over) on the offscreen platform,
  each followed by the event loop's turn; the median of several rounds, each a whole new process;
- accessibility events per key (when the bus test's Debian packages are there, tests/bus): the same keys typed
  with xdotool into the real window under Xvfb, with Qt's AT-SPI bridge on, counted by Debian's pyatspi as a
  screen reader receives them.

`--root DIR` measures another checkout (a commit before a change: `git worktree add DIR COMMIT`), with this
checkout's harness. Usage: .venv/bin/python bench/a11y_keystrokes.py [--runs N] [--keys N] [--root DIR]
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parents[1]

TIMING = r"""
import os, sys, time, tempfile
from pathlib import Path
os.environ["QT_QPA_PLATFORM"] = "offscreen"
sys.path.insert(0, {root!r})
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit, QVBoxLayout, QWizard, QWizardPage
app = QApplication([])
if {bare!r}:
    window = QWizard(); page = QWizardPage(); field = QLineEdit(); QVBoxLayout(page).addWidget(field)
    window.addPage(page); window.show()
else:
    from wizard.app import create_window
    window = create_window(Path(tempfile.mkdtemp()))
    window.show(); window.next()
    field = window.currentPage().fields["uai"]
QTest.qWaitForWindowExposed(window); field.setFocus(); app.processEvents()
keys = {keys}
start = time.perf_counter()
for n in range(keys):
    QTest.keyClick(field, Qt.Key.Key_3 if n % 2 == 0 else Qt.Key.Key_Backspace)
    app.processEvents()
print((time.perf_counter() - start) / keys)
"""

BARE_APP = r"""
import sys
from PySide6.QtWidgets import QApplication, QLineEdit, QVBoxLayout, QWizard, QWizardPage
app = QApplication(sys.argv)
window = QWizard(); window.setWindowTitle("bare"); page = QWizardPage(); field = QLineEdit()
QVBoxLayout(page).addWidget(field); window.addPage(page); window.show(); field.setFocus()
app.exec()
"""


def time_per_key(root: Path, bare: bool, keys: int) -> float:
    code = TIMING.format(root=str(root), bare=bare, keys=keys)
    with tempfile.TemporaryDirectory() as logs:
        done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                              env={**os.environ, "PRONOTE_ENT_WIZARD_LOG_DIR": logs})
    return float(done.stdout.strip().splitlines()[-1])


def events_per_key(root: Path, bare: bool, keys: int) -> list[int]:
    sys.path.insert(0, str(HERE))
    from tests.bus.desktop import Desktop

    with tempfile.TemporaryDirectory() as work:
        work = Path(work)
        with Desktop(work) as desktop:
            if bare:
                env = {**desktop.env, "QT_LINUX_ACCESSIBILITY_ALWAYS_ON": "1", "QT_QPA_PLATFORM": "xcb"}
                desktop.app = desktop._spawn([sys.executable, "-c", BARE_APP], env=env)
                desktop.ask({"cmd": "attach", "pid": desktop.app.pid, "timeout": 30})
                desktop.window_id = desktop._find_window()
                desktop.focus_window()
            else:
                (work / "data").mkdir()
                desktop.launch(work / "data", root=root)
                desktop.settle(quiet=1.0)
                desktop.key("Return")  # → the school page, the focus in its first field
                desktop.key("Tab")  # → the UAI field
            desktop.settle(quiet=0.5)
            return [len(desktop.key("3" if n % 2 == 0 else "BackSpace")) for n in range(keys)]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--keys", type=int, default=40)
    parser.add_argument("--root", type=Path, default=HERE)
    args = parser.parse_args()
    root = args.root.resolve()
    times = {"app": [], "bare": []}
    for _ in range(args.runs):  # alternated, so machine noise hits both alike
        for kind in times:
            times[kind].append(time_per_key(root, kind == "bare", args.keys))
    app, bare = statistics.median(times["app"]), statistics.median(times["bare"])
    print(f"{root}")
    print(f"time per key (offscreen, median of {args.runs} runs of {args.keys} keys): app {app * 1000:.2f} ms, "
          f"bare QWizard {bare * 1000:.2f} ms, ratio {app / bare:.1f}")
    from tests.bus.desktop import missing

    if missing():
        print(f"events per key: not measured (absent: {', '.join(missing())})")
        return
    counts = {kind: events_per_key(root, kind == "bare", min(args.keys, 20)) for kind in ("app", "bare")}
    app_events, bare_events = statistics.median(counts["app"]), statistics.median(counts["bare"])
    print(f"accessibility events per key (AT-SPI, median of {len(counts['app'])} keys): app {app_events:g} "
          f"(max {max(counts['app'])}), bare QWizard {bare_events:g} (max {max(counts['bare'])}), "
          f"ratio {app_events / bare_events:.1f}")
    print(json.dumps({"time_app": app, "time_bare": bare, "events_app": counts["app"], "events_bare": counts["bare"]}))


if __name__ == "__main__":
    sys.path.insert(0, str(HERE))
    main()
