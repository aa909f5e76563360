"""What a screen reader is told (issue 23), checked on Qt's side (the bus test, tests/bus, checks the same through
AT-SPI): the steps as a list with the current one selected and states in words, drawn marks instead of glyphs,
the window named after its page, errors and results announced, and a key typed that changes nothing else – no
completeChanged, no page hidden and shown again, no list rebuilt."""
from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAccessible, QImage
from PySide6.QtWidgets import QApplication, QLabel, QWizard

from tests.gui.helpers import open_window, type_text
from tests.gui.test_help import complete_every_step
from wizard.core import flow
from wizard.core.typography import plain
from wizard.gui import accessibility


class Hidden(QObject):
    """Counts the Hide events of a widget tree's top (QWizard hides its whole content on completeChanged)."""

    def __init__(self):
        super().__init__()
        self.count = 0

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.Hide:
            self.count += 1
        return False


def test_the_steps_are_a_list_with_the_current_one_selected_and_states_in_words(qtbot, data_dir):
    window = open_window(qtbot, data_dir)
    window.next()
    steps = window.steps_panel.list
    texts = [steps.item(row).text() for row in range(steps.count())]
    assert texts[:3] == ["Bienvenue", "Votre établissement", flow.part_name(1)]
    spoken = [steps.item(row).data(Qt.ItemDataRole.AccessibleTextRole) for row in range(steps.count())]
    assert [plain(text) for text in spoken[:3]] == ["Bienvenue : fait", "Votre établissement : étape en cours",
                                                    plain(flow.part_name(1))]
    assert [row for row in range(steps.count()) if steps.item(row).isSelected()] == [1]
    # No glyph that a font may lack or draw otherwise: the marks are images drawn by the panel.
    assert not any(mark in text for text in texts for mark in "✓▶○●")
    parts = [flow.part_name(part) for part in flow.PART_NAMES]
    assert all(isinstance(steps.item(row).data(Qt.ItemDataRole.DecorationRole), QImage) != (texts[row] in parts)
               for row in range(steps.count()))  # a mark beside each step, none beside a part's name
    interface = QAccessible.queryAccessibleInterface(steps)
    assert interface.role() == QAccessible.Role.List
    assert interface.text(QAccessible.Text.Name) == "Étapes de l'assistant"
    assert steps.focusPolicy() == Qt.FocusPolicy.NoFocus


def test_the_marks_are_drawn_distinct_and_in_the_text_colour():
    from PySide6.QtGui import QColor

    from wizard.gui.steps_panel import draw_mark

    def shape(kind):
        image = draw_mark(kind, QColor(0, 0, 0), 1.0)
        return [image.pixelColor(x, y).alpha() > 128 for y in range(image.height()) for x in range(image.width())]

    done, current, todo = shape("done"), shape("current"), shape("todo")
    assert sum(current) > 0 and sum(todo) > 0 and sum(done) > 0  # a filled triangle, a ring, a tick
    assert len({tuple(done), tuple(current), tuple(todo)}) == 3
    centre = [draw_mark(kind, QColor(0, 0, 0), 1.0).pixelColor(7, 7).alpha() for kind in ("todo", "current")]
    assert centre[0] == 0 and centre[1] > 200  # the circle is hollow (never a « ● »), the triangle filled


def test_the_window_is_named_after_its_page_and_its_title_is_a_heading(qtbot, data_dir):
    window = open_window(qtbot, data_dir)
    window.next()
    assert window.windowTitle().startswith("Votre établissement – Assistant d'interconnexion PRONOTE")
    headings = [label for label in window.findChildren(QLabel) if label.property(accessibility.HEADING)]
    assert [label.text() for label in headings] == ["Votre établissement"]
    interface = QAccessible.queryAccessibleInterface(headings[0])
    assert interface.role() == QAccessible.Role.Heading and interface.text(QAccessible.Text.Name) == \
        "Votre établissement"


