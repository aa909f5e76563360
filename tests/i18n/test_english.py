"""The English window: every page walked, no French text left; the .ts files complete; the choice remembered."""
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtWidgets import (
    QAbstractButton, QComboBox, QGroupBox, QLabel, QLineEdit, QTableWidget, QWizard,
)

from tests.gui.helpers import open_window
from tests.gui.test_help import complete_every_step
from wizard import flow, i18n

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "translations" / "wizard_en.ts"


@pytest.fixture(autouse=True)
def back_to_french():
    yield
    i18n.install(None, "fr")


def french_fragments() -> set[str]:
    """Pieces of every French source text that English must not show (values between braces left out)."""
    fragments = set()
    for message in ET.parse(TS).getroot().iter("message"):
        source, translation = message.findtext("source"), message.findtext("translation")
        if source == translation:
            continue  # « Parent », « Message », « PDF (*.pdf) » are the same words in both languages
        for piece in re.split(r"\{[^}]*\}|\n", source):
            piece = piece.replace("&", "").strip(" :;.,•")
            if len(piece) >= 12:
                fragments.add(piece)
    return fragments


def visible_texts(window) -> list[str]:
    page = window.currentPage()
    texts = [window.windowTitle(), page.title(), page.subTitle()]
    for widget in page.findChildren(QLabel):
        # ent_verbatim_*: lines reproduced exactly as the ENT shows them, in its own (French) words.
        if widget.isVisibleTo(page) and not widget.objectName().startswith("ent_verbatim"):
            texts.append(widget.text())
    for widget in page.findChildren(QAbstractButton):
        texts += [widget.text(), widget.accessibleName()]
    for widget in page.findChildren(QLineEdit):
        texts += [widget.placeholderText(), widget.accessibleName()]
    for widget in page.findChildren(QGroupBox):
        texts.append(widget.title())
    for widget in page.findChildren(QComboBox):
        texts += [widget.itemText(i) for i in range(widget.count())] + [widget.accessibleName()]
    for widget in page.findChildren(QTableWidget):
        texts += [widget.horizontalHeaderItem(i).text() for i in range(widget.columnCount())]
    for button in (QWizard.WizardButton.NextButton, QWizard.WizardButton.BackButton,
                   QWizard.WizardButton.CancelButton, QWizard.WizardButton.HelpButton):
        texts.append(window.button(button).text())
    # Names of the ENT's and PRONOTE's own menus, buttons and fields stay French on purpose, between « ».
    return [re.sub(r"«[^»]*»", "«»", t.replace("&", "")) for t in texts if t]


def test_every_page_in_english_has_no_french_left(qtbot, data_dir):
    window = open_window(qtbot, data_dir, language="en")
    complete_every_step(window.progress)
    fragments = french_fragments()
    assert len(fragments) > 150
    seen = []
    for step in flow.path_to("fin", window.progress.school):
        window.go_to(step)
        assert window.current_step() == step
        texts = visible_texts(window)
        leftovers = [(fragment, text) for text in texts for fragment in fragments if fragment in text]
        assert not leftovers, (step, leftovers[:3])
        seen.append(step)
    assert seen[-1] == "fin"
    window.go_to("etablissement")
    assert "Next" in window.button(QWizard.WizardButton.NextButton).text().replace("&", "")


def test_reasons_and_checks_are_english_too(qtbot, data_dir):
    window = open_window(qtbot, data_dir, language="en")
    window.next()
    assert window.currentPage().reason.text().startswith("Type the school's UAI code")


def test_language_choice_is_remembered(qtbot, data_dir):
    window = open_window(qtbot, data_dir)
    page = window.currentPage()
    chosen = []
    window.language_chosen.connect(chosen.append)
    page.language_combo.setCurrentIndex(page.language_combo.findData("en"))
    page.language_combo.activated.emit(page.language_combo.currentIndex())
    assert chosen == ["en"]
    window.close()
    again = open_window(qtbot, data_dir)
    assert again.windowTitle() == "PRONOTE – mon ENT Occitanie interconnection assistant"


def test_translation_files_have_no_unfinished_entries():
    result = subprocess.run([sys.executable, "tools/update_translations.py", "--check"], cwd=ROOT,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout
    tree = ET.parse(TS)
    assert not [m for m in tree.getroot().iter("translation") if m.get("type") == "unfinished"]
    assert (ROOT / "resources" / "translations" / "wizard_en.qm").stat().st_size > 1000


@pytest.mark.parametrize("step", flow.STEP_IDS)
def test_help_exists_in_english(step):
    assert (ROOT / "resources" / "help" / "en" / f"{step}.html").exists()
