"""Start-up: the window opens paying only for what its first page shows. Measured by bench/startup.py; what keeps
it cheap is checked here, in a fresh process for each of the three ways the app opens, opened as main.py opens it
(this one has long loaded everything):

- PySide's `Qt` namespace is never touched while the window opens on its first page (13 ms: gui/qtvalues.py),
  nor QStyle, QMessageBox or QEvent, whose enums load with their first use – the crash reporter and the shell
  included –, nor the Python types of controls neither page shows (QCheckBox 1.3 ms: the pages' helpers tell
  controls apart by Qt's class name);
- no window-wide style sheet (it makes Qt restyle every widget: 9 ms on the first page);
- the network check, the file reader and the matching load with their pages (docs/DEVELOPING.md, « Imports »):
  not for the first page, not for the board, not for the pages a resumed walk passes by;
- the core the first page and the board use is loaded before Qt, which reads the source of every module imported
  after it (docs/DEVELOPING.md, « Imports »).
"""
import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.gui.test_help import complete_every_step
from wizard.core.progress import Progress
from wizard.core.store import ProgressStore

ROOT = Path(__file__).resolve().parents[2]

# As main.py opens the window (the app, its options, then run_gui: Qt, the log, the crash reporter, the window); the
# report is made on the painted window, in place of the smoke test's.
OPEN_WINDOW = r"""
import os, sys
os.environ["QT_QPA_PLATFORM"] = "offscreen"
sys.path.insert(0, {root!r})
from wizard.app import create_window, window_arguments
args, qt_args = window_arguments(["--data-dir", {data!r}])
from wizard.gui.shell import run_gui


def report(window):
    from PySide6 import QtCore, QtWidgets
    made = [name for name, module in (("Qt", QtCore), ("QEvent", QtCore), ("QStyle", QtWidgets),
                                      ("QMessageBox", QtWidgets), ("QCheckBox", QtWidgets),
                                      ("QRadioButton", QtWidgets), ("QLineEdit", QtWidgets))
            if name in vars(module)]
    modules = list(sys.modules)  # in the order they were first imported; before this report's own imports
    import json
    print(json.dumps({{"step": window.current_step(), "made": made, "style_sheet": window.styleSheet(),
                      "modules": modules}}))
    return 0


sys.exit(run_gui(args, qt_args, create_window, report))
"""

# What the network check (the probe package, TLS, HTTP), the file reader (lxml) and the matching bring.
LATER = ("wizard.core.probe", "ssl", "http.client", "truststore", "wizard.core.idfile", "lxml",
         "wizard.core.matching", "rapidfuzz")


def first_launch(data_dir: Path) -> None:
    pass


def back_for_the_yearly_import(data_dir: Path) -> None:
    progress = Progress.open(ProgressStore(data_dir))
    complete_every_step(progress)
    progress.finish_walk()


def stopped_in_part_3(data_dir: Path) -> None:
    """Resuming replays the flow through the school page (network check), pronote.net (its verdicts) and the file
    page: their pages exist for Back, their checks load when they are shown."""
    progress = Progress.open(ProgressStore(data_dir))
    complete_every_step(progress)
    progress.arrive_at("import_ent")


@pytest.mark.parametrize(("prepare", "step"), [(first_launch, "accueil"), (back_for_the_yearly_import, "accueil"),
                                               (stopped_in_part_3, "import_ent")],
                         ids=["first_launch", "yearly_board", "resumed_in_part_3"])
def test_the_window_opens_without_the_costly_qt_enums_a_style_sheet_or_the_later_pages_checks(data_dir, prepare, step):
    prepare(data_dir)
    done = subprocess.run([sys.executable, "-c", OPEN_WINDOW.format(root=str(ROOT), data=str(data_dir))],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    opened = json.loads(done.stdout.strip().splitlines()[-1])
    assert opened["step"] == step
    if step == "accueil":  # (the pages a resumed walk passed by were free to use them)
        assert opened["made"] == []  # the board too is made in reading order: Tab needs no reordering
    assert opened["style_sheet"] == ""
    modules = opened["modules"]
    assert [name for name in LATER if name in modules] == []
    after_qt = modules[modules.index("PySide6"):]
    if step == "accueil":  # the core the window opens with was loaded before Qt (app.py says why)
        assert [name for name in after_qt if name.startswith("wizard.core")] == []
    if sys.platform != "win32":  # the log's start line reads os.uname(); `platform` (1.6 ms) is Windows' way
        assert "platform" not in modules
