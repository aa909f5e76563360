"""The progress store: one versioned JSON file per data dir, written atomically, with a `.bak` to fall back on.

- Atomic: write a temp file, fsync it, `os.replace` it over the main file, fsync the folder. A crash at any
  point leaves either the old or the new file whole, never a mix; temp files a killed save left behind are
  removed at the next start. `os.replace` is retried for a moment on PermissionError: on Windows an antivirus or
  the indexer holds a file just written.
- A symlinked progress file (a data folder kept on another disk by a link) is written through, never replaced by
  a regular file.
- Compact JSON (no indentation: six years of keyed hashes serialise seven times faster), written whole.
- `.bak`: when asked (the first write of a session, and each step left: `Progress.flush`), the current main file
  is copied to `.bak` before the replace, so a main file damaged outside our control (disk, antivirus, hand
  edits) falls back to a recent good state – not at every keystroke.
- Loading never trusts the file: size and nesting are bounded before parsing, the version is migrated, and the
  whole document is validated against `document.py`. Whatever does not pass falls back to the `.bak` when that
  passes, else to a fresh start; the damaged file is set aside (`.illisible-<date>`), and one French sentence
  naming the file says what happened. A file from a newer release is refused and left untouched.
- A write that fails raises `SaveFailed` with what failed and what to do: the caller keeps the values in memory,
  says so, and tries again at the next change. Nothing claims « enregistré » unless the write succeeded.
- `write` may run in a writer thread (saving.py): one at a time, never alongside `erase`.
- One running instance per data dir: an OS lock on `.lock`, released by the OS even when the app is killed, that
  cannot be skipped: the store writes only while it holds it. The lock file is opened without following a link
  and must be a regular file; a read-only one, or another user's in a shared folder, is still locked (read-only
  opening). When it cannot be taken, the true reason is said (already open; not a file; a file system without
  locks – some network shares – which the window offers to open read-only, or as « je suis seul à utiliser ce
  dossier »); only a folder nobody can write in opens read-only by itself.
"""
from __future__ import annotations

import errno
import json
import logging
import os
import stat
import sys
import tempfile
import time
from pathlib import Path
from typing import IO, Any

from wizard.core import safejson
from wizard.core.document import FORMAT_VERSION, Document, InvalidDocument, School, settle_claims, validate
from wizard.core.errors import UserError
from wizard.core.i18n import tr
from wizard.core.migrations import migrate
from wizard.core.safetext import encodable, without_lone_surrogates

FILE_NAME = "progress.json"
LOCK_NAME = ".lock"
BACKUP_SUFFIX = ".bak"
ASIDE_MARK = ".illisible"
# A real document is a few hundred kilobytes (the import history's keyed hashes are the bulk); ten years of
# imports of a large lycée stay far below. Past this, the file is not ours.
MAX_BYTES = 32 * 1024 * 1024
# The document nests 7 levels deep; parsing anything much deeper is how a damaged file exhausts the stack.
MAX_DEPTH = 32
REPLACE_ATTEMPTS = 5  # about 0.75 s in all, for a file held by an antivirus
_DISK_FULL = (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC))  # no EDQUOT on Windows
log = logging.getLogger(__name__)
_SURROGATE_ESCAPE = b"\\ud"  # the start of « \ud800 »…« \udfff » (and of a few ordinary escapes, checked then)


class StoreError(UserError):
    """The progress cannot be opened or written; `message` says why and what to do, naming the file."""


class FutureVersion(StoreError):
    pass


class AlreadyRunning(StoreError):
    pass


class DataDirUnusable(StoreError):
    pass


class SaveFailed(StoreError):
    pass


class LocksUnavailable(StoreError):
    """The folder's file system refuses locks (EINVAL, ENOLCK, EOPNOTSUPP: some network shares)."""


