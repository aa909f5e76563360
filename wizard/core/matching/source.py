"""Opening the ENT's account list as text, whatever the admin picked: bounded, never blocking, encoding named.

- Only a regular file is read. It is opened without blocking (`O_NONBLOCK`: a FIFO with no writer would
  otherwise hang `open` itself) and checked on the open descriptor (`fstat`), so that a file swapped for a
  FIFO or a device between the check and the read is still refused. `/dev/zero` is a device: refused.
- The size is capped before reading, and again while reading (a file that grows).
- The encoding is decided on the whole file before any row is read: a BOM (UTF-8, UTF-16), UTF-16 without a BOM
  (its NUL bytes every other byte give it away), else UTF-8, else Windows-1252, else Latin-1 (any byte). A file
  with NUL bytes that is not UTF-16 is refused: a spreadsheet (.xlsx, .ods) or a binary, not a CSV.
- Lines are read one by one with a length cap, so a file without line breaks never sits whole in memory, and
  their number is capped too (50 MB of empty lines is millions of them).
"""
from __future__ import annotations

import codecs
import contextlib
import errno
import io
import os
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from wizard.core.errors import UserError
from wizard.core.i18n import tr
from wizard.core.text import clean

MAX_BYTES = 50 * 1024 * 1024  # a large cité scolaire's list is a few MB
MAX_LINE = 16_000  # characters in one line; a row of an account list is under 500
MAX_LINES = 1_000_000  # lines, empty ones included: a list of a few thousand rows, with room to spare
_HEAD = 64 * 1024
_CHUNK = 1024 * 1024


class SourceError(UserError):
    """The file cannot be opened or decoded; the message is French and names only the file."""


class Text:
    """The decoded lines of an open file: `lines()` yields (line number, text or None when over `MAX_LINE`)."""

    def __init__(self, handle: BinaryIO, encoding: str, label: str, name: str):
        self._handle = handle
        self.name = name
        self._codec = encoding
        self.encoding = label

    def lines(self) -> Iterator[tuple[int, str | None]]:
        self._handle.seek(0)
        # The encoding was checked on the whole file; "replace" only matters if it changed since.
        text = io.TextIOWrapper(self._handle, encoding=self._codec, newline="", errors="replace")
        number = 0
        try:
            while True:
                line = text.readline(MAX_LINE + 1)
                if not line:
                    return
                number += 1
                if number > MAX_LINES:
                    raise SourceError(tr("« {name} » a plus d'un million de lignes : ce n'est pas une liste de "
                                         "comptes.").format(name=self.name))
                if len(line) > MAX_LINE and not line.endswith(("\n", "\r")):
                    while line and not line.endswith(("\n", "\r")):  # skip the rest, never holding it whole
                        line = text.readline(MAX_LINE)
                    yield number, None
                    continue
                yield number, line
        except OSError:
            raise SourceError(tr("Le fichier « {name} » ne peut pas être lu jusqu'au bout (ligne {line}).").format(
                name=self.name, line=number + 1)) from None
        finally:
            with contextlib.suppress(ValueError):  # the file was closed first (the reader stopped early)
                text.detach()


@contextmanager
def open_text(path: Path) -> Iterator[Text]:
    name = clean(path.name or str(path))
    handle = _open_regular(path, name)
    try:
        yield Text(handle, *_encoding(handle, name), name)
    finally:
        handle.close()


