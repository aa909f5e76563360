"""Small widgets every page uses: a paragraph of text, a notice (a framed message that says its kind), and a
table that grows with its rows."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QLabel, QTableWidget

# info (blue), warning (orange), ok (green), error (red); a translucent tint and a solid edge stay readable on
# light and dark palettes alike.
NOTICE_COLOURS = {"info": (29, 95, 168), "warning": (196, 110, 0), "ok": (27, 122, 50), "error": (179, 38, 30)}


def paragraph(text: str, *, rich: bool = False) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.RichText if rich else Qt.TextFormat.PlainText)
    if rich:
        label.setOpenExternalLinks(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction if rich
                                  else Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class Notice(QLabel):
    """A framed message. `show_message(text, kind)` changes both at once; an empty text hides it.

    The object name ends with the kind (`<name>_ok`, `<name>_error`…), so tests and accessibility tools can tell
    a success from a failure without reading colours."""

    def __init__(self, text: str = "", kind: str = "info", name: str = "notice"):
        super().__init__()
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.base_name = name
        self.kind = ""
        self.show_message(text, kind, hide_when_empty=False)

    def show_message(self, text: str, kind: str, *, hide_when_empty: bool = True) -> None:
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


def notice(text: str, kind: str = "info", name: str = "notice") -> Notice:
    return Notice(text, kind, name)


class GrownTable(QTableWidget):
    """A read-only table as tall as its shown rows and never wider than the page: the page scrolls as one area,
    never a table inside it. Its cells wrap, so the height follows the width; `fit()` after changing rows."""

    def __init__(self, columns: int, name: str, accessible: str, headers: list[str]):
        super().__init__(0, columns)
        self.setObjectName(name)
        self.setAccessibleName(accessible)
        self.setHorizontalHeaderLabels(headers)
        self.verticalHeader().setVisible(False)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setWordWrap(True)
        self.setTabKeyNavigation(False)  # Tab must leave the table: no keyboard trap
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    def fit(self) -> None:
        height = self.horizontalHeader().height() + 2 * self.frameWidth()
        for row in range(self.rowCount()):
            if not self.isRowHidden(row):  # only the rows shown: a long list filtered down stays quick
                self.resizeRowToContents(row)
                height += self.rowHeight(row)
        self.setFixedHeight(height)

    def fit_width(self) -> None:
        """As narrow as its columns (a short table of counts), instead of the page's whole width."""
        self.resizeColumnsToContents()
        self.setFixedWidth(self.horizontalHeader().length() + 2 * self.frameWidth())

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.fit()