# What a file system without locks answers (an answer meaning « someone holds it » is EWOULDBLOCK/EAGAIN/EACCES).
_NO_LOCKS = {errno.ENOLCK, errno.EINVAL, getattr(errno, "EOPNOTSUPP", -1), getattr(errno, "ENOTSUP", -1),
             getattr(errno, "ENOSYS", -1)}
_HELD = {errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES, getattr(errno, "EDEADLOCK", errno.EACCES)}




class ProgressStore:
    def __init__(self, data_dir: Path):
        self.data_dir = Path(data_dir)
        self.path = self.data_dir / FILE_NAME
        self.bak_path = self.data_dir / (FILE_NAME + BACKUP_SUFFIX)
        # What load() and acquire() met, kept as facts: the sentences are made when read, in the language the
        # window has loaded by then (the language is in the very file being read).
        self._recovery: tuple[str, str] | None = None  # (what happened, the name the damaged file was kept under)
        self._read_only: OSError | None = None
        self._lock_file: IO[bytes] | None = None
        self._alone = False  # no lock could exist here, and the admin said they are alone on this folder
        self._acquired = False  # acquire() was asked: from then on, only its outcome lets the store write
        # Keys an older file kept beside its hashes (v2), taken out when it was read: the progress puts them in
        # the key store; the next write leaves them out, of the backup too (never the old file as the backup).
        self.found_keys: dict[str, str] = {}

    # -- single instance -------------------------------------------------------------------------
    def acquire(self, *, without_lock: str = "") -> None:
        """Take the data dir for this window; clean what a killed save left behind.

        `without_lock`, on a file system without locks (after LocksUnavailable): "read_only" opens without ever
        writing; "alone" writes, on the admin's word that nobody else uses this folder."""
        self._acquired = True
        try:
            self.data_dir.mkdir(parents=True, exist_ok=True)
            if not self.data_dir.is_dir():
                raise NotADirectoryError(errno.ENOTDIR, "not a directory")
        except OSError as problem:
            raise DataDirUnusable(unusable_dir_message(self.data_dir, problem)) from None
        lock_path = self.data_dir / LOCK_NAME
        try:
            handle = _open_lock(lock_path)
        except OSError as problem:
            if problem.errno in (errno.EACCES, errno.EPERM, errno.EROFS) and not _can_write_in(self.data_dir):
                # Nothing can be written here, so no second window could write either: open, and say it.
                self._read_only = problem
                return
            raise DataDirUnusable(lock_refused_message(lock_path, problem)) from None
        try:
            _lock(handle)
        except OSError as problem:
            handle.close()
            if problem.errno in _NO_LOCKS:
                if without_lock == "read_only":
                    self._read_only = problem
                    return
                if without_lock == "alone":
                    self._alone = True
                    self._remove_leftovers()
                    return
                raise LocksUnavailable(no_locks_message(self.data_dir)) from None
            if problem.errno in _HELD:
                raise AlreadyRunning(tr(
                    "L'assistant est déjà ouvert pour ces données (une autre fenêtre ou un autre utilisateur) : "
                    "fermez-le avant d'en ouvrir un second.")) from None
            raise DataDirUnusable(lock_refused_message(lock_path, problem)) from None
        self._lock_file = handle
        self._remove_leftovers()

    @property
    def writable(self) -> bool:
        """The store may write: it holds the lock, or the admin said they are alone on a folder without locks –
        never once opened read-only (a folder nobody can write, or no locks and « lecture seule »). A store never
        asked to acquire is a tool's or a test's: the window always acquires (gui/window.build_window)."""
        if self._read_only is not None:
            return False
        return self._lock_file is not None or self._alone or not self._acquired

    def release(self) -> None:
        if self._lock_file is not None:
            try:
                _unlock(self._lock_file)
            finally:
                self._lock_file.close()
                self._lock_file = None

    def _remove_leftovers(self) -> None:
        try:
            with os.scandir(self.data_dir) as entries:
                leftovers = [entry.path for entry in entries
                             if entry.name.startswith(FILE_NAME) and entry.name.endswith(".tmp")]
        except OSError:  # a folder that can be written but not listed: the leftovers stay, harmless
            return
        for leftover in leftovers:
            try:
                os.unlink(leftover)
            except OSError:
                pass  # still held by another program: the next start tries again

    # -- reading ---------------------------------------------------------------------------------
    def load(self) -> Document | None:
        """The saved document, validated and at the current version; None when there is none yet."""
        self._recovery = None
        main_exists, bak_exists = _lexists(self.path), _lexists(self.bak_path)
        if not main_exists and not bak_exists:
            return None
        main_problem = "absent"
        self.found_keys = {}
        if main_exists:
            try:
                return read_document(self.path, self.found_keys)
            except FutureVersion:
                raise
            except (OSError, InvalidDocument) as problem:
                if isinstance(problem, PermissionError):
                    raise DataDirUnusable(unreadable_message(self.path)) from None
                main_problem = str(problem)
        try:
            doc = read_document(self.bak_path, self.found_keys) if bak_exists else None
        except FutureVersion:
            raise
        except (OSError, InvalidDocument):
            doc = None
            self._set_aside(self.bak_path)
        aside = self._set_aside(self.path) if main_exists else None
        what = "fresh" if doc is None else "backup" if main_exists else "backup_of_missing"
        self._recovery = (what, aside.name if aside else "")
        _log_recovery(self.path, main_problem)
        return doc

    @property
    def recovery_message(self) -> str:
        """One sentence naming the file when load() could not use it; "" when all was well."""
        if self._recovery is None:
            return ""
        what, aside = self._recovery
        if what == "backup":
            told = tr("Le fichier de progression « {path} » était endommagé : sa dernière copie de secours a été "
                      "rétablie ; vérifiez la dernière page que vous aviez remplie.")
        elif what == "backup_of_missing":
            told = tr("Le fichier de progression « {path} » avait disparu : sa dernière copie de secours a été "
                      "rétablie ; vérifiez la dernière page que vous aviez remplie.")
        else:
            told = tr("Le fichier de progression « {path} » était illisible et aucune copie de secours n'était "
                      "utilisable : l'assistant repart de zéro.")
        kept = " " + tr("L'ancien fichier est conservé sous le nom « {name} ».").format(name=aside) if aside else ""
        return told.format(path=self.path) + kept

    @property
    def read_only_message(self) -> str:
        """Set when the folder cannot be written at all, or is opened read-only on a file system without locks
        (said from the first page, before anything is lost)."""
        if self._read_only is None:
            return ""
        if self._read_only.errno in _NO_LOCKS:
            return tr("Ouvert en lecture seule : le dossier « {folder} » ne permet pas de verrou, rien de ce que "
                      "vous faites ne sera enregistré. {how}").format(folder=self.data_dir, how=_how_to_choose())
        return save_failed_message(self.data_dir, self._read_only)

    def _set_aside(self, path: Path) -> Path | None:
        if not _lexists(path):
            return None
        aside = path.with_name(f"{path.name}{ASIDE_MARK}-{time.strftime('%Y%m%d-%H%M%S')}")
        try:
            os.replace(path, aside)
        except OSError:
            return None
        return aside

    # -- writing ---------------------------------------------------------------------------------
    def save(self, doc: Document) -> None:
        """Write `doc` now, refreshing the `.bak` (tools and tests; the app goes through `Progress`)."""
        try:
            data = encode(doc)
        except (ValueError, TypeError, RecursionError) as problem:  # a value that cannot be written: said
            log_unwritable(problem)
            raise SaveFailed(unwritable_message()) from None
        self.write(data, refresh_backup=True)

    def write(self, data: bytes, *, refresh_backup: bool) -> None:
        """Write the serialised document atomically, first copying the previous file to `.bak` when
        `refresh_backup`; SaveFailed when it could not be written."""
        if not self.writable:  # never without the lock: a second window would lose one of the two
            raise SaveFailed(self.read_only_message or save_failed_message(
                self.data_dir, OSError(errno.ENOLCK, "no lock")))
        target = self._target()
        try:
            if (refresh_backup or self.found_keys) and target.is_file():
                try:
                    # A file that still held keys (found_keys) is not kept as the backup: the new one is.
                    _atomic_write(self.bak_path, data if self.found_keys else target.read_bytes())
                except OSError:
                    pass  # the .bak is a safety net; the main write below is what must happen
            _atomic_write(target, data)
            self.found_keys = {}
        except ReplaceRefused:
            raise SaveFailed(file_held_message(target)) from None
        except OSError as problem:
            raise SaveFailed(save_failed_message(target.parent, problem)) from None

    def _target(self) -> Path:
        """The file to write: the progress file, or what it links to (written through, the link kept)."""
        if self.path.is_symlink():
            return Path(os.path.realpath(self.path))
        return self.path

    def erase(self) -> list[str]:
        """« Effacer les données locales »: the progress, its backup, whatever was set aside, temp files – through
        a symbolic link, the file it points to as well as the link. Returns what could not be removed (paths)."""
        names = (FILE_NAME, FILE_NAME + BACKUP_SUFFIX)
        try:
            with os.scandir(self.data_dir) as entries:
                found = [Path(entry.path) for entry in entries if entry.name.startswith(FILE_NAME)]
        except OSError:
            found = [self.data_dir / name for name in names]
        left: list[str] = []
        for path in found:
            if not (path.name in names or ASIDE_MARK in path.name or path.name.endswith(".tmp")):
                continue
            targets = [path]
            if path.is_symlink():
                real = Path(os.path.realpath(path))
                if real != path and real.exists():
                    targets.insert(0, real)  # the data, wherever the link keeps it, then the link
            for target in targets:
                try:
                    target.unlink()
                except FileNotFoundError:
                    pass
                except OSError:
                    left.append(str(target))
        return left


