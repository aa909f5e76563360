"""One school through a school year, keyboard only, through the real window, with the assistant's clock moved
(issue 19): the first walk and its full import at the rentrée, a partial import in November (after a first export
that listed everybody), another in March, then the next rentrée.

Each time the window opens on the board, its default button is what is due; no tick of a finished pass shows in the
next one; the recorded dates and figures stay as they were after going back and forward and after reopening; the
ENT's figure after a partial import is accepted as the batch and as the running total; the identification failures
noted show as a trend."""
from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QCheckBox, QFileDialog, QLabel, QWizard

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
from wizard.core import dates, status
from wizard.core.typography import plain
from wizard.pages.accueil import BOARD_MARKS

UAI = "0301746K"
OLD_HANDS = [f"ELEV{n:012d}" for n in range(40)]  # imported at the rentrée
NOVEMBER = [f"NOUV{n:012d}" for n in range(3)]  # arrived in November
MARCH = [f"MARS{n:012d}" for n in range(2)]  # arrived in March


def identifier_file(folder: Path, name: str, idents: list[str], exported: str) -> Path:
    """An export in Index Éducation's documented layout (DOMAIN.md), for this school."""
    people = "\n".join(f'    <Eleve Ident="{200 + n}" Nom="NOM{n}" Prenom="Prenom{n}" ID_Partenaire="{ident}" '
                       f'DateNaissance="2012-0{1 + n % 9}-1{n % 9}"/>' for n, ident in enumerate(idents))
    path = folder / name
    path.write_text(f"""<?xml version="1.0" encoding="UTF-8"?>
<PARTENAIRE_INDEX xmlns="http://www.index-education.com/rapprochementssoV2.0" Date="{exported}" Partenaire="KOSMOS">
  <Etablissements><Etablissement Ident="1" Numero="{UAI}" Nom="CLG-VIA DOMITIA-MANDUEL"/></Etablissements>
  <EtablissementsGeres><Etablissement Ident="1"/></EtablissementsGeres>
  <Eleves>
{people}
  </Eleves>
</PARTENAIRE_INDEX>
""", encoding="utf-8")
    return path


class Clock:
    def __init__(self, monkeypatch):
        self.now = 0.0
        monkeypatch.setattr(dates, "clock", lambda: self.now)

    def set(self, when: str) -> None:
        self.now = datetime.fromisoformat(when).timestamp()


@pytest.fixture
def clock(monkeypatch):
    return Clock(monkeypatch)


# -- what the keyboard does on each page ---------------------------------------------------------------------
def choose_file(qtbot, window, monkeypatch, path: Path) -> None:
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    tab_to(lambda w: w.objectName() == "choose_file")
    press(Qt.Key.Key_Space)
    page = window.currentPage()
    qtbot.waitUntil(lambda: not page.task.running and page.progress.cycle["file"]
                    and page.progress.cycle["file"]["path"] == str(path), timeout=15000)


def unticked_on_arrival(window) -> None:
    """A checklist page of a new pass: nothing ticked from an earlier one."""
    boxes = [box for box in window.currentPage().findChildren(QCheckBox) if box.isVisible()]
    assert boxes and not any(box.isChecked() for box in boxes), window.current_step()


def walk_part_3(qtbot, window, monkeypatch, file: Path, figure: str, failures: str) -> list[str]:
    """From export_mode (or the school page) to « Terminé »: ticks, the file, the ENT's figure, the failures."""
    seen = [window.current_step()]
    while window.current_step() != "fin":
        step = window.current_step()
        if step in ("export_pronote", "import_ent", "rapprochement"):
            unticked_on_arrival(window)
            tick_all_by_keyboard(window)
        if step == "fichier":
            choose_file(qtbot, window, monkeypatch, file)
        elif step == "import_ent":
            type_into("reported_count", figure)
        elif step == "echecs":
            type_into("failures_count", failures)  # noted on going on: Enter means « Suivant »
        go_next_by_keyboard(window)
        seen.append(window.current_step())
    return seen


def board_of(window):
    assert window.current_step() == "accueil"
    page = window.currentPage()
    assert page.board_box.isVisible()
    return page


