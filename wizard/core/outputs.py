"""Files the assistant writes for the admin – the record and the notice (PDF), the matching worksheet (CSV) – from
the window and from the commands: never over what they were made from nor over the app's own data, written whole
or not at all, and a failure told as a failure.

`refusal(target, ...)` says in one French sentence why `target` must not be written (None when it may):
- a folder (`--out` an existing directory), or a place whose folder does not exist;
- the progress file, its backup, the lock, the key file – anything inside the data folder – or a file being read
  (the identifier file, the ENT's list): compared by the file itself (`os.stat`: device and inode), so a hard
  link, a symbolic link or `./x` for `x` is caught as well as the same path;
- an existing file protected against writing (replacing it would undo what its owner chose).

`write_atomically(target, write, check)` has `write` fill a temporary file beside the target, `check` it (a PDF
writer that « succeeded » without writing is caught there), then renames it over the target: an interrupted write
(a full disk, a crash, a 1 MB school name) never leaves a partial file. Qt-free.
"""
from __future__ import annotations

import contextlib
import errno
import os
import secrets
import stat
from collections.abc import Callable, Iterable
from pathlib import Path

from wizard.core.errors import UserError
from wizard.core.i18n import tr
from wizard.core.text import clean


class OutputFailed(UserError):
    """The file could not be written; nothing was left in its place."""


def refusal(target: Path, *, data_dir: Path | None = None, inputs: Iterable[Path | str | None] = ()) -> str | None:
    target = Path(target)
    shown = clean(str(target))
    if target.is_dir():
        return tr("« {path} » est un dossier : indiquez le nom du fichier à écrire.").format(path=shown)
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        return tr("Le dossier « {folder} » n'existe pas : choisissez un autre emplacement.").format(
            folder=clean(str(folder)))
    if data_dir is not None and _inside(target, Path(data_dir)):
        return tr("« {path} » est dans le dossier des données de l'assistant ({folder}) : choisissez un autre "
                  "emplacement, ces fichiers ne doivent pas être remplacés.").format(
            path=shown, folder=clean(str(data_dir)))
    own = _files_in(Path(data_dir)) if data_dir is not None else []
    for source in own:  # a hard link elsewhere to the progress file is the progress file
        if _same_file(target, source):
            return tr("« {path} » est un des fichiers de l'assistant (sa progression) sous un autre nom : "
                      "choisissez un autre nom.").format(path=shown)
    for source in [Path(item) for item in inputs if item]:
        if _same_file(target, source):
            return tr("« {path} » est un des fichiers lus pour faire celui-ci : choisissez un autre nom.").format(
                path=shown)
    if os.path.lexists(target) and _protected(target):
        return tr("« {path} » existe et est protégé en écriture : choisissez un autre nom.").format(path=shown)
    return None


def write_atomically(target: Path, write: Callable[[Path], None],
                     check: Callable[[Path], bool] | None = None) -> None:
    """OutputFailed (a sentence naming the file) when it could not be written whole; the target is then as it was."""
    target = Path(target)
    folder = target.parent if str(target.parent) else Path(".")
    try:
        temporary = _new_file(folder, target.name)
    except OSError as problem:
        raise OutputFailed(failed_message(target, problem)) from None
    try:
        write(temporary)
        if check is not None and not check(temporary):
            raise OSError(0, "incomplete")
        _keep_mode(target, temporary)
        with open(temporary, "rb+") as handle:
            os.fsync(handle.fileno())
        os.replace(temporary, target)
    except OSError as problem:
        raise OutputFailed(failed_message(target, problem)) from None
    finally:
        with contextlib.suppress(OSError):
            os.unlink(temporary)


def _new_file(folder: Path, name: str) -> Path:
    """An empty file of a name no one uses, beside the target. Created with the permissions the user's umask gives
    any new file – not mkstemp's owner-only 0600: the record and the notice hold no personal data, and a copy
    saved to a shared folder for colleagues must be readable by them."""
    for _attempt in range(100):
        path = folder / f".{name[:60]}.{secrets.token_hex(4)}.tmp"
        try:
            os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666))
        except FileExistsError:
            continue
        return path
    raise FileExistsError(errno.EEXIST, "no free temporary name", str(folder))


def _keep_mode(target: Path, temporary: Path) -> None:
    """A file written over keeps the permissions its owner gave it (the replacement is a new file)."""
    try:
        mode = stat.S_IMODE(os.stat(target).st_mode)
    except OSError:
        return  # no file there yet
    os.chmod(temporary, mode)


def is_whole_pdf(path: Path) -> bool:
    """A PDF that was written to its end (a PDF writer that could not write leaves an empty or cut file)."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(5)
            handle.seek(0, os.SEEK_END)
            size = handle.tell()
            handle.seek(max(0, size - 1024))
            tail = handle.read()
    except OSError:
        return False
    return head == b"%PDF-" and b"%%EOF" in tail


def failed_message(target: Path, problem: OSError) -> str:
    """Why `target` could not be written, in one sentence that says nothing was (a full disk is a full disk,
    not a file « ouvert dans Excel »)."""
    if problem.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        why = tr("le disque est plein")
    elif problem.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        why = tr("le dossier est protégé en écriture, ou le fichier est ouvert dans un autre programme")
    else:
        why = tr("le fichier n'a pas pu être écrit en entier")
    return tr("Impossible d'écrire « {path} » ({why}) : rien n'a été enregistré.").format(
        path=clean(str(target)), why=why)


def _inside(target: Path, folder: Path) -> bool:
    try:
        real_folder = os.path.realpath(folder)
        real_target = os.path.realpath(target)
        return os.path.commonpath([real_folder, real_target]) == real_folder
    except (OSError, ValueError):  # another drive on Windows
        return False


def _files_in(folder: Path) -> list[Path]:
    try:
        with os.scandir(folder) as entries:
            return [Path(entry.path) for entry in entries if entry.is_file()]
    except OSError:
        return []


def _same_file(target: Path, source: Path) -> bool:
    if os.path.abspath(target) == os.path.abspath(source):
        return True
    try:
        return os.path.samestat(os.stat(target), os.stat(source))
    except (OSError, ValueError):
        return False  # the target does not exist yet, or the source is gone (told elsewhere)


def _protected(target: Path) -> bool:
    try:
        info = os.stat(target)
    except OSError:
        return False
    # The permission bits, not os.access: root may write anything, yet the owner made it read-only.
    return stat.S_ISREG(info.st_mode) and not info.st_mode & stat.S_IWUSR
