"""The live server check on the school page and in part 2, against a real local HTTP server (loopback only)."""
import socket
import threading

import pytest
from PySide6.QtWidgets import QWizard

from tests.gui.helpers import open_window
from tests.gui.test_help import complete_every_step
from tests.probe.pronote import INFO_PATH, info_body
from wizard.core.typography import plain

pytest.importorskip("pytest_httpserver")


def next_enabled(window):
    return window.button(QWizard.WizardButton.NextButton).isEnabled()


@pytest.fixture
def window(qtbot, data_dir):
    window = open_window(qtbot, data_dir)
    complete_every_step(window.progress)
    window.progress.confirm_by_hand(False)
    return window


def point_at(window, httpserver):
    window.progress.type_identity("pronote_url", httpserver.url_for("/pronote/eleve.html"))


def wait_done(qtbot, check):
    qtbot.waitUntil(lambda: not check.running and check.button.isEnabled(), timeout=20000)


@pytest.mark.parametrize("server_name, offered",
                         [("COLLEGE VIA DOMITIA", False), ("COLLEGE VIA DOMITIA MANDUEL", True)])
def test_school_page_check_fills_the_version_and_offers_a_different_name(qtbot, window, httpserver, server_name,
                                                                         offered):
    httpserver.expect_request(INFO_PATH).respond_with_data(info_body(name=server_name),
                                                           content_type="application/json")
    point_at(window, httpserver)
    window.progress.type_identity("pronote_version", "")
    window.go_to("etablissement")
    page = window.currentPage()
    page.server.button.click()
    wait_done(qtbot, page.server)
    assert page.fields["pronote_version"].text() == "2024 – 2.5"
    assert window.progress.identity["pronote_version"] == "2024 – 2.5"
    assert window.progress.school["server_checks"][-1]["kind"] == "address"
    # Only a name that differs by more than case and accents is offered (« Collège Via Domitia » was typed).
    assert page.use_name.isVisible() == offered
    if offered:
        page.use_name.click()
        assert page.fields["name"].text() == server_name


def test_busy_state_greys_next_and_can_be_cancelled(qtbot, window, httpserver):
    release = threading.Event()

    def slow(request):
        release.wait(5)
        from werkzeug import Response
        return Response(info_body(), content_type="application/json")

    httpserver.expect_request(INFO_PATH).respond_with_handler(slow)
    point_at(window, httpserver)
    window.go_to("pronote_net")
    page = window.currentPage()
    page.server.button.click()
    qtbot.waitUntil(lambda: page.server.running, timeout=5000)
    assert not next_enabled(window) and page.server.task.cancel.isVisible() and not page.server.button.isEnabled()
    page.server.task.cancel.click()
    qtbot.waitUntil(lambda: "annulée" in page.server.message.text(), timeout=10000)
    release.set()
    wait_done(qtbot, page.server)
    assert page.server.task.bar.isHidden()


@pytest.mark.parametrize("cas_url, active, expected, level", [
    ("https://cas.mon-ent-occitanie.fr/", True, "Vérifié", "ok"),
    ("", False, "CAS inactif", "warning"),
    ("https://cas.ent-lr.fr/", True, "CAS vers un autre ENT : cas.ent-lr.fr", "warning"),
])
def test_delegation_outcomes_inline(qtbot, window, httpserver, cas_url, active, expected, level):
    httpserver.expect_request(INFO_PATH).respond_with_data(info_body(cas_active=active, cas_url=cas_url),
                                                          content_type="application/json")
    point_at(window, httpserver)
    window.go_to("pronote_net")
    page = window.currentPage()
    page.server.button.click()
    wait_done(qtbot, page.server)
    assert expected in plain(page.server.message.text())
    assert page.server.message.objectName() == f"check_message_{level}"
    assert next_enabled(window) == (level == "ok")
    # Nothing to declare by hand: the server showed the delegation, or answered without it (which a
    # declaration would contradict).
    assert not page.manual.isEnabled()
    connection = window.progress.school["connection"]
    assert (connection is not None and connection["verified"]) == (level == "ok")
    check = window.progress.school["server_checks"][-1]
    assert check["kind"] == "delegation" and check["verified"] == (level == "ok")


def test_unreachable_server_allows_a_manual_confirmation_recorded_as_not_verified(qtbot, window):
    with socket.socket() as spare:
        spare.bind(("127.0.0.1", 0))
        port = spare.getsockname()[1]  # closed again at once: nothing listens there
    window.progress.type_identity("pronote_url", f"http://127.0.0.1:{port}/pronote/")
    window.go_to("pronote_net")
    page = window.currentPage()
    page.server.button.click()
    wait_done(qtbot, page.server)
    assert page.server.message.objectName() == "check_message_error"
    assert "confirmez vous-même" in page.server.message.text()
    assert not next_enabled(window) and page.manual.isEnabled()
    page.manual.setChecked(True)
    assert next_enabled(window)
    assert window.progress.school["connection"]["verified"] is False
    assert window.progress.school["server_checks"][-1]["outcome"] == "unreachable"  # no invented check


def test_a_failed_check_shown_again_later_keeps_its_level(qtbot, window, data_dir):
    """Reopened days later, part 2 shows the last check with its own verdict: an unreachable server is no ✓."""
    with socket.socket() as spare:
        spare.bind(("127.0.0.1", 0))
        port = spare.getsockname()[1]
    window.progress.type_identity("pronote_url", f"http://127.0.0.1:{port}/pronote/")
    window.go_to("pronote_net")
    page = window.currentPage()
    page.server.button.click()
    wait_done(qtbot, page.server)
    window.close()
    again = open_window(qtbot, data_dir)
    again.go_to("pronote_net")
    assert again.currentPage().server.message.objectName() == "check_message_error"
