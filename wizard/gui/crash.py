"""Uncaught exceptions in the window: logged, then a French dialog, instead of a window that vanishes or (with
`pythonw`, a bundle or a .desktop launcher) a traceback written to no console at all.

`install(app)` replaces `sys.excepthook` (PySide reports exceptions raised in slots and overrides through it) and
`threading.excepthook` (plain Python threads). Any thread may fail: the dialog (crash_dialog.py) is always shown
later, from the event loop of the GUI thread — never inside the failing slot or paint event.
"""
from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication

from wizard.core.logs import setup_logging

log = logging.getLogger("wizard.crash")


class CrashReporter(QObject):
    """Logs every uncaught exception; shows one dialog at a time on the GUI thread."""

    failed = Signal(object)  # the log path (str or None), queued to the GUI thread

    def __init__(self, app: QApplication, interactive: bool = True):
        super().__init__(app)
        self._showing = False
        # Not interactive (--smoke-test in CI or a bench): one line on stderr and exit 3, never a modal dialog
        # that would hang an unattended run.
        self.interactive = interactive
        # Set by the app once the window exists: did the last change reach the disk?
        self.saved: Callable[[], bool] | None = None
        self.failed.connect(self._show_later)  # from another thread: queued to the GUI thread
        self._previous = (sys.excepthook, threading.excepthook)
        sys.excepthook = self.excepthook
        threading.excepthook = self.thread_excepthook

    def excepthook(self, exc_type, exc, tb) -> None:
        if issubclass(exc_type, KeyboardInterrupt):  # Ctrl+C in a terminal keeps its usual meaning
            self._previous[0](exc_type, exc, tb)
            return
        self._report(exc_type, exc, tb)

    def thread_excepthook(self, args) -> None:
        if args.exc_type is SystemExit:
            return
        self._report(args.exc_type, args.exc_value, args.exc_traceback)

    def _report(self, exc_type, exc, tb) -> None:
        try:
            path = setup_logging()
            log.error("exception non gérée", exc_info=(exc_type, exc, tb))
        except Exception:  # noqa: BLE001 - the hook itself must never raise
            path = None
        self.failed.emit(str(path) if path else None)

    def _show_later(self, log_path) -> None:
        QTimer.singleShot(0, self, lambda: self._show(log_path))  # out of the failing slot or paint event first

    def _show(self, log_path) -> None:
        if self._showing:  # a repeating failure (a paint event) is logged, not shown a hundred times
            return
        if not self.interactive:
            if sys.stderr is not None:
                sys.stderr.write(f"Erreur inattendue ; le détail est dans le journal {log_path}.\n")
            QApplication.instance().exit(3)
            return
        self._showing = True
        try:
            saved = None
            if self.saved is not None:
                try:
                    saved = bool(self.saved())
                except Exception:  # noqa: BLE001 - the model itself may be what failed
                    saved = None
            from wizard.gui.crash_dialog import show_crash_dialog  # a dialog: loaded when it opens

            show_crash_dialog(log_path, QApplication.activeWindow(), saved)
        finally:
            self._showing = False

    def uninstall(self) -> None:
        sys.excepthook, threading.excepthook = self._previous


def install(app: QApplication, interactive: bool = True) -> CrashReporter:
    return CrashReporter(app, interactive)
