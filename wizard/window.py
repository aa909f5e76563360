"""The Qt window: the QWizard driven by the Qt-free flow, the translators, the single-instance lock."""
from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTimer, QTranslator, Signal
from PySide6.QtGui import QGuiApplication, QIcon, QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QMessageBox, QWizard

from wizard import flow, i18n
from wizard.paths import resources_dir
from wizard.progress import Progress
from wizard.store import ProgressStore, StoreError
from wizard.i18n import tr, tr_noop

WINDOW_TITLE = tr_noop("Assistant d'interconnexion PRONOTE – mon ENT Occitanie")


class InterconnectionWizard(QWizard):
    # The admin chose another language: the app rebuilds the window (texts are set when widgets are made).
    language_chosen = Signal(str)

    def __init__(self, progress: Progress, parent=None):
        super().__init__(parent)
        self.progress = progress
        self.setWindowTitle(tr(WINDOW_TITLE))
        # ModernStyle everywhere: AeroStyle ignores the palette (dark mode) and mis-scales at high DPI.
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setOption(QWizard.WizardOption.HaveHelpButton, True)
        self.helpRequested.connect(self.show_help)
        QShortcut(QKeySequence(QKeySequence.StandardKey.HelpContents), self, self.show_help)
        self.language = "fr"
        self.help_dialog = None
        self.setMinimumSize(860, 640)
        icon = resources_dir() / "icons" / "pronote-ent-wizard.png"
        if icon.exists():
            self.setWindowIcon(QIcon(str(icon)))
        # Page ids are the steps' places in the flow; pages are made when the flow first reaches them.
        self.page_ids = {step: number for number, step in enumerate(flow.STEP_IDS)}
        self.step_ids = dict(enumerate(flow.STEP_IDS))
        self.ensure_page("accueil")
        self.setStartId(self.page_ids["accueil"])
        self.currentIdChanged.connect(self._on_page_changed)

    def show_help(self) -> None:
        from wizard.ui_help import show_help

        show_help(self)

    def ensure_page(self, step: str):
        from wizard.pages import build_page

        number = self.page_ids[step]
        page = self.page(number)
        if page is None:
            page = build_page(step, self.progress)
            self.setPage(number, page)
        return page

    def ensure_all_pages(self) -> None:
        """Every page made now (tests and tools that inspect pages not yet reached)."""
        for step in flow.STEP_IDS:
            self.ensure_page(step)

    # QWizard asks here where Next goes: the flow decides, per school and per kind of pass.
    def nextId(self) -> int:
        step = self.step_ids.get(self.currentId())
        if step is None:
            return -1
        following = flow.next_step(step, self.progress.school)
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
        if step is None or getattr(self, "_replaying", False):
            return
        if step != "accueil" or not self.progress.setup_finished:
            self.progress.set_current_step(step)
        if step == "fin":
            self.progress.finish_walk()

    def go_to(self, target: str) -> None:
        """Walk from the welcome page to `target` through the flow, so Back retraces the admin's path."""
        self._replaying = True
        try:
            self.restart()
            for step in flow.path_to(target, self.progress.school)[1:]:
                self.next()
                if self.current_step() != step:
                    break
        finally:
            self._replaying = False
        if self.current_step():
            self._on_page_changed(self.currentId())

    def resume(self) -> None:
        """Open where the admin stopped; once the first walk is over, on the status board instead."""
        school = self.progress.school
        if self.progress.setup_finished:
            self.restart()
        else:
            self.go_to(school.get("current_step") or "accueil")

    def reload_school(self) -> None:
        """After switching or erasing schools: restarting makes every page read the model again when shown."""
        self.resume()

    def closeEvent(self, event) -> None:
        super().closeEvent(event)
        if event.isAccepted():
            self.progress.store.release()


def load_translations(app: QApplication, language: str | None) -> str:
    """The wizard's own strings and Qt's (buttons « Suivant », « Précédent », « Annuler ») follow the language."""
    language = language if language in ("fr", "en") else "fr"
    for old in getattr(app, "_wizard_translators", []):
        app.removeTranslator(old)
    translators = []
    sources = [(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))]
    if language != "fr":  # French is the source language of the wizard's strings
        sources.append((f"wizard_{language}", str(resources_dir() / "translations")))
    for name, folder in sources:
        translator = QTranslator(app)
        if translator.load(name, folder):
            app.installTranslator(translator)
            translators.append(translator)
    app._wizard_translators = translators
    i18n.install(QCoreApplication.translate, language)
    QLocale.setDefault(QLocale(QLocale.Language.French if language == "fr" else QLocale.Language.English))
    return language


