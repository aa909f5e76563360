"""The matching preview on the « rapprochement » page: load, filter, decide, export; no names at rest."""
import json
import shutil
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog, QFileDialog

from tests.gui.helpers import open_window, written
from tests.gui.test_help import complete_every_step
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
    window.progress.cycle["file"]["path"] = str(pronote)
    window.go_to("rapprochement")
    widget = window.currentPage().preview
    widget.window_ = window
    return widget


def run(qtbot, widget, csv, mapping=None):
    widget.start(csv, mapping)
    qtbot.waitUntil(lambda: not widget.running, timeout=15000)


def test_preview_shows_statuses_per_profile_and_filters(qtbot, preview):
    assert not preview.table.isVisible()
    run(qtbot, preview, FIXTURES / "ent.csv")
    assert preview.table.isVisible() and preview.table.rowCount() >= 10
    statuses = {preview.table.item(r, 0).text() for r in range(preview.table.rowCount())}
    assert {"Sûr", "Probable", "Ambigu", "Seulement dans PRONOTE", "Seulement dans l'ENT"} <= statuses
    assert "Ambigus : 2" in plain(preview.status.text()) and "ligne 12" in preview.status.text()
    preview.status_filter.setCurrentIndex(preview.status_filter.findData("ambiguous"))
    visible = [r for r in range(preview.table.rowCount()) if not preview.table.isRowHidden(r)]
    assert visible and all(preview.table.item(r, 0).text() == "Ambigu" for r in visible)
    preview.status_filter.setCurrentIndex(0)
    preview.search.setText("garcia")
    visible = [r for r in range(preview.table.rowCount()) if not preview.table.isRowHidden(r)]
    assert len(visible) == 1


def test_accepting_a_probable_pair_keeps_only_hashes(qtbot, preview, data_dir):
    run(qtbot, preview, FIXTURES / "ent.csv")
    row = next(r for r in range(preview.table.rowCount()) if preview.table.item(r, 0).text() == "Probable")
    certain = next(r for r in range(preview.table.rowCount()) if preview.table.item(r, 0).text() == "Sûr")
    preview.table.selectRow(certain)
    assert not preview.accept_button.isEnabled()  # certain pairs need no decision
    preview.table.selectRow(row)
    assert preview.accept_button.isEnabled()
    preview.accept_button.click()
    assert preview.table.item(row, 6).text() == "Accepté"
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
    assert preview.table.rowCount() > 0


def test_missing_pronote_file_is_one_sentence(qtbot, preview, tmp_path):
    preview.progress_model.cycle["file"]["path"] = str(tmp_path / "parti.xml")
    run(qtbot, preview, FIXTURES / "ent.csv")
    assert "n'est plus disponible" in preview.status.text()
    assert preview.result is None
