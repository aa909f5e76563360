"""The printable documents in the window: the notice offered on the part 2 (pronote.net) page – where the admin
publishes the base and then tells users – as on the last page, by the same box (wizard/gui/printables.py): a
button with its label and accessible name, reached by the keyboard, a result said and announced, the file written
whole through wizard/core/outputs.py and never over the app's data nor the file being imported."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QPushButton

from tests.gui.helpers import focused, open_window, press, tab_to, type_into
from tests.gui.test_help import complete_every_step
from tests.records.conftest import pdf_text
from wizard.core.helptext import help_html
from wizard.core.typography import plain


def shown(label: str) -> str:
    """A button's text as seen: its Alt letter's « & » is not drawn."""
    return label.replace("&", "")


def words(html: str) -> str:
    """A help page's text: no tags, spaces as read."""
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", plain(html)))


def save_to(monkeypatch, target: Path | str) -> list[str]:
    """Qt's save dialog answers `target` (what the admin would choose); the titles it was opened with."""
    asked: list[str] = []

    def choose(_parent, title, _path, _filters, **_options) -> tuple[str, str]:
        asked.append(title)
        return str(target), "PDF (*.pdf)"

    monkeypatch.setattr(QFileDialog, "getSaveFileName", choose)
    return asked


def on_page(qtbot, data_dir, step: str, language: str | None = None):
    window = open_window(qtbot, data_dir, language)
    complete_every_step(window.progress)
    window.go_to(step)
    QApplication.processEvents()
    return window, window.currentPage()


def test_the_pronote_net_page_saves_the_notice_by_keyboard_and_says_so(qtbot, data_dir, tmp_path, monkeypatch,
                                                                       heard):
    window, page = on_page(qtbot, data_dir, "pronote_net")
    asked = save_to(monkeypatch, tmp_path / "notice.pdf")
    button = tab_to(lambda w: isinstance(w, QPushButton) and w.objectName() == "save_notice")
    assert shown(button.text()) == "Enregistrer la notice en PDF…"
    assert "Enregistrer la notice en PDF" in button.accessibleName()
    press(Qt.Key.Key_Space)
    assert asked == ["Enregistrer – Notice pour les familles et les personnels"]
    text = pdf_text(tmp_path / "notice.pdf")
    assert "Avec quels identifiants ?" in text and "Collège Via Domitia" in text
    message = page.printables.message
    assert message.isVisible() and message.kind == "ok"
    saved = tmp_path / "notice.pdf"
    assert plain(message.text()) == f"Notice pour les familles et les personnels enregistrée : {saved}"
    qtbot.waitUntil(lambda: any("enregistrée" in plain(said) for said, _ in heard))
    assert focused() is button  # the keyboard stays where it was
    assert not page.findChild(QPushButton, "save_record")  # the record is the last page's


def test_the_print_button_of_the_notice_is_there_with_its_name(qtbot, data_dir):
    _, page = on_page(qtbot, data_dir, "pronote_net")
    printing = page.findChild(QPushButton, "print_notice")
    assert printing.isVisibleTo(page) and shown(printing.text()) == "Imprimer la notice…"
    assert printing.accessibleName() == "Imprimer la notice"
    assert printing.focusPolicy() & Qt.FocusPolicy.TabFocus
    # Above the steps: the users are told before « Publier la base », not after.
    assert plain(page.printables.title()) == "Avant la publication : prévenir les familles et les personnels"
    bottom = page.printables.mapTo(page, QPoint(0, page.printables.height())).y()
    assert bottom <= page.checklist.mapTo(page, QPoint(0, 0)).y()


def test_alt_e_saves_the_notice_from_the_pronote_net_page(qtbot, data_dir, tmp_path, monkeypatch):
    window, page = on_page(qtbot, data_dir, "pronote_net")
    save_to(monkeypatch, tmp_path / "par-alt.pdf")
    page.findChild(QPushButton, "save_notice").setFocus()  # a focus inside the page, as after a Tab
    press(Qt.Key.Key_E, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: (tmp_path / "par-alt.pdf").exists())


