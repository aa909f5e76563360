"""Schools kept apart, and no dead end (issue 19): switching school shows nothing of the other school's server; a
second school with the same UAI is refused with a way to open the first; the server's own name is compared with the
typed one before its word skips parts 1–2; a check that cannot prove the interconnection offers the declared path,
and a declaration the server contradicts says why it is greyed and what to do."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.gui.helpers import SCHOOL, go_next_by_keyboard, next_button, open_window, press, tab_to, type_into
from tests.gui.test_already_connected import check_at, check_the_server
from tests.gui.test_help import complete_every_step
from tests.probe.pronote import INFO_PATH, info_body
from wizard.core.schoolname import DIFFERENT, SAME, SIMILAR, compare
from wizard.core.typography import plain

pytest.importorskip("pytest_httpserver")


def choose_school_by_keyboard(window, name_part: str) -> None:
    """Tab to the school chooser, then the arrow keys, one school at a time (each choice opens that school)."""
    for _ in range(10):
        combo = tab_to(lambda widget: widget.objectName() == "school_combo")
        if name_part in combo.currentText():
            return
        target = next(i for i in range(combo.count()) if name_part in combo.itemText(i))
        press(Qt.Key.Key_Down if target > combo.currentIndex() else Qt.Key.Key_Up)
    raise AssertionError(f"no school « {name_part} » reached in the chooser")


# -- switching school ------------------------------------------------------------------------------------------
def test_switching_school_shows_nothing_of_the_other_schools_server(qtbot, data_dir, httpserver):
    window = open_window(qtbot, data_dir)
    page = check_the_server(qtbot, window, httpserver, cas_url="https://cas.mon-ent-occitanie.fr/")
    assert page.server.message.isVisible() and page.triage.isVisible()  # school A's verdict and triage
    window.back()
    tab_to(lambda widget: widget.objectName() == "add_school")
    press(Qt.Key.Key_Space)  # school B: a new page of the same window
    assert window.current_step() == "etablissement" and len(window.progress.schools()) == 2
    page = window.currentPage()
    assert not page.server.message.isVisible() and not page.triage.isVisible() and not page.use_name.isVisible()
    assert page.fields["name"].text() == "" and page.fields["uai"].text() == ""
    # Back to A through the chooser: its own record comes back, with its own last verdict.
    window.back()
    choose_school_by_keyboard(window, "Via Domitia")
    assert window.progress.identity["uai"] == "0301746K"
    window.go_to("etablissement")
    page = window.currentPage()
    assert page.fields["uai"].text() == "0301746K" and page.server.message.isVisible()
    assert "Dernière vérification du serveur le" in plain(page.server.message.text())
    # And to B again: the page shows B's (nothing).
    window.back()
    choose_school_by_keyboard(window, "Nouvel établissement")
    window.go_to("etablissement")
    page = window.currentPage()
    assert not page.server.message.isVisible() and not page.triage.isVisible() and page.fields["uai"].text() == ""


def test_switching_school_refreshes_part_2_and_the_board(qtbot, data_dir):
    window = open_window(qtbot, data_dir)
    complete_every_step(window.progress)
    window.progress.record_server_check("delegation", _probe("cas_inactive"))
    window.go_to("pronote_net")
    assert window.currentPage().server.message.isVisible()
    window.progress.finish_walk()
    window.progress.add_school()
    window.resume()  # B: its first page, no board
    board = window.currentPage().board_box
    assert window.current_step() == "accueil" and (board is None or board.isHidden())
    complete_every_step(window.progress)
    window.progress.type_identity("uai", "0341794R")  # another school (the same UAI would be refused)
    window.go_to("pronote_net")
    page = window.currentPage()
    assert not page.server.message.isVisible() and not page.manual_reason.isVisible()
    assert page.manual.isEnabled()  # B's server was never seen contradicting a declaration


def _probe(outcome: str):
    from types import SimpleNamespace

    return SimpleNamespace(outcome=outcome, reachable=True, is_pronote=True, delegated_to_ent=False,
                           cas_active=False, cas_host=None, version="2024 – 2.5", message="M.", level="warning")


# -- the same UAI twice ----------------------------------------------------------------------------------------
def test_a_second_school_with_the_same_uai_is_refused_and_the_first_offered(qtbot, data_dir):
    window = open_window(qtbot, data_dir)
    go_next_by_keyboard(window)
    for field, text in SCHOOL.items():
        type_into(field, text)
    first = window.progress.school["id"]
    window.back()
    tab_to(lambda widget: widget.objectName() == "add_school")
    press(Qt.Key.Key_Space)
    type_into("field_name", "Collège Via Domitia (doublon)")
    type_into("field_uai", "0301746k")  # the same code, in lower case
    type_into("field_pronote_url", "https://0301746K.index-education.net/pronote/")
    page = window.currentPage()
    assert not next_button(window).isEnabled()
    assert "déjà un établissement avec ce code UAI (Collège Via Domitia (0301746K))" in plain(page.reason.text())
    opener = page.open_existing
    assert opener.isVisible() and "Collège Via Domitia" in opener.text()
    tab_to(lambda widget: widget is opener)
    press(Qt.Key.Key_Space)
    assert window.progress.school["id"] == first and len(window.progress.schools()) == 1  # the draft is gone
    assert window.current_step() == window.progress.school["current_step"]  # where that school stopped
    window.go_to("etablissement")
    assert window.currentPage().fields["name"].text() == SCHOOL["field_name"]


def test_a_school_with_history_is_never_dropped_as_a_draft(qtbot, data_dir):
    window = open_window(qtbot, data_dir)
    complete_every_step(window.progress)
    kept = window.progress.school["id"]
    window.progress.add_school()
    window.progress.switch_school(kept)
    window.progress.drop_school(kept)
    assert kept in {school["id"] for school in window.progress.schools()}


# -- the server's name -----------------------------------------------------------------------------------------
@pytest.mark.parametrize("typed, served, verdict", [
    ("Collège Via Domitia", "COLLEGE VIA DOMITIA", SAME),
    ("Collège Via Domitia, Manduel", "CLG-VIA DOMITIA-MANDUEL", SAME),
    ("Lycée professionnel Jean Moulin", "LP JEAN MOULIN", SAME),
    ("Lycée polyvalent Jean Jaurès", "LPO JEAN JAURES", SAME),
    ("Lycée Saint-Exupéry", "LYC ST EXUPERY", SAME),
    ("EREA de Muret", "ETABLISSEMENT REGIONAL D'ENSEIGNEMENT ADAPTE MURET", SAME),
    ("Collège Via Domitia", "CLG VIA DOMITIA MANDUEL", SIMILAR),
    ("Collège Via Domitia", "LYCEE JEAN MOULIN", DIFFERENT),
    ("Lycée Jean Moulin", "COLLEGE JEAN MOULIN", DIFFERENT),
    ("Collège Jean Jaurès", "COLLEGE JEAN MOULIN", DIFFERENT),
])
def test_school_names_are_compared_as_schools_write_them(typed, served, verdict):
    assert compare(typed, served) == verdict


def test_a_server_under_another_name_does_not_skip_parts_1_2_on_its_word(qtbot, data_dir, httpserver):
    window = open_window(qtbot, data_dir)
    page = check_the_server(qtbot, window, httpserver, name="LYCEE JEAN MOULIN",
                        cas_url="https://cas.mon-ent-occitanie.fr/")
    assert page.triage.isVisible() and page.name_warning.isVisible()
    assert "« LYCEE JEAN MOULIN », et non comme « Collège Via Domitia »" in plain(page.name_warning.text())
    assert not any(button.isChecked() for button in page.choices.values())  # nothing chosen for the admin
    assert window.progress.school["connection"] is None
    go_next_by_keyboard(window)
    assert window.current_step() == "ent_service"  # parts 1–2 are walked unless the admin says otherwise


def test_the_same_school_in_capitals_skips_parts_1_2(qtbot, data_dir, httpserver):
    window = open_window(qtbot, data_dir)
    page = check_the_server(qtbot, window, httpserver, name="CLG-VIA DOMITIA-MANDUEL",
                        cas_url="https://cas.mon-ent-occitanie.fr/")
    assert not page.name_warning.isVisible() and page.choices["already"].isChecked()
    go_next_by_keyboard(window)
    assert window.current_step() == "export_mode"


# -- no dead end -----------------------------------------------------------------------------------------------
@pytest.mark.parametrize("answer", ["not_pronote", "http_error"])
def test_a_check_that_cannot_tell_offers_the_declared_path(qtbot, data_dir, httpserver, answer):
    if answer == "not_pronote":
        httpserver.expect_request(INFO_PATH).respond_with_data("<html><body>Portail</body></html>",
                                                               content_type="text/html")
    else:
        httpserver.expect_request(INFO_PATH).respond_with_data("indisponible", status=503)
    window = open_window(qtbot, data_dir)
    go_next_by_keyboard(window)
    page = check_at(qtbot, window, httpserver.url_for("/pronote/"))
    assert page.triage.isVisible() and page.choices["declared"].isVisibleTo(page.triage)
    # Tab reaches one option of the group (Qt: the last one focused), the arrows the others.
    option = tab_to(lambda widget: widget in page.choices.values())
    if option is not page.choices["declared"]:
        press(Qt.Key.Key_Up)
    press(Qt.Key.Key_Space)
    assert page.choices["declared"].isChecked()
    go_next_by_keyboard(window)
    assert window.current_step() == "export_mode"
    assert window.progress.school["connection"]["verified"] is False


def test_a_declaration_the_server_contradicts_says_why_and_what_to_do(qtbot, data_dir, httpserver):
    """Issue 19: with the server answering « CAS inactif », the « je déclare moi-même » box was greyed with no
    reason while the page said « …ou confirmez-la vous-même »."""
    httpserver.expect_request(INFO_PATH).respond_with_data(info_body(cas_active=False),
                                                           content_type="application/json")
    window = open_window(qtbot, data_dir)
    complete_every_step(window.progress)
    window.progress.confirm_by_hand(False)
    window.progress.type_identity("pronote_url", httpserver.url_for("/pronote/"))
    window.go_to("pronote_net")
    page = window.currentPage()
    tab_to(lambda widget: widget.objectName() == "check_server")
    press(Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: not page.server.running, timeout=20000)
    QApplication.processEvents()
    assert not page.manual.isEnabled()
    reason = plain(page.manual_reason.text())
    assert page.manual_reason.isVisible() and reason.startswith("Déclaration impossible pour l'instant")
    assert "CAS inactif" in reason and "« Publier la base »" in reason and "« Vérifier la délégation »" in reason
    assert "vous-même" not in plain(page.reason.text()) and page.reason.isVisible()
    assert not next_button(window).isEnabled()
