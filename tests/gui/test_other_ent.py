"""Another ENT is one more data file: the whole window walked with a renamed copy of the ENT data file shows no
word of the original ENT – not in any page, the side panel, the window title, the help or the two PDFs."""
import json
from pathlib import Path

import pytest
from PySide6.QtWidgets import QAbstractButton, QApplication, QGroupBox, QLabel, QLineEdit

from tests.gui.test_help import ORIGINAL_ENT_WORDS, complete_every_step
from wizard.app import create_window
from wizard.core import entdata, flow
from wizard.core.helptext import help_html

RENAMED = Path(__file__).resolve().parents[1] / "fixtures" / "ent" / "ent-exemple-nord.json"
# Words only the ENT data file says (the original's own), beyond those the help test already lists.
MORE_ORIGINAL_WORDS = ["mon-ent-occitanie", "cas.mon-ent-occitanie.fr", "IdPN_To_KOSMOS", "SSO Pronote avec CAS"]


@pytest.fixture(autouse=True)
def back_to_the_default_ent():
    yield
    entdata.activate(None)


def texts_of(widget) -> list[str]:
    found = [widget.windowTitle()]
    for child in widget.findChildren(QLabel):
        found += [child.text(), child.toolTip(), child.accessibleName()]
    for child in widget.findChildren(QAbstractButton):
        found += [child.text(), child.toolTip(), child.accessibleName()]
    for child in widget.findChildren(QLineEdit):
        found += [child.text(), child.placeholderText(), child.accessibleName()]
    for child in widget.findChildren(QGroupBox):
        found.append(child.title())
    return found


def original_words_in(texts) -> list[tuple[str, str]]:
    return [(word, text) for text in texts for word in (*ORIGINAL_ENT_WORDS, *MORE_ORIGINAL_WORDS) if word in text]


def test_the_whole_window_with_another_ent_names_only_that_ent(qtbot, data_dir, tmp_path):
    window = create_window(data_dir, ent=RENAMED)
    qtbot.addWidget(window)
    window.show()
    raw = json.loads(RENAMED.read_text(encoding="utf-8"))
    words = {key: raw[key]["value"] for key in ("name", "export_file_name")} | {"site_example": raw["site_example"]}
    assert words["name"] in window.windowTitle()
    complete_every_step(window.progress)
    window.progress.type_identity("ent_site_url", words["site_example"])  # the school's site is on this ENT
    window.progress.cycle["file"]["name"] = words["export_file_name"]  # the file this ENT's PRONOTE export makes
    seen_name = False
    for step in flow.STEP_IDS:  # every page of the first walk, made and shown
        window.go_to(step)
        QApplication.processEvents()
        assert window.current_step() == step
        page = window.currentPage()
        texts = [page.title(), page.subTitle(), *texts_of(page), *texts_of(window.steps_panel)]
        assert not original_words_in(texts), (step, original_words_in(texts))
        seen_name |= any(words["name"] in text for text in texts)
        for language in ("fr", "en"):
            html = help_html(step, window.progress.identity, language)
            assert not original_words_in([html]), (step, language, original_words_in([html]))
    assert seen_name
    # The status board, once the first walk is over.
    window.progress.finish_walk()
    window.resume()
    assert not original_words_in(texts_of(window.currentPage()))
    # The record and the notice, as PDFs.
    from pypdf import PdfReader

    from wizard.core.records import notice_document, record_document
    from wizard.gui.pdf import write_pdf

    for name, printed in (("fiche", record_document(window.progress.school)),
                          ("notice", notice_document(window.progress.school))):
        pdf = tmp_path / f"{name}.pdf"
        write_pdf(printed, pdf, name)
        text = " ".join(page.extract_text() for page in PdfReader(str(pdf)).pages)
        assert words["name"] in " ".join(text.split())
        assert not original_words_in([text]), (name, original_words_in([text]))
    window.close()


def test_an_unusable_ent_file_is_one_french_sentence(qtbot, data_dir, tmp_path):
    broken = tmp_path / "ent.json"
    broken.write_text('{"name": 3}', encoding="utf-8")
    from wizard.core.errors import UserError

    with pytest.raises(UserError) as refused:
        create_window(data_dir, ent=broken)
    assert "ent.json" in refused.value.message or "name" in refused.value.message
    window = create_window(data_dir)  # the data folder was not left locked
    qtbot.addWidget(window)
    window.close()