def build_window(data_dir: Path, language: str | None = None) -> InterconnectionWizard:
    app = QApplication.instance()
    if app is None:
        raise RuntimeError("create_window needs a QApplication")
    store = ProgressStore(data_dir)
    store.acquire()
    try:
        progress = Progress.open(store)
        # An explicit language (--lang, create_window) wins; otherwise the one the admin chose last time.
        language = load_translations(app, language or progress.doc.get("language"))
        window = InterconnectionWizard(progress)
    except BaseException:
        store.release()
        raise
    window.language = language
    window.recovery_message = store.recovery_message
    from wizard.ui_about import add_about_button

    add_about_button(window)
    window.resume()
    return window


def run_gui(argv: list[str]) -> int:
    import argparse
    import tempfile

    from wizard.cli import FrenchArgumentParser
    from wizard.paths import default_data_dir

    parser = FrenchArgumentParser(prog="pronote-ent-wizard")
    parser.add_argument("--data-dir", type=Path)
    parser.add_argument("--lang", choices=("fr", "en"))
    # Opens the window, lets it paint, prints one line and exits 0: CI runs the bundle this way, bench/bundle.py too.
    parser.add_argument("--smoke-test", action="store_true", help=argparse.SUPPRESS)
    args, qt_args = parser.parse_known_args(argv)
    app = QApplication.instance() or QApplication([sys.argv[0], *qt_args])
    app.setApplicationName("pronote-ent-wizard")
    QGuiApplication.setDesktopFileName("pronote-ent-wizard")  # Wayland finds the .desktop entry, hence the icon
    from wizard import ui_crash
    from wizard.logs import enable_faulthandler, log_exception, log_startup, setup_logging
    from wizard.ui_about import app_icon

    setup_logging()
    enable_faulthandler()
    log_startup("fenêtre")
    ui_crash.install(app, interactive=not args.smoke_test)
    app.setWindowIcon(app_icon())
    data_dir = args.data_dir or default_data_dir()
    if args.smoke_test and not args.data_dir:  # a smoke test never touches (nor locks) the admin's real data
        data_dir = Path(tempfile.mkdtemp(prefix="pronote-ent-smoke-"))
    windows: list[InterconnectionWizard] = []

    def open_window(language: str | None) -> bool:
        try:
            window = build_window(data_dir, language)
        except StoreError as problem:
            load_translations(app, language)
            QMessageBox.critical(None, tr(WINDOW_TITLE), str(problem))
            return False
        except Exception as exc:  # noqa: BLE001 - the event loop is not running yet: say it here, then stop
            where = log_exception(exc)
            if args.smoke_test:
                sys.stderr.write(f"Erreur inattendue ; le détail est dans le journal {where}.\n")
            else:
                ui_crash.show_crash_dialog(where)
            return False
        app.setApplicationDisplayName(tr(WINDOW_TITLE))
        window.language_chosen.connect(lambda chosen, old=window: switch(old, chosen))
        windows[:] = [window]
        window.show()
        if window.recovery_message:
            QMessageBox.warning(window, tr(WINDOW_TITLE), window.recovery_message)
        return True

    def switch(old: InterconnectionWizard, language: str) -> None:
        geometry = old.saveGeometry()
        old.close()  # saves nothing new and releases the data dir for the new window
        if open_window(language):
            windows[0].restoreGeometry(geometry)

    if not open_window(args.lang):
        return 1
    if args.smoke_test:
        QTimer.singleShot(0, lambda: app.exit(_smoke_report(windows[0])))
    return app.exec()


def _smoke_report(window: InterconnectionWizard) -> int:
    from wizard.entdata import load_ent

    QApplication.processEvents()
    shown = window.isVisible() and not window.windowIcon().isNull()
    print(f"smoke-test: {'ok' if shown else 'ÉCHEC'} « {window.windowTitle()} », ENT {load_ent().name}, "
          f"page {window.current_step()}", flush=True)
    return 0 if shown else 1