def encode(doc: Document) -> bytes:
    """The document as the file holds it: compact UTF-8 JSON. ValueError (UnicodeEncodeError included) or
    TypeError when a value cannot be written (the caller's error handling says so: Progress.flush)."""
    return json.dumps(doc, ensure_ascii=False, separators=(",", ":"), allow_nan=False).encode("utf-8")


def read_document(path: Path, found_keys: dict[str, str] | None = None) -> Document:
    """The document in `path`, bounded, migrated and validated; OSError, InvalidDocument or FutureVersion.
    Keys an older format kept inside (v2) are taken out into `found_keys` (migrations.py)."""
    info = os.stat(path)
    if not stat.S_ISREG(info.st_mode):  # a FIFO would block the read, a device never end it
        raise InvalidDocument("", "n'est pas un fichier ordinaire")
    if info.st_size > MAX_BYTES:
        raise InvalidDocument("", "fichier bien trop grand")
    with open(path, "rb") as handle:
        data = handle.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise InvalidDocument("", "fichier bien trop grand")
    try:
        doc = safejson.loads(data.decode("utf-8-sig"), MAX_DEPTH)  # -sig: Notepad may add a byte order mark
    except safejson.TooDeep:
        raise InvalidDocument("", "imbrication bien trop profonde") from None
    except (ValueError, RecursionError) as problem:
        raise InvalidDocument("", f"JSON illisible ({type(problem).__name__})") from None
    if not isinstance(doc, dict):
        raise InvalidDocument("", "un objet JSON attendu")
    if _SURROGATE_ESCAPE in data.lower():  # never written by us: a hand edit or another program
        doc = _without_lone_surrogates(doc)
    version = doc.get("version")
    if type(version) is int and version > FORMAT_VERSION:
        raise FutureVersion(tr(
            "Les données « {path} » ont été enregistrées par une version plus récente de l'assistant (format "
            "{version}) : installez la dernière version pour les ouvrir ; rien n'a été modifié.").format(
            path=path, version=version))
    return settle_claims(validate(migrate(doc, found_keys)))


