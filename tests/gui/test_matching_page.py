"""The matching preview on the « rapprochement » page: load, filter, decide, export; no names at rest."""
import json
import shutil
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog, QFileDialog

from tests.gui.helpers import open_window, written
from tests.gui.test_help import as_checked, complete_every_step
from wizard.core.typography import plain
from wizard.gui import matching_preview as matching_page

FIXTURES = Path(__file__).resolve().parents[1] / "matching" / "fixtures"
NAMES = ["MARTIN", "martin", "LUCAS", "Dupont", "GARCIA", "Ines", "14/02/2013", "2013-02-14"]


@pytest.fixture
def preview(qtbot, data_dir, tmp_path):
    window = open_window(qtbot, data_dir)
    complete_every_step(window.progress)
    pronote = tmp_path / "IdPN_To_KOSMOS.xml"
    shutil.copy(FIXTURES / "pronote.xml", pronote)
    as_checked(window.progress.cycle, pronote)
    window.go_to("rapprochement")
    widget = window.currentPage().preview
    widget.window_ = window
    return widget


def run(qtbot, widget, csv, mapping=None):
    widget.start(csv, mapping)
    qtbot.waitUntil(lambda: not widget.running and not widget.filtering, timeout=15000)


def cell(widget, row: int, column: int) -> str:
    return widget.model.index(row, column).data()


def shown(widget) -> list[int]:
    """The rows the filters let through (the model holds only those)."""
    return list(range(widget.model.rowCount()))


def refilter(qtbot, widget) -> None:
    qtbot.waitUntil(lambda: not widget.filtering, timeout=15000)


def test_preview_shows_statuses_per_profile_and_filters(qtbot, preview):
    assert not preview.table.isVisible()
    run(qtbot, preview, FIXTURES / "ent.csv")
    preview.status_filter.setCurrentIndex(0)  # « Tous les statuts »
    refilter(qtbot, preview)
    assert preview.table.isVisible() and preview.model.rowCount() >= 10
    statuses = {cell(preview, r, 0) for r in shown(preview)}
    assert {"Sûr", "Probable", "Ambigu", "Seulement dans PRONOTE", "Seulement dans l'ENT"} <= statuses
    assert "Ambigus : 2" in plain(preview.status.text()) and "ligne 12" in preview.status.text()
    preview.status_filter.setCurrentIndex(preview.status_filter.findData("ambiguous"))
    refilter(qtbot, preview)
    visible = shown(preview)
    assert visible and all(cell(preview, r, 0) == "Ambigu" for r in visible)
    preview.status_filter.setCurrentIndex(0)
    preview.search.setText("garcia")
    refilter(qtbot, preview)
    assert len(shown(preview)) == 1


def test_accepting_a_probable_pair_keeps_only_hashes(qtbot, preview, data_dir):
    run(qtbot, preview, FIXTURES / "ent.csv")
    preview.status_filter.setCurrentIndex(0)  # every row, the sure ones too
    refilter(qtbot, preview)
    row = next(r for r in shown(preview) if cell(preview, r, 0) == "Probable")
    certain = next(r for r in shown(preview) if cell(preview, r, 0) == "Sûr")
    preview.table.selectRow(certain)
    assert not preview.accept_button.isEnabled()  # certain pairs need no decision
    preview.table.selectRow(row)
    assert preview.accept_button.isEnabled()
    preview.accept_button.click()
    assert cell(preview, row, 6) == "Accepté"
    written(preview.progress_model)
    stored = (data_dir / "progress.json").read_text(encoding="utf-8")
    decisions = json.loads(stored)["schools"][preview.progress_model.school["id"]]["matching"]["decisions"]
    assert list(decisions.values()) == ["accepte"]
    assert all(len(part) == 32 for key in decisions for part in key.split(":"))
    assert not [name for name in NAMES if name in stored]


def test_worksheet_export_is_excel_csv_with_the_notice_and_decisions(qtbot, preview, tmp_path, monkeypatch):
    run(qtbot, preview, FIXTURES / "ent.csv")
    out = tmp_path / "feuille.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    preview.export_button.click()
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    lines = raw.decode("utf-8-sig").splitlines()
    assert "Données personnelles" in lines[0]
    assert lines[1].split(";")[-1] == "Décision"
    assert "données personnelles" in preview.status.text()
    assert "Données personnelles" in preview.worksheet_html()


