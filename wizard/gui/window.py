"""The Qt window: the QWizard driven by the Qt-free flow, with the side panel of steps, sized for the screen it
opens on, and a close that says what is kept."""
from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, runtime_checkable

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QGuiApplication, QKeySequence
from PySide6.QtWidgets import QApplication, QLabel, QWizard, QWizardPage

from wizard.core import flow, steps
from wizard.core.i18n import tr
from wizard.core.progress import Progress
from wizard.core.store import LocksUnavailable, ProgressStore
from wizard.gui import accessibility, report_bug
from wizard.gui.accessibility import mark_heading, name_message_box_icon
from wizard.gui.autosave import AutoSave
from wizard.gui.branding import ABOUT, app_icon, window_title
from wizard.gui.steps_panel import StepsPanel
from wizard.gui.translations import load_translations

if TYPE_CHECKING:
    pass  # imported where used (_title_label)

# The smallest window that still works (1280×800 at 150 % scaling leaves about 853×533 logical pixels) and the
# size it prefers when the screen allows.
MIN_SIZE = (800, 500)
PREFERRED_SIZE = (1040, 760)
# How long closing waits for background jobs to stop once cancelled (a check stuck in a name lookup, a file read).
JOBS_TIMEOUT_MS = 5000

PageFactory = Callable[[str, Progress], QWizardPage]


@runtime_checkable
class ShowingPage(Protocol):
    """A page that wants to know it is shown (pages.base.StepPage: the window does not import the pages)."""

    def show_deferred(self) -> None: ...
    def arrived(self) -> None: ...


@runtime_checkable
class BoardPage(Protocol):
    """The page with the board's entries (pages.accueil): its entry due takes Enter when the board shows."""

    def claim_default(self) -> None: ...


