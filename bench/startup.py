"""Time to the first page on screen: the app against a plain Qt page of the same content and a bare QWizard.

Each sample is a whole new process timed from its first line to its first page exposed on screen (offscreen
platform), imports included, in wall time and in CPU time (all the process's threads). Every round runs each
program once, in an order that turns from round to round; a ratio is taken within each round and the medians of
those ratios are printed, so a machine busy with other work moves both sides of a ratio alike (CPU time moves least).
The spread is printed beside them (the quartiles of the rounds' CPU ratios), with the machine's load average before
and after the runs.

The app opens as `main.py` opens it – `wizard.app` first, the window's options parsed, then `run_gui`: the Qt
application, the log, the crash reporter and the window – and it is timed once its first page is painted. Three
ways it opens: a first launch (a new data folder each time); a school back for its yearly import (the first walk
done and six years of imports of 1,200 people in its history: the welcome page with the status board – most schools,
every year); an admin who stopped in the middle of part 3 (resuming replays the flow to that page). « window only »
is the first launch through `create_window` alone (the Qt application made by the bench): the shell's share shows.

« plain page + app's modules » is the plain page after importing every module from outside the project that the app
has loaded when its first page is painted (Python's, PySide's, platformdirs…): the floor no work on the app's own
code can go below.

The plain Qt page is what a programmer would write to show the first launch's page with PySide and nothing else:
the same window (title, icon, wizard style and buttons, Qt's own French translation, size), the same side panel
and the same page – its texts, labels, notice, group box, combos and buttons are read from the app's own first page
before the runs. It is written without PySide's `Qt` namespace, as the app is (its enums cost 13 ms:
wizard/gui/qtvalues.py). The target (issue 24): a first launch within 1.1 × the plain page.

Usage: .venv/bin/python bench/startup.py [--runs N] [--compare OTHER_CHECKOUT]
(--compare: the app of another checkout of the project in the same rounds, e.g. the tree before a change; the
ratios of this tree's app to that one's, round by round, are printed last.)
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

ROOT = Path(__file__).resolve().parents[1]
TARGET = 1.1

BARE = r"""
import time; t0, c0 = time.perf_counter(), time.process_time()
from PySide6.QtWidgets import QApplication, QLabel, QVBoxLayout, QWizard, QWizardPage
from PySide6.QtTest import QTest
app = QApplication([])
wizard = QWizard()
page = QWizardPage(); page.setTitle("Bienvenue"); QVBoxLayout(page).addWidget(QLabel("Bonjour"))
wizard.addPage(page)
wizard.show(); QTest.qWaitForWindowExposed(wizard); app.processEvents()
print(time.perf_counter() - t0, time.process_time() - c0)
"""

PLAIN_PAGE = r"""
import time; t0, c0 = time.perf_counter(), time.process_time()
from PySide6.QtCore import QLibraryInfo, QSize, QTranslator
from PySide6.QtGui import QColor, QIcon, QImage, QPalette, QPixmap
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (QApplication, QComboBox, QFrame, QGridLayout, QGroupBox, QHBoxLayout, QLabel,
                               QListWidget, QListWidgetItem, QPushButton, QScrollArea, QVBoxLayout, QWidget, QWizard,
                               QWizardPage)
SHOWN = {shown!r}


def fill(layout, items):  # returns the first widget made: where a label's « & » letter leads
    first = label = None
    for place, (kind, *what) in items:
        if kind == "label":
            widget = QLabel(what[0]); widget.setWordWrap(what[2])
            if what[1]:
                widget.setStyleSheet(what[1])
        elif kind == "button":
            widget = QPushButton(what[0])
        elif kind == "combo":
            widget = QComboBox(); widget.addItems(what[0])
        elif kind == "group":
            widget = QGroupBox(what[0]); fill(QGridLayout(widget) if what[1] else QVBoxLayout(widget), what[2])
        elif kind == "widget":
            widget = QWidget(); fill(QVBoxLayout(widget), what[0]); widget.layout().setContentsMargins(0, 0, 0, 0)
        elif kind == "row":
            row = QHBoxLayout(); layout.addLayout(row, *place); widget = fill(row, what[0])
        else:
            layout.addStretch(1)
            continue
        if kind != "row":
            layout.addWidget(widget, *place)
        if label is not None:
            label.setBuddy(widget)
        label = widget if kind == "label" and what[3] else None
        first = first or widget
    return first


