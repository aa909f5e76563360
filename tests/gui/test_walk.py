"""End-to-end walks through the real window, keyboard only."""
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QFileDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QWizard,
)

from tests.gui.helpers import (
    SCHOOL,
    go_next_by_keyboard,
    next_button,
    open_window,
    press,
    tab_to,
    tick_all_by_keyboard,
    type_into,
)
from wizard.core.typography import plain

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "walk" / "IdPN_To_KOSMOS.xml"


def fill_school_by_keyboard(window):
    for name, text in SCHOOL.items():
        type_into(name, text)


def walk_to_end(window, qtbot, monkeypatch, reported="7"):
    """From the current page to « fin », by keyboard; returns the steps seen."""
    seen = [window.current_step()]
    while window.current_step() != "fin":
        step = window.current_step()
        if step in ("ent_service", "ent_acces", "export_pronote", "rapprochement"):
            assert not next_button(window).isEnabled(), " ".join(seen)  # a fresh checklist page waits for its ticks
        if step == "etablissement":
            if not next_button(window).isEnabled():
                fill_school_by_keyboard(window)
        elif step == "pronote_net":
            tick_all_by_keyboard(window)
            if not next_button(window).isEnabled():
                tab_to(lambda w: w.objectName() == "manual_confirmation")
                press(Qt.Key.Key_Space)
        elif step == "fichier":
            monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(FIXTURE), ""))
            tab_to(lambda w: w.objectName() == "choose_file")
            press(Qt.Key.Key_Space)
            qtbot.waitUntil(lambda: next_button(window).isEnabled() or window.currentPage().read_warnings.isVisible(),
                            timeout=10000)
            if not next_button(window).isEnabled():
                tab_to(lambda w: w.objectName() == "read_warnings")
                press(Qt.Key.Key_Space)
        elif step == "import_ent":
            tick_all_by_keyboard(window)
            type_into("reported_count", reported)
        elif step not in ("accueil", "export_mode"):
            tick_all_by_keyboard(window)
        go_next_by_keyboard(window)
        seen.append(window.current_step())
    return seen


def test_first_time_walk_by_keyboard(qtbot, data_dir, monkeypatch):
    window = open_window(qtbot, data_dir)
    assert window.wizardStyle() == QWizard.WizardStyle.ModernStyle
    assert "PRONOTE" in window.windowTitle() and "mon ENT Occitanie" in window.windowTitle()
    assert next_button(window).text().replace("&", "").startswith("Suivant")
    assert window.button(QWizard.WizardButton.CancelButton).text() == "Annuler"
    seen = walk_to_end(window, qtbot, monkeypatch)
    assert seen == ["accueil", "etablissement", "ent_service", "ent_acces", "pronote_net_avertissement", "pronote_net",
                    "export_mode", "export_pronote", "fichier", "import_ent", "rapprochement", "echecs", "fin"]
    school = window.progress.school
    assert school["identity"]["pronote_url"] == "https://0301746k.index-education.net/pronote/"
    assert school["setup_finished_at"]
    assert school["import_history"][-1]["reported_count"] == 7
    assert school["import_history"][-1]["mode"] == "complet"
    assert "Précédent" in window.button(QWizard.WizardButton.BackButton).text()


def test_next_disabled_with_the_reason_until_complete(qtbot, data_dir):
    window = open_window(qtbot, data_dir)
    go_next_by_keyboard(window)
    page = window.currentPage()
    assert not next_button(window).isEnabled()
    assert "UAI" in page.reason.text() and page.reason.isVisible()
    type_into("field_uai", "0301746L")
    assert "« K »" in plain(page.reason.text())
    fill_school_by_keyboard(window)
    assert next_button(window).isEnabled() and not page.reason.isVisible()


def test_restart_in_the_middle_of_part_one_restores_page_and_values(qtbot, data_dir):
    window = open_window(qtbot, data_dir)
    go_next_by_keyboard(window)
    fill_school_by_keyboard(window)
    go_next_by_keyboard(window)
    assert window.current_step() == "ent_service"
    page = window.currentPage()
    tab_to(lambda w: w.objectName() == "tick_type_sso")
    press(Qt.Key.Key_Space)
    window.close()

    again = open_window(qtbot, data_dir)
    assert again.current_step() == "ent_service"
    page = again.currentPage()
    assert page.checklist.boxes["type_sso"].isChecked()
    assert not page.checklist.boxes["nouveau_service"].isChecked()
    assert page.checklist.value_fields["cas_url"].text() == "https://0301746k.index-education.net/pronote/**"
    # Back retraces the path, and the school page shows what was typed.
    again.back()
    assert again.current_step() == "etablissement"
    assert again.currentPage().fields["uai"].text() == "0301746K"
    assert next_button(again).isEnabled()  # restored values count as complete (QWizard's required-field trap)