def test_unclear_headers_open_the_column_mapping_dialog(qtbot, preview, tmp_path, monkeypatch):
    csv = tmp_path / "comptes.csv"
    csv.write_text("A;B;C;D\nent.x;DURAND;Paul;01/01/2012\n", encoding="utf-8")

    def choose(dialog):
        for key, index in {"ident": 0, "last_name": 1, "first_name": 2, "birth_date": 3}.items():
            combo = dialog.combos[key]
            combo.setCurrentIndex(combo.findData(index))
        dialog._accept()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(matching_page.ColumnMappingDialog, "exec", choose)
    run(qtbot, preview, csv)
    qtbot.waitUntil(lambda: not preview.running and preview.result is not None, timeout=15000)
    assert preview.model.rowCount() > 0


def test_the_column_dialog_refuses_one_column_for_two_fields(qtbot):
    """Before: one column chosen for Nom and Prénom was accepted, and every account read with its last name as its
    first name too. The dialog says so and stays open (the reader refuses such a mapping as well)."""
    dialog = matching_page.ColumnMappingDialog(["A", "B", "C"], "Colonnes non reconnues.")
    qtbot.addWidget(dialog)
    for key, index in {"ident": 0, "last_name": 1, "first_name": 1}.items():
        dialog.combos[key].setCurrentIndex(dialog.combos[key].findData(index))
    dialog._accept()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert plain(dialog.problem.text()).startswith("Une même colonne est choisie pour deux informations")
    dialog.combos["first_name"].setCurrentIndex(dialog.combos["first_name"].findData(2))
    dialog._accept()
    assert dialog.result() == QDialog.DialogCode.Accepted


def test_missing_pronote_file_is_one_sentence(qtbot, preview, tmp_path):
    preview.progress_model.cycle["file"]["path"] = str(tmp_path / "parti.xml")
    run(qtbot, preview, FIXTURES / "ent.csv")
    assert "n'est plus disponible" in preview.status.text()
    assert preview.result is None


def test_a_long_list_is_shown_and_filtered_a_slice_at_a_time(qtbot, preview):
    """Issue 22, 10: 200,000 rows froze the window for 37 s, then 2–2.5 s per keystroke: the rows are made in the
    worker, the model holds only what is shown, and a filter never scans the whole list on the spot (the stalls
    themselves are measured by bench/preview.py)."""
    from datetime import date

    from wizard.core.matching import Result
    from wizard.core.matching.matcher import count
    from wizard.core.matching.preview import preview_rows
    from wizard.core.people import Person

    people = [Person(f"P{n}", "eleve", f"DURAND{n}", "Paul", date(2010, 1, 1), n) for n in range(60_000)]
    result = Result(unmatched_pronote=people)
    result.counts = count(result)
    ent = type("EntList", (), {"people": [], "unusable": [], "one_name": []})()
    preview._done((ent, result, preview_rows(result)), preview.progress_model.job_target())
    assert preview.filtering  # nothing scanned yet: the event loop turns first
    refilter(qtbot, preview)
    assert preview.model.rowCount() == matching_page.SHOWN_ROWS
    assert "59" in plain(preview.more_rows.text()).replace(" ", "")  # « … et 59 800 autre(s) ligne(s) »
    preview.search.setText("durand5999")
    assert preview.filtering
    refilter(qtbot, preview)
    assert [cell(preview, r, 4).split()[0] for r in shown(preview)] == [
        "DURAND5999", *(f"DURAND5999{n}" for n in range(10))]
    assert not preview.more_rows.isVisible()


def test_accounts_with_one_name_have_their_finding_on_the_page(qtbot, preview, tmp_path):
    """Issue 25: an account with its first name cell empty is kept, and the page says so."""
    lines = (FIXTURES / "ent.csv").read_text(encoding="utf-8-sig").splitlines()
    lines[1] = lines[1].replace(";LUCAS;", ";;")
    accounts = tmp_path / "comptes.csv"
    accounts.write_text("\n".join(lines) + "\n", encoding="utf-8")
    run(qtbot, preview, accounts)
    assert "1 compte(s) de l'ENT avec un seul nom (nom ou prénom vide, lignes 2)" in plain(preview.status.text())
