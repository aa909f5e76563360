"""Small widgets every page uses: a paragraph of text, a notice (a framed message that says its kind), and a row
of buttons that wraps. (The table that grows with its rows is in tables.py: the first page has none.)"""
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, QRect, QSize, QTimer
from PySide6.QtWidgets import QLabel, QLayout, QLayoutItem, QWidget

from wizard.gui import accessibility
from wizard.gui.qtvalues import PLAIN_TEXT, RICH_TEXT, SELECTABLE_BY_MOUSE, TEXT_BROWSER

if TYPE_CHECKING:  # a type only: the first page builds no QIntValidator (PySide makes a class's type when named)
    from PySide6.QtGui import QIntValidator

# info (blue), warning (orange), ok (green), error (red); a translucent tint and a solid edge stay readable on
# light and dark palettes alike.
# A visible focus mark on check boxes and radio buttons (issue 12): Fusion and the Windows styles draw their focus
# as a faint frame around their text – and the wrapping ticks (pages/base.py) have no text of their own. A ring in
# the palette's highlight colour marks them on every style and palette; the other controls (fields, lists, buttons)
# already get a highlighted frame from the style. Set on each of them, not on the window: a window's style sheet
# makes Qt restyle every widget it holds (9 ms on the first page alone).
FOCUS_RING = """
QCheckBox, QRadioButton { border: 2px solid transparent; border-radius: 4px; padding: 1px; }
QCheckBox:focus, QRadioButton:focus { border-color: palette(highlight); }
"""

NOTICE_COLOURS = {"info": (29, 95, 168), "warning": (196, 110, 0), "ok": (27, 122, 50), "error": (179, 38, 30)}


class WrappingLabel(QLabel):
    """A word-wrapped label that lays its text out once per width asked.

    QLabel lays its whole text out again for every `heightForWidth` the layouts ask: 34 times for the first page's
    four texts while the window opens (9 widths), and again at each step of a resize. The heights are kept per
    width for as long as the text and the label's own size hint stay the same – Qt recomputes that hint whenever
    what it lays out changes (font, margins, style sheet), so a change of any of them starts afresh."""

    def __init__(self, text: str = ""):
        super().__init__(text)
        self.setWordWrap(True)
        self._heights: dict[int, int] = {}
        self._laid_out: tuple | None = None
        self._selectable_soon = False

    def select_with_mouse(self) -> None:
        """Plain text the mouse can select (to copy a message into an email to the ENT's support), from the
        moment the mouse comes over it. A selectable QLabel does all its text layout through a QTextDocument of
        its own – its size hints, its heights, its paint – where a label merely shown uses the font's metrics,
        with the same line breaks: made selectable at once, the first page's texts cost 2 % of its start
        (bench/startup.py). Its heights and its drawing are the same either way (tests/gui/test_wrapping_label.py);
        the focus policy selection brings (a click gives focus, for Ctrl+C) is in place before any click."""
        self.setProperty("textFormat", PLAIN_TEXT)
        self._selectable_soon = True

    def make_selectable(self) -> None:
        if self._selectable_soon:
            self._selectable_soon = False
            self.setProperty("textInteractionFlags", SELECTABLE_BY_MOUSE)

    def enterEvent(self, event) -> None:
        self.make_selectable()
        super().enterEvent(event)

    def mousePressEvent(self, event) -> None:  # a touch may press without coming over first
        self.make_selectable()
        super().mousePressEvent(event)

    def heightForWidth(self, width: int) -> int:
        hint = self.sizeHint()
        laid_out = (self.text(), hint.width(), hint.height())
        if laid_out != self._laid_out:
            self._laid_out = laid_out
            self._heights.clear()
        height = self._heights.get(width)
        if height is None:
            height = self._heights[width] = super().heightForWidth(width)
        return height


class TextColumn(QWidget):
    """Wrapping texts in a layout, in a page's scroll area (the page's body, a group of paragraphs shown or hidden
    together). Its preferred size is its minimum size: the scroll area and the layouts above ask both of it, then
    use only the minimum for a widget that may shrink (Qt's qSmartMinSize), and the window's size comes from
    fit_to_screen, never from its pages' hints. Asked for a preferred size, the layout would lay every paragraph
    out at widths nobody sees (two per paragraph on the welcome page: 0.5–1 % of its start, bench/startup.py)."""

    def sizeHint(self) -> QSize:
        return self.minimumSizeHint()


def paragraph(text: str, *, rich: bool = False) -> QLabel:
    label = WrappingLabel(text)
    if rich:
        label.setProperty("textFormat", RICH_TEXT)
        label.setOpenExternalLinks(True)
        label.setProperty("textInteractionFlags", TEXT_BROWSER)
    else:
        label.select_with_mouse()
    return label


def clear_layout(layout: QLayout) -> None:
    """Takes every item out of `layout`; its widgets are deleted (later: a slot of theirs may be running)."""
    while (item := layout.takeAt(0)) is not None:
        widget = item.widget()
        if widget is not None:
            widget.deleteLater()


def typed_count(validator: QIntValidator, text: str) -> int | None:
    """The whole number ≥ 0 a count field shows, read as its validator accepts it – « 1 575 » (grouped the French
    way) or « +5 » are numbers too; None for anything else. (Before, the import and failures pages took such a
    count, which the field had just accepted, for nothing typed.)"""
    number, ok = validator.locale().toInt(text.strip())
    return number if ok and number >= 0 else None