def _open_regular(path: Path, name: str) -> BinaryIO:
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        descriptor = os.open(path, flags)
    except FileNotFoundError:
        raise SourceError(tr("Le fichier « {name} » est introuvable.").format(name=name)) from None
    except OSError as error:
        # Windows cannot open a folder as a file either, but says « access denied » (EACCES), not EISDIR.
        if error.errno in (errno.EISDIR, errno.EACCES) and path.is_dir():
            raise SourceError(tr("« {name} » est un dossier, pas une liste de comptes.").format(name=name)) from None
        raise SourceError(tr("Le fichier « {name} » ne peut pas être ouvert.").format(name=name)) from None
    except ValueError:  # a NUL byte in the path
        raise SourceError(tr("Le fichier « {name} » ne peut pas être ouvert.").format(name=name)) from None
    try:
        status = os.fstat(descriptor)
        if stat.S_ISDIR(status.st_mode):
            raise SourceError(tr("« {name} » est un dossier, pas une liste de comptes.").format(name=name))
        if not stat.S_ISREG(status.st_mode):
            raise SourceError(tr("« {name} » n'est pas un fichier ordinaire (périphérique, tube…) : choisissez le "
                                 "fichier CSV exporté de l'ENT.").format(name=name))
        if status.st_size > MAX_BYTES:
            raise SourceError(_too_big(name))
        return os.fdopen(descriptor, "rb")
    except BaseException:
        os.close(descriptor)
        raise


def _too_big(name: str) -> str:
    return tr("« {name} » est trop volumineux pour une liste de comptes (plus de {limit} Mo) : choisissez le "
              "fichier CSV exporté de l'ENT.").format(name=name, limit=MAX_BYTES // (1024 * 1024))


def _encoding(handle: BinaryIO, name: str) -> tuple[str, str]:
    """(codec to read with, label to show)."""
    head = handle.read(_HEAD)
    candidates: tuple[tuple[str, str], ...]  # (codec, label) to try in turn
    if head.startswith(codecs.BOM_UTF8):
        candidates = (("utf-8-sig", "utf-8-sig"),)
    elif head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        candidates = (("utf-16", "utf-16"),)  # Excel's « Texte Unicode »
    elif (utf16 := _utf16_without_bom(head)) is not None:
        candidates = ((utf16, utf16),)
    elif b"\x00" in head:
        raise SourceError(tr("« {name} » n'est pas un fichier texte (encodage inconnu, ou classeur .xlsx/.ods) : "
                             "enregistrez la liste au format CSV.").format(name=name))
    else:
        # latin-1 reads any byte: cp1252 leaves five undefined
        candidates = (("utf-8", "utf-8"), ("cp1252", "cp1252"), ("latin-1", "latin-1"))
    for codec, label in candidates:
        if _decodes(handle, codec, name):
            return codec, label
    if candidates[0][0].startswith("utf-16"):
        raise SourceError(tr("« {name} » semble encodé en UTF-16, mais il ne se décode pas : enregistrez la liste "
                             "en CSV UTF-8.").format(name=name))
    raise SourceError(tr("« {name} » n'est pas un texte lisible (encodage inconnu) : enregistrez la liste en CSV "
                         "UTF-8.").format(name=name))


def _utf16_without_bom(head: bytes) -> str | None:
    """UTF-16 written without a BOM: Latin text has a NUL byte as every other byte, odd ones for little-endian."""
    sample = head[: len(head) // 2 * 2]
    if len(sample) < 4:
        return None
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    half = len(sample) // 2
    if odd >= 0.4 * half and even <= 0.05 * half:
        return "utf-16-le"
    if even >= 0.4 * half and odd <= 0.05 * half:
        return "utf-16-be"
    return None


def _decodes(handle: BinaryIO, codec: str, name: str) -> bool:
    """Whether the whole file decodes with `codec`, read in chunks (never whole), its size checked again."""
    handle.seek(0)
    decoder = codecs.getincrementaldecoder(codec)(errors="strict")
    size = 0
    try:
        while chunk := handle.read(_CHUNK):
            size += len(chunk)
            if size > MAX_BYTES:
                raise SourceError(_too_big(name))
            text = decoder.decode(chunk)
            if codec.startswith("utf-16") and "\x00" in text:
                return False  # NUL characters: these were not UTF-16 text bytes
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return False
    except OSError:
        raise SourceError(tr("Le fichier « {name} » ne peut pas être lu.").format(name=name)) from None
    return True
