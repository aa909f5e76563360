"""The progress store: one versioned JSON file per data dir, written atomically, with a `.bak` to fall back on.

- Atomic: write a temp file, fsync it, `os.replace` it over the main file, fsync the folder. A crash at any
  point leaves either the old or the new file whole, never a mix.
- `.bak`: before each replace the current main file is copied to `.bak` (also atomically), so a main file
  damaged outside our control (disk, antivirus, hand edits) falls back to the previous good state.
- Versioned: `version` is migrated forward on load; a file from a newer release is refused, not overwritten.
- One running instance per data dir: an OS lock on `.lock`, released by the OS even when the app is killed.
"""
from __future__ import annotations

import json
import os
from pathlib import Path

from wizard.migrations import CURRENT_VERSION, migrate

FILE_NAME = "progress.json"


class StoreError(Exception):
    """A problem the admin must be told about, as one French sentence."""


class FutureVersion(StoreError):
    pass


class AlreadyRunning(StoreError):
    pass


def empty_document() -> dict:
    return {"version": CURRENT_VERSION, "current": None, "schools": {}}


class ProgressStore:
    def __init__(self, data_dir: Path):
        self.data_dir = Path(data_dir)
        self.path = self.data_dir / FILE_NAME
        self.bak_path = self.data_dir / (FILE_NAME + ".bak")
        self.recovery_message = ""  # set by load() when the main file could not be used
        self._lock_file = None

    # -- single instance -------------------------------------------------------------------------
    def acquire(self) -> None:
        self.data_dir.mkdir(parents=True, exist_ok=True)
        handle = open(self.data_dir / ".lock", "a+b")
        try:
            _lock(handle)
        except OSError:
            handle.close()
            raise AlreadyRunning(
                "L'assistant est déjà ouvert pour ces données (une autre fenêtre ou un autre utilisateur) : "
                "fermez-le avant d'en ouvrir un second."
            ) from None
        self._lock_file = handle

    def release(self) -> None:
        if self._lock_file is not None:
            try:
                _unlock(self._lock_file)
            finally:
                self._lock_file.close()
                self._lock_file = None

    # -- reading ---------------------------------------------------------------------------------
    def load(self) -> dict:
        self.recovery_message = ""
        if not self.path.exists() and not self.bak_path.exists():
            return empty_document()
        try:
            return self._read(self.path)
        except FutureVersion:
            raise
        except (OSError, ValueError):
            pass
        try:
            doc = self._read(self.bak_path)
        except FutureVersion:
            raise
        except (OSError, ValueError):
            self.recovery_message = (
                "Le fichier de progression était illisible et sa copie de secours aussi : "
                "l'assistant repart de zéro (l'ancien fichier est conservé à côté, renommé « .illisible »)."
            )
            self._set_aside(self.path)
            return empty_document()
        self.recovery_message = (
            "Le fichier de progression était endommagé : la dernière copie de secours a été rétablie ; "
            "vérifiez la dernière page que vous aviez remplie."
        )
        self._set_aside(self.path)
        return doc

    def _read(self, path: Path) -> dict:
        doc = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(doc, dict) or not isinstance(doc.get("version"), int) or not isinstance(doc.get("schools"), dict):
            raise ValueError("not a progress document")
        if doc["version"] > CURRENT_VERSION:
            raise FutureVersion(
                f"Ces données ont été enregistrées par une version plus récente de l'assistant (format {doc['version']}) : "
                "installez la dernière version pour les ouvrir ; rien n'a été modifié."
            )
        return migrate(doc)

    def _set_aside(self, path: Path) -> None:
        if path.exists():
            try:
                os.replace(path, path.with_name(path.name + ".illisible"))
            except OSError:
                pass

    # -- writing ---------------------------------------------------------------------------------
    def save(self, doc: dict) -> None:
        self.data_dir.mkdir(parents=True, exist_ok=True)
        data = json.dumps(doc, ensure_ascii=False, indent=1, sort_keys=True).encode("utf-8")
        if self.path.exists():
            try:
                _atomic_write(self.bak_path, self.path.read_bytes())
            except OSError:
                pass  # the .bak is a convenience; the main write below must still happen
        _atomic_write(self.path, data)

    def erase(self) -> None:
        """« Effacer les données locales »: the progress, its backup and anything set aside."""
        for path in (self.path, self.bak_path, self.path.with_name(FILE_NAME + ".illisible"),
                     self.bak_path.with_name(FILE_NAME + ".bak.illisible")):
            try:
                path.unlink()
            except FileNotFoundError:
                pass


def _atomic_write(path: Path, data: bytes) -> None:
    import tempfile  # first save only: keeps start-up light

    fd, tmp = tempfile.mkstemp(prefix=path.name + ".", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
    _fsync_dir(path.parent)


def _fsync_dir(folder: Path) -> None:
    if os.name != "posix":
        return  # Windows cannot open a directory for fsync; os.replace is already durable enough there
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


if os.name == "nt":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def _lock(handle) -> None:
        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)

    def _unlock(handle) -> None:
        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)
else:
    import fcntl

    def _lock(handle) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)

    def _unlock(handle) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


def read_current_school(data_dir: Path) -> dict | None:
    """The current school's record, read-only (for the headless commands): never writes, never locks."""
    store = ProgressStore(data_dir)
    if not store.path.exists() and not store.bak_path.exists():
        return None
    for path in (store.path, store.bak_path):
        try:
            doc = store._read(path)
        except (OSError, ValueError, FutureVersion):
            continue
        current = doc.get("current")
        return doc["schools"].get(current) if current else None
    return None
