"""Start-up (issue 10): the first page pays only for itself. Measured by bench/startup.py; what keeps it cheap is
checked here, in a fresh process each time (this one has long loaded everything).

- PySide's `Qt` namespace is never touched while the window opens (13 ms: gui/qtvalues.py), nor QStyle,
  QMessageBox or QEvent (1–4 ms each), whose enums load with the first use;
- no window-wide style sheet (it makes Qt restyle every widget: 9 ms on the first page);
- PySide does not read the source of our modules, nor of the standard library's, to look for `__feature__`
  switches (gui/__init__.py);
- the checks, the date library, the dataclass machinery, the file reader and the matching load with the pages
  that use them.
"""
import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

OPEN_WINDOW = r"""
import os, sys
from pathlib import Path
os.environ["QT_QPA_PLATFORM"] = "offscreen"
sys.path.insert(0, {root!r})
from PySide6 import QtCore, QtWidgets
from PySide6.QtTest import QTest
from wizard.app import create_window
app = QtWidgets.QApplication([])
window = create_window(Path({data!r}))
window.show(); QTest.qWaitForWindowExposed(window); app.processEvents()
made = [name for name, module in (("Qt", QtCore), ("QEvent", QtCore), ("QStyle", QtWidgets), ("QMessageBox", QtWidgets))
        if name in vars(module)]
modules = sorted(sys.modules)  # before this report's own imports
import json, linecache, sysconfig
read = list(linecache.cache)  # before sysconfig's own import adds to it
stdlib = sysconfig.get_paths()["stdlib"]
feature = sys.modules.get("shibokensupport.feature")
print(json.dumps({{"step": window.current_step(), "made": made, "style_sheet": window.styleSheet(),
                  "modules": modules,
                  "sources_read": sorted(Path(name).name for name in read if "wizard" in name),
                  "standard_read": sorted(Path(name).relative_to(stdlib).as_posix() for name in read
                                          if os.path.isabs(name) and Path(name).is_relative_to(stdlib)),
                  "feature_of_window": getattr(feature, "pyside_feature_dict", {{}}).get("wizard.gui.window")}}))
"""

SAVED = r"""
import os, sys
from pathlib import Path
os.environ["QT_QPA_PLATFORM"] = "offscreen"
sys.path.insert(0, {root!r})
from PySide6.QtWidgets import QApplication
from tests.gui.test_help import complete_every_step
from wizard.app import create_window
app = QApplication([])
window = create_window(Path({data!r}))
complete_every_step(window.progress)
"""
STOPPED_IN_PART_3 = SAVED + "window.go_to('import_ent')\nwindow.close()\n"
FINISHED_SCHOOL = SAVED + "window.progress.finish_walk()\nwindow.close()\n"

LATER = ("json", "datetime", "dataclasses", "wizard.core.school", "wizard.core.idfile", "wizard.core.matching",
         "wizard.core.probe", "lxml", "wizard.core.migrations")


def run(code: str, data_dir: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", code.format(root=str(ROOT), data=str(data_dir))],
                          capture_output=True, text=True, timeout=120)


def open_window(data_dir: Path, prepare: str = "") -> dict:
    """Open the window in a new process, after `prepare` ran in another one (a saved progress)."""
    if prepare:
        assert run(prepare, data_dir).returncode == 0
    done = run(OPEN_WINDOW, data_dir)
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_a_first_launch_opens_without_the_costly_qt_enums_or_a_window_style_sheet(data_dir):
    opened = open_window(data_dir)
    assert opened["step"] == "accueil"
    assert opened["made"] == []
    assert opened["style_sheet"] == ""
    loaded = [name for name in LATER if name in opened["modules"]]
    assert loaded == []


@pytest.mark.parametrize("later", ["wizard.core.idfile", "wizard.core.matching", "wizard.core.probe", "lxml", "json",
                                   "encodings.utf_8_sig"])
def test_a_school_back_for_its_yearly_import_opens_on_the_board_without_the_later_pages_code(data_dir, later):
    opened = open_window(data_dir, FINISHED_SCHOOL)
    assert opened["step"] == "accueil"
    assert opened["made"] == []  # the board is made in reading order: Tab needs no reordering
    assert later not in opened["modules"]


@pytest.mark.parametrize("later", ["wizard.core.probe", "ssl", "http.client", "wizard.gui.tables", "wizard.gui.files",
                                   "wizard.core.people", "dataclasses", "lxml"])
def test_a_walk_resumed_in_part_3_does_not_load_what_the_pages_passed_by_use(data_dir, later):
    """Resuming replays the flow through the school page (network check), pronote.net (its verdicts) and the
    file page (tables, file dialog): their pages exist for Back, their code loads when they are shown."""
    opened = open_window(data_dir, STOPPED_IN_PART_3)
    assert opened["step"] == "import_ent"
    assert later not in opened["modules"]


def test_pyside_is_told_our_modules_switch_no_feature_instead_of_reading_them(data_dir):
    opened = open_window(data_dir)
    # Only what was imported before the Qt layer (the package and the entry module) was read.
    assert set(opened["sources_read"]) <= {"__init__.py", "app.py"}
    assert opened["feature_of_window"] == 0  # PySide still knows the module: « no feature »


def test_pyside_is_told_the_standard_library_switches_no_feature_instead_of_reading_it(data_dir):
    """typing, codecs, os, re, json… first imported by our modules after PySide: their source is not read either
    (typing alone took 0.5 ms)."""
    opened = open_window(data_dir)
    read = set(opened["standard_read"])
    # (What is imported before the Qt layer is in place – pathlib by the entry module – may still be read.)
    assert read & {"typing.py", "codecs.py", "string.py", "os.py", "types.py", "re/__init__.py",
                   "json/decoder.py"} == set()
