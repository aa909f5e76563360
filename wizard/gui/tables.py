"""A table that grows with its rows, for the pages that list things (the file check, the matching preview)."""
from __future__ import annotations

from PySide6 import QtCore  # QtCore.Qt read where used: importing it builds PySide's Qt namespace (qtvalues.py)
from PySide6.QtWidgets import QAbstractItemView, QTableView, QTableWidget

from wizard.core.i18n import tr


def _read_only_and_grown(table: QTableView) -> None:
    """What both grown tables are: read-only, wrapping, left by Tab, without scroll bars of their own (the page
    scrolls as one area)."""
    table.verticalHeader().setVisible(False)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setWordWrap(True)
    table.setTabKeyNavigation(False)  # Tab must leave the table: no keyboard trap
    table.setVerticalScrollBarPolicy(QtCore.Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    table.setHorizontalScrollBarPolicy(QtCore.Qt.ScrollBarPolicy.ScrollBarAlwaysOff)


class GrownTable(QTableWidget):
    """A read-only table as tall as its shown rows and never wider than the page: the page scrolls as one area,
    never a table inside it. Its cells wrap, so the height follows the width; `fit()` after changing rows."""

    def __init__(self, columns: int, name: str, accessible: str, headers: list[str]):
        super().__init__(0, columns)
        self.setObjectName(name)
        self.setAccessibleName(accessible)
        self.setHorizontalHeaderLabels(headers)
        _read_only_and_grown(self)

    def shown_rows(self) -> int:
        return sum(not self.isRowHidden(row) for row in range(self.rowCount()))

    def fit(self) -> None:
        # The number of rows shown, as screen readers say it with the table (the count also goes into the
        # announcement of the result that filled it).
        self.setAccessibleDescription(tr("{rows} ligne(s)").format(rows=self.shown_rows()))
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


class GrownTableView(QTableView):
    """GrownTable over a model: the same look and behaviour, for a list too long for one item per cell (the
    matching preview; its model shows at most a few hundred rows of any number)."""

    def __init__(self, model, name: str, accessible: str):
        super().__init__()
        self.setModel(model)
        self.setObjectName(name)
        self.setAccessibleName(accessible)
        _read_only_and_grown(self)

    def shown_rows(self) -> int:
        return self.model().rowCount()  # the model holds only the rows shown

    def fit(self) -> None:
        self.setAccessibleDescription(tr("{rows} ligne(s)").format(rows=self.shown_rows()))
        height = self.horizontalHeader().height() + 2 * self.frameWidth()
        for row in range(self.model().rowCount()):
            self.resizeRowToContents(row)
            height += self.rowHeight(row)
        self.setFixedHeight(height)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.fit()
