"""Help opens for every page, from the Help button and from F1, with the school's links and the active ENT's words;
an ENT without a previous one has no sentence about it."""
import hashlib
import json
import re
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWizard

from tests.gui.helpers import open_window
from wizard.core import entdata, flow
from wizard.core.helptext import help_html

ROOT = Path(__file__).resolve().parents[2]
RENAMED_ENT = ROOT / "tests" / "fixtures" / "ent" / "ent-exemple-nord.json"
LANGUAGES = ("fr", "en")
IDENTITY = {"uai": "0301746K", "pronote_url": "https://0301746K.index-education.net/pronote/"}
# Words of the default ENT that must not show when another ENT is active.
ORIGINAL_ENT_WORDS = ["Occitanie", "occitanie", "ENT-LR", "K-d'école", "KOSMOS", "Kosmos", "Scolarité",
                      "SSO Pronote avec CAS", "Afficher le bloc", "« Accès au service »", "site courant", "CLG-VIA"]


def complete_every_step(progress):
    """Fill the model as an admin would have, so the window can be taken to any page."""
    for key, value in {"name": "Collège Via Domitia", "uai": "0301746K",
                       "pronote_url": "https://0301746K.index-education.net/pronote/",
                       "ent_site_url": "https://via-domitia.mon-ent-occitanie.fr/"}.items():
        progress.type_identity(key, value)
    progress.choose_mode("complet")
    for step in flow.STEP_IDS:
        for item in flow.checklist(step, "complet"):
            progress.tick(step, item["id"], True)
    progress.tick("pronote_net_avertissement", "compris", True)
    progress.confirm_by_hand(True)
    progress.record_analysis(
        {"name": "IdPN_To_KOSMOS.xml", "path": "/nonexistent", "size": 1, "sha256": "0" * 64, "mtime_ns": None},
        {"file_sha256": "0" * 64, "mode": "complet", "layout": "", "layout_label": None, "encoding": None,
         "counts": {"total": 0}, "findings": [], "finding_counts": {}, "errors": 0, "warnings": 0, "mapping": {},
         "export_date": None, "id_hashes": [], "language": "fr"})
    progress.type_reported_count(0)


def as_checked(cycle, path) -> None:
    """The pass's file is `path` as its check would have recorded it now – where, size, time, fingerprint (its
    analysis's too) – for tests that point the matching at a fixture without analysing it."""
    path = Path(path)
    sha256 = hashlib.sha256(path.read_bytes()).hexdigest()
    cycle["file"].update(path=str(path), size=path.stat().st_size, mtime_ns=path.stat().st_mtime_ns, sha256=sha256)
    cycle["analysis"]["file_sha256"] = sha256


@pytest.fixture
def active_ent():
    """Activate an ENT data file for one test; the default one again afterwards."""
    yield entdata.activate
    entdata.activate(None)


