"""What every page shares: loading from the progress model, writing back through its methods, one refresh path,
completion taken from the flow (the reason shown on the page while Next is disabled), Next waiting while a
background job of the page runs, a failed save told at once, and where the keyboard lands on arrival."""
from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractButton, QCheckBox, QComboBox, QFrame, QGridLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton,
    QRadioButton, QScrollArea, QVBoxLayout, QWidget, QWizard, QWizardPage,
)

from wizard import flow
from wizard.entdata import load_ent
from wizard.gui.widgets import notice, paragraph
from wizard.gui.worker import TaskRunner
from wizard.i18n import tr
from wizard.progress import Progress

__all__ = ["StepPage", "ChecklistPage", "Checklist", "notice", "paragraph", "wrapping_check"]


class StepPage(QWizardPage):
    """A page bound to one step of the flow. Subclasses build widgets in `build`, read the model in `load`,
    and write through the model's methods; the model's change notice refreshes the page (`refresh`)."""

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
        self.loading = False
        self.built = False
        self.runners: list[TaskRunner] = []

    def ensure_built(self) -> None:
        """Widgets are made on the page's first visit: the window opens as fast as a bare QWizard
        (bench/startup.py), and a page never seen costs nothing."""
        if self.built:
            return
        self.built = True
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.save_banner = _SaveBanner(self.progress)
        outer.addWidget(self.save_banner)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        # The scroll area itself is no tab stop: the keyboard goes from control to control inside it.
        self.scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        body = QWidget()
        self.body = QVBoxLayout(body)
        if self.intro:
            self.body.addWidget(paragraph(tr(self.intro).format(**self.ent.words)))
        self.build()
        self.body.addStretch(1)
        self.scroll.setWidget(body)
        outer.addWidget(self.scroll, 1)
        self.reason = notice("", "warning", "reason")
        self.reason.setAccessibleName(tr("Ce qu'il reste à faire sur cette page"))
        outer.addWidget(self.reason)
        self.progress.listeners.append(self.refresh)
        # In a dialog a focused push button takes Enter for itself; in the wizard Enter always means « Suivant »
        # and Space presses the focused button.
        for button in self.findChildren(QPushButton):
            button.setAutoDefault(False)

    def add_runner(self, runner: TaskRunner) -> TaskRunner:
        """A background job of this page: Next waits while it runs."""
        self.runners.append(runner)
        runner.busy_changed.append(lambda _busy: self.refresh())
        return runner

    # -- to override -----------------------------------------------------------------------------
    def build(self) -> None:
        pass

    def load(self) -> None:
        """Put the model's values into the widgets (on first show, Back, resume and school switch)."""

    # -- QWizard hooks ---------------------------------------------------------------------------
    # An exception escaping a Python override called from Qt may crash the binding itself (seen with PySide6
    # 6.11 inside a signal emitted during a page change: a segmentation fault in shiboken's error handling).
    # So the overrides catch everything, hand it to the app's crash reporter (logged, French dialog) through
    # sys.excepthook, and answer Qt safely.
    def initializePage(self) -> None:
        try:
            self._initialize()
        except Exception:  # noqa: BLE001 - see above
            _report_bug()

    def _initialize(self) -> None:
        self.ensure_built()
        self.loading = True
        try:
            self.load()
        finally:
            self.loading = False
        self.refresh()
        QTimer.singleShot(0, self, self.focus_first_to_do)  # the page as context: no call once it is gone

    def focus_first_to_do(self) -> None:
        """Keyboard users land on the first thing left to do: an unticked action, an empty field, the chosen
        option; never on a button that would start something (a network check) at the first Space."""
        if not self.isVisible():
            return
        target = first_to_do(self.scroll.widget())
        if target is not None:
            target.setFocus(Qt.FocusReason.TabFocusReason)
            self.scroll.ensureWidgetVisible(target)
        elif self.wizard() is not None:
            for which in (QWizard.WizardButton.NextButton, QWizard.WizardButton.FinishButton):
                button = self.wizard().button(which)
                if button.isVisible() and button.isEnabled():
                    button.setFocus(Qt.FocusReason.TabFocusReason)
                    return

    def cleanupPage(self) -> None:
        # QWizard's default resets registered fields on Back; ours live in the model and must stay as typed.
        pass

    def isComplete(self) -> bool:
        try:
            return self.complete()
        except Exception:  # noqa: BLE001 - see initializePage
            _report_bug()
            return False

    def complete(self) -> bool:
        if any(runner.running for runner in self.runners):
            return False
        return not flow.missing(self.step_id, self.progress.school)

    def validatePage(self) -> bool:
        try:
            return self.validate()
        except Exception:  # noqa: BLE001 - see initializePage
            _report_bug()
            return False

    def validate(self) -> bool:
        """Leaving the page forward: the last gate, and what leaving records (subclasses extend it)."""
        if not self.complete():
            return False
        self.progress.complete_step(self.step_id)
        return True

    # -- the one refresh path --------------------------------------------------------------------
    def refresh(self) -> None:
        """After any change of the model or of a job: the save banner, the reason, Next."""
        if self.loading or not self.built:
            return
        self.save_banner.refresh()
        busy = any(runner.running for runner in self.runners)
        why = tr("Patientez jusqu'à la fin de l'opération en cours, ou annulez-la.") if busy else \
            flow.missing(self.step_id, self.progress.school)
        self.reason.show_message(why, "warning")
        self.completeChanged.emit()


