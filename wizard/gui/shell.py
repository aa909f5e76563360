"""The application around the window: the QApplication, logging, the crash dialog, the language switch (a new
window), and the smoke test the bundle's CI runs."""
from __future__ import annotations

import argparse
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from wizard.core.errors import UserError
from wizard.core.i18n import tr
from wizard.core.logs import enable_faulthandler, log_exception, log_startup, setup_logging
from wizard.core.paths import default_data_dir
from wizard.gui import crash
from wizard.gui.branding import app_icon, window_title
from wizard.gui.translations import load_translations


def run_gui(args: argparse.Namespace, qt_args: list[str], create_window: Callable,
            smoke_report: Callable | None = None) -> int:
    """Open the window `create_window(data_dir, language, ent)` builds, and run until it closes. With
    `smoke_report` (--smoke-test), the window is opened, painted, reported on and closed."""
    app = QApplication.instance() or QApplication([sys.argv[0], *qt_args])
    app.setApplicationName("pronote-ent-wizard")
    QGuiApplication.setDesktopFileName("pronote-ent-wizard")  # Wayland finds the .desktop entry, hence the icon
    setup_logging()
    enable_faulthandler()
    log_startup("fenêtre")
    reporter = crash.install(app, interactive=not args.smoke_test)
    app.setWindowIcon(app_icon())
    data_dir = args.data_dir or default_data_dir()
    scratch = None
    if args.smoke_test and not args.data_dir:  # a smoke test never touches (nor locks) the admin's real data
        scratch = tempfile.TemporaryDirectory(prefix="pronote-ent-smoke-")
        data_dir = Path(scratch.name)
    windows: list = []

    def say(problem: str) -> None:
        if args.smoke_test:
            sys.stderr.write(problem + "\n")
        else:
            QMessageBox.critical(None, tr("Assistant d'interconnexion PRONOTE"), problem)

    def open_window(language: str | None) -> bool:
        try:
            window = create_window(data_dir, language, args.ent)
        except UserError as problem:  # a data folder, a progress file or an ENT file that cannot be used
            load_translations(app, language)
            say(problem.message)
            return False
        except Exception as exc:  # noqa: BLE001 - the event loop is not running yet: say it here, then stop
            where = log_exception(exc)
            if args.smoke_test:
                sys.stderr.write(f"Erreur inattendue ; le détail est dans le journal {where}.\n")
            else:
                crash.show_crash_dialog(where)
            return False
        app.setApplicationDisplayName(window_title())
        window.language_chosen.connect(lambda chosen, old=window: switch(old, chosen))
        reporter.saved = window.save_now
        windows[:] = [window]
        window.show()
        if window.recovery_message:
            QMessageBox.warning(window, window_title(), window.recovery_message)
        return True

    def switch(old, language: str) -> None:
        geometry = old.saveGeometry()
        old.close()  # saves nothing new and releases the data dir for the new window
        if open_window(language):
            windows[0].restoreGeometry(geometry)

    try:
        if not open_window(args.lang):
            return 1
        if smoke_report is not None:
            QTimer.singleShot(0, lambda: app.exit(_painted_then(smoke_report, windows[0])))
        return app.exec()
    finally:
        if scratch is not None:
            for window in windows:
                window.close()  # lets go of the data folder (Windows deletes no file another handle holds)
            scratch.cleanup()  # each smoke test used to leave its folder in %TEMP%


def _painted_then(report: Callable, window) -> int:
    QApplication.processEvents()
    return report(window)