def text_of(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("step", flow.STEP_IDS)
def test_every_step_has_help_with_content(step, language):
    html = help_html(step, IDENTITY, language)
    assert "<h2>" in html and len(html) > 300
    assert "{" not in html  # every placeholder was filled


@pytest.mark.parametrize("language", LANGUAGES)
def test_help_names_the_active_ent_and_nothing_of_the_original(active_ent, language):
    active_ent(RENAMED_ENT)
    pages = {step: help_html(step, {}, language) for step in flow.STEP_IDS}
    for step, html in pages.items():
        found = [word for word in ORIGINAL_ENT_WORDS if word in html]
        assert not found, (step, found)
    every = " ".join(pages.values())
    for word in ("ENT Exemple Nord", "cas.ent-exemple-nord.test", "Socle Exemple", "Identifiants_Exemple.xml",
                 "Configuration Exemple Nord", "Portail Ancien Exemple", "CAS PRONOTE Exemple", "Vie de l&#x27;élève",
                 "COLLEGE EXEMPLE-VILLENEUVE (0599999Y)", "Complet (Exemple)", "Tous niveaux"):
        assert word in every, word
    assert "https://&lt;" in pages["ent_service"] and ".ent-exemple-nord.test/" in pages["ent_service"]


def _without_previous_ent(tmp_path: Path) -> Path:
    raw = json.loads(RENAMED_ENT.read_text(encoding="utf-8"))
    raw["previous_ent"]["value"] = None
    path = tmp_path / "sans-ancien.json"
    path.write_text(json.dumps(raw, ensure_ascii=False), encoding="utf-8")
    return path


@pytest.mark.parametrize("language, about_it", [
    ("fr", ["ancien ENT", "l'ancien", "L'ancien ENT", "Portail Ancien Exemple"]),
    ("en", ["former ENT", "former one", "The former ENT", "Portail Ancien Exemple"]),
])
def test_no_sentence_about_a_previous_ent_when_there_is_none(active_ent, tmp_path, language, about_it):
    active_ent(RENAMED_ENT)
    before = text_of(" ".join(help_html(step, {}, language) for step in flow.STEP_IDS))
    assert all(phrase in before for phrase in about_it)  # they are there when the ENT names a previous one
    active_ent(_without_previous_ent(tmp_path))
    for step in flow.STEP_IDS:
        text = text_of(help_html(step, {}, language))
        assert not [phrase for phrase in about_it if phrase in text], step
        assert "()" not in re.sub(r"<[^>]+>", "", help_html(step, {}, language)), step  # no empty place left
    warning = text_of(help_html("pronote_net_avertissement", {}, language))
    assert "ENT Exemple Nord" in warning and len(warning) > 300  # what changes at publication is still said


@pytest.mark.parametrize("step, facts", [
    ("ent_service", ["Intitulé", "« PRONOTE »", "2024 - 2.5"]),
    ("ent_acces", ["« Niveau » et « Sous-niveau » laissés à", "« Tous »", "CLG-VIA DOMITIA-MANDUEL (0301746K)"]),
    ("import_ent", ["Administration &gt; Importer les identifiants Pronote", "« 1575 identifiant(s) Pronote"]),
    ("rapprochement", ["« Résultat d'import des identifiants Pronote »", "« Identification impossible »",
                       "Communication &gt; Gestion des identités &gt;"]),
    ("fin", ["« Identification impossible »", "Résolution des échecs d'interconnexion"]),
])
def test_the_facts_admins_missed_are_in_the_help(step, facts):
    html = re.sub(r"\s+", " ", help_html(step, IDENTITY, "fr"))
    for fact in facts:
        assert fact in html, fact


def test_help_opens_on_every_page_with_the_button_and_f1(qtbot, data_dir):
    window = open_window(qtbot, data_dir)
    complete_every_step(window.progress)
    for number, step in enumerate(flow.path_to("fin", window.progress.school)):
        window.go_to(step)
        assert window.current_step() == step
        if number % 2:
            window.button(QWizard.WizardButton.HelpButton).click()
        else:
            QTest.keyClick(window, Qt.Key.Key_F1)
        dialog = window.help_dialog
        assert dialog.isVisible(), step
        assert dialog.windowTitle() == f"Aide – {window.currentPage().title()}"
        assert len(dialog.browser.toPlainText()) > 200
        dialog.close()


def test_help_links_are_the_schools_own_and_open_in_the_browser(qtbot, data_dir):
    window = open_window(qtbot, data_dir)
    complete_every_step(window.progress)
    window.go_to("ent_service")
    window.show_help()
    html = window.help_dialog.browser.toHtml()
    assert 'href="https://via-domitia.mon-ent-occitanie.fr/"' in html
    assert window.help_dialog.browser.openExternalLinks()


def test_f1_from_the_focused_control_opens_the_help(qtbot, data_dir):
    """F1 reaches the window from whatever control has the focus: a field, a tick, a button, a combo."""
    from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QPushButton

    window = open_window(qtbot, data_dir)
    complete_every_step(window.progress)
    for step, kind in (("etablissement", QLineEdit), ("ent_service", QCheckBox), ("accueil", QComboBox),
                       ("fichier", QPushButton)):
        window.go_to(step)
        # A page made while the window is on screen shows its children at the next turn of the event loop.
        qtbot.waitUntil(lambda kind=kind: any(w.isVisible() for w in window.currentPage().findChildren(kind)))
        control = next(widget for widget in window.currentPage().findChildren(kind) if widget.isVisible())
        control.setFocus()
        QTest.keyClick(control, Qt.Key.Key_F1)
        assert window.help_dialog is not None and window.help_dialog.isVisible(), step
        window.help_dialog.close()
        window.help_dialog = None


def test_a_failing_help_goes_to_the_crash_report_not_into_qt(qtbot, data_dir, monkeypatch):
    window = open_window(qtbot, data_dir)
    reported = []
    monkeypatch.setattr(sys, "excepthook", lambda *info: reported.append(info[0]))
    monkeypatch.setattr(window, "show_help", lambda: 1 / 0)
    QTest.keyClick(window, Qt.Key.Key_F1)
    assert reported == [ZeroDivisionError] and window.isVisible()
