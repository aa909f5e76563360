"""The mouse wheel never changes a value by accident: a combo box (and any spin box or slider the pages may get:
a subclass mixing in `_WheelScrollsThePage` the same way) takes the wheel only when it has the focus (tabbed or
clicked into); otherwise the wheel scrolls the page it sits in.

Issue 19: one notch over « Langue / Language » switched the window to English while the admin scrolled the welcome
page; scrolling the matching page changed its « Statut » filter. Qt gives these controls the focus on a wheel
(Qt::WheelFocus), then lets the wheel step their value. Every value control of the assistant is one of the classes
below (tests/gui/test_wheel.py walks every page to check it).

Why subclasses and not one event filter on the whole application: a filter written in Python is called for every
event of every widget – about 10 µs each, tens of milliseconds while the first page opens – and reading an event's
type there loads QEvent's enums before the first page shows (bench/startup.py, tests/gui/test_startup.py). An
overridden `wheelEvent` is called for wheel events only.
"""
from __future__ import annotations

from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QComboBox, QWidget

from wizard.gui.qtvalues import STRONG_FOCUS


class _WheelScrollsThePage:
    """Mixed in before the Qt class: the wheel steps the value only while the control has the focus."""

    def _not_by_the_wheel(self) -> None:
        self.setProperty("focusPolicy", STRONG_FOCUS)  # Tab and click give the focus; the wheel does not

    def wheelEvent(self, event) -> None:
        if self.hasFocus():
            super().wheelEvent(event)
            return
        area = scroll_area_of(self)
        if area is not None:  # the page scrolls, as it would under any other part of it
            QApplication.sendEvent(area.verticalScrollBar(), event)
        event.accept()  # and the value stays as it is


class ComboBox(_WheelScrollsThePage, QComboBox):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._not_by_the_wheel()


VALUE_CONTROLS = (ComboBox,)


def scroll_area_of(widget: QWidget) -> QAbstractScrollArea | None:
    """The nearest scrolling area around `widget` (a page's), not counting a control's own inner view."""
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QAbstractScrollArea) and not isinstance(parent.parentWidget(), QComboBox):
            return parent
        parent = parent.parentWidget()
    return None