def hide_keeping_focus(widget: QWidget, instead: QWidget) -> None:
    """Hide `widget`; if the keyboard was on it (or inside it), the focus goes to `instead` first. Qt would hand it
    to the next control of the window – often « Précédent », where the next Space goes back a page."""
    focus = widget.focusWidget() if widget.isVisible() else None
    if focus is not None and focus.hasFocus():
        from PySide6.QtCore import Qt  # as pages/base.py: the first page never needs Qt's enums here

        instead.setFocus(Qt.FocusReason.TabFocusReason)
    widget.setVisible(False)


def focus_ring(button: QWidget) -> None:
    """Give a check box or a radio button its focus ring (FOCUS_RING) and an outline that can be seen
    (indicators.py)."""
    # Loaded with the first box: a style written in Python loads QStyle's enums, which the first page and the
    # board do without (tests/gui/test_startup.py).
    from wizard.gui.indicators import outlined

    outlined(button)
    button.setStyleSheet(FOCUS_RING)


class Notice(WrappingLabel):
    """A framed message. `show_message(text, kind)` changes both at once; an empty text hides it.

    The object name ends with the kind (`<name>_ok`, `<name>_error`…), so tests and accessibility tools can tell
    a success from a failure without reading colours."""

    def __init__(self, text: str = "", kind: str = "info", name: str = "notice"):
        super().__init__()
        self.select_with_mouse()
        self.base_name = name
        self.kind = ""
        self.message = ""  # what it says now ("" while hidden, whatever the hidden label still holds)
        self.show_message(text, kind, hide_when_empty=False)

    def show_message(self, text: str, kind: str, *, hide_when_empty: bool = True, announce: bool = False) -> None:
        """`announce`: a screen reader says the message when it changes (an error at once, the rest politely),
        for messages that appear away from the focus – a verdict, a status, what is left to do."""
        changed = text != self.message or kind != self.kind
        self.message = text
        if hide_when_empty and not text:
            # Hidden with its last words: emptying it would be one more event for screen readers, at each key
            # that completes a page.
            self.setVisible(False)
        else:
            self.setText(text)
        if kind != self.kind:
            self.kind = kind
            r, g, b = NOTICE_COLOURS[kind]
            self.setStyleSheet(
                f"QLabel {{ background-color: rgba({r}, {g}, {b}, 28); border: none;"
                f" border-left: 4px solid rgb({r}, {g}, {b}); padding: 6px 10px; }}")
        self.setObjectName(f"{self.base_name}_{kind}")
        if hide_when_empty:
            self.setVisible(bool(text))
        if announce and changed and text:
            # At the end of this turn of the event loop: a field's own verdict, said at once, comes first, and the
            # same words are not said twice (accessibility.announce).
            QTimer.singleShot(0, self, lambda: accessibility.announce(self, text, assertive=kind == "error"))


def notice(text: str, kind: str = "info", name: str = "notice") -> Notice:
    return Notice(text, kind, name)


class FlowRow(QLayout):
    """Buttons side by side while they fit, on the next line when the page is narrower (150 % scaling): a row of
    three long French labels never widens the page beyond the window.

    Unlike Qt's flow layout example, no `expandingDirections` override: answering it from Python needs PySide's
    `Qt` namespace (see qtvalues.py), and the layouts holding a row end with a stretch that takes the spare room."""

    def __init__(self, *widgets: QWidget):
        super().__init__()
        self.setContentsMargins(0, 0, 0, 0)
        self.items: list[QLayoutItem] = []
        for widget in widgets:
            self.addWidget(widget)

    def addItem(self, item) -> None:
        self.items.append(item)

    def count(self) -> int:
        return len(self.items)

    def itemAt(self, index: int):
        return self.items[index] if 0 <= index < len(self.items) else None

    def takeAt(self, index: int):
        return self.items.pop(index) if 0 <= index < len(self.items) else None

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._place(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._place(rect, move=True)

    def sizeHint(self) -> QSize:
        return self.minimumSize()

    def minimumSize(self) -> QSize:
        size = QSize()
        for item in self.items:
            size = size.expandedTo(item.minimumSize())
        margins = self.contentsMargins()
        return size + QSize(margins.left() + margins.right(), margins.top() + margins.bottom())

    def _spacing(self, horizontal: bool) -> int:
        spacing = self.spacing()  # Qt asks the enclosing layout, else the style
        if spacing >= 0:
            return spacing
        # Styles that space each pair of controls differently (Windows) answer -1: ask for the usual gap. QStyle
        # is loaded here only: its enums cost 4 ms at start-up.
        from PySide6.QtWidgets import QStyle

        parent = self.parentWidget()
        metric = QStyle.PixelMetric.PM_LayoutHorizontalSpacing if horizontal else \
            QStyle.PixelMetric.PM_LayoutVerticalSpacing
        return parent.style().pixelMetric(metric) if parent is not None else 6

    def _place(self, rect: QRect, move: bool) -> int:
        margins = self.contentsMargins()
        area = rect.adjusted(margins.left(), margins.top(), -margins.right(), -margins.bottom())
        x, y, line_height = area.x(), area.y(), 0
        across, down = self._spacing(True), self._spacing(False)
        for item in self.items:
            if item.isEmpty():
                continue
            hint = item.sizeHint()
            if x + hint.width() > area.right() + 1 and line_height > 0:
                x, y, line_height = area.x(), y + line_height + down, 0
            if move:
                item.setGeometry(QRect(QPoint(x, y), hint))
            x += hint.width() + across
            line_height = max(line_height, hint.height())
        return y + line_height - rect.y() + margins.bottom()