def _report_bug() -> None:
    import sys

    sys.excepthook(*sys.exc_info())


class _SaveBanner(QWidget):
    """Shown only while the last change could not be written: what failed, what to do, and a retry."""

    def __init__(self, progress: Progress):
        super().__init__()
        self.progress = progress
        self.setObjectName("save_problem")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 4)
        self.message = notice("", "error", "save_problem_message")
        self.message.setAccessibleName(tr("L'enregistrement a échoué"))
        retry = QPushButton(tr("Réessayer l'enregistrement"))
        retry.setObjectName("retry_save")
        retry.setAutoDefault(False)
        retry.clicked.connect(progress.retry_save)
        layout.addWidget(self.message, 1)
        layout.addWidget(retry, 0, Qt.AlignmentFlag.AlignTop)
        self.refresh()

    def refresh(self) -> None:
        problem = self.progress.save_problem
        self.message.show_message(problem, "error", hide_when_empty=False)
        self.setVisible(bool(problem))


def first_to_do(body: QWidget) -> QWidget | None:
    """The first control of `body`, in tab order, that still asks for something; else its first input."""
    fallback = None
    widget = body.nextInFocusChain()
    for _ in range(500):
        if widget is None or widget is body or not body.isAncestorOf(widget):
            break
        if widget.isVisibleTo(body) and widget.isEnabled() and widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
            if isinstance(widget, QCheckBox) and not widget.isChecked():
                return widget
            if isinstance(widget, QLineEdit) and not widget.isReadOnly() and not widget.text():
                return widget
            if isinstance(widget, QRadioButton) and widget.isChecked():
                return widget
            if fallback is None and isinstance(widget, (QCheckBox, QLineEdit, QRadioButton, QComboBox)) \
                    and not (isinstance(widget, QLineEdit) and widget.isReadOnly()):
                fallback = widget
        widget = widget.nextInFocusChain()
    return fallback