def test_back_keeps_values(qtbot, data_dir):
    window = open_window(qtbot, data_dir)
    go_next_by_keyboard(window)
    fill_school_by_keyboard(window)
    go_next_by_keyboard(window)
    tick_all_by_keyboard(window)
    window.back()
    assert window.currentPage().fields["name"].text() == SCHOOL["field_name"]
    go_next_by_keyboard(window)
    assert all(box.isChecked() for box in window.currentPage().checklist.boxes.values())
    assert next_button(window).isEnabled()


def test_partial_import_from_the_status_board(qtbot, data_dir, monkeypatch):
    window = open_window(qtbot, data_dir)
    walk_to_end(window, qtbot, monkeypatch)
    window.close()

    again = open_window(qtbot, data_dir)
    assert again.current_step() == "accueil"
    board = again.currentPage().board_box
    assert board.isVisible()
    texts = plain(" ".join(w.text() for w in board.findChildren(QLabel)))
    assert "Dernier import : " in texts and ", complet ; " in texts
    # The full import of this school year is done: the partial import is what is due, and Enter starts it.
    assert again.currentPage().primary.objectName() == "board_partial" and again.currentPage().primary.isDefault()
    press(Qt.Key.Key_Return)
    assert again.current_step() == "export_mode"
    assert again.currentPage().partial.isChecked()
    again.next()
    assert again.current_step() == "export_pronote"
    page = again.currentPage()
    assert "case_partiel" in page.checklist.boxes and "case_complet" not in page.checklist.boxes
    assert not any(box.isChecked() for box in page.checklist.boxes.values())
    seen = walk_to_end(again, qtbot, monkeypatch, reported="0")
    assert "ent_service" not in seen and "pronote_net" not in seen
    history = again.progress.school["import_history"]
    assert [entry["mode"] for entry in history] == ["complet", "partiel"]


def test_every_input_has_a_label_and_an_accessible_name(qtbot, data_dir):
    window = open_window(qtbot, data_dir)
    window.ensure_all_pages()
    for page_id in window.pageIds():
        page = window.page(page_id)
        page.ensure_built()
        for widget in page.findChildren(QLineEdit) + page.findChildren(QCheckBox) + page.findChildren(QRadioButton):
            # Its own accessible name, or its visible text as its name (issue 23: a name must contain the text).
            name = QAccessible.queryAccessibleInterface(widget).text(QAccessible.Text.Name)
            assert name, (page.step_id, widget.objectName())
            assert widget.accessibleName() or name == widget.text().replace("&", ""), (page.step_id, name)
    school_page = window.page(window.page_ids["etablissement"])
    assert "UAI" in school_page.fields["uai"].accessibleName()
    name = school_page.fields["pronote_url"].accessibleName().lower()
    assert "adresse" in name and "pronote" in name


def test_reported_count_comparison_is_coloured_by_its_verdict(qtbot, data_dir):
    from tests.gui.test_help import complete_every_step

    window = open_window(qtbot, data_dir)
    complete_every_step(window.progress)
    window.progress.cycle["analysis"]["counts"] = {"total": 7}
    window.go_to("import_ent")
    page = window.currentPage()
    type_into("reported_count", "7")
    assert page.comparison.objectName() == "count_comparison_ok" and "27, 122, 50" in page.comparison.styleSheet()
    type_into("reported_count", "5")
    assert page.comparison.objectName() == "count_comparison_warning" and "196, 110, 0" in page.comparison.styleSheet()


def test_dropping_the_file_on_the_page_analyses_it(qtbot, data_dir):
    from PySide6.QtCore import QMimeData, QPointF, QUrl
    from PySide6.QtGui import QDropEvent

    from tests.gui.test_help import complete_every_step

    window = open_window(qtbot, data_dir)
    complete_every_step(window.progress)
    window.progress.cycle["file"] = None
    window.go_to("fichier")
    page = window.currentPage()
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(FIXTURE))])
    event = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, data, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    page.dropEvent(event)
    qtbot.waitUntil(lambda: not page.task.running and window.progress.cycle["analysis"] is not None, timeout=10000)
    assert window.progress.cycle["file"]["name"] == "IdPN_To_KOSMOS.xml"
    assert window.progress.cycle["analysis"]["counts"]["total"] == 7


def test_school_page_messages_take_only_the_height_they_need(qtbot, data_dir):
    window = open_window(qtbot, data_dir)
    window.resize(900, 700)
    go_next_by_keyboard(window)
    fill_school_by_keyboard(window)
    QApplication.processEvents()
    message = window.currentPage().url_message
    assert message.text().startswith("Adresse retenue")
    # In a QFormLayout this label kept its narrow size hint's height (70 px for one line): a gap between fields.
    assert message.height() <= message.heightForWidth(message.width()) + 2


def test_enter_means_next_even_on_a_page_button(qtbot, data_dir):

    from tests.gui.test_help import complete_every_step

    window = open_window(qtbot, data_dir)
    complete_every_step(window.progress)
    window.go_to("ent_service")
    copy = window.currentPage().findChild(QPushButton, "copy_cas_url")
    copy.setFocus()
    QTest.keyClick(copy, Qt.Key.Key_Return)
    assert window.current_step() == "ent_acces"  # not a second click on « Copier »