def due_entry(window) -> str:
    """The entry the board offers first: the default button, and the first stop of Tab on the page."""
    page = board_of(window)
    primary = page.primary
    assert primary.isDefault() and primary.isVisible()
    assert not next_button(window).isVisible()  # « Suivant » would walk again through a finished pass
    first_stop = _first_tab_stop(page)
    assert first_stop is primary, first_stop.objectName()
    return primary.objectName().removeprefix("board_")


def _first_tab_stop(page):
    body = page.scroll_area.widget()
    widget = body.nextInFocusChain()
    while widget is not body:
        policy = widget.focusPolicy()
        if body.isAncestorOf(widget) and widget.isVisible() and widget.isEnabled() \
                and int(getattr(policy, "value", policy)) & Qt.FocusPolicy.TabFocus.value:
            return widget
        widget = widget.nextInFocusChain()
    return None


def reopen(qtbot, data_dir, clock, when: str, due: str):
    """The assistant opened again on `when`: on the board, whose entry due is `due`."""
    clock.set(when)
    window = open_window(qtbot, data_dir)
    assert due_entry(window) == due
    return window


def history(window) -> list[tuple]:
    return [(entry["date"], entry["mode"], entry["counts"]["total"], entry["reported_count"], entry["reading"])
            for entry in window.progress.school["import_history"]]


def board_text(window) -> str:
    return plain(" ".join(label.text() for label in board_of(window).board_box.findChildren(QLabel)))


