"""Most schools were connected years ago and come for part 3: a new user of the assistant whose PRONOTE already
delegates to the ENT's CAS goes from the school page straight to the identifiers – against a loopback PRONOTE
stand-in, keyboard only – and the board and the record say « déjà en place, vérifié »."""
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QRadioButton

from tests.gui.helpers import SCHOOL, go_next_by_keyboard, next_button, open_window, press, tab_to, type_into
from tests.probe.pronote import INFO_PATH, info_body
from wizard.core.typography import plain

pytest.importorskip("pytest_httpserver")
PARTS_1_2 = {"ent_service", "ent_acces", "pronote_net_avertissement", "pronote_net"}


def check_the_server(qtbot, window, httpserver, **answer):
    httpserver.expect_request(INFO_PATH).respond_with_data(info_body(**answer), content_type="application/json")
    go_next_by_keyboard(window)  # the welcome page → the school page
    return check_at(qtbot, window, httpserver.url_for("/pronote/eleve.html"))


def check_at(qtbot, window, url: str):
    """On the school page: the school typed with this PRONOTE address, then « Vérifier le serveur », by keyboard."""
    for name, text in {**SCHOOL, "field_pronote_url": url}.items():
        type_into(name, text)
    page = window.currentPage()
    tab_to(lambda widget: widget.objectName() == "check_server")
    press(Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: not page.server.running, timeout=20000)
    return page


def test_a_school_already_connected_goes_straight_to_part_3(qtbot, data_dir, httpserver):
    window = open_window(qtbot, data_dir)
    page = check_the_server(qtbot, window, httpserver, cas_url="https://cas.mon-ent-occitanie.fr/")
    assert page.triage.isVisible()
    recommended = page.choices["already"]
    assert recommended.isChecked() and recommended.isVisible()  # first and chosen already
    options = [button for button in page.triage.findChildren(QRadioButton) if button.isVisibleTo(page.triage)]
    assert options[0] is recommended and page.choices["full_walk"] in options
    seen = [window.current_step()]
    while window.current_step() != "export_mode":
        go_next_by_keyboard(window)
        seen.append(window.current_step())
    assert seen == ["etablissement", "export_mode"] and not PARTS_1_2 & set(seen)
    assert window.currentPage().full.isChecked()  # no full import recorded this school year: the full one proposed
    connection = window.progress.school["connection"]
    assert connection["verified"] and connection["how"] == "already_in_place"
    # The board, once the pass is over, and the record.
    window.progress.finish_walk()
    window.resume()
    board = " ".join(plain(label.text()) for label in window.currentPage().board_box.findChildren(QLabel))
    assert board.count("Déjà en place, vérifié sur le serveur PRONOTE le") == 2  # parts 1 and 2
    from wizard.core.records import record_html

    assert "Déjà en place, vérifié le" in plain(record_html(window.progress.school))


def test_the_admin_may_still_walk_everything(qtbot, data_dir, httpserver):
    window = open_window(qtbot, data_dir)
    page = check_the_server(qtbot, window, httpserver, cas_url="https://cas.mon-ent-occitanie.fr/")
    page.choices["full_walk"].setChecked(True)
    go_next_by_keyboard(window)
    assert window.current_step() == "ent_service" and window.progress.school["connection"] is None


def test_no_delegation_seen_means_the_whole_walk(qtbot, data_dir, httpserver):
    window = open_window(qtbot, data_dir)
    page = check_the_server(qtbot, window, httpserver, cas_active=False)
    assert not page.triage.isVisible()
    go_next_by_keyboard(window)
    assert window.current_step() == "ent_service"


def test_an_unreachable_server_lets_the_admin_declare_it(qtbot, data_dir):
    import socket

    with socket.socket() as spare:
        spare.bind(("127.0.0.1", 0))
        port = spare.getsockname()[1]  # nothing listens there
    window = open_window(qtbot, data_dir)
    go_next_by_keyboard(window)
    for name, text in {**SCHOOL, "field_pronote_url": f"http://127.0.0.1:{port}/pronote/"}.items():
        type_into(name, text)
    page = window.currentPage()
    page.server.button.click()
    qtbot.waitUntil(lambda: not page.server.running, timeout=20000)
    assert page.triage.isVisible() and page.choices["full_walk"].isChecked()  # nothing verified: no preselection
    assert not page.choices["already"].isVisibleTo(page.triage) and page.choices["declared"].isVisibleTo(page.triage)
    page.choices["declared"].setChecked(True)
    assert next_button(window).isEnabled()
    go_next_by_keyboard(window)
    assert window.current_step() == "export_mode"
    connection = window.progress.school["connection"]
    assert connection["how"] == "already_in_place" and connection["verified"] is False