def _without_lone_surrogates(value: Any) -> Any:  # JSON: the same shape back
    """`value` with every lone surrogate of its texts replaced: JSON can say « \\udcff », UTF-8 cannot hold it,
    and one such text would make every later save fail."""
    if isinstance(value, str):
        return value if encodable(value) else without_lone_surrogates(value)
    if isinstance(value, list):
        return [_without_lone_surrogates(item) for item in value]
    if isinstance(value, dict):
        return {_without_lone_surrogates(key): _without_lone_surrogates(item) for key, item in value.items()}
    return value


def _lexists(path: Path) -> bool:
    return os.path.lexists(path)


class ReplaceRefused(PermissionError):
    """The new file was written beside the old one, which then refused to be replaced (even after the retries)."""


def _atomic_write(path: Path, data: bytes) -> None:
    fd, tmp = tempfile.mkstemp(prefix=path.name + ".", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        try:
            _replace(tmp, path)
        except PermissionError as refused:
            # The folder took the new file: what refuses is the old one – read-only, or (Windows) held open by
            # another program. Not « the folder is write-protected ».
            raise ReplaceRefused(*refused.args) from None
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
    _fsync_dir(path.parent)


def _replace(source: str, target: Path) -> None:
    delay = 0.05
    for attempt in range(REPLACE_ATTEMPTS):
        try:
            os.replace(source, target)
            return
        except PermissionError:
            if attempt == REPLACE_ATTEMPTS - 1:
                raise
            time.sleep(delay)
            delay *= 2


def _fsync_dir(folder: Path) -> None:
    if os.name != "posix":
        return  # Windows cannot open a directory for fsync; os.replace is already durable enough there
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return  # the file is written and replaced; only the durability of the rename is left to the OS
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


# -- the sentences -------------------------------------------------------------------------------
# Whole sentences with placeholders (translatable, French typography from tr); the paths go in as values.
def _how_to_choose() -> str:
    return tr("Pour en utiliser un autre, lancez l'assistant avec --data-dir DOSSIER.")


def unusable_dir_message(folder: Path, problem: OSError) -> str:
    if problem.errno in (errno.EEXIST, errno.ENOTDIR):
        why = tr("un fichier porte ce nom (ou celui d'un dossier parent) à la place d'un dossier")
    elif problem.errno in (errno.EACCES, errno.EPERM):
        why = tr("vous n'avez pas le droit d'y écrire")
    elif problem.errno == errno.EROFS:
        why = tr("il est sur un disque en lecture seule")
    elif problem.errno in _DISK_FULL:
        why = tr("le disque est plein")
    else:
        why = tr("erreur du système : {error}").format(error=problem.strerror or problem.errno)
    return tr("Le dossier de données « {folder} » ne peut pas être utilisé ({why}). {how}").format(
        folder=folder, why=why, how=_how_to_choose())


def save_failed_message(folder: Path, problem: OSError) -> str:
    if problem.errno in _DISK_FULL:
        why = tr("le disque du dossier « {folder} » est plein").format(folder=folder)
        todo = tr("libérez de la place")
    elif problem.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        why = tr("le dossier « {folder} » est protégé en écriture").format(folder=folder)
        todo = tr("rendez-le modifiable")
    else:
        why = tr("le système a refusé l'écriture dans « {folder} » ({error})").format(
            folder=folder, error=problem.strerror or problem.errno)
        todo = tr("vérifiez ce dossier")
    return tr("Enregistrement impossible : {why}. Vos dernières modifications ne sont gardées qu'en mémoire, tant "
              "que l'assistant reste ouvert. Pour ne pas les perdre, {todo} : l'assistant réessaiera à la prochaine "
              "modification. {how}").format(why=why, todo=todo, how=_how_to_choose())


def file_held_message(file: Path) -> str:
    return tr("Enregistrement impossible : le fichier « {file} » est en lecture seule ou ouvert par un autre "
              "programme. Vos dernières modifications ne sont gardées qu'en mémoire, tant que l'assistant reste "
              "ouvert. Pour ne pas les perdre, fermez le programme qui l'utilise ou retirez au fichier la lecture "
              "seule : l'assistant réessaiera à la prochaine modification.").format(file=file)


def unwritable_message() -> str:
    return tr("Enregistrement impossible : une valeur de la progression ne peut pas être écrite (erreur de "
              "l'assistant ; le détail est dans le journal). Vos dernières modifications ne sont gardées qu'en "
              "mémoire, tant que l'assistant reste ouvert.")


def log_unwritable(problem: Exception) -> None:
    # The type only, never the value itself.
    log.error("progression impossible à écrire : %s", type(problem).__name__)


def lock_refused_message(path: Path, problem: OSError) -> str:
    if problem.errno == errno.ELOOP:
        why = tr("c'est un lien vers un autre fichier")
    elif problem.errno in (errno.EISDIR, errno.ENXIO, errno.EINVAL, errno.EBADF) and problem.strerror == "irregular":
        why = tr("ce n'est pas un fichier ordinaire")
    elif problem.errno in (errno.EACCES, errno.EPERM, errno.EBADF):
        why = tr("vous n'avez pas le droit de le lire (il appartient peut-être à un autre utilisateur)")
    else:
        why = tr("erreur du système : {error}").format(error=problem.strerror or problem.errno)
    return tr("Le verrou « {path} », qui garantit qu'une seule fenêtre utilise ces données, ne peut pas être pris "
              "({why}) : rien n'a été ouvert. Supprimez ce fichier s'il n'est pas à vous, ou choisissez un autre "
              "dossier. {how}").format(path=path, why=why, how=_how_to_choose())


def no_locks_message(folder: Path) -> str:
    return tr("Le dossier de données « {folder} » est sur un système de fichiers qui ne permet pas de verrou (un "
              "partage réseau, souvent) : l'assistant ne peut pas empêcher deux fenêtres d'y enregistrer en même "
              "temps, ce qui ferait perdre le travail de l'une.").format(folder=folder)


def unreadable_message(path: Path) -> str:
    return tr("Le fichier de progression « {path} » ne peut pas être lu (droits insuffisants) : rien n'a été "
              "modifié. Corrigez ses droits. {how}").format(path=path, how=_how_to_choose())


def _log_recovery(path: Path, problem: str) -> None:
    # The problem names a key of the document and its expected type, never a value: no personal data.
    log.warning("progression illisible (%s) : %s", path.name, problem)


def _open_lock(path: Path) -> IO[bytes]:
    """The lock file, created with the usual mode if absent (readable by others who share the folder, so that
    they can take the same lock), never through a link, never anything but a regular file. A read-only one, or
    one that belongs to another user, is opened for reading: locking it still keeps a second window out."""
    flags = getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0) \
        | getattr(os, "O_BINARY", 0)
    mode = "r+b"
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT | flags, 0o644)
    except PermissionError as refused:
        try:
            fd, mode = os.open(path, os.O_RDONLY | flags), "rb"
        except FileNotFoundError:
            raise refused from None  # none there, and none can be made: the folder is read-only
    if not stat.S_ISREG(os.fstat(fd).st_mode):
        os.close(fd)
        raise OSError(errno.EINVAL, "irregular")
    return os.fdopen(fd, mode)


