"""The application around the window: the QApplication, logging, the crash dialog, the language switch (a new
window), and the smoke test the bundle's CI runs."""
from __future__ import annotations

import argparse
import logging
import sys
import tempfile
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QSocketNotifier, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from wizard.core import entdata
from wizard.core.dates import clock
from wizard.core.errors import UserError
from wizard.core.i18n import tr
from wizard.core.logs import enable_faulthandler, log_exception, log_startup, setup_logging
from wizard.core.paths import default_data_dir
from wizard.core.pcclock import clock_message
from wizard.gui import crash
from wizard.gui.accessibility import message_box
from wizard.gui.branding import app_icon, window_title
from wizard.gui.translations import load_translations


def run_gui(args: argparse.Namespace, qt_args: list[str], create_window: Callable,
            smoke_report: Callable | None = None) -> int:
    """Open the window `create_window(data_dir, language, ent)` builds, and run until it closes. With
    `smoke_report` (--smoke-test), the window is opened, painted, reported on and closed."""
    running = QApplication.instance()
    app = running if isinstance(running, QApplication) else QApplication([sys.argv[0], *qt_args])
    app.setApplicationName("pronote-ent-wizard")
    QGuiApplication.setDesktopFileName("pronote-ent-wizard")  # Wayland finds the .desktop entry, hence the icon
    # Before the window: a page may start a job as it opens (a file read again), and Ctrl+C may come then.
    listener = _close_on_signals(app)  # noqa: F841 - kept alive while the loop runs
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
    told_clock: list[bool] = []

    def say(problem: str) -> None:
        if args.smoke_test:
            sys.stderr.write(problem + "\n")
        else:
            message_box(None, "critical", tr("Assistant d'interconnexion PRONOTE"), problem)

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
                from wizard.gui.crash_dialog import show_crash_dialog  # a dialog: loaded when it opens

                show_crash_dialog(where)
            return False
        app.setApplicationDisplayName(window_title())
        window.language_chosen.connect(lambda chosen, old=window: switch(old, chosen))
        reporter.saved = window.save_now
        windows[:] = [window]
        window.show()
        if window.recovery_message:
            warn(window, window.recovery_message)
        if not told_clock:  # once per launch, not again when the language switch opens a new window
            told_clock.append(True)
            now = datetime.fromtimestamp(clock())
            behind = clock_message(entdata.current(), window.progress.doc, now)
            if behind:
                # The line's own time stamp is the PC's date (a date in the message would be masked as personal).
                logging.getLogger("wizard").warning("horloge de l'ordinateur en retard : averti")
                warn(window, behind)
        return True

    def warn(window, text: str) -> None:
        """A warning over the open window; written to stderr in a smoke test, which no one is there to answer."""
        if args.smoke_test:
            sys.stderr.write(text + "\n")
        else:
            message_box(window, "warning", window_title(), text)

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
        code = app.exec()
    finally:
        if scratch is not None:
            for window in windows:
                window.close()  # lets go of the data folder (Windows deletes no file another handle holds)
            scratch.cleanup()  # each smoke test used to leave its folder in %TEMP%
    return _end(code)


def _close_on_signals(app: QApplication):
    """Ctrl+C in the terminal (SIGINT) and a logout or `kill` (SIGTERM) close the window as its own button would:
    jobs cancelled and waited for, the data folder released, no traceback. Python runs its handlers only between
    bytecodes, which never come while Qt waits for events: the signal's byte on a socket (signal.set_wakeup_fd)
    wakes Qt, whose notifier lets Python run the handler."""
    import signal
    import socket

    try:
        reader, writer = socket.socketpair()
    except OSError:
        return None
    for end in (reader, writer):
        end.setblocking(False)
    try:
        signal.set_wakeup_fd(writer.fileno(), warn_on_full_buffer=False)
    except (ValueError, OSError):  # not the main thread (a test harness): Qt's defaults stay
        reader.close()
        writer.close()
        return None
    received: list[int] = []

    def handler(signum, frame) -> None:
        if not received:
            received.append(signum)
            QTimer.singleShot(0, lambda: _close_all(app, 128 + signum))

    def drain() -> None:
        try:
            while reader.recv(64):
                pass
        except OSError:
            pass

    for name in ("SIGINT", "SIGTERM"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), handler)
    notifier = QSocketNotifier(reader.fileno(), QSocketNotifier.Type.Read, app)
    notifier.activated.connect(drain)
    return notifier, reader, writer


def _close_all(app: QApplication, code: int) -> None:
    app.closeAllWindows()  # the wizard's closeEvent stops its jobs and releases the data folder
    app.exit(code)


def _end(code: int) -> int:
    """After the event loop: a job thread still running (stuck in a call that cannot be interrupted) must not be
    destroyed by Python's shutdown – that aborts the process. The log is flushed and the process ends at once."""
    import os

    from wizard.gui import worker

    if worker.running_jobs() and worker.shutdown(1000):
        logging.shutdown()
        for stream in (sys.stdout, sys.stderr):
            try:
                stream.flush()
            except (AttributeError, OSError, ValueError):
                pass
        os._exit(code)
    return code


def _painted_then(report: Callable, window) -> int:
    QApplication.processEvents()
    return report(window)
