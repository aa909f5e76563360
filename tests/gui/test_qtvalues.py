"""The numbers the first page gives Qt's property system are Qt's own enum values (gui/qtvalues.py)."""
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QScrollArea

from wizard.gui import qtvalues


def test_each_number_is_the_qt_value_it_stands_for():
    assert qtvalues.PLAIN_TEXT == Qt.TextFormat.PlainText.value
    assert qtvalues.RICH_TEXT == Qt.TextFormat.RichText.value
    assert qtvalues.SELECTABLE_BY_MOUSE == Qt.TextInteractionFlag.TextSelectableByMouse.value
    assert qtvalues.TEXT_BROWSER == Qt.TextInteractionFlag.TextBrowserInteraction.value
    assert qtvalues.NO_FOCUS == Qt.FocusPolicy.NoFocus.value
    assert qtvalues.STRONG_FOCUS == Qt.FocusPolicy.StrongFocus.value


def test_set_through_properties_they_reach_the_widgets(qtbot):
    label = QLabel("<b>Collège</b>")
    qtbot.addWidget(label)
    qtvalues.set_plain_selectable(label)
    assert label.textFormat() == Qt.TextFormat.PlainText
    assert label.textInteractionFlags() == Qt.TextInteractionFlag.TextSelectableByMouse
    scroll = QScrollArea()
    qtbot.addWidget(scroll)
    scroll.setProperty("focusPolicy", qtvalues.NO_FOCUS)
    assert scroll.focusPolicy() == Qt.FocusPolicy.NoFocus
