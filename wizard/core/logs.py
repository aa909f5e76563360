"""Logging to a rotated file in the platformdirs log dir. Never names or birth dates: callers log codes and counts.

The file handler also scrubs what callers cannot control: dates anywhere (a birth date quoted by a parser error)
and quoted values inside exception messages (`KeyError('MARTIN')`). It is a safety net, not a licence to log data.
"""
from __future__ import annotations

import faulthandler
import logging
import logging.handlers
import os
import re
import sys
from pathlib import Path
from types import TracebackType
from typing import TextIO

from wizard import __version__
from wizard.core.paths import default_log_dir

LOG_NAME = "assistant.log"
MAX_BYTES = 1_000_000
BACKUP_COUNT = 3

_handler: logging.Handler | None = None
_configured: Path | None = None

# 2013-02-14, 14/02/2013, 14.02.2013, 14-02-2013: any date could be a birth date (the line's own time stamp is
# added after scrubbing, so it stays).
_DATE = re.compile(r"\b(\d{4}-\d{2}-\d{2}|\d{1,2}[/.-]\d{1,2}[/.-]\d{4})\b")
# '…', "…", « … » inside exception text: the values a failing parser or lookup echoes back.
_QUOTED = re.compile(r"'[^'\n]{1,200}'|\"[^\"\n]{1,200}\"|«[^»\n]{1,200}»")
# These quote modules, attributes and types, never data: kept whole, they are what a bug report needs.
_CODE_ERRORS = tuple(f"{name}:" for name in (
    "ModuleNotFoundError", "ImportError", "AttributeError", "NameError", "TypeError", "NotImplementedError"))


def scrub(text: str) -> str:
    return _DATE.sub("<date>", text)


def scrub_exception_text(text: str) -> str:
    """Traceback lines (`File "…", line N`, source code) are kept; exception messages lose quoted values."""
    lines = []
    for line in text.splitlines():
        if line.startswith("  ") or line.startswith(_CODE_ERRORS):  # frames, source lines, names from the code
            lines.append(line)
        else:
            lines.append(_QUOTED.sub("'…'", line))
    return scrub("\n".join(lines))


class PrivacyFormatter(logging.Formatter):
    def formatException(
            self, ei: tuple[type[BaseException], BaseException, TracebackType | None] | tuple[None, None, None]) -> str:
        return scrub_exception_text(super().formatException(ei))

    def format(self, record: logging.LogRecord) -> str:
        # The message loses dates; the exception text is scrubbed by formatException; the time stamp is kept.
        clean = logging.makeLogRecord(record.__dict__)
        clean.msg, clean.args = scrub(record.getMessage()), None
        return super().format(clean)


class SharedRotatingFileHandler(logging.handlers.RotatingFileHandler):
    """The rotating log, for a file that another process may hold open.

    On Windows a file open elsewhere cannot be renamed: the window and a command of the same user (or two
    windows on two data dirs) share this log, so rotation meets PermissionError. The log then keeps growing until a
    later rotation succeeds, instead of printing logging's « --- Logging error --- » traceback into the admin's
    console; a log that cannot be written (disk full) likewise stays silent: the exit code and the French message
    still tell.
    """

    def doRollover(self) -> None:
        try:
            super().doRollover()
        except OSError:
            if self.stream is None and not self.delay:
                self.stream = self._open()

    def handleError(self, record: logging.LogRecord) -> None:
        pass


def log_dir() -> Path:
    override = os.environ.get("PRONOTE_ENT_WIZARD_LOG_DIR")
    if override:
        return Path(override)
    return default_log_dir()


def setup_logging() -> Path | None:
    """Attach the rotating file handler; returns the log file, or None when the folder cannot be written.

    Called again with another log dir (tests, an env override), it moves the handler there instead of logging
    into the first folder forever.
    """
    global _configured, _handler
    try:
        folder = log_dir()
        path = folder / LOG_NAME
        if _configured == path:
            return path
        folder.mkdir(parents=True, exist_ok=True)
        handler = SharedRotatingFileHandler(
            path, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT, encoding="utf-8", delay=True
        )
    except OSError:
        return None
    handler.setFormatter(PrivacyFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger("wizard")
    if _handler is not None:
        root.removeHandler(_handler)
        _handler.close()
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    _handler, _configured = handler, path
    return path


def log_exception(exc: BaseException) -> str:
    path = setup_logging()
    logging.getLogger("wizard").error("exception non gérée", exc_info=(type(exc), exc, exc.__traceback__))
    return str(path) if path else "(journal indisponible)"


def log_startup(kind: str) -> None:
    """One line per launch: which build runs where, to read a log sent by a school."""
    frozen = "paquet autonome" if getattr(sys, "frozen", False) else "Python"
    logging.getLogger("wizard").info(
        "démarrage %s %s (%s, Python %s, %s %s %s %s)", kind, __version__, frozen, sys.version.split()[0],
        *_system(),
    )


def _system() -> tuple[str, str, str, str]:
    """The system's own names, release, version and machine (« Linux 6.1.0-26-amd64 #1 SMP … x86_64 »,
    « Windows 10 10.0.19045 AMD64 »). From `os.uname()` where there is one, as `platform.uname()` does there:
    importing `platform` costs 1.6 ms of every start (a dozen regular expressions compiled), and its
    `platform()` on Linux reads the whole Python executable for the C library's version. Windows has no
    `os.uname`: `platform` asks the system there."""
    if hasattr(os, "uname"):
        names = os.uname()  # its node name (the machine's name on the network) is not logged
        return names.sysname, names.release, names.version, names.machine
    import platform  # Windows only (above)

    system = platform.uname()
    return system.system, system.release, system.version, system.machine


_fault_file: TextIO | None = None


def enable_faulthandler() -> None:
    """A hard crash (Qt aborting, a segfault) leaves the Python stack in `plantage.log` beside the log: without a
    console (pythonw, the bundle, a .desktop launch) it would otherwise leave nothing at all."""
    global _fault_file
    if _fault_file is not None:
        return
    try:
        folder = log_dir()
        folder.mkdir(parents=True, exist_ok=True)
        _fault_file = open(folder / "plantage.log", "a", encoding="utf-8")  # kept open: written at crash time
        faulthandler.enable(_fault_file)
    except (OSError, RuntimeError, ValueError):
        _fault_file = None
