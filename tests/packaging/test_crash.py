"""An uncaught exception in the window: logged, and a French dialog instead of a window that vanishes."""
import json
import sys
import threading

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtWidgets import QApplication, QPushButton

from tests.packaging.conftest import read_logs
from wizard.app import create_window
from wizard.gui import crash as ui_crash
from wizard.gui import crash_dialog


@pytest.fixture
def shown(monkeypatch):
    """Installs the hook; every dialog it would show is captured instead of blocking the test."""
    dialogs = []
    monkeypatch.setattr(crash_dialog.CrashDialog, "exec", lambda self: dialogs.append(self) or 0)
    reporter = ui_crash.install(QApplication.instance())
    yield dialogs
    reporter.uninstall()


def wait_for(qtbot, dialogs, count=1):
    qtbot.waitUntil(lambda: len(dialogs) >= count, timeout=3000)


@pytest.mark.qt_no_exception_capture  # the app's own hook is under test, not pytest-qt's
def test_exception_in_a_slot_shows_the_french_dialog(qtbot, shown, log_file):
    button = QPushButton("Vérifier")
    qtbot.addWidget(button)

    def broken_slot():
        raise RuntimeError("bogue de test")

    button.clicked.connect(broken_slot)
    button.click()
    wait_for(qtbot, shown)
    dialog = shown[0]
    text = dialog.text()
    assert "erreur inattendue" in text
    assert "Relancez l'assistant" in text and "enregistré" not in text  # no window: nothing known of the save
    assert str(log_file) in text
    assert dialog.windowTitle() == "Erreur inattendue"
    assert dialog.open_button.text() == "Ouvrir le dossier du journal" and dialog.open_button.isEnabled()
    log = read_logs(log_file.parent)
    assert "RuntimeError" in log and "broken_slot" in log


@pytest.mark.qt_no_exception_capture
def test_open_log_folder_opens_the_folder_of_the_log(qtbot, shown, log_file, monkeypatch):
    opened = []
    monkeypatch.setattr(crash_dialog.QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    dialog = crash_dialog.CrashDialog(str(log_file))
    qtbot.addWidget(dialog)
    dialog.open_button.click()
    assert opened == [QUrl.fromLocalFile(str(log_file.parent))]


@pytest.mark.qt_no_exception_capture
def test_exception_in_a_thread_is_shown_on_the_gui_thread(qtbot, shown, log_file):
    gui_thread = threading.current_thread()
    seen_in = []
    original = ui_crash.CrashReporter._show

    def spy(self, path):
        seen_in.append(threading.current_thread())
        original(self, path)

    reporter = [obj for obj in QApplication.instance().children() if isinstance(obj, ui_crash.CrashReporter)][-1]
    reporter.failed.disconnect()
    reporter.failed.connect(lambda path: spy(reporter, path))

    def work():
        raise ValueError("échec en arrière-plan")

    thread = threading.Thread(target=work)
    thread.start()
    thread.join()
    wait_for(qtbot, shown)
    assert seen_in == [gui_thread]
    assert "ValueError" in read_logs(log_file.parent)


@pytest.mark.qt_no_exception_capture
def test_a_repeating_failure_shows_one_dialog_at_a_time(qtbot, shown, log_file, monkeypatch):
    reporter = [obj for obj in QApplication.instance().children() if isinstance(obj, ui_crash.CrashReporter)][-1]
    reporter._showing = True  # a dialog is already open
    sys.excepthook(RuntimeError, RuntimeError("encore"), None)
    QApplication.processEvents()  # the queued report is delivered
    assert shown == []
    assert "encore" in read_logs(log_file.parent)  # still logged


@pytest.mark.qt_no_exception_capture
def test_unattended_runs_exit_instead_of_waiting_on_a_dialog(qtbot, monkeypatch, log_file, capsys):
    exits = []
    monkeypatch.setattr(QApplication.instance(), "exit", lambda code=0: exits.append(code))
    reporter = ui_crash.install(QApplication.instance(), interactive=False)
    try:
        reporter.excepthook(RuntimeError, RuntimeError("boum"), None)
        qtbot.waitUntil(lambda: exits == [3], timeout=3000)
    finally:
        reporter.uninstall()
    assert "Erreur inattendue" in capsys.readouterr().err


def test_quit_button_asks_the_app_to_stop(qtbot, monkeypatch):
    exits = []
    monkeypatch.setattr(QApplication.instance(), "exit", lambda code=0: exits.append(code))
    monkeypatch.setattr(crash_dialog.CrashDialog, "exec", lambda self: self.quit_button.click() or 1)
    dialog = crash_dialog.show_crash_dialog(None)
    assert dialog.quit_requested and exits == [1]
    assert not dialog.open_button.isEnabled()  # no log written: nothing to open
    assert "n'a pas pu être écrit" in dialog.text()


@pytest.mark.qt_no_exception_capture
@pytest.mark.parametrize("saved, said, not_said", [
    (True, "Votre progression est enregistrée", "n'ont pas pu"),
    (False, "n'ont pas pu être enregistrées", "est enregistrée"),
])
def test_the_dialog_says_saved_only_when_it_was(qtbot, shown, log_file, saved, said, not_said):
    """Nothing says « enregistré » unless it was: the dialog asks the window's model."""
    reporter = [obj for obj in QApplication.instance().children() if isinstance(obj, ui_crash.CrashReporter)][-1]
    reporter.saved = lambda: saved
    button = QPushButton("Vérifier")
    qtbot.addWidget(button)
    button.clicked.connect(lambda: 1 / 0)
    button.click()
    wait_for(qtbot, shown)
    text = shown[0].text()
    assert said in text and not_said not in text


@pytest.mark.qt_no_exception_capture
def test_a_bug_reported_while_a_change_waits_writes_it_before_saying_enregistree(qtbot, shown, log_file, data_dir):
    """The window's pending keystrokes are written (and waited for) before the dialog says they are safe."""
    window = create_window(data_dir)
    qtbot.addWidget(window)
    reporter = [obj for obj in QApplication.instance().children() if isinstance(obj, ui_crash.CrashReporter)][-1]
    reporter.saved = window.save_now  # as run_gui sets it
    window.progress.type_identity("name", "Collège Via Domitia")
    assert window.progress.pending()
    button = QPushButton("Vérifier")
    qtbot.addWidget(button)
    button.clicked.connect(lambda: 1 / 0)
    button.click()
    wait_for(qtbot, shown)
    assert "Votre progression est enregistrée" in shown[0].text()
    document = json.loads((data_dir / "progress.json").read_text(encoding="utf-8"))
    assert document["schools"][document["current"]]["identity"]["name"] == "Collège Via Domitia"