class Checklist(QWidget):
    """The tutorial's actions as ticks, each naming the exact menu or button; a value to type gets its own
    field showing the whole value and a « Copier » button beside the tick."""

    def __init__(self, page: StepPage, values: dict[str, tuple[str, callable]] | None = None):
        super().__init__()
        self.page = page
        self.values = values or {}
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 4, 0, 4)
        self.grid.setColumnStretch(0, 3)
        self.grid.setColumnStretch(1, 2)
        self.boxes: dict[str, QCheckBox] = {}
        self.value_fields: dict[str, QLabel] = {}

    def load(self) -> None:
        while self.grid.count():
            item = self.grid.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        self.boxes.clear()
        self.value_fields.clear()
        progress = self.page.progress
        for row, item in enumerate(flow.checklist(self.page.step_id, progress.cycle["mode"])):
            box = QCheckBox(item["text"])
            box.setObjectName(f"tick_{item['id']}")
            box.setChecked(progress.ticked(self.page.step_id, item["id"]))
            box.toggled.connect(lambda on, key=item["id"]: progress.tick(self.page.step_id, key, on))
            self.grid.addWidget(wrapping_check(box), row, 0)
            self.boxes[item["id"]] = box
            if "value" in item and item["value"] in self.values:
                label_text, getter = self.values[item["value"]]
                self.grid.addWidget(self._value_row(item["value"], label_text, getter()), row, 1)

    def _value_row(self, key: str, label_text: str, value: str) -> QWidget:
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        # A selectable, wrapping label rather than a line edit: the whole value shows, even a long URL at a
        # small width, and it still copies with the mouse.
        field = QLabel(value)
        field.setObjectName(f"value_{key}")
        field.setWordWrap(True)
        field.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        field.setFrameShape(QFrame.Shape.StyledPanel)
        field.setStyleSheet("QLabel { padding: 3px 6px; }")
        field.setAccessibleName(tr("{label_text} (valeur à saisir dans l'ENT)").format(label_text=label_text))
        field.setToolTip(value)
        copy = QPushButton(tr("Copier"))
        copy.setObjectName(f"copy_{key}")
        copy.setAccessibleName(tr("Copier {label_text}").format(label_text=label_text))
        copy.setAutoDefault(False)  # made after the page: Enter stays « Suivant » (see StepPage.ensure_built)
        copy.clicked.connect(lambda: self._copy(field, copy))
        layout.addWidget(field, 1)
        layout.addWidget(copy, 0, Qt.AlignmentFlag.AlignTop)
        self.value_fields[key] = field
        return row

    @staticmethod
    def _copy(field: QLabel, button: QPushButton) -> None:
        QGuiApplication.clipboard().setText(field.text())
        button.setText(tr("Copié ✓"))


def wrapping_check(box: QAbstractButton) -> QWidget:
    """A QCheckBox (or radio button) does not wrap its text; a box with an empty text beside a wrapping label
    does, and clicking the label still toggles it. The box keeps the text as its accessible name."""
    holder = QWidget()
    layout = QHBoxLayout(holder)
    layout.setContentsMargins(0, 0, 0, 0)
    text = box.text()
    box.setAccessibleName(box.accessibleName() or text.replace("&", ""))
    box.setText("")
    label = _ClickLabel(text, box)
    layout.addWidget(box, 0, Qt.AlignmentFlag.AlignTop)
    layout.addWidget(label, 1)
    box.label = label
    return holder


class _ClickLabel(QLabel):
    def __init__(self, text: str, box: QAbstractButton):
        super().__init__(text)
        self.box = box
        self.setWordWrap(True)
        self.setBuddy(box)

    def mousePressEvent(self, event) -> None:
        if isinstance(self.box, QRadioButton):
            self.box.setChecked(True)
        else:
            self.box.toggle()
        self.box.setFocus()


class ChecklistPage(StepPage):
    """A page whose completion is its ticks: the intro, the checklist, optional help underneath."""

    help_text = ""

    def build(self) -> None:
        self.checklist = Checklist(self, self.checklist_values())
        self.body.addWidget(self.checklist)
        if self.help_text:
            self.body.addWidget(notice(tr(self.help_text).format(**self.ent.words), "info"))
        self.build_extra()

    def checklist_values(self) -> dict:
        return {}

    def build_extra(self) -> None:
        pass

    def load(self) -> None:
        self.checklist.load()
