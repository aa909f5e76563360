"""Help opens for every page, from the Help button and from F1, with the school's links."""
import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWizard

from tests.gui.helpers import open_window
from wizard import flow
from wizard.helptext import help_html


def complete_every_step(progress):
    """Fill the model as an admin would have, so the window can be taken to any page."""
    for key, value in {"name": "Collège Via Domitia", "uai": "0301746K",
                       "pronote_url": "https://0301746K.index-education.net/pronote/",
                       "ent_site_url": "https://via-domitia.mon-ent-occitanie.fr/"}.items():
        progress.set_identity(key, value)
    progress.set_cycle("mode", "complet")
    for step in flow.STEP_IDS:
        for item in flow.checklist(step, "complet"):
            progress.set_field(step, item["id"], True)
    progress.set_field("pronote_net_avertissement", "compris", True)
    progress.set_field("pronote_net", "confirmation_manuelle", True)
    progress.set_cycle("file", {"name": "IdPN_To_KOSMOS.xml", "size": 1, "sha256": "0" * 64, "path": "/nonexistent"})
    progress.set_cycle("analysis", {"file_sha256": "0" * 64, "mode": "complet", "counts": {"total": 0},
                                    "findings": [], "errors": 0, "warnings": 0})
    progress.set_field("import_ent", "nombre_importe", 0)


@pytest.mark.parametrize("step", flow.STEP_IDS)
def test_every_step_has_help_with_content(step):
    html = help_html(step, {"uai": "0301746K", "pronote_url": "https://0301746K.index-education.net/pronote/"})
    assert "<h2>" in html and len(html) > 300
    assert "{" not in html  # every placeholder was filled


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