class InterconnectionWizard(QWizard):
    # The admin chose another language: the app rebuilds the window (texts are set when widgets are made).
    language_chosen = Signal(str)

    def __init__(self, progress: Progress, page_factory: PageFactory, parent=None):
        super().__init__(parent)
        self.progress = progress
        self.autosave = AutoSave(progress, self)
        self.page_factory = page_factory
        self.setWindowTitle(window_title())
        # ModernStyle everywhere: AeroStyle ignores the palette (dark mode) and mis-scales at high DPI.
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setOption(QWizard.WizardOption.HaveHelpButton, True)
        self.helpRequested.connect(self.show_help)  # F1: keyPressEvent
        self.language = "fr"
        self.help_dialog = None
        self.recovery_message = ""
        self.setWindowIcon(app_icon())
        self.steps_panel = StepsPanel(progress)
        self.setSideWidget(self.steps_panel)
        progress.listeners.append(self.steps_panel.refresh)
        self.fit_to_screen()
        # Page ids are the steps' places in the flow; pages are made when the flow first reaches them.
        self.page_ids = {step: number for number, step in enumerate(steps.STEP_IDS)}
        self.step_ids = dict(enumerate(steps.STEP_IDS))
        self.replaying = False
        self.detour: str | None = None  # a step the board opens directly (the identification failures)
        self._on_board = False
        self._closing = False
        self._title: QLabel | None = None  # QWizard's label of the page title (_title_label)
        self.ensure_page("accueil")
        self.setStartId(self.page_ids["accueil"])
        self.currentIdChanged.connect(self._on_page_changed)

    def fit_to_screen(self) -> None:
        """Open inside the screen's available area, whatever its size and scaling; never smaller than the
        window can work, never larger than the screen."""
        # The header band under the title (the part's name) costs some 60 pixels of a short screen, and the side
        # panel names the part already: the page's title goes above its content instead.
        self.setOption(QWizard.WizardOption.IgnoreSubTitles, True)
        screen = self.screen() or QGuiApplication.primaryScreen()
        available = screen.availableGeometry() if screen else None
        width, height = PREFERRED_SIZE
        min_width, min_height = MIN_SIZE
        if available is not None:
            # Leave room for the title bar and the frame, which the available area does not count.
            width, height = min(width, available.width() - 16), min(height, available.height() - 48)
            min_width, min_height = min(min_width, width), min(min_height, height)
        self.setMinimumSize(min_width, min_height)
        self.resize(max(width, min_width), max(height, min_height))
        if available is not None:
            frame = self.frameGeometry()
            frame.moveCenter(available.center())
            self.move(max(frame.left(), available.left()), max(frame.top(), available.top()))

    def keyPressEvent(self, event) -> None:
        # F1 (the platform's help key) from anywhere in the window: no control of ours takes it.
        if event.matches(QKeySequence.StandardKey.HelpContents):
            try:
                self.show_help()
            except Exception:  # noqa: BLE001 - never let an exception into the binding (see pages/base.py)
                report_bug()
            return
        super().keyPressEvent(event)

    def show_help(self) -> None:
        from wizard.gui import help as help_dialog  # a dialog: loaded when it opens

        help_dialog.show_help(self)

    def show_about(self) -> None:
        from wizard.gui import about as about_dialog  # a dialog: loaded when it opens

        about_dialog.show_about(self)

    def add_about_button(self) -> None:
        """« À propos » beside « Aide », on the left, away from the buttons that move through the pages."""
        button = QWizard.WizardButton
        self.setOption(QWizard.WizardOption.HaveCustomButton1, True)
        self.setButtonText(button.CustomButton1, tr(ABOUT))
        self.setButtonLayout(self.button_layout())
        self.button(button.CustomButton1).clicked.connect(self.show_about)

    @staticmethod
    def button_layout(board: bool = False) -> list:
        """« Aide » and « À propos » on the left, the buttons that move through the pages on the right; no
        « Suivant » on the board (show_board_navigation)."""
        button = QWizard.WizardButton
        return [button.HelpButton, button.CustomButton1, button.Stretch, button.BackButton,
                *(() if board else (button.NextButton,)), button.CommitButton, button.FinishButton,
                button.CancelButton]

    def ensure_page(self, step: str) -> QWizardPage:
        number = self.page_ids[step]
        page = self.page(number)
        if page is None:
            page = self.page_factory(step, self.progress)
            self.setPage(number, page)
        return page

    def ensure_all_pages(self) -> None:
        """Every page made now (tests and tools that inspect pages not yet reached)."""
        for step in steps.STEP_IDS:
            self.ensure_page(step)

    # QWizard asks here where Next goes: the flow decides, per school and per kind of pass.
    def nextId(self) -> int:
        try:
            step = self.step_ids.get(self.currentId())
            if step == "accueil" and self.detour:
                following = self.detour
            elif step is not None and step == self.detour:
                following = None  # a visit ends there (Back returns to the board): it never reaches « Terminé »,
                # which would close the pass the school may be in the middle of
            else:
                following = None if step is None else flow.next_step(step, self.progress.school)
        except Exception:  # noqa: BLE001 - never let an exception into the binding (see pages/base.py)
            report_bug()
            following = None
        return -1 if following is None else self.page_ids[following]

    # QWizard asks nextId() often (to label its buttons) but moves only after validateCurrentPage(): the next
    # page is made there, when the admin really goes to it.
    def validateCurrentPage(self) -> bool:
        if not super().validateCurrentPage():
            return False
        following = self.nextId()
        if following != -1:
            self.ensure_page(self.step_ids[following])
        return True

    def current_step(self) -> str | None:
        return self.step_ids.get(self.currentId())

    def _on_page_changed(self, page_id: int) -> None:
        step = self.step_ids.get(page_id)
        if step is None or self.replaying:
            return
        if step == "accueil":
            self.detour = None  # back on the board (or the first page): Next follows the flow again
        page = self.currentPage()
        if isinstance(page, ShowingPage):
            page.show_deferred()
            page.arrived()
        if step != "accueil" or not self.progress.setup_finished:
            if step != self.detour:  # a visit from the board is not where the pass stopped
                self.progress.arrive_at(step)
        if step == "fin":
            self.progress.finish_walk()
        self.show_board_navigation(step == "accueil" and self.progress.setup_finished)
        self.autosave.flush(refresh_backup=True)  # a step left: written now, with a fresh backup
        self.steps_panel.show_step(step)
        self.say_page(page)

    def say_page(self, page: QWizardPage) -> None:
        """The page's title in the window's name and as a heading: what a screen reader says on arrival."""
        title = page.title() if page is not None else ""
        # The welcome page's title is the assistant's own name: said once.
        self.setWindowTitle(window_title("" if title.casefold() in window_title().casefold() else title))
        label = self._title_label(title)
        if label is not None:
            mark_heading(label)

    def _title_label(self, title: str) -> QLabel | None:
        """QWizard's own label for the page title, found once by its text: made a heading (before any assistive
        tool reads it: Qt keeps the first interface it makes for a widget) rather than doubled by one of ours.
        Found by walking the window's own children, the pages and the side panel left out: `findChildren` would
        wrap every widget of the page for Python (scroll bars, the combos' inner views…), 2.5–3 ms of the first
        page; reaching the label as the buttons' parent widget makes PySide load QMessageBox's enums. No page
        shows its own title in a label."""
        if self._title is None and title:
            if sys.platform == "win32":
                # On Windows QWizard's Aero style keeps private widgets among its children: wrapping one for Python
                # makes PySide build the types of QStyle, QMessageBox and the controls while it looks for its
                # class (tests/gui/test_startup.py under Wine). findChildren wraps the labels only.
                self._title = next((label for label in self.findChildren(QLabel) if label.text() == title), None)
            else:
                self._title = _label_with_text(self, title, skip=(QWizardPage, StepsPanel))
        return self._title

    def show_board_navigation(self, on: bool) -> None:
        """The board is the home of a returning school: its own entries lead on – the one due first, as the
        default button – and « Suivant » is not there to walk again through a finished pass (issue 19)."""
        if on == self._on_board:
            return
        self._on_board = on
        self.setOption(QWizard.WizardOption.NoDefaultButton, on)
        self.setButtonLayout(self.button_layout(board=on))
        page = self.currentPage()
        if on and isinstance(page, BoardPage):
            page.claim_default()

    def begin_pass(self) -> None:
        """The pass just started (from the board, or « Refaire cet import »): on to its first page."""
        self.restart()
        self.next()

    def visit(self, step: str) -> None:
        """From the board straight to `step` (the identification failures): Back returns to the board."""
        self.restart()  # on the board: that clears any earlier visit
        self.detour = step
        self.ensure_page(step)
        self.next()

    def go_to(self, target: str) -> None:
        """Walk from the welcome page to `target` through the flow, so Back retraces the admin's path."""
        self.replaying = True
        try:
            self.restart()
            for step in flow.path_to(target, self.progress.school)[1:]:
                self.next()
                if self.current_step() != step:
                    break
        finally:
            self.replaying = False
        if self.current_step():
            self._on_page_changed(self.currentId())

    def resume(self) -> None:
        """Open where the admin stopped; once the first walk is over, on the status board instead (also after
        switching, adding or erasing schools: `restart` has every page load its values again when shown, from the
        school now current)."""
        self.detour = None
        if self.progress.setup_finished:
            self.restart()
            self.steps_panel.show_step(self.current_step())
            self.say_page(self.currentPage())
        else:
            self.go_to(self.progress.school["current_step"])

    def reject(self) -> None:
        """Esc and « Annuler »: say what is kept before closing (and what is not, when the last save failed).
        Closing the window itself (its frame's button, the language switch) goes through here too, silently."""
        if self._closing:
            super().reject()
            return
        from PySide6.QtWidgets import QMessageBox  # a dialog: loaded when it opens

        if self.save_now():
            text = tr("Quitter l'assistant ? Votre progression est enregistrée sur ce poste : vous reprendrez à "
                      "cette page en le relançant.")
            icon = QMessageBox.Icon.Question
        else:
            text = tr("Quitter l'assistant ? Attention : vos dernières modifications n'ont pas pu être enregistrées "
                      "et seront perdues. {problem}").format(problem=self.progress.save_problem)
            icon = QMessageBox.Icon.Warning
        box = QMessageBox(icon, window_title(), text, parent=self)
        box.setObjectName("confirm_quit")
        name_message_box_icon(box, tr("Question") if icon == QMessageBox.Icon.Question else tr("Avertissement"))
        quit_button = box.addButton(tr("&Quitter"), QMessageBox.ButtonRole.AcceptRole)
        stay = box.addButton(tr("&Rester"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(stay)
        box.setEscapeButton(stay)
        box.exec()
        if box.clickedButton() is quit_button:
            super().reject()

    def closeEvent(self, event) -> None:
        self._closing = True  # QDialog's closeEvent calls reject(): no question when the window is closed
        try:
            super().closeEvent(event)
        finally:
            self._closing = False
        if event.isAccepted():
            self.stop_jobs()  # first: no job's result comes after the last write
            self.save_now()
            self.progress.store.release()

    def save_now(self) -> bool:
        """What is pending written now and waited for; whether every change is on disk (closing, quitting, the
        crash dialog: what they say about the progress must be true)."""
        return self.autosave.finish()

    def stop_jobs(self) -> None:
        """Closing: every page's job cancelled, and their threads waited for (bounded): nothing is written after
        the window, and no thread is destroyed while it runs."""
        from wizard.gui import worker

        for number in self.pageIds():
            for runner in getattr(self.page(number), "runners", ()):
                runner.stop()
        if worker.running_jobs():
            worker.shutdown(JOBS_TIMEOUT_MS)


def _label_with_text(parent: QObject, text: str, skip: tuple[type, ...]) -> QLabel | None:
    """The first QLabel showing `text` among `parent`'s descendants, the subtrees of `skip`'s types not entered."""
    for child in parent.children():
        if isinstance(child, QLabel) and child.text() == text:
            return child
        if not isinstance(child, skip):
            found = _label_with_text(child, text, skip)
            if found is not None:
                return found
    return None


def ask_without_locks(message: str) -> str:
    """A data folder on a file system without locks: open it read-only (the safe default), on the admin's word
    that nobody else uses it, or not at all ("")."""
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(QMessageBox.Icon.Warning, window_title(), message + "\n\n" + tr(
        "Vous pouvez l'ouvrir en lecture seule (rien ne sera enregistré), ou, si personne d'autre n'utilise ce "
        "dossier, l'ouvrir normalement."))
    box.setObjectName("no_locks")
    read_only = box.addButton(tr("Ouvrir en &lecture seule"), QMessageBox.ButtonRole.AcceptRole)
    alone = box.addButton(tr("&Je suis seul à utiliser ce dossier"), QMessageBox.ButtonRole.DestructiveRole)
    give_up = box.addButton(tr("&Quitter"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(read_only)
    box.setEscapeButton(give_up)
    box.exec()
    clicked = box.clickedButton()
    return "read_only" if clicked is read_only else "alone" if clicked is alone else ""


def build_window(data_dir: Path, page_factory: PageFactory, language: str | None = None) -> InterconnectionWizard:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        raise RuntimeError("create_window needs a QApplication")
    accessibility.install()
    accessibility.readable_placeholders(app)
    store = ProgressStore(data_dir)
    try:
        store.acquire()
    except LocksUnavailable as problem:
        choice = ask_without_locks(problem.message)
        if not choice:
            raise
        store.acquire(without_lock=choice)
    try:
        progress = Progress.open(store)
        # An explicit language (--lang, create_window) wins; otherwise the one the admin chose last time.
        language = load_translations(app, language or progress.settings["language"])
        window = InterconnectionWizard(progress, page_factory)
    except BaseException:
        store.release()
        raise
    window.language = language
    # Said in the admin's language, now loaded (it was in the very file the store just read).
    window.recovery_message = store.recovery_message
    progress.save_problem = progress.save_problem and store.read_only_message
    window.add_about_button()
    # The session ends (logout, shutdown) or the app quits without closing the window (the crash dialog's « Quitter »).
    app.commitDataRequest.connect(window.autosave.finish)
    app.aboutToQuit.connect(window.autosave.finish)
    window.resume()
    return window
