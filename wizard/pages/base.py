"""What every page shares: loading from the progress model, writing back through its methods, one refresh path,
completion taken from the flow (the reason shown on the page while Next is disabled), Next waiting while a
background job of the page runs, a failed save told at once, and where the keyboard lands on arrival. (The pages
made of the tutorial's ticks share more: checklist.py.)"""
from __future__ import annotations

from itertools import pairwise
from typing import TYPE_CHECKING

from PySide6 import QtCore  # QtCore.Qt read where used: the welcome page never needs it (gui/qtvalues.py)
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from wizard.core import flow, steps
from wizard.core.dates import day
from wizard.core.entdata import load_ent
from wizard.core.i18n import tr
from wizard.core.progress import CYCLE_STEPS, Progress
from wizard.gui import report_bug
from wizard.gui.qtvalues import NO_FOCUS, PLAIN_TEXT
from wizard.gui.widgets import TextColumn, focus_ring, notice, paragraph
from wizard.gui.window import InterconnectionWizard

if TYPE_CHECKING:  # the worker (threads) is loaded by the pages that run jobs, not by the first page
    from PySide6.QtWidgets import QAbstractButton

    from wizard.gui.worker import TaskRunner

# The kinds of control the helpers below look for, by Qt's class name (`QObject.inherits`): the first page has no
# check box, radio button or line edit, and naming their Python classes makes PySide build them (1.5 ms).
CHECKABLE = ("QCheckBox", "QRadioButton")


def _is(widget: QWidget, *class_names: str) -> bool:
    return any(widget.inherits(name) for name in class_names)

# The steps of a pass that show a finished pass as history (the failures page notes counts for the school; the last
# page prints the record).
HISTORY_STEPS = tuple(step for step in CYCLE_STEPS if step not in ("echecs", "fin"))

__all__ = ["StepPage", "notice", "paragraph", "wrapping_check", "order_tabs", "settle_controls"]


