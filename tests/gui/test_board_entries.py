"""The board's other entries (issue 19): the identification failures, visited straight from the board; « Refaire cet
import »; and, on the file page, the partial export that holds everybody turned into a full import."""
from __future__ import annotations

import copy

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QCheckBox, QFileDialog, QWizard

from tests.gui.helpers import go_next_by_keyboard, next_button, open_window, press, tab_to, type_into
from tests.gui.test_help import complete_every_step
from wizard.core import status
from wizard.core.typography import plain


def finished_school(qtbot, data_dir):
    window = open_window(qtbot, data_dir)
    complete_every_step(window.progress)
    window.progress.record_import()
    window.progress.finish_walk()
    window.resume()
    return window


def press_entry(window, action: str) -> None:
    button = window.currentPage().entries[action][0]
    tab_to(lambda widget: widget is button)
    press(Qt.Key.Key_Space)


def test_every_entry_says_what_its_pages_are_for(qtbot, data_dir):
    window = finished_school(qtbot, data_dir)
    page = window.currentPage()
    grid = page.entry_grid
    shown = [grid.itemAtPosition(row, 0).widget().objectName().removeprefix("board_") for row in range(grid.rowCount())
             if grid.itemAtPosition(row, 0) is not None and grid.itemAtPosition(row, 0).widget().isVisible()]
    assert shown[0] == page.primary.objectName().removeprefix("board_") == status.PARTIAL
    for action in shown:
        button, sentence = page.entries[action]
        assert sentence.isVisible() and sentence.text() == button.accessibleDescription() and len(sentence.text()) > 40
        assert button.accessibleName() == button.text().replace("&", "")


def test_the_failures_are_followed_from_the_board_and_back(qtbot, data_dir):
    window = finished_school(qtbot, data_dir)
    stopped = window.progress.school["current_step"]
    press_entry(window, status.FAILURES)
    assert window.current_step() == "echecs"
    page = window.currentPage()
    type_into("failures_count", "douze")  # refused: the validator keeps digits only
    assert page.count.text() == ""
    type_into("failures_day", "31/02/2026")
    type_into("failures_count", "12")
    assert not next_button(window).isEnabled()
    assert "jj/mm/aaaa" in plain(page.reason.text())  # one sentence, nothing noted
    assert window.progress.school["failures"] == []
    type_into("failures_day", "01/12/2026")
    note = tab_to(lambda widget: widget.objectName() == "note_failures")
    press(Qt.Key.Key_Space)
    assert [(e["day"], e["count"]) for e in window.progress.school["failures"]] == [("2026-12-01", 12)]
    assert page.message.objectName() == "failures_message_ok" and "12 le 01/12/2026" in plain(page.message.text())
    assert note.isVisible()
    # Back is the board again, with the trend; the pass was not touched.
    back = window.button(QWizard.WizardButton.BackButton)
    tab_to(lambda widget: widget is back)
    press(Qt.Key.Key_Space)
    assert window.current_step() == "accueil" and window.progress.school["current_step"] == stopped
    rows = " ".join(plain(label.text()) for label in window.currentPage().board_box.findChildren(type(page.noted)))
    assert "12 le 01/12" in rows
    press_entry(window, status.FAILURES)
    tab_to(lambda widget: widget.objectName() == "unnote_failures")
    press(Qt.Key.Key_Space)
    assert window.progress.school["failures"] == []


def test_redo_this_import_starts_a_new_pass_and_keeps_the_old_one(qtbot, data_dir):
    window = finished_school(qtbot, data_dir)
    finished = copy.deepcopy(window.progress.cycle)
    history = copy.deepcopy(window.progress.school["import_history"])
    press_entry(window, status.REDO)
    assert window.current_step() == "etablissement"  # the first walk's import, done again: a full import
    go_next_by_keyboard(window)
    assert window.current_step() == "export_mode" and window.currentPage().full.isChecked()
    # Issue 19: « Import complet » preselected under a hint saying « choisissez l'import partiel ».
    hint = plain(window.currentPage().history_note.text())
    assert "vous en refaites un" in hint and "choisissez" not in hint
    go_next_by_keyboard(window)
    boxes = [box for box in window.currentPage().findChildren(QCheckBox) if box.isVisible()]
    assert boxes and not any(box.isChecked() for box in boxes)
    assert window.progress.school["passes"][-1]["id"] == finished["id"]
    assert window.progress.cycle["redo_of"] == finished["id"]
    assert window.progress.school["import_history"] == history


def test_a_partial_export_of_everybody_can_become_a_full_import(qtbot, data_dir, tmp_path, monkeypatch):
    from tests.gui.test_school_year import OLD_HANDS, identifier_file
    from wizard.core.privacy import keyed_hash

    window = open_window(qtbot, data_dir)
    complete_every_step(window.progress)
    school = window.progress.school
    school["import_history"] = [{"date": "2026-09-02T09:00:00", "cycle": "c0", "mode": "complet",
                                 "counts": {"total": 40}, "file_sha256": None, "reported_count": 40,
                                 "reading": "batch", "export_date": None,
                                 "id_hashes": [keyed_hash(window.progress.hash_key(school), ident)
                                               for ident in OLD_HANDS]}]
    window.progress.choose_mode("partiel")
    window.progress.tick("export_pronote", "case_partiel", True)
    window.go_to("fichier")
    path = identifier_file(tmp_path, "tous.xml", OLD_HANDS, "2026-11-20T13:00:00")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    page = window.currentPage()
    tab_to(lambda widget: widget.objectName() == "choose_file")
    press(Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: not page.task.running and page.everybody.isVisible(), timeout=15000)
    assert not next_button(window).isEnabled() and "erreurs bloquantes" in plain(page.reason.text())
    tab_to(lambda widget: widget is page.to_full)
    press(Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: not page.task.running and window.progress.cycle["analysis"]["mode"] == "complet",
                    timeout=15000)
    QApplication.processEvents()
    assert window.progress.cycle["mode"] == "complet" and not window.progress.cycle["analysis"]["errors"]
    assert not page.everybody.isVisible() and next_button(window).isEnabled()


def test_a_visit_to_the_failures_never_finishes_the_pass_in_progress(qtbot, data_dir):
    """From the board in the middle of a partial import: the failures page ends the visit (Back, or « Terminer »);
    it does not lead to « Terminé », which would close a pass whose import is not done."""
    window = finished_school(qtbot, data_dir)
    window.progress.start_pass("partiel")
    window.progress.arrive_at("fichier")
    window.resume()
    press_entry(window, status.FAILURES)
    assert window.current_step() == "echecs"
    assert not next_button(window).isVisible() and window.button(QWizard.WizardButton.FinishButton).isVisible()
    type_into("failures_count", "7")
    window.button(QWizard.WizardButton.FinishButton).click()
    assert window.progress.cycle["finished_at"] is None and window.progress.school["current_step"] == "fichier"
    assert [entry["count"] for entry in window.progress.school["failures"]] == [7]