def test_the_contact_typed_on_the_pronote_net_page_is_printed_and_kept(qtbot, data_dir, tmp_path, monkeypatch):
    window, page = on_page(qtbot, data_dir, "pronote_net")
    type_into("contact", "la vie scolaire, 04 66 00 00 00")
    save_to(monkeypatch, tmp_path / "notice.pdf")
    page.findChild(QPushButton, "save_notice").click()
    assert "Contactez la vie scolaire, 04 66 00 00 00" in pdf_text(tmp_path / "notice.pdf")
    assert window.progress.identity["contact"] == "la vie scolaire, 04 66 00 00 00"
    window.go_to("fin")
    assert window.currentPage().contact.text() == "la vie scolaire, 04 66 00 00 00"


@pytest.mark.parametrize("step", ["pronote_net", "fin"])
def test_never_over_the_file_being_imported_nor_the_apps_data(qtbot, data_dir, tmp_path, monkeypatch, heard, step):
    """The last page's box used to check the app's data only: it wrote the notice over the PRONOTE export the
    current pass reads (« Remplacer ? » answered yes). Now both pages refuse it, and say why."""
    window, page = on_page(qtbot, data_dir, step)
    export = tmp_path / "IdPN_To_KOSMOS.xml"
    export.write_bytes(b"<export/>")
    window.progress.cycle["file"]["path"] = str(export)
    progress_file = data_dir / "progress.json"
    before = progress_file.read_bytes() if progress_file.exists() else None
    for target in (export, progress_file):
        save_to(monkeypatch, target)
        page.findChild(QPushButton, "save_notice").click()
        message = page.printables.message
        assert message.kind == "error" and "enregistrée" not in message.text(), target
    assert export.read_bytes() == b"<export/>"
    assert (progress_file.read_bytes() if progress_file.exists() else None) == before
    qtbot.waitUntil(lambda: any(assertive for _, assertive in heard))  # an error is said at once


def test_a_cancelled_dialog_writes_nothing_and_says_nothing(qtbot, data_dir, monkeypatch):
    _, page = on_page(qtbot, data_dir, "pronote_net")
    save_to(monkeypatch, "")
    page.findChild(QPushButton, "save_notice").click()
    assert not page.printables.message.isVisible()


def test_a_school_without_a_uai_is_told_so_before_any_dialog(qtbot, data_dir, monkeypatch, heard):
    """The records need the school's UAI: asking for one without it is one French sentence, no dialog, no crash
    (the last page's box let NothingConfigured escape to the crash dialog)."""
    window, page = on_page(qtbot, data_dir, "pronote_net")
    window.progress.school["identity"]["uai"] = ""
    asked = save_to(monkeypatch, "/tmp/never.pdf")
    page.findChild(QPushButton, "save_notice").click()
    assert asked == []
    assert page.printables.message.kind == "error"
    assert plain(page.printables.message.text()).startswith("Aucun établissement n'est encore configuré")


def test_the_last_page_still_offers_both_documents(qtbot, data_dir, tmp_path, monkeypatch):
    _, page = on_page(qtbot, data_dir, "fin")
    names = {name: page.findChild(QPushButton, name).accessibleName()
             for name in ("print_record", "save_record", "print_notice", "save_notice")}
    assert names == {"print_record": "Imprimer la fiche de configuration",
                     "save_record": "Enregistrer la fiche en PDF",
                     "print_notice": "Imprimer la notice", "save_notice": "Enregistrer la notice en PDF"}
    save_to(monkeypatch, tmp_path / "fiche.pdf")
    page.findChild(QPushButton, "save_record").click()
    assert "Fiche de configuration" in pdf_text(tmp_path / "fiche.pdf")


def test_in_english_the_buttons_are_english_and_the_notice_stays_french(qtbot, data_dir, tmp_path, monkeypatch):
    _, page = on_page(qtbot, data_dir, "pronote_net", "en")
    button = page.findChild(QPushButton, "save_notice")
    assert shown(button.text()) == "Save the notice as PDF…" and button.accessibleName() == "Save the notice as PDF"
    save_to(monkeypatch, tmp_path / "notice.pdf")
    button.click()
    assert "Avec quels identifiants ?" in pdf_text(tmp_path / "notice.pdf")


def test_the_help_says_where_the_notice_is_and_it_is_there():
    identity = {"name": "Collège Via Domitia", "uai": "0301746K", "pronote_url": "", "pronote_version": "",
                "ent_site_url": "", "contact": ""}
    before = words(help_html("pronote_net_avertissement", identity))
    assert "la notice qui leur est destinée est proposée à la page suivante (pronote.net)" in before
    assert "« Enregistrer la notice en PDF… »" in words(help_html("pronote_net", identity))
