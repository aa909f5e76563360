"""Logging to a rotated file in the platformdirs log dir. Never names or birth dates: callers log codes and counts."""
from __future__ import annotations

import logging
import logging.handlers
import os
from pathlib import Path

_configured: Path | None = None


def log_dir() -> Path:
    override = os.environ.get("PRONOTE_ENT_WIZARD_LOG_DIR")
    if override:
        return Path(override)
    from wizard.paths import default_log_dir

    return default_log_dir()


def setup_logging() -> Path | None:
    """Attach a rotating file handler once; returns the log file, or None when the folder cannot be written."""
    global _configured
    if _configured:
        return _configured
    try:
        folder = log_dir()
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / "assistant.log"
        handler = logging.handlers.RotatingFileHandler(path, maxBytes=1_000_000, backupCount=3, encoding="utf-8")
    except OSError:
        return None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger("wizard")
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    _configured = path
    return path


def log_exception(exc: BaseException) -> str:
    path = setup_logging()
    logging.getLogger("wizard").error("exception non gérée", exc_info=(type(exc), exc, exc.__traceback__))
    return str(path) if path else "(journal indisponible)"