# -- the year --------------------------------------------------------------------------------------------------
def test_one_school_through_a_school_year(qtbot, data_dir, tmp_path, monkeypatch, clock):
    rentree = identifier_file(tmp_path, "rentree.xml", OLD_HANDS, "2026-09-02T08:00:00")
    everybody = identifier_file(tmp_path, "tout-le-monde.xml", OLD_HANDS + NOVEMBER, "2026-11-20T13:00:00")
    newcomers = identifier_file(tmp_path, "novembre.xml", NOVEMBER, "2026-11-20T13:05:00")
    march = identifier_file(tmp_path, "mars.xml", MARCH, "2027-03-10T09:00:00")

    # 2 September 2026: the first walk, with the full import of the rentrée (the ENT reports 40).
    clock.set("2026-09-02T09:00:00")
    window = open_window(qtbot, data_dir)
    go_next_by_keyboard(window)
    for name, text in SCHOOL.items():
        type_into(name, text)
    go_next_by_keyboard(window)
    while window.current_step() != "export_mode":
        tick_all_by_keyboard(window)
        if window.current_step() == "pronote_net" and not next_button(window).isEnabled():
            tab_to(lambda w: w.objectName() == "manual_confirmation")  # no network here: declared by hand
            press(Qt.Key.Key_Space)
        go_next_by_keyboard(window)
    assert window.currentPage().full.isChecked()
    go_next_by_keyboard(window)
    walk_part_3(qtbot, window, monkeypatch, rentree, "40", "49")
    september = [("2026-09-02T09:00:00", "complet", 40, 40, "batch")]
    assert history(window) == september

    # A week later, back from « Terminé » to the import page and forward again: nothing is recorded anew.
    clock.set("2026-09-09T16:00:00")
    back = window.button(QWizard.WizardButton.BackButton)
    for _ in range(3):  # fin → echecs → rapprochement → import_ent
        tab_to(lambda w: w is back)
        press(Qt.Key.Key_Space)
    assert window.current_step() == "import_ent"
    page = window.currentPage()
    assert page.history_banner.isVisible() and not page.scroll_area.widget().isEnabled()  # history, and why greyed
    assert "02/09/2026" in plain(page.history_banner.message.text())
    while window.current_step() != "fin":
        go_next_by_keyboard(window)
    assert history(window) == september
    assert window.progress.cycle["completed"]["import_ent"] == "2026-09-02T09:00:00"
    window.close()

    # Reopened the same day: the full import of 2026-2027 is done, a partial import is what is due.
    window = reopen(qtbot, data_dir, clock, "2026-09-09T16:05:00", "partial")
    text = board_text(window)
    assert "Année 2026-2027 : l'import complet de la rentrée est fait (le 02/09/2026)" in text
    assert "Dernier import : 02/09/2026, complet ; 40 personne(s) dans le fichier ; l'ENT a annoncé 40" in text
    assert "49 le 02/09" in text
    assert history(window) == september
    window.close()

    # 20 November: newcomers. The first export lists everybody: one blocking finding, not 40 warnings.
    window = reopen(qtbot, data_dir, clock, "2026-11-20T14:00:00", "partial")
    press(Qt.Key.Key_Return)
    assert window.current_step() == "export_mode" and window.currentPage().partial.isChecked()
    go_next_by_keyboard(window)
    unticked_on_arrival(window)
    tick_all_by_keyboard(window)
    go_next_by_keyboard(window)
    choose_file(qtbot, window, monkeypatch, everybody)
    analysis = window.progress.cycle["analysis"]
    assert [(f["code"], f["level"]) for f in analysis["findings"]] == [("tous_deja_importes", "error")]
    page = window.currentPage()
    assert not next_button(window).isEnabled() and page.everybody.isVisible() and page.findings.rowCount() == 1
    assert "40 personnes déjà importées (presque toutes)" in plain(page.findings.item(0, 2).text())
    choose_file(qtbot, window, monkeypatch, newcomers)  # exported again, the box ticked
    assert not window.progress.cycle["analysis"]["errors"]
    go_next_by_keyboard(window)
    # The ENT's figure: the batch (3) and its running total (40 + 3) both read as right; anything else, both said.
    unticked_on_arrival(window)
    tick_all_by_keyboard(window)
    page = window.currentPage()
    type_into("reported_count", "3")
    assert page.comparison.objectName() == "count_comparison_ok"
    type_into("reported_count", "20")
    assert page.comparison.objectName() == "count_comparison_warning"
    assert "(3)" in plain(page.comparison.text()) and "40 au dernier import + 3 = 43" in plain(page.comparison.text())
    type_into("reported_count", "43")
    assert page.comparison.objectName() == "count_comparison_ok" and "total" in page.comparison.text()
    go_next_by_keyboard(window)
    walk_part_3(qtbot, window, monkeypatch, newcomers, "43", "12")
    november = september + [("2026-11-20T14:00:00", "partiel", 3, 43, "running_total")]
    assert history(window) == november
    window.close()

    # 10 March: two more newcomers; this time the figure is the batch.
    window = reopen(qtbot, data_dir, clock, "2027-03-10T10:00:00", "partial")
    assert "12 le 20/11" in board_text(window)
    press(Qt.Key.Key_Return)
    walk_part_3(qtbot, window, monkeypatch, march, "2", "0")
    year = november + [("2027-03-10T10:00:00", "partiel", 2, 2, "batch")]
    assert history(window) == year
    window.close()

    # 1 September 2027, the next rentrée: the full import of 2027-2028 is due, and said so.
    window = reopen(qtbot, data_dir, clock, "2027-09-01T08:30:00", "full")
    text = board_text(window)
    assert "Année 2027-2028 : l'import complet de la rentrée n'est pas encore fait." in text
    assert "49 le 02/09 → 12 le 20/11 → 0 le 10/03" not in text  # last year's trend is last year's
    assert f"{BOARD_MARKS[status.TODO]} Partie 3" in text  # to do until this year's full import is recorded
    assert history(window) == year  # reopening a year later changes nothing recorded
    sentence = plain(window.currentPage().entries["full"][1].text())
    assert sentence.startswith("Vérifier l'établissement et la version de PRONOTE")
    press(Qt.Key.Key_Return)
    assert window.current_step() == "etablissement"  # the PRONOTE version changes every year
    go_next_by_keyboard(window)
    assert window.current_step() == "export_mode" and window.currentPage().full.isChecked()
    go_next_by_keyboard(window)
    unticked_on_arrival(window)  # March's ticks stay March's
    tick_all_by_keyboard(window)
    go_next_by_keyboard(window)
    window.close()

    # Stopped there: reopened, the board offers to resume this year's pass first.
    window = reopen(qtbot, data_dir, clock, "2027-09-02T08:00:00", "resume")
    press(Qt.Key.Key_Return)
    assert window.current_step() == "fichier"
    assert history(window) == year
    passes = window.progress.school["passes"]
    assert [(p["kind"], p["mode"], p["finished_at"][:10]) for p in passes] == [
        ("premiere", "complet", "2026-09-02"), ("partiel", "partiel", "2026-11-20"),
        ("partiel", "partiel", "2027-03-10")]
    QApplication.processEvents()
