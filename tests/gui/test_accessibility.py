"""Assistive tools (issue 12, item 5): a value set through the accessibility interface – as voice dictation,
screen readers' form modes and UI automation do – counts exactly as a typed one; what the tools read (names of the
ticks without text of their own, of the values to copy) is there."""
from __future__ import annotations

from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QApplication, QCheckBox, QComboBox, QLabel, QPushButton, QWizard

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


def _combo_boxes(window) -> list:
    """Every combo box of the assistant: on each page (the board's too) and in the column dialog."""
    from wizard.gui.matching_preview import ColumnMappingDialog

    window.ensure_all_pages()
    combos = []
    for page_id in window.pageIds():
        page = window.page(page_id)
        page.ensure_built()
        combos += page.findChildren(QComboBox)
    dialog = ColumnMappingDialog(["Nom", "Prénom", "Login"], "", window)
    return combos + dialog.findChildren(QComboBox)


def test_every_combo_box_is_named_by_its_label_and_says_its_value(qtbot, data_dir):
    """Qt's own interface names a combo box by its current value on Linux (the label only through the « labelled
    by » relation) and by its accessible name on Windows: here both read the label in the name, on every system;
    the value stays the combo's value and its list its child (tests/bus reads the same through AT-SPI)."""
    window = open_window(qtbot, data_dir)
    labels = {id(label.buddy()): label.text() for label in window.findChildren(QLabel) if label.buddy() is not None}
    combos = _combo_boxes(window)
    assert len(combos) >= 9  # language, school, file findings, matching status and profile, the five columns
    for combo in combos:
        label = labels.get(id(combo)) or next(
            label.text() for label in combo.window().findChildren(QLabel) if label.buddy() is combo)
        interface = QAccessible.queryAccessibleInterface(combo)
        assert interface.role() == QAccessible.Role.ComboBox
        name = interface.text(QAccessible.Text.Name)
        assert plain(label).replace("&", "").rstrip(" :\u00a0") in name, (combo.objectName(), name)
        assert combo.currentText() and interface.text(QAccessible.Text.Value) == combo.currentText()
        assert name != combo.currentText(), combo.objectName()
        assert interface.state().expandable and not interface.state().expanded
        assert interface.childCount() == 1 and interface.child(0).role() == QAccessible.Role.List
        assert interface.child(0).object() is combo.view()
        actions = interface.actionInterface()
        assert {actions.showMenuAction(), actions.pressAction()} <= set(actions.actionNames())


def test_a_combo_box_opens_its_list_through_its_action(qtbot, data_dir):
    window = open_window(qtbot, data_dir)
    combo = window.currentPage().language_combo
    actions = QAccessible.queryAccessibleInterface(combo).actionInterface()
    actions.doAction(actions.showMenuAction())
    qtbot.waitUntil(combo.view().isVisible)
    assert QAccessible.queryAccessibleInterface(combo).state().expanded
    actions.doAction(actions.pressAction())
    qtbot.waitUntil(lambda: not combo.view().isVisible())


def test_a_combo_box_asked_while_it_is_destroyed_answers_without_an_error(qtbot):
    """Qt's bridge may still ask a combo box's interface while the box is being destroyed (Qt's file dialog
    closing, through the bus): Python's side is gone then, and an exception there reached the crash dialog."""
    import shiboken6
    from PySide6.QtWidgets import QWidget

    from wizard.gui import accessibility
    from wizard.gui.wheel import ComboBox

    accessibility.install()
    holder = QWidget()
    combo = ComboBox(holder)
    combo.addItems(["Français", "English"])
    interface = QAccessible.queryAccessibleInterface(combo)
    assert interface.childCount() == 1 and interface.text(QAccessible.Text.Value) == "Français"
    shiboken6.delete(holder)
    assert interface.childCount() == 0 and interface.child(0) is None
    assert interface.text(QAccessible.Text.Value) == "" and interface.indexOfChild(None) == -1
