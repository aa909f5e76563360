"""Driving the real window from `create_window` with the keyboard, as an admin without a mouse would."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QCheckBox, QLineEdit, QWizard

from wizard.app import create_window

SCHOOL = {
    "field_name": "Collège Via Domitia",
    "field_uai": "0301746K",
    "field_pronote_url": "https://0301746K.index-education.net/pronote/eleve.html?login=true",
    "field_pronote_version": "2024 - 2.5",
}


def open_window(qtbot, data_dir, language=None) -> QWizard:
    window = create_window(data_dir, language)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    QTest.qWaitForWindowActive(window, 3000)
    QApplication.processEvents()
    return window


def written(progress) -> None:
    """What the window would write after the pause, written now and waited for (to read the file in a test)."""
    progress.flush()
    progress.writer.wait()


def focused():
    return QApplication.focusWidget()


def press(key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    QTest.keyClick(focused(), key, modifier)
    QApplication.processEvents()


def tab_to(predicate, limit: int = 80):
    """Press Tab until the focused widget satisfies `predicate`; fail if the keyboard never reaches one."""
    seen = []
    for _ in range(limit):
        press(Qt.Key.Key_Tab)
        widget = focused()
        seen.append(widget.objectName() if widget is not None else None)
        if widget is not None and predicate(widget):
            return widget
    raise AssertionError(f"the keyboard never reached the expected widget; focus went through {seen[:20]}")


def next_button(window):
    return window.button(QWizard.WizardButton.NextButton)


def go_next_by_keyboard(window) -> None:
    """Return goes to the next page from any input: Next is the dialog's default button."""
    assert next_button(window).isEnabled(), window.currentPage().reason.text()
    before = window.currentId()
    QTest.keyClick(focused() or window, Qt.Key.Key_Return)
    QApplication.processEvents()
    assert window.currentId() != before


def tick_all_by_keyboard(window) -> None:
    """Tab through the page and press Space on every unticked box until Next is enabled."""
    page = window.currentPage()
    for _ in range(40):
        boxes = [b for b in page.findChildren(QCheckBox) if b.isVisible() and b.isEnabled() and not b.isChecked()
                 and b.objectName() not in ("manual_confirmation",)]
        if not boxes:
            return
        # `boxes` bound now, as this round's list: the predicate never sees a later round's.
        tab_to(lambda w, boxes=boxes: isinstance(w, QCheckBox) and not w.isChecked() and w in boxes)
        press(Qt.Key.Key_Space)
    raise AssertionError("some ticks could not be reached")


def type_into(object_name: str, text: str) -> None:
    field = tab_to(lambda w: isinstance(w, QLineEdit) and w.objectName() == object_name)
    field.selectAll()
    type_text(field, text)


def type_text(widget, text: str) -> None:
    """QTest.keyClicks aborts on characters it cannot map to a key (è, –): those are sent as key events
    carrying their text, as a keyboard layout or input method delivers them."""
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QKeyEvent

    for char in text:
        if char.isascii():
            QTest.keyClicks(widget, char)
        else:
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char))
    QApplication.processEvents()