class StepPage(QWizardPage):
    """A page bound to one step of the flow. Subclasses build widgets in `build`, read the model in `load`,
    and write through the model's methods; the model's change notice refreshes the page (`refresh`)."""

    step_id = ""
    intro = ""

    def __init__(self, progress: Progress):
        super().__init__()
        self.progress = progress
        self.ent = load_ent()
        step = steps.BY_ID[self.step_id]
        self.setTitle(flow.title(self.step_id))
        if step.part in steps.PART_NAMES:
            self.setSubTitle(flow.part_name(step.part))
        self.loading = False
        self.built = False
        self.deferred = False
        # Widgets made after `build` (a checklist's ticks, the welcome page's board) come last in Qt's focus chain:
        # whoever makes them sets this, and the page puts Tab back in reading order (order_tabs) once loaded.
        self.tab_order_stale = False
        self.runners: list[TaskRunner] = []
        self.completed: bool | None = None  # what « Suivant » last showed (refresh)
        self.arriving = False  # the page is being filled on arrival: nothing to announce yet

    def ensure_built(self) -> None:
        """Widgets are made on the page's first visit: the window opens as fast as a bare QWizard
        (bench/startup.py), and a page never seen costs nothing."""
        if self.built:
            return
        self.built = True
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        # QWizard gives a page its preferred height and leaves the rest of the window blank below it: a page
        # that scrolls must take the whole height instead.
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        self.outer = outer
        self.save_banner: _SaveBanner | None = None  # made at the first failed save (refresh): most runs never need it
        self.history_banner: _HistoryBanner | None = None  # made when the page shows a finished pass (refresh)
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        # The scroll area itself is no tab stop: the keyboard goes from control to control inside it.
        self.scroll_area.setProperty("focusPolicy", NO_FOCUS)
        body = self.column = TextColumn()  # the page's widgets, inside the scroll area
        self.body = QVBoxLayout(body)
        # In the scroll area before it is filled: given a full body, the scroll area lays out every paragraph at
        # once, and again when shown (5 ms on the first page).
        self.scroll_area.setWidget(body)
        if self.intro:
            self.body.addWidget(paragraph(tr(self.intro).format(**self.ent.words)))
        self.build()
        self.body.addStretch(1)
        outer.addWidget(self.scroll_area, 1)
        # No accessible name: a label's name replaces its text, and the text is what a screen reader must read.
        self.reason = notice("", "warning", "reason")
        outer.addWidget(self.reason)
        self.progress.listeners.append(self.refresh)
        settle_controls(body)
        if self.isVisible():
            # Made while already on screen (a page passed through when resuming, then shown): Qt would show the
            # new children only at the next turn of the event loop.
            self.scroll_area.show()

    def assistant(self) -> InterconnectionWizard:
        """The window the page is in: QWizard's `wizard()`, as the assistant's own window."""
        wizard = self.wizard()
        if not isinstance(wizard, InterconnectionWizard):
            raise RuntimeError(f"{self.step_id}: the page is not in the assistant's window")
        return wizard

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
        wizard = self.wizard()
        if isinstance(wizard, InterconnectionWizard) and wizard.replaying:
            # Passed through while resuming days later: made and filled only if the admin comes back to it
            # (Back shows a page without initialising it again), not for every page on the way.
            self.deferred = True
            return
        self.deferred = False
        self.completed = None
        try:
            self._initialize()
        except Exception:  # noqa: BLE001 - see above
            report_bug()

    def arrived(self) -> None:
        """The window shows this page, forward or back. QWizard initialises a page only when it is reached forward;
        a page that shows what other pages did (the board) reads the model again here."""

    def show_deferred(self) -> None:
        """The window shows this page: make it now if it was passed through while resuming."""
        if self.deferred:
            self.initializePage()

    def _initialize(self) -> None:
        self.ensure_built()
        self.loading = self.arriving = True
        try:
            self.load()
        finally:
            self.loading = False
        if self.tab_order_stale:
            self.tab_order_stale = False
            order_tabs(self.column)
        try:
            self.refresh()
        finally:
            self.arriving = False
        QTimer.singleShot(0, self, self.focus_first_to_do)  # the page as context: no call once it is gone

    def first_to_do(self) -> QWidget | None:
        """Where the keyboard lands on arrival; None means the wizard's « Suivant » (or « Terminer »)."""
        return first_to_do(self.column)

    def focus_first_to_do(self) -> None:
        """Keyboard users land on the first thing left to do: an unticked action, an empty field, the chosen
        option; never on a button that would start something (a network check) at the first Space."""
        if not self.isVisible():
            return
        target = self.first_to_do()
        if target is not None:
            target.setFocus(QtCore.Qt.FocusReason.TabFocusReason)  # as if tabbed to: the style shows the focus at once
            self.scroll_area.ensureWidgetVisible(target)
        elif self.wizard() is not None:
            self.scroll_area.ensureVisible(0, 0)  # what the page says first stays in sight
            for which in (QWizard.WizardButton.NextButton, QWizard.WizardButton.FinishButton):
                button = self.wizard().button(which)
                if button.isVisible() and button.isEnabled():
                    self.focus_wizard_button(button)
                    return

    def focus_wizard_button(self, button: QWidget) -> None:
        """« Suivant » or « Terminer » takes the focus, shown as if tabbed to."""
        button.setFocus(QtCore.Qt.FocusReason.TabFocusReason)

    def cleanupPage(self) -> None:
        # QWizard's default resets registered fields on Back; ours live in the model and must stay as typed.
        # Leaving the page (Back, or restart: another school, a new pass) cancels its jobs: a result is never
        # applied to what is on screen by the time it ends.
        for runner in self.runners:
            runner.stop()

    def isComplete(self) -> bool:
        try:
            return self.complete()
        except Exception:  # noqa: BLE001 - see initializePage
            report_bug()
            return False

    def complete(self) -> bool:
        if any(runner.running for runner in self.runners):
            return False
        return not self.missing()

    def missing(self) -> str:
        """Why the page is not complete, as one sentence ("" when it is): the flow's rule, which a page may
        extend with what only it knows."""
        return flow.missing(self.step_id, self.progress.school)

    def validatePage(self) -> bool:
        try:
            return self.validate()
        except Exception:  # noqa: BLE001 - see initializePage
            report_bug()
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
        if self.progress.save_problem and self.save_banner is None:
            self.save_banner = _SaveBanner(self.progress)
            self.outer.insertWidget(0, self.save_banner)
        if self.save_banner is not None:
            self.save_banner.refresh()
        busy = any(runner.running for runner in self.runners)
        why = tr("Patientez jusqu'à la fin de l'opération en cours, ou annulez-la.") if busy else self.missing()
        self.reason.show_message(why, "warning", announce=not self.arriving)
        self._show_history()
        self.update_next()

    def update_next(self) -> None:
        """« Suivant » (or « Terminer ») follows the page's completeness – only when it changes.

        Not through completeChanged: QWizard answers each one by hiding and showing again everything in the
        window (its anti-flicker widget, whatever changed), ~700 accessibility events that make a screen reader
        drop what it was saying, and a full layout of the window, at each key typed. The buttons' enabled state
        is the only thing that signal updates for these pages (no commit page, no early « Terminer »); QWizard
        itself sets it from isComplete() whenever it shows a page."""
        complete = self.isComplete()
        if complete == self.completed:
            return
        self.completed = complete
        wizard = self.wizard()
        if wizard is None or wizard.currentPage() is not self:
            return
        following = wizard.nextId() != -1
        which = QWizard.WizardButton.NextButton if following else QWizard.WizardButton.FinishButton
        wizard.button(which).setEnabled(complete)

    def _show_history(self) -> None:
        """A step of a finished pass shows what was done, greyed, under the reason: that pass is history (Back from
        « Terminé » leads here); « Refaire cet import » starts a new one."""
        closed = self.step_id in HISTORY_STEPS and self.progress.pass_finished
        if closed and self.history_banner is None:
            self.history_banner = _HistoryBanner(self)
            self.outer.insertWidget(self.outer.indexOf(self.scroll_area), self.history_banner)
        if self.history_banner is not None:
            self.history_banner.refresh(closed)
        if self.column.isEnabled() == closed:
            self.column.setEnabled(not closed)


