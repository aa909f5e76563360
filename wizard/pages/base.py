"""What every page shares: loading from the progress model, writing back on every change, and
completion taken from the flow (with the reason shown on the page while Next is disabled)."""
from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox, QFrame, QGridLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton, QScrollArea,
    QVBoxLayout, QWidget, QWizardPage,
)

from wizard import flow
from wizard.entdata import load_ent
from wizard.progress import Progress
from wizard.i18n import tr


def paragraph(text: str, *, rich: bool = False) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.RichText if rich else Qt.TextFormat.PlainText)
    if rich:
        label.setOpenExternalLinks(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction if rich else Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def notice(text: str, kind: str = "info") -> QLabel:
    """A framed message: info (blue), warning (orange), ok (green), error (red); readable in dark mode too."""
    label = paragraph(text)
    label.setObjectName(f"notice_{kind}")
    style_notice(label, kind)
    return label


NOTICE_COLOURS = {"info": (29, 95, 168), "warning": (196, 110, 0), "ok": (27, 122, 50), "error": (179, 38, 30)}


def style_notice(label: QLabel, kind: str) -> None:
    # A translucent tint and a solid edge: readable on light and dark palettes alike.
    r, g, b = NOTICE_COLOURS[kind]
    label.setStyleSheet(
        f"QLabel {{ background-color: rgba({r}, {g}, {b}, 28); border: none; border-left: 4px solid rgb({r}, {g}, {b});"
        " padding: 6px 10px; }"
    )


class StepPage(QWizardPage):
    """A page bound to one step of the flow. Subclasses build widgets in `build`, read the model in `load`."""

    step_id = ""
    intro = ""

    def __init__(self, progress: Progress):
        super().__init__()
        self.progress = progress
        self.ent = load_ent()
        step = flow.BY_ID[self.step_id]
        self.setTitle(flow.title(self.step_id))
        if step.part in flow.PART_NAMES:
            self.setSubTitle(flow.part_name(step.part))
        self._loading = False
        self.built = False

    def ensure_built(self) -> None:
        """Widgets are made on the page's first visit: the window opens as fast as a bare QWizard
        (bench/startup.py), and a page never seen costs nothing."""
        if self.built:
            return
        self.built = True
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        body = QWidget()
        self.body = QVBoxLayout(body)
        if self.intro:
            self.body.addWidget(paragraph(tr(self.intro)))
        self.build()
        self.body.addStretch(1)
        scroll.setWidget(body)
        outer.addWidget(scroll, 1)
        self.reason = notice("", "warning")
        self.reason.setObjectName("reason")
        self.reason.setAccessibleName(tr("Ce qu'il reste à faire sur cette page"))
        outer.addWidget(self.reason)
        self.progress.listeners.append(self._refresh_reason)
        # In a dialog a focused push button takes Enter for itself; in the wizard Enter always means « Suivant »
        # and Space presses the focused button.
        for button in self.findChildren(QPushButton):
            button.setAutoDefault(False)

    # -- to override -----------------------------------------------------------------------------
    def build(self) -> None:
        pass

    def load(self) -> None:
        """Put the model's values into the widgets (on first show, Back, resume and school switch)."""

    # -- QWizard hooks ---------------------------------------------------------------------------
    def initializePage(self) -> None:
        self.ensure_built()
        self._loading = True
        try:
            self.load()
        finally:
            self._loading = False
        self._refresh_reason()
        QTimer.singleShot(0, self, self.focus_first_input)  # the page as context: no call once it is gone

    def focus_first_input(self) -> None:
        """Keyboard users land on the page's first input, not on the scroll area around it."""
        if not self.isVisible():
            return
        scroll = self.findChild(QScrollArea)
        widget = scroll.widget().nextInFocusChain() if scroll else None
        body = scroll.widget() if scroll else None
        for _ in range(200):
            if widget is None or widget is scroll:
                return
            if body.isAncestorOf(widget) and widget.isVisible() and widget.isEnabled() and widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
                widget.setFocus(Qt.FocusReason.TabFocusReason)
                return
            widget = widget.nextInFocusChain()

    def cleanupPage(self) -> None:
        # QWizard's default resets registered fields on Back; ours live in the model and must stay as typed.
        pass

    def isComplete(self) -> bool:
        return not flow.missing(self.step_id, self.progress.school)

    def validatePage(self) -> bool:
        if not self.isComplete():
            return False
        self.progress.mark_completed(self.step_id)
        return True

    # -- helpers ---------------------------------------------------------------------------------
    def changed(self) -> None:
        """Call after writing to the model: Next and the reason follow at once."""
        self._refresh_reason()

    def _refresh_reason(self) -> None:
        if self._loading or not self.built:
            return
        why = flow.missing(self.step_id, self.progress.school)
        self.reason.setText(why)
        self.reason.setVisible(bool(why))
        self.completeChanged.emit()


class Checklist(QWidget):
    """The tutorial's actions as ticks, each naming the exact menu or button; a value to type gets its own
    read-only field and a « Copier » button beside the tick."""

    def __init__(self, page: StepPage, values: dict[str, tuple[str, callable]] | None = None):
        super().__init__()
        self.page = page
        self.values = values or {}
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 4, 0, 4)
        self.grid.setColumnStretch(0, 3)
        self.grid.setColumnStretch(1, 2)
        self.boxes: dict[str, QCheckBox] = {}
        self.value_fields: dict[str, QLineEdit] = {}

    def load(self) -> None:
        while self.grid.count():
            item = self.grid.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        self.boxes.clear()
        self.value_fields.clear()
        progress = self.page.progress
        for row, item in enumerate(flow.checklist(self.page.step_id, progress.cycle.get("mode"))):
            box = QCheckBox(item["text"])
            box.setObjectName(f"tick_{item['id']}")
            box.setAccessibleName(item["text"])
            box.setStyleSheet("QCheckBox { padding: 3px 0; }")
            box.setChecked(bool(progress.field(self.page.step_id, item["id"])))
            box.toggled.connect(lambda on, key=item["id"]: self._ticked(key, on))
            wrap = _WrappingCheck(box)
            self.grid.addWidget(wrap, row, 0)
            self.boxes[item["id"]] = box
            if "value" in item and item["value"] in self.values:
                label_text, getter = self.values[item["value"]]
                self.grid.addWidget(self._value_row(item["value"], label_text, getter()), row, 1)

    def _value_row(self, key: str, label_text: str, value: str) -> QWidget:
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        field = QLineEdit(value)
        field.setReadOnly(True)
        field.setObjectName(f"value_{key}")
        field.setAccessibleName(tr("{label_text} (valeur à saisir dans l'ENT)").format(label_text=label_text))
        field.setToolTip(label_text)
        copy = QPushButton(tr("Copier"))
        copy.setObjectName(f"copy_{key}")
        copy.setAccessibleName(tr("Copier {label_text}").format(label_text=label_text))
        copy.setAutoDefault(False)  # made after the page: Enter stays « Suivant » (see StepPage.ensure_built)
        copy.clicked.connect(lambda: self._copy(field, copy))
        layout.addWidget(field, 1)
        layout.addWidget(copy)
        self.value_fields[key] = field
        return row

    @staticmethod
    def _copy(field: QLineEdit, button: QPushButton) -> None:
        QGuiApplication.clipboard().setText(field.text())
        button.setText(tr("Copié ✓"))

    def _ticked(self, key: str, on: bool) -> None:
        self.page.progress.set_field(self.page.step_id, key, on)
        self.page.changed()


class _WrappingCheck(QWidget):
    """A QCheckBox does not wrap its text; a check box with an empty text beside a wrapping label does,
    and clicking the label still toggles it (the label is the box's buddy for screen readers too)."""

    def __init__(self, box: QCheckBox):
        super().__init__()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        text = box.text()
        box.setText("")
        label = _ClickLabel(text, box)
        layout.addWidget(box, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(label, 1)
        box.label = label


class _ClickLabel(QLabel):
    def __init__(self, text: str, box: QCheckBox):
        super().__init__(text)
        self.box = box
        self.setWordWrap(True)
        self.setBuddy(box)

    def mousePressEvent(self, event) -> None:
        self.box.toggle()
        self.box.setFocus()


class ChecklistPage(StepPage):
    """A page whose completion is its ticks: the intro, the checklist, optional help underneath."""

    help_text = ""

    def build(self) -> None:
        self.checklist = Checklist(self, self.checklist_values())
        self.body.addWidget(self.checklist)
        if self.help_text:
            self.body.addWidget(notice(tr(self.help_text), "info"))
        self.build_extra()

    def checklist_values(self) -> dict:
        return {}

    def build_extra(self) -> None:
        pass

    def load(self) -> None:
        self.checklist.load()
