"""Results belong to the school and the page that asked (issue 22, 2 and 5): a job carries the school and the pass it
was started for; leaving the page cancels it; closing the window cancels and joins every job, never aborts."""
import os
import signal
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from tests.gui.helpers import open_window, written
from tests.gui.test_help import complete_every_step
from wizard.core.progress import ELSEWHERE, GONE, HERE

ROOT = Path(__file__).resolve().parents[2]
FIXTURE = ROOT / "tests" / "matching" / "fixtures" / "pronote.xml"


class Gate:
    """A job that waits until the test lets it end (then behaves as the real one)."""

    def __init__(self, real):
        self.real, self.started, self.go = real, threading.Event(), threading.Event()

    def __call__(self, *args, **kwargs):
        self.started.set()
        assert self.go.wait(20)
        return self.real(*args, **kwargs)


def two_schools_on_the_file_page(qtbot, data_dir, tmp_path):
    window = open_window(qtbot, data_dir)
    progress = window.progress
    complete_every_step(progress)
    first = progress.school["id"]
    progress.add_school()
    complete_every_step(progress)
    progress.type_identity("name", "Lycée B")
    progress.type_identity("uai", "0341794R")  # another school: another UAI (one school, one record)
    progress.type_identity("pronote_url", "https://0341794R.index-education.net/pronote/")
    second = progress.school["id"]
    progress.switch_school(first)
    window.go_to("fichier")
    assert window.current_step() == "fichier"
    copy = tmp_path / "IdPN_To_KOSMOS.xml"
    copy.write_bytes(FIXTURE.read_bytes())
    return window, progress, first, second, copy