class _HistoryBanner(QWidget):
    """The reason a finished pass's page is greyed, and the one way to do that import again."""

    def __init__(self, page: StepPage):
        super().__init__()
        self.page = page
        self.setObjectName("finished_pass")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 4)
        self.message = notice("", "info", "finished_pass_message")
        redo = QPushButton(tr("Refaire cet import"))
        redo.setObjectName("redo_pass")
        redo.setAccessibleName(tr("Refaire cet import, dans un nouveau passage"))
        redo.setAutoDefault(False)
        redo.clicked.connect(self._redo)
        layout.addWidget(self.message, 1)
        beside = QVBoxLayout()
        beside.addWidget(redo)
        beside.addStretch(1)
        layout.addLayout(beside)

    def refresh(self, shown: bool) -> None:
        self.setVisible(shown)
        if shown:
            cycle = self.page.progress.cycle
            self.message.show_message(tr(
                "Cet import a été terminé le {date} : il fait partie de l'historique et ne change plus (ses cases, son "
                "fichier et le nombre annoncé par l'ENT restent ceux d'alors). Pour le refaire, « Refaire cet "
                "import » commence un nouveau passage.").format(date=day(cycle["finished_at"])), "info")

    def _redo(self) -> None:
        self.page.progress.redo_pass()
        self.page.assistant().begin_pass()


class _SaveBanner(QWidget):
    """Shown only while the last change could not be written: what failed, what to do, and a retry."""

    def __init__(self, progress: Progress):
        super().__init__()
        self.progress = progress
        self.setObjectName("save_problem")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 4)
        self.message = notice("", "error", "save_problem_message")  # its text is what a screen reader reads
        retry = QPushButton(tr("Réessayer l'enregistrement"))
        retry.setObjectName("retry_save")
        retry.setAutoDefault(False)
        retry.clicked.connect(progress.retry_save)
        layout.addWidget(self.message, 1)
        beside = QVBoxLayout()  # the button at the top of a message on several lines
        beside.addWidget(retry)
        beside.addStretch(1)
        layout.addLayout(beside)
        self.refresh()

    def refresh(self) -> None:
        problem = self.progress.save_problem
        self.message.show_message(problem, "error", hide_when_empty=False, announce=True)
        self.setVisible(bool(problem))