def test_a_key_typed_changes_only_what_it_should(qtbot, data_dir):
    """No completeChanged (QWizard hides and shows the whole window for each), no list rebuilt, yet « Suivant »
    follows the page the moment it becomes complete."""
    window = open_window(qtbot, data_dir)
    window.next()
    page = window.currentPage()
    emitted = []
    page.completeChanged.connect(lambda: emitted.append(1))
    hidden = Hidden()
    page.installEventFilter(hidden)
    inserted = []
    window.steps_panel.list.model().rowsInserted.connect(lambda *_: inserted.append(1))
    for key, text in (("name", "Collège Via Domitia"), ("uai", "0301746K")):
        page.fields[key].setFocus()
        type_text(page.fields[key], text)
    page.fields["pronote_url"].setFocus()
    next_button = window.button(QWizard.WizardButton.NextButton)
    type_text(page.fields["pronote_url"], "https://0301746K.index-education.net/pronote")
    assert next_button.isEnabled()
    QApplication.sendEvent(page.fields["pronote_url"], QEvent(QEvent.Type.None_))
    page.fields["pronote_url"].clear()
    assert not next_button.isEnabled()
    assert (emitted, hidden.count, inserted) == ([], 0, [])


def test_a_wrong_code_is_announced_once_and_is_the_fields_description(qtbot, data_dir, heard):
    window = open_window(qtbot, data_dir)
    window.next()
    page = window.currentPage()
    field = page.fields["uai"]
    assert field.accessibleDescription().startswith("Format attendu")  # the format, before anything is typed
    field.setFocus()
    type_text(field, "0301746")
    heard.clear()
    type_text(field, "X")
    QApplication.processEvents()  # the page's reason, said at the end of the turn (the same words: not again)
    errors = [(text, loud) for text, loud in heard if "lettre de contrôle" in text]
    assert errors and errors[0][1] and field.accessibleDescription() == page.uai_message.text() == errors[0][0]
    heard.clear()
    type_text(field, "X")  # the same verdict: nothing new to say
    assert [text for text, _ in heard if text == errors[0][0]] == []


def test_the_reason_is_announced_when_it_changes_not_on_arrival(qtbot, data_dir, heard):
    window = open_window(qtbot, data_dir)
    complete_every_step(window.progress)
    for item in flow.checklist("ent_acces", "complet"):
        window.progress.tick("ent_acces", item["id"], False)
    heard.clear()
    window.go_to("ent_acces")
    page = window.currentPage()
    assert page.reason.text() and not [text for text, _ in heard if text == page.reason.text()]
    next(iter(page.checklist.boxes.values())).setChecked(True)
    QApplication.processEvents()
    assert heard and heard[-1] == (page.reason.text(), False)


def test_the_file_pages_key_warning_names_its_icon(qtbot, data_dir, tmp_path, monkeypatch):
    """The hash key's problem, said as the file's analysis starts, is the house's message box: its icon says its kind
    (« Avertissement »), where QMessageBox.warning left an unnamed image."""
    from pathlib import Path

    from PySide6.QtWidgets import QMessageBox

    window = open_window(qtbot, data_dir)
    complete_every_step(window.progress)
    window.go_to("fichier")
    page = window.currentPage()
    shown = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(
        (box.text(), box.findChild(QLabel, "qt_msgboxex_icon_label").accessibleName())) or 0)
    # The static box, icon unnamed (and never waiting on a test):
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda parent, title, text, *rest: shown.append(
        (text, "")) or 0))
    window.progress.key_problem = "La clé des empreintes a changé."
    copy = tmp_path / "IdPN_To_KOSMOS.xml"
    copy.write_bytes((Path(__file__).parents[1] / "matching" / "fixtures" / "pronote.xml").read_bytes())
    page.analyse(copy)
    qtbot.waitUntil(lambda: not page.task.running, timeout=20000)
    assert shown == [("La clé des empreintes a changé.", "Avertissement")]
    assert window.progress.key_problem == ""