app = QApplication([])
translator = QTranslator(app)
if translator.load("qtbase_fr", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
    app.installTranslator(translator)
wizard = QWizard()
wizard.setWindowTitle(SHOWN["window_title"])
wizard.setWindowIcon(QIcon(SHOWN["icon"]))
wizard.setWizardStyle(QWizard.WizardStyle.ModernStyle)
for option in (QWizard.WizardOption.NoBackButtonOnStartPage, QWizard.WizardOption.HaveHelpButton,
               QWizard.WizardOption.IgnoreSubTitles, QWizard.WizardOption.HaveCustomButton1):
    wizard.setOption(option, True)
button = QWizard.WizardButton
wizard.setButtonText(button.CustomButton1, SHOWN["about"])
wizard.setButtonLayout([button.HelpButton, button.CustomButton1, button.Stretch, button.BackButton, button.NextButton,
                        button.CommitButton, button.FinishButton, button.CancelButton])
side = QWidget(); side.setFixedWidth(SHOWN["side_width"])
steps = QListWidget(); steps.setFrameShape(QFrame.Shape.NoFrame); steps.setWordWrap(True)
steps.setProperty("focusPolicy", 0); steps.setIconSize(QSize(SHOWN["mark"], SHOWN["mark"]))
palette = steps.palette()  # no box and no highlight of its own, as on the app's panel
for role in (QPalette.ColorRole.Text, QPalette.ColorRole.HighlightedText):
    palette.setColor(role, side.palette().color(QPalette.ColorRole.WindowText))
for role in (QPalette.ColorRole.Highlight, QPalette.ColorRole.Base):
    palette.setColor(role, QColor(0, 0, 0, 0))
steps.setPalette(palette)
marks = {{key: QIcon(QPixmap.fromImage(QImage(bytes.fromhex(pixels), size, size, size * 4,
                                              QImage.Format.Format_ARGB32_Premultiplied)))
         for key, (size, pixels) in SHOWN["marks"].items()}}
for text, bold, mark, selected in SHOWN["steps"]:
    item = QListWidgetItem(text)
    if bold:
        font = item.font(); font.setBold(True); item.setFont(font)
    if mark:
        item.setIcon(marks[mark])
    steps.addItem(item)
    item.setSelected(selected)
side_layout = QVBoxLayout(side); side_layout.setContentsMargins(4, 8, 4, 8); side_layout.addWidget(steps)
wizard.setSideWidget(side)
wizard.setMinimumSize(*SHOWN["minimum_size"]); wizard.resize(*SHOWN["size"])
page = QWizardPage(); page.setTitle(SHOWN["title"])
scroll = QScrollArea(); scroll.setWidgetResizable(True); scroll.setFrameShape(QFrame.Shape.NoFrame)
body = QWidget(); fill(QVBoxLayout(body), SHOWN["body"]); scroll.setWidget(body)
outer = QVBoxLayout(page); outer.setContentsMargins(0, 0, 0, 0); outer.addWidget(scroll)
wizard.addPage(page)
wizard.addPage(QWizardPage())  # « Suivant », as on the app's first page
wizard.show(); QTest.qWaitForWindowExposed(wizard); app.processEvents()
print(time.perf_counter() - t0, time.process_time() - c0)
"""

# As main.py: wizard.app, the window's options, then run_gui (Qt, the log, the crash reporter, the window); timed
# when run_gui hands over the painted window.
APP = r"""
import time; t0, c0 = time.perf_counter(), time.process_time()
import sys; sys.path.insert(0, {root!r})
from wizard.app import create_window, window_arguments
args, qt_args = window_arguments(["--data-dir", {data!r}])
from wizard.gui.shell import run_gui


def painted(window):
    from PySide6.QtTest import QTest
    QTest.qWaitForWindowExposed(window)
    print(time.perf_counter() - t0, time.process_time() - c0)
    return 0


run_gui(args, qt_args, create_window, painted)
"""

# The first launch as APP, reporting instead of a time the modules from outside the project (Python's, PySide's,
# the other packages') loaded once the page is painted: what the app needs and no work on its own code removes.
OUTSIDE_MODULES = APP.replace("print(time.perf_counter() - t0, time.process_time() - c0)", """import json
    ours = ("wizard", "tests", "__main__")
    print(json.dumps([name for name in sys.modules if name.split(".")[0] not in ours]))  # in the app's order""")

# The plain page after importing those modules, in the order the app imported them (PySide reads the source of each
# module imported after its own, so the order has a cost): the floor under the app's first launch – the plain page
# plus what the app must load from outside. A first launch within TARGET × the plain page needs this below TARGET.
FLOOR_IMPORTS = r"""
import importlib, time; t0, c0 = time.perf_counter(), time.process_time()
for name in {modules!r}:
    try:
        importlib.import_module(name)
    except Exception:  # a module that only loads in its package's own order: imported with it already
        pass
"""

WINDOW_ONLY = r"""
import time; t0, c0 = time.perf_counter(), time.process_time()
import sys; sys.path.insert(0, {root!r})
from pathlib import Path
from wizard.app import create_window
from PySide6.QtWidgets import QApplication
from PySide6.QtTest import QTest
app = QApplication([])
window = create_window(Path({data!r}))
window.show(); QTest.qWaitForWindowExposed(window); app.processEvents()
print(time.perf_counter() - t0, time.process_time() - c0)
"""

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
            {{"name": "IdPN_To_KOSMOS.xml", "path": "/nonexistent", "size": 1, "sha256": f"{{year:064x}}",
              "mtime_ns": None}},
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

# The first launch's page, as plain data for PLAIN_PAGE: its window, side panel, and the body's widgets in their
# layouts (what is hidden is left out).
FIRST_PAGE = r"""
import json, sys; sys.path.insert(0, {root!r})
from pathlib import Path
from PySide6.QtWidgets import QApplication, QComboBox, QGridLayout, QGroupBox, QLabel, QPushButton
from wizard.app import create_window


def items(layout):
    found = []
    for index in range(layout.count()):
        item = layout.itemAt(index)
        widget, inner = item.widget(), item.layout()
        place = list(layout.getItemPosition(index)) if isinstance(layout, QGridLayout) else []
        if widget is not None and widget.isHidden():
            continue
        if isinstance(widget, QLabel):
            found.append((place, ("label", widget.text(), widget.styleSheet(), widget.wordWrap(),
                                  widget.buddy() is not None)))
        elif isinstance(widget, QPushButton):
            found.append((place, ("button", widget.text())))
        elif isinstance(widget, QComboBox):
            found.append((place, ("combo", [widget.itemText(n) for n in range(widget.count())])))
        elif isinstance(widget, QGroupBox):
            grid = isinstance(widget.layout(), QGridLayout)
            found.append((place, ("group", widget.title(), grid, items(widget.layout()))))
        elif widget is not None:
            found.append((place, ("widget", items(widget.layout()))))
        elif inner is not None:
            found.append((place, ("row", items(inner))))
        else:
            found.append((place, ("stretch",)))
    return found


def panel(steps):
    rows, marks = [], {{}}
    for number in range(steps.count()):
        item = steps.item(number)
        image = item.data(1)  # the drawn mark (DecorationRole), if the row has one
        mark = ""
        if image is not None:
            mark = str(len(marks))
            pixels = bytes(image.constBits())
            mark = next((key for key, (_, known) in marks.items() if known == pixels.hex()), mark)
            marks[mark] = [image.width(), pixels.hex()]
        rows.append([item.text(), item.font().bold(), mark, item.isSelected()])
    return rows, marks


app = QApplication([])
window = create_window(Path({data!r}))
window.show(); app.processEvents()
page = window.currentPage()
rows, marks = panel(window.steps_panel.list)
print(json.dumps({{
    "window_title": window.windowTitle(), "about": window.buttonText(window.WizardButton.CustomButton1),
    "icon": str(Path({root!r}) / "resources" / "icons" / "pronote-ent-wizard.png"),
    "side_width": window.steps_panel.width(), "steps": rows, "marks": marks,
    "mark": window.steps_panel.list.iconSize().width(),
    "minimum_size": [window.minimumWidth(), window.minimumHeight()], "size": [window.width(), window.height()],
    "title": page.title(), "body": items(page.scroll_area.widget().layout())}}))
window.close()
"""


def fixed(code: str):
    return lambda run: code


def sample(code: str, env: dict) -> tuple[float, float]:
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True).stdout
    wall, cpu = out.strip().splitlines()[-1].split()
    return float(wall), float(cpu)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--compare", type=Path, help="another checkout of the project, run in the same rounds")
    args = parser.parse_args()
    roots = {"": ROOT, **({" (compared)": args.compare.resolve()} if args.compare else {})}
    with tempfile.TemporaryDirectory() as top:
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PRONOTE_ENT_WIZARD_LOG_DIR": str(Path(top) / "logs")}
        # Users' Python caches compiled modules; a machine that disables it would time our compilation, not startup.
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        shown = json.loads(subprocess.run(
            [sys.executable, "-c", FIRST_PAGE.format(root=str(ROOT), data=str(Path(top) / "shown"))],
            env=env, capture_output=True, text=True, check=True).stdout.strip().splitlines()[-1])
        plain = PLAIN_PAGE.format(shown=shown)
        outside = json.loads(subprocess.run(
            [sys.executable, "-c", OUTSIDE_MODULES.format(root=str(ROOT), data=str(Path(top) / "modules"))],
            env=env, capture_output=True, text=True, check=True).stdout.strip().splitlines()[-1])
        floor = FLOOR_IMPORTS.format(modules=outside) + plain.split("\n", 2)[2]  # its clock started before
        programs = {"bare QWizard": fixed(BARE), "plain Qt page": fixed(plain),
                    "plain page + app's modules": fixed(floor)}
        for suffix, root in roots.items():
            folders = {}
            for case, finished in (("yearly board", True), ("resumed part 3", False)):
                folders[case] = Path(top) / f"{case}{suffix}".replace(" ", "_")
                subprocess.run([sys.executable, "-c", SAVED.format(root=str(root), data=str(folders[case]),
                                                                   finished=finished)], check=True, env=env)

            def fresh(template, root=root, suffix=suffix):
                return lambda run: template.format(root=str(root), data=str(Path(top) / f"new{suffix}{run}"))

            programs.update({
                f"first launch{suffix}": fresh(APP),
                **{f"{case}{suffix}": fixed(APP.format(root=str(root), data=str(folder)))
                   for case, folder in folders.items()},
                f"window only{suffix}": fresh(WINDOW_ONLY)})
        load_before = os.getloadavg() if hasattr(os, "getloadavg") else None
        names = list(programs)
        times: dict[str, list[tuple[float, float]]] = {name: [] for name in names}
        for run in range(args.runs + 1):  # the first round warms the file cache and is not counted
            turn = run % len(names)
            for name in names[turn:] + names[:turn]:
                seconds = sample(programs[name](f"{name}{run}".replace(" ", "_")), env)
                if run:
                    times[name].append(seconds)
    load_after = os.getloadavg() if hasattr(os, "getloadavg") else None
    print(f"{args.runs} rounds; medians of each round's ratios (wall / CPU), the CPU ratios' quartiles in brackets; "
          f"the target: first launch ≤ {TARGET} × the plain Qt page")
    if load_before and load_after:
        print(f"load average (1, 5, 15 min): {' '.join(f'{v:.2f}' for v in load_before)} before, "
              f"{' '.join(f'{v:.2f}' for v in load_after)} after")
    for name, values in times.items():
        wall, cpu = (statistics.median(value[kind] for value in values) * 1000 for kind in (0, 1))
        line = f"{name:27}: {wall:4.0f} ms wall, {cpu:4.0f} ms CPU"
        for baseline, said in (("plain Qt page", "the plain page"), ("bare QWizard", "a bare QWizard")):
            if name not in ("bare QWizard", baseline):
                line += f"   to {said} {ratios(values, times[baseline])}"
        print(line)
    if args.compare:
        print("this tree against the compared one, same rounds (below 1: this tree is faster):")
        for name in names:
            if name.endswith(" (compared)"):
                case = name.removesuffix(" (compared)")
                print(f"{case:27}: {ratios(times[case], times[name])}")


def ratios(values: list[tuple[float, float]], baseline: list[tuple[float, float]]) -> str:
    """The medians of the rounds' ratios, wall / CPU, and the CPU ratios' quartiles."""
    per_round = [[a[kind] / b[kind] for a, b in zip(values, baseline, strict=True)] for kind in (0, 1)]
    wall_ratio, cpu_ratio = (statistics.median(rounds) for rounds in per_round)
    said = f"{wall_ratio:.2f} / {cpu_ratio:.2f}"
    if len(values) > 1:
        low, _, high = statistics.quantiles(per_round[1], n=4)
        said += f" [{low:.2f}–{high:.2f}]"
    return said

if __name__ == "__main__":
    main()