def _can_write_in(folder: Path) -> bool:
    """Whether a file can be made in `folder` (root ignores permission bits, so they are not read: tried)."""
    import tempfile

    try:
        fd, name = tempfile.mkstemp(prefix=".essai-", dir=folder)
    except OSError:
        return False
    os.close(fd)
    try:
        os.unlink(name)
    except OSError:
        pass
    return True


# sys.platform, not os.name: the type checker reads this test, and checks each branch for its own platform.
if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
    # LockFileEx itself rather than msvcrt.locking: the C runtime's _locking reports a failure through errno, which
    # it need not set (Wine's leaves it as it was: « Error », errno 0 or any earlier one), and then a second window
    # was « verrou ne peut pas être pris » instead of « déjà ouvert ». Windows' own error code says which it is.
    import ctypes
    import msvcrt
    from ctypes import wintypes

    _LOCKFILE_FAIL_IMMEDIATELY, _LOCKFILE_EXCLUSIVE_LOCK = 0x1, 0x2
    _ERROR_LOCK_VIOLATION = 33  # another handle holds it
    # Answers of a file system that has no locks (some network shares).
    _ERROR_NO_LOCKS = {1: "ERROR_INVALID_FUNCTION", 50: "ERROR_NOT_SUPPORTED", 120: "ERROR_CALL_NOT_IMPLEMENTED"}

    class _Overlapped(ctypes.Structure):
        _fields_ = [("Internal", ctypes.c_void_p), ("InternalHigh", ctypes.c_void_p), ("Offset", wintypes.DWORD),
                    ("OffsetHigh", wintypes.DWORD), ("hEvent", wintypes.HANDLE)]

    _kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
    _LockFileEx = _kernel32.LockFileEx
    _LockFileEx.argtypes = [wintypes.HANDLE, wintypes.DWORD, wintypes.DWORD, wintypes.DWORD, wintypes.DWORD,
                            ctypes.POINTER(_Overlapped)]
    _LockFileEx.restype = wintypes.BOOL
    _UnlockFileEx = _kernel32.UnlockFileEx
    _UnlockFileEx.argtypes = [wintypes.HANDLE, wintypes.DWORD, wintypes.DWORD, wintypes.DWORD,
                              ctypes.POINTER(_Overlapped)]
    _UnlockFileEx.restype = wintypes.BOOL

    def _lock(handle: IO[bytes]) -> None:
        """The file's first byte, exclusively, without waiting; an error named as on POSIX (flock)."""
        if _LockFileEx(msvcrt.get_osfhandle(handle.fileno()), _LOCKFILE_FAIL_IMMEDIATELY | _LOCKFILE_EXCLUSIVE_LOCK,
                       0, 1, 0, ctypes.byref(_Overlapped())):
            return
        code = ctypes.get_last_error()
        if code == _ERROR_LOCK_VIOLATION:
            raise OSError(errno.EWOULDBLOCK, "held")
        if code in _ERROR_NO_LOCKS:
            raise OSError(errno.ENOLCK, _ERROR_NO_LOCKS[code])
        raise ctypes.WinError(code)

    def _unlock(handle: IO[bytes]) -> None:
        if not _UnlockFileEx(msvcrt.get_osfhandle(handle.fileno()), 0, 1, 0, ctypes.byref(_Overlapped())):
            raise ctypes.WinError(ctypes.get_last_error())
else:
    import fcntl

    def _lock(handle: IO[bytes]) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)

    def _unlock(handle: IO[bytes]) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


def read_current_school(data_dir: Path, found_keys: dict[str, str] | None = None) -> School | None:
    """The current school's record, read-only (for the headless commands): never writes, never locks.
    FutureVersion when the file was written by a newer version: its backup is an older state, not to be read
    as the current one (the window refuses such a file too)."""
    for path in (Path(data_dir) / FILE_NAME, Path(data_dir) / (FILE_NAME + BACKUP_SUFFIX)):
        try:
            doc = read_document(path, found_keys)
        except (OSError, InvalidDocument):
            continue
        return doc["schools"][doc["current"]]
    return None


def read_schools(data_dir: Path) -> tuple[list[School], str | None]:
    """Every school kept in `data_dir` and the current one's id, read-only like `read_current_school`; ([], None)
    when nothing usable is saved there; FutureVersion as `read_current_school` says."""
    for path in (Path(data_dir) / FILE_NAME, Path(data_dir) / (FILE_NAME + BACKUP_SUFFIX)):
        try:
            doc = read_document(path)
        except (OSError, InvalidDocument):
            continue
        return list(doc["schools"].values()), doc["current"]
    return [], None
