"""The pages made of the tutorial's actions as ticks (the ENT data file's checklists): each action names the exact
menu or button, a value to type shows whole under its action with a « Copier » button, and the page is complete
when every action is ticked (flow.py)."""
from __future__ import annotations

from collections.abc import Callable

from PySide6 import QtCore
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QCheckBox, QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from wizard.core import facts, flow
from wizard.core.i18n import tr
from wizard.gui.accessibility import announce
from wizard.gui.qtvalues import set_plain_selectable
from wizard.pages.base import StepPage, notice, wrapping_check


class Checklist(QWidget):
    """The tutorial's actions as ticks, each naming the exact menu or button; a value to type shows whole under
    its action, across the page's width, with a « Copier » button."""

    def __init__(self, page: StepPage, values: dict[str, tuple[str, Callable[[], str]]] | None = None):
        super().__init__()
        self.page = page
        self.values = values or {}
        self.rows = QVBoxLayout(self)
        self.rows.setContentsMargins(0, 4, 0, 4)
        self.boxes: dict[str, QCheckBox] = {}
        self.value_fields: dict[str, QLabel] = {}

    def load(self) -> None:
        while self.rows.count():
            item = self.rows.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        self.boxes.clear()
        self.value_fields.clear()
        progress = self.page.progress
        for item in flow.checklist(self.page.step_id, progress.cycle["mode"]):
            box = QCheckBox(item["text"])
            box.setObjectName(f"tick_{item['id']}")
            box.setChecked(progress.ticked(self.page.step_id, item["id"]))
            box.toggled.connect(lambda on, key=item["id"]: progress.tick(self.page.step_id, key, on))
            value = None
            if "value" in item and item["value"] in self.values:
                label_text, getter = self.values[item["value"]]
                value = self._value_row(item["value"], label_text, getter())
            self.rows.addWidget(wrapping_check(box, value))
            self.boxes[item["id"]] = box
        self.page.tab_order_stale = True

    def _value_row(self, key: str, label_text: str, value: str) -> QWidget:
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 2, 0, 2)
        # A selectable, wrapping label rather than a line edit: the whole value shows, even a long URL at a
        # small width, and it still copies with the mouse.
        field = QLabel(value)
        field.setObjectName(f"value_{key}")
        field.setWordWrap(True)
        set_plain_selectable(field)
        field.setFrameShape(QFrame.Shape.StyledPanel)
        field.setStyleSheet("QLabel { padding: 3px 6px; }")
        field.setToolTip(value)
        # The label keeps its text (the value) as what is read; the keyboard reaches the value through the copy
        # button, whose description is the value: « Copier URL CAS de PRONOTE, bouton, https://… ».
        copy = QPushButton(tr("Copier"))
        copy.setObjectName(f"copy_{key}")
        copy.setAccessibleName(tr("Copier {label_text}").format(label_text=label_text))
        copy.setAccessibleDescription(value)
        copy.setAutoDefault(False)  # made after the page: Enter stays « Suivant » (see StepPage.ensure_built)
        copy.clicked.connect(lambda: self._copy(field, copy, label_text))
        layout.addWidget(field, 1)
        layout.addWidget(copy, 0, QtCore.Qt.AlignmentFlag.AlignTop)
        self.value_fields[key] = field
        return row

    @staticmethod
    def _copy(field: QLabel, button: QPushButton, label_text: str) -> None:
        QGuiApplication.clipboard().setText(field.text())
        button.setText(tr("Copié"))  # no « ✓ »: a glyph some fonts lack, and the name follows the text
        button.setAccessibleName(tr("Copié : {label_text}").format(label_text=label_text))
        announce(button, tr("{label_text} copié dans le presse-papiers.").format(label_text=label_text))


class ChecklistPage(StepPage):
    """A page whose completion is its ticks: the intro, the checklist, optional help underneath."""

    help_text = ""

    def build(self) -> None:
        self.checklist = Checklist(self, self.checklist_values())
        self.body.addWidget(self.checklist)
        # The names of the list that no current source confirms, said once under it (wizard/core/facts.py).
        caveat = facts.caveat(self.ent, facts.of_step(self.ent, self.step_id))
        if caveat:
            self.body.addWidget(notice(caveat, "info", "version_caveat"))
        if self.help_text:
            self.body.addWidget(notice(tr(self.help_text).format(**self.ent.words), "info"))
        self.build_extra()

    def checklist_values(self) -> dict:
        return {}

    def build_extra(self) -> None:
        pass

    def load(self) -> None:
        self.checklist.load()