def refuse_saves(monkeypatch) -> None:
    import errno
    import tempfile

    def refuse(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(tempfile, "mkstemp", refuse)


def test_an_analysis_that_ends_after_the_school_changed_is_recorded_for_its_own_school(qtbot, data_dir, tmp_path,
                                                                                         monkeypatch):
    """Issue 22, 2: going back and switching school recorded school A's analysis on school B."""
    from wizard.pages import fichier

    window, progress, first, second, copy = two_schools_on_the_file_page(qtbot, data_dir, tmp_path)
    gate = Gate(fichier.run_analysis)
    monkeypatch.setattr(fichier, "run_analysis", gate)
    page = window.currentPage()
    target = progress.job_target()
    page.analyse(copy)
    assert gate.started.wait(10)
    before_b = progress.doc["schools"][second]["cycle"]["analysis"]
    progress.switch_school(second)  # as if the window showed B by now (the page was not left)
    refuse_saves(monkeypatch)  # the disk refuses from now on: nothing may say the result was written
    gate.go.set()
    qtbot.waitUntil(lambda: not page.task.running, timeout=20000)
    assert progress.doc["schools"][second]["cycle"]["analysis"] == before_b  # B untouched
    assert progress.doc["schools"][first]["cycle"]["file"]["name"] == "IdPN_To_KOSMOS.xml"  # A got its own
    assert progress.where(target) == ELSEWHERE
    assert "pas à celui affiché" in page.status.text()
    assert "enregistré" not in page.status.text()  # before: « a été enregistré pour cet établissement »


def test_going_back_cancels_the_analysis_and_nothing_is_recorded(qtbot, data_dir, tmp_path, monkeypatch):
    from wizard.pages import fichier

    window, progress, first, second, copy = two_schools_on_the_file_page(qtbot, data_dir, tmp_path)
    gate = Gate(fichier.run_analysis)
    monkeypatch.setattr(fichier, "run_analysis", gate)
    page = window.currentPage()
    before = progress.cycle["analysis"]
    page.analyse(copy)
    assert gate.started.wait(10)
    window.back()
    assert window.current_step() != "fichier"
    gate.go.set()
    qtbot.waitUntil(lambda: not page.task.running, timeout=20000)
    assert progress.cycle["analysis"] == before
    assert progress.cycle["file"]["path"] == "/nonexistent"


def test_a_result_for_a_pass_replaced_or_a_school_erased_goes_nowhere(data_dir):
    from wizard.core.progress import Progress
    from wizard.core.store import ProgressStore

    store = ProgressStore(data_dir)
    store.acquire()
    progress = Progress.open(store)
    target = progress.job_target()
    progress.start_pass("partiel")
    info = {"name": "f.xml", "path": "/f.xml", "size": 1, "sha256": "0" * 64, "mtime_ns": None}
    analysis = {"file_sha256": "0" * 64, "mode": "complet", "layout": "", "layout_label": None, "encoding": None,
                "counts": {"total": 0}, "findings": [], "finding_counts": {}, "errors": 0, "warnings": 0,
                "mapping": {}, "export_date": None, "id_hashes": [], "language": "fr"}
    assert progress.record_analysis(info, analysis, target) == GONE
    assert progress.cycle["analysis"] is None
    assert progress.record_analysis(info, analysis, progress.job_target()) == HERE
    school = progress.school["id"]
    progress.erase_all()
    assert progress.record_server_check("address", _result(), school) is False
    assert all(not s["server_checks"] for s in progress.doc["schools"].values())
    store.release()


def _result():
    from tools.screenshots import server_answer

    return server_answer("https://0301746K.index-education.net/pronote/", delegated=True, purpose="address")


def test_a_server_check_that_ends_after_the_school_changed_fills_nothing_on_screen(qtbot, data_dir, monkeypatch):
    """Issue 22, 2: A's server answer (its version, « déjà en place, vérifié ») was recorded on school B."""
    import wizard.core.probe as probe

    window = open_window(qtbot, data_dir)
    progress = window.progress
    first = progress.school["id"]
    progress.type_identity("pronote_url", "https://0301746K.index-education.net/pronote/")
    progress.add_school()
    second = progress.school["id"]
    progress.switch_school(first)
    window.go_to("etablissement")
    page = window.currentPage()
    gate = Gate(lambda *args, **kwargs: _result())
    monkeypatch.setattr(probe, "probe_server", gate)
    page.server.start()
    assert gate.started.wait(10)
    progress.switch_school(second)
    gate.go.set()
    qtbot.waitUntil(lambda: not page.server.running, timeout=20000)
    schools = progress.doc["schools"]
    assert schools[second]["server_checks"] == [] and schools[second]["connection"] is None
    assert schools[second]["identity"]["pronote_version"] == ""
    assert schools[first]["server_checks"][-1]["outcome"] == "delegated"
    assert "pas à celui affiché" in page.server.message.text()
    assert "enregistré" not in page.server.message.text()  # written with the next save, which may still fail


def test_closing_the_window_during_a_job_cancels_and_waits_for_it(qtbot, data_dir, tmp_path, monkeypatch):
    from wizard.gui import worker
    from wizard.pages import fichier

    window, progress, first, second, copy = two_schools_on_the_file_page(qtbot, data_dir, tmp_path)
    seen = {}

    def slow(path, school, mode, *, advance, cancelled):
        seen["started"] = True
        while not cancelled():
            time.sleep(0.01)
        seen["cancelled"] = True
        from wizard.core.errors import Cancelled

        raise Cancelled()

    monkeypatch.setattr(fichier, "run_analysis", slow)
    window.currentPage().analyse(copy)
    qtbot.waitUntil(lambda: seen.get("started"), timeout=10000)
    window.close()
    assert seen.get("cancelled") and worker.running_jobs() == 0
    assert progress.cycle["file"]["path"] == "/nonexistent"


def big_identifier_file(path: Path, people: int) -> None:
    rows = "".join(f'<Eleve Ident="{n}" Nom="NOM{n}" Prenom="P{n}" ID_Partenaire="ID{n:08d}" '
                   f'DateNaissance="2010-01-01"/>' for n in range(people))
    path.write_text('<?xml version="1.0" encoding="UTF-8"?><PARTENAIRE_INDEX Date="2026-09-01T08:00:00" '
                    'Partenaire="x"><Etablissements><Etablissement Ident="1" Numero="0301746K" Nom="C"/>'
                    f'</Etablissements><Eleves>{rows}</Eleves></PARTENAIRE_INDEX>', encoding="utf-8")


def resumed_on_the_file_page(data_dir: Path, file: Path) -> None:
    """A progress that resumes on « fichier » with a file whose analysis is to be made again: the page starts
    analysing as soon as the window opens."""
    script = textwrap.dedent(f"""
        import sys; sys.path.insert(0, {str(ROOT)!r})
        from pathlib import Path
        from tests.gui.test_help import complete_every_step
        from wizard.core.progress import Progress
        from wizard.core.store import ProgressStore
        store = ProgressStore(Path({str(data_dir)!r})); store.acquire()
        progress = Progress.open(store)
        complete_every_step(progress)
        progress.cycle["file"]["path"] = {str(file)!r}
        progress.cycle["analysis"] = None
        progress.school["current_step"] = "fichier"
        progress.school["setup_finished_at"] = None
        progress.retry_save()
        store.release()
    """)
    subprocess.run([sys.executable, "-c", script], check=True, timeout=120)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="watches the child's threads in /proc")
