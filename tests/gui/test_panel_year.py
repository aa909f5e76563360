"""The steps panel at the next school year (issue 19's left-out item): on a returning school's board, after the
rentrée, the panel showed last year's finished pass ticked (« fait ») though the board says this year's full import
is due; it shows what is done this school year, in the window as a screen reader reads it."""
from __future__ import annotations

from datetime import datetime

from tests.gui.helpers import open_window
from tests.gui.test_help import complete_every_step
from wizard.core import dates, flow, status
from wizard.core.steps import PASS_STEP_IDS
from wizard.core.typography import plain
from wizard.gui.steps_panel import ACCESSIBLE_TEXT_ROLE

PASS_TITLES = ("Import complet ou partiel", "Exporter les identifiants depuis PRONOTE", "Terminé")


def set_clock(monkeypatch, when: str) -> None:
    monkeypatch.setattr(dates, "clock", lambda: datetime.fromisoformat(when).timestamp())


def spoken_rows(window) -> dict[str, str]:
    """Each row's words as a screen reader says them (« <step> : fait »), by the row's text."""
    steps = window.steps_panel.list
    return {plain(steps.item(row).text()): plain(steps.item(row).data(ACCESSIBLE_TEXT_ROLE))
            for row in range(steps.count())}


def test_the_panel_shows_this_school_years_pass_on_the_board_of_the_next_rentree(qtbot, data_dir, monkeypatch):
    set_clock(monkeypatch, "2026-09-02T09:00:00")
    window = open_window(qtbot, data_dir)
    complete_every_step(window.progress)
    for step in flow.route(window.progress.school)[:-1]:  # each page gone past complete, as the walk does
        window.progress.complete_step(step)
    window.progress.record_import()
    window.progress.finish_walk()
    window.resume()
    rows = spoken_rows(window)
    assert all(rows[title].endswith(": fait") for title in PASS_TITLES), rows  # the same school year
    set_clock(monkeypatch, "2027-09-01T08:00:00")
    window.resume()  # the board, reopened at the rentrée
    assert window.current_step() == "accueil"
    assert status.due_now(window.progress.school, dates.today()).action == status.FULL
    rows = spoken_rows(window)
    assert all(rows[title].endswith(": à faire") for title in PASS_TITLES), rows
    assert rows["Votre établissement"].endswith(": fait")  # the school, set up once
    # Going to a page of the pass keeps last year's steps to do: the failures page, visited from the board.
    window.go_to("echecs")
    rows = spoken_rows(window)
    assert rows["Suivre les échecs d'identification"].endswith(": étape en cours")
    assert all(rows[title].endswith(": à faire") for title in PASS_TITLES), rows
    assert "echecs" in PASS_STEP_IDS