def settle_controls(body: QWidget) -> None:
    """What every control placed in a page's layouts needs, made now or later (Checklist, the board):
    - no push button takes Enter: in a dialog a focused push button takes Enter for itself; in the wizard Enter
      always means « Suivant » and Space presses the focused button;
    - check boxes and radio buttons get their focus ring (widgets.FOCUS_RING).
    Walking the layouts, not `findChildren`: that makes a Python object of every internal child of every control
    (4 ms on the first page)."""
    for widget in _placed_widgets(body):
        if isinstance(widget, QPushButton):
            widget.setAutoDefault(False)
        elif _is(widget, *CHECKABLE) and not widget.styleSheet():  # wrapping_check's have it
            focus_ring(widget)


def _placed_widgets(widget: QWidget, is_control=None):
    """The widgets in `widget`'s layouts, in reading order (top to bottom, left to right). Without `is_control`:
    every widget, each before what it holds. With it: the controls only, as Tab should meet them – what a control
    holds inside (a combo's editor, a table's viewport) is its own."""
    layout = widget.layout()
    if layout is not None:
        yield from _in_layout(layout, is_control)


def _in_layout(layout, is_control):
    for index in range(layout.count()):
        item = layout.itemAt(index)
        child, inner = item.widget(), item.layout()
        if child is not None:
            control = is_control is not None and is_control(child)
            if is_control is None or control:
                yield child
            if not control:
                yield from _placed_widgets(child, is_control)
        elif inner is not None:
            yield from _in_layout(inner, is_control)


def order_tabs(body: QWidget) -> None:
    """Tab order = the order of the layouts (top to bottom, left to right), not the order widgets were made."""
    for before, after in pairwise(_in_layout_order(body)):
        QWidget.setTabOrder(before, after)


def _in_layout_order(widget: QWidget):
    return _placed_widgets(widget, lambda child: bool(child.focusPolicy() & QtCore.Qt.FocusPolicy.TabFocus))


def first_to_do(body: QWidget) -> QWidget | None:
    """The first control of `body`, in the page's order, that still asks for something; else its first input."""
    fallback = None
    for widget in _in_layout_order(body):
        if not (widget.isVisibleTo(body) and widget.isEnabled()):
            continue
        if _is(widget, "QCheckBox") and not widget.isChecked():
            return widget
        if _is(widget, "QLineEdit") and not widget.isReadOnly() and not widget.text():
            return widget
        if _is(widget, "QRadioButton") and widget.isChecked():
            return widget
        if fallback is None and _is(widget, *CHECKABLE, "QLineEdit", "QComboBox") \
                and not (_is(widget, "QLineEdit") and widget.isReadOnly()):
            fallback = widget
    return fallback


def wrapping_check(box: QAbstractButton, below: QWidget | None = None) -> QWidget:
    """A QCheckBox (or radio button) does not wrap its text; a box with an empty text beside a wrapping label
    does, and clicking the label still toggles it. The box keeps the text as its accessible name; the label is
    greyed with it. `below` (a value to copy) goes under the text, aligned with it."""
    focus_ring(box)
    holder = QWidget()
    layout = QGridLayout(holder)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setVerticalSpacing(2)
    text = box.text()
    box.setAccessibleName(box.accessibleName() or text.replace("&", ""))
    box.setText("")
    label = _ClickLabel(text, box)
    layout.addWidget(box, 0, 0, QtCore.Qt.AlignmentFlag.AlignTop)
    layout.addWidget(label, 0, 1)
    if below is not None:
        layout.addWidget(below, 1, 1)
    layout.setColumnStretch(1, 1)
    return holder


class _ClickLabel(QLabel):
    def __init__(self, text: str, box: QAbstractButton):
        super().__init__(text)
        self.box = box
        self.setWordWrap(True)
        self.setProperty("textFormat", PLAIN_TEXT)
        self.setBuddy(box)
        self.setEnabled(box.isEnabled())
        box.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:
        if watched is self.box and event.type() == QtCore.QEvent.Type.EnabledChange:
            self.setEnabled(self.box.isEnabled())  # a box that cannot be ticked reads as such, text included
        return False

    def mousePressEvent(self, event) -> None:
        if _is(self.box, "QRadioButton"):
            self.box.setChecked(True)
        else:
            self.box.toggle()
        self.box.setFocus()
