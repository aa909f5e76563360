"""Assistive tools (issue 12, item 5): a value set through the accessibility interface – as voice dictation,
screen readers' form modes and UI automation do – counts exactly as a typed one; what the tools read (names of the
ticks without text of their own, of the values to copy) is there."""
from __future__ import annotations

from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QApplication, QCheckBox, QPushButton, QWizard

from tests.gui.helpers import open_window
from tests.gui.test_help import complete_every_step
from wizard.core import flow
from wizard.core.typography import plain


def set_through_accessibility(widget, text: str) -> None:
    interface = QAccessible.queryAccessibleInterface(widget)
    assert interface is not None and interface.role() == QAccessible.Role.EditableText
    interface.setText(QAccessible.Text.Value, text)
    QApplication.processEvents()


def test_the_school_page_filled_through_accessibility_enables_next(qtbot, data_dir):
    window = open_window(qtbot, data_dir)
    window.next()
    page = window.currentPage()
    next_button = window.button(QWizard.WizardButton.NextButton)
    assert not next_button.isEnabled()
    set_through_accessibility(page.fields["name"], "Collège Via Domitia")
    set_through_accessibility(page.fields["uai"], "0301746K")
    assert not next_button.isEnabled()  # the address is still missing, and the page says so
    assert "PRONOTE" in page.reason.text()
    set_through_accessibility(page.fields["pronote_url"], "https://0301746K.index-education.net/pronote/eleve.html")
    assert next_button.isEnabled(), page.reason.text()
    assert window.progress.identity["uai"] == "0301746K"  # written to the model, as typing would
    assert plain(page.url_message.text()).startswith("Adresse retenue : https://0301746k.index-education.net/pronote/")
    window.next()
    assert window.current_step() == "ent_service"


def test_the_reported_count_and_the_contact_set_through_accessibility_are_kept(qtbot, data_dir):
    window = open_window(qtbot, data_dir)
    complete_every_step(window.progress)
    window.progress.type_reported_count(None)
    window.go_to("import_ent")
    page = window.currentPage()
    assert not window.button(QWizard.WizardButton.NextButton).isEnabled()
    set_through_accessibility(page.count, "0")
    assert window.progress.cycle["reported_count"] == 0 and page.comparison.isVisible()
    assert window.button(QWizard.WizardButton.NextButton).isEnabled()
    window.go_to("fin")
    set_through_accessibility(window.currentPage().contact, "le secrétariat")
    assert window.progress.identity["contact"] == "le secrétariat"


def test_ticks_and_values_have_names_for_screen_readers(qtbot, data_dir):
    window = open_window(qtbot, data_dir)
    complete_every_step(window.progress)
    window.go_to("ent_service")
    page = window.currentPage()
    for item in flow.checklist("ent_service", "complet"):
        box = page.findChild(QCheckBox, f"tick_{item['id']}")
        assert box.text() == "" and box.accessibleName() == item["text"]  # the text is in the label beside it
        interface = QAccessible.queryAccessibleInterface(box)
        assert interface.text(QAccessible.Text.Name) == item["text"]
    for key, field in page.checklist.value_fields.items():
        # The value's label keeps its text as its name (a name would hide it); the keyboard reaches the value
        # through the copy button, which says it as its description (issue 23).
        assert field.accessibleName() == "" and field.text(), key
        copy = page.findChild(QPushButton, f"copy_{key}")
        assert copy.accessibleDescription() == field.text() and copy.accessibleName().startswith("Copier "), key
        assert QAccessible.queryAccessibleInterface(copy).text(QAccessible.Text.Description) == field.text()
