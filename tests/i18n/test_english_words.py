"""Every English translation and English help page: one kind of quotes, no French outside the quoted names of the
ENT's and PRONOTE's own menus, and Alt+letters clear of QWizard's own buttons (rules in tests/i18n/english.py)."""
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from tests.i18n.english import RESERVED_LETTERS, french_leaks, help_text, mnemonic, quote_faults

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "translations" / "wizard_en.ts"
HELP = sorted((ROOT / "resources" / "help" / "en").glob("*.html"))


def translations() -> list[tuple[str, str]]:
    pairs = []
    for message in ET.parse(TS).getroot().iter("message"):
        translation = message.find("translation")
        if translation is not None and translation.text:
            pairs.append((message.findtext("source"), translation.text))
    return pairs


def faults_of(rule, texts) -> list[tuple[str, list[str]]]:
    return [(text[:80], found) for text in texts if (found := rule(text))]


def test_the_translations_are_there_to_check():
    assert len(translations()) > 600
    assert len(HELP) >= 12


def test_translations_use_one_kind_of_quotes():
    assert not faults_of(quote_faults, [english for _, english in translations()])


def test_translations_have_no_french_outside_quoted_names():
    assert not faults_of(french_leaks, [english for _, english in translations()])


def test_help_pages_use_one_kind_of_quotes():
    assert not faults_of(quote_faults, [help_text(path.read_text(encoding="utf-8")) for path in HELP])


def test_help_pages_have_no_french_outside_quoted_names():
    pages = {path.name: help_text(path.read_text(encoding="utf-8")) for path in HELP}
    assert not [(name, found) for name, text in pages.items() if (found := french_leaks(text))]


def test_english_alt_letters_leave_the_wizard_buttons_alone():
    """Back, Next, Finish and Help answer to Alt+B, N, F and H in English Qt; a label on one of them would fight
    a wizard button (on the pages where both show) – the French ones keep their letter, the English theirs."""
    clashes = [(source, english) for source, english in translations()
               if (letter := mnemonic(english)) and letter in RESERVED_LETTERS]
    assert not clashes


def test_every_french_alt_letter_has_an_english_one():
    lost = [(source, english) for source, english in translations() if mnemonic(source) and not mnemonic(english)]
    assert not lost


# The rules themselves, on the cases that fooled an earlier draft.
@pytest.mark.parametrize("text, faults", [
    ("Click “Publier la base”.", []),
    ("Click « Publier la base ».", ["« « »", "« » »"]),
    ('Click "Publier la base".', ["straight double quote"]),
    ("Click 'Publier la base'.", ["single-quoted 'Publier la base'"]),
    ("the teachers' accounts and the school's list", []),
    ("“outer “inner” outer”", ["“ ” unbalanced or nested"]),
    ("“open only", ["“ ” unbalanced or nested"]),
])
def test_quote_rule(text, faults):
    assert quote_faults(text) == faults


@pytest.mark.parametrize("text, leaks", [
    ("Last import: 27/08/2026 in complet mode", ["complet"]),
    ("Format documenté Index Éducation", ["é"]),
    ("Documented Index Éducation layout", []),
    ("for example Collège Via Domitia, Manduel", []),
    ("at the pré-rentrée", ["é"]),
    ("at the rentree", ["rentree"]),
    ("“Mode d'import”: “{import_mode_complet}”.", []),
    ("without the page name (eleve.html, professeur.html…)", []),
    ("the person's group (Personnels, Eleves)", ["eleves", "personnels"]),
    ("Non-teaching staff", []),
])
def test_french_word_rule(text, leaks):
    assert french_leaks(text) == leaks


@pytest.mark.parametrize("text, letter", [("A&ccept", "c"), ("Fish && chips", None), ("&&&Save", "s"),
                                          ("No mnemonic", None)])
def test_mnemonic(text, letter):
    assert mnemonic(text) == letter