def test_ctrl_c_in_the_terminal_during_an_analysis_closes_the_real_launcher_cleanly(data_dir, tmp_path):
    """Issue 22, 5 and 11: through `python main.py`, Ctrl+C during an analysis printed a traceback and the window
    kept running; closing during a job aborted (« QThread: Destroyed while thread is still running »). Also: no
    core dump can hold the names being read (the running process's core size limit is 0)."""
    big = tmp_path / "IdPN_To_KOSMOS.xml"
    big_identifier_file(big, 150_000)
    resumed_on_the_file_page(data_dir, big)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONUNBUFFERED": "1"}
    child = subprocess.Popen([sys.executable, str(ROOT / "main.py"), "--data-dir", str(data_dir)], env=env,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        # The analysis has started once its progress shows up in the log; a few seconds is enough to be inside it.
        deadline = time.monotonic() + 60
        limits = ""
        while time.monotonic() < deadline:
            time.sleep(0.05)
            limits = Path(f"/proc/{child.pid}/limits").read_text(encoding="utf-8") if sys.platform.startswith(
                "linux") else ""
            if child.poll() is not None or _is_analysing(child.pid):
                break
        assert child.poll() is None, child.communicate()
        child.send_signal(signal.SIGINT)
        out, err = child.communicate(timeout=60)
    finally:
        if child.poll() is None:
            child.kill()
    assert child.returncode == 128 + signal.SIGINT, (child.returncode, err)
    assert "Traceback" not in err and "QThread" not in err and "KeyboardInterrupt" not in err, err
    if limits:
        core = next(line for line in limits.splitlines() if line.startswith("Max core file size"))
        assert core.split()[4:6] == ["0", "0"], core
    # The data folder is released: a new window (here: a store) can take it.
    from wizard.core.store import ProgressStore

    store = ProgressStore(data_dir)
    store.acquire()
    store.release()


def _is_analysing(pid: int) -> bool:
    """The analysis' worker thread runs in the child (the job threads carry a name)."""
    try:
        return any(Path(f"/proc/{pid}/task/{task}/comm").read_text(encoding="utf-8").strip() == "wizard-job"
                   for task in os.listdir(f"/proc/{pid}/task"))
    except OSError:
        return False


def test_the_real_launcher_closes_cleanly_when_a_job_outlives_the_wait(data_dir, tmp_path):
    """A job stuck where cancelling cannot reach (a name lookup of a hung resolver): the window closes, the process
    ends without « QThread: Destroyed while thread is still running » (which aborts)."""
    script = textwrap.dedent(f"""
        import sys, time; sys.path.insert(0, {str(ROOT)!r})
        from pathlib import Path
        from PySide6.QtCore import QTimer
        from PySide6.QtWidgets import QApplication
        import wizard.gui.window as window_module
        window_module.JOBS_TIMEOUT_MS = 200
        from wizard.app import create_window
        from wizard.gui import shell, worker

        def stuck(advance, cancelled):
            time.sleep(3)  # deaf to cancelling

        def create(data_dir, language, ent):
            window = create_window(data_dir, language, ent)
            page = window.currentPage()
            runner = worker.TaskRunner(page, window.button(window.WizardButton.HelpButton), cancel_text="x",
                                       cancel_name="x", progress_name="x")
            page.runners.append(runner)
            for part in (runner.bar, runner.cancel):
                part.setParent(page)  # shown with the page, not as windows of their own
            QTimer.singleShot(100, lambda: runner.run(stuck, done=print, failed=print, cancelled=print))
            QTimer.singleShot(600, window.close)
            return window

        from wizard.app import window_arguments

        args, qt_args = window_arguments(["--data-dir", {str(data_dir)!r}])
        sys.exit(shell.run_gui(args, qt_args, create, None))
    """)
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60,
                         env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert run.returncode == 0, run.stderr
    assert "QThread" not in run.stderr and "Traceback" not in run.stderr, run.stderr


def test_the_cancel_button_drops_a_result_already_on_its_way(qtbot, data_dir, tmp_path, monkeypatch):

    window, progress, first, second, copy = two_schools_on_the_file_page(qtbot, data_dir, tmp_path)
    page = window.currentPage()
    page.analyse(copy)
    page.task.worker.wait(20000)  # finished: its result is queued to the window's thread
    page.task.stop()
    QApplication.processEvents()
    qtbot.waitUntil(lambda: not page.task.running, timeout=10000)
    assert progress.cycle["file"]["path"] == "/nonexistent"
    assert "annulée" in page.status.text()


def test_dropping_a_folder_keeps_the_saved_good_analysis(qtbot, data_dir, tmp_path):
    """Issue 22, 11: a folder dropped by mistake threw away the saved good analysis."""
    from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
    from PySide6.QtGui import QDropEvent

    window, progress, first, second, copy = two_schools_on_the_file_page(qtbot, data_dir, tmp_path)
    page = window.currentPage()
    page.analyse(copy)
    qtbot.waitUntil(lambda: not page.task.running, timeout=20000)
    good = progress.cycle["analysis"]
    assert good and not good["errors"]
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(tmp_path))])
    page.dropEvent(QDropEvent(QPointF(5, 5), Qt.DropAction.CopyAction, data, Qt.MouseButton.LeftButton,
                              Qt.KeyboardModifier.NoModifier))
    qtbot.waitUntil(lambda: not page.task.running, timeout=20000)
    assert progress.cycle["analysis"] == good
    assert "rien n'a été changé" in page.status.text()
    written(progress)
    assert progress.saved


def test_the_file_page_reads_again_an_export_that_took_the_analysed_file_s_place(qtbot, data_dir, tmp_path):
    """PRONOTE writes each export over the previous one: back on the page, the old analysis stood above a file never
    checked (« Aucune erreur bloquante » for another export)."""
    window = open_window(qtbot, data_dir)
    complete_every_step(window.progress)
    window.go_to("fichier")
    page = window.currentPage()
    export = tmp_path / "IdPN_To_KOSMOS.xml"
    export.write_bytes(FIXTURE.read_bytes())
    page.analyse(export)
    qtbot.waitUntil(lambda: not page.task.running, timeout=20000)
    first = window.progress.cycle["analysis"]["file_sha256"]
    window.go_to("import_ent")
    export.write_bytes((ROOT / "tests" / "fixtures" / "idfile" / "documented.xml").read_bytes())  # a new export
    window.go_to("fichier")
    qtbot.waitUntil(lambda: not page.task.running and window.progress.cycle["analysis"]["file_sha256"] != first,
                    timeout=20000)
    assert window.progress.cycle["analysis"]["counts"]["total"] == 7  # documented.xml's seven people
