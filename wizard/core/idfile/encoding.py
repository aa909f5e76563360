"""Which encoding the identifier file is in, and whether its text looks mis-decoded.

XML says: a byte order mark or the declaration wins, and a file with neither is UTF-8. Files written by Windows
software often break that rule (Windows-1252 without a declaration), so the reader retries those as Windows-1252
and says so – or as ISO-8859-1 (Latin-1) when the file holds one of the five bytes Windows-1252 leaves undefined,
which libxml2 would refuse in Windows-1252 (Latin-1 reads every byte; those five become C1 control characters).
Text that was decoded with the wrong table shows tell-tale marks (C1 control characters, « Ã© »): they are
reported, since the ENT would show the same broken names.
"""
from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

RETRY_ENCODING = "windows-1252"
LATIN1_RETRY = "iso-8859-1"
# The bytes Windows-1252 does not define (Python's cp1252 and libxml2 refuse them); ISO-8859-1 reads them as C1.
_CP1252_UNDEFINED = (b"\x81", b"\x8d", b"\x8f", b"\x90", b"\x9d")
# What the report shows for each retry.
RETRY_LABELS = {RETRY_ENCODING: "Windows-1252", LATIN1_RETRY: "ISO-8859-1"}

_BOMS = (
    (codecs.BOM_UTF8, "UTF-8", "utf-8"),
    (codecs.BOM_UTF16_LE, "UTF-16", "utf-16-le"),
    (codecs.BOM_UTF16_BE, "UTF-16", "utf-16-be"),
)
_DECLARATION = re.compile(r"""^\s*<\?xml\s[^>]*?\bencoding\s*=\s*["']([A-Za-z][A-Za-z0-9._-]*)["']""")

# UTF-8 read as Latin-1/Windows-1252 turns « é » into « Ã© », « à » into « Ã\xa0 », « ’ » into « â€™ ».
_MOJIBAKE = re.compile("[\u0080-\u009f]"
                       "|[ÃÂ][\u00a0-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013-\u203a\u20ac\u2122]"
                       "|â€")


@dataclass(frozen=True)
class Sniffed:
    label: str  # what the report shows: "UTF-8", "UTF-16", "ISO-8859-1"…
    codec: str  # a Python codec good enough to read the prolog (markup is ASCII in every supported encoding)
    declared: bool  # a BOM or a declaration fixes the encoding; otherwise XML's default (UTF-8) is only a guess
    bom: bytes = b""


def sniff(head: bytes) -> Sniffed:
    for bom, label, codec in _BOMS:
        if head.startswith(bom):
            return Sniffed(label, codec, True, bom)
    # UTF-16 without BOM: libxml2 recognises it from the first « <? », so must we.
    if head.startswith(b"<\x00?\x00"):
        return Sniffed("UTF-16", "utf-16-le", True)
    if head.startswith(b"\x00<\x00?"):
        return Sniffed("UTF-16", "utf-16-be", True)
    match = _DECLARATION.match(head[:400].decode("latin-1"))
    if match:
        name = match.group(1)
        try:
            codec = codecs.lookup(name).name
        except LookupError:
            codec = "latin-1"  # libxml2 will judge; for reading the prolog any ASCII superset will do
        if codec.startswith("utf-16") or codec.startswith("utf-32"):
            codec = "latin-1"  # declared UTF-16 without a BOM or « <? » pattern: the bytes are not UTF-16 anyway
        return Sniffed(name.upper(), codec, True)
    return Sniffed("UTF-8", "utf-8", False)


class Utf8Probe:
    """Checks, chunk by chunk, that an undeclared file really is UTF-8 (then no retry is needed)."""

    def __init__(self) -> None:
        self._decoder = codecs.getincrementaldecoder("utf-8")()
        self.cp1252_undefined = False  # a byte Windows-1252 leaves undefined was seen (`undefined_in_cp1252`)

    def undefined_in_cp1252(self, chunk: bytes) -> bool:
        """Whether this chunk or one before holds a byte Windows-1252 leaves undefined (then the retry is Latin-1)."""
        if not self.cp1252_undefined and not chunk.isascii():
            # Five searches for one byte each: 13 times as fast as one regex for the five (20 ms per 100 MB).
            self.cp1252_undefined = any(byte in chunk for byte in _CP1252_UNDEFINED)
        return self.cp1252_undefined

    def ok(self, chunk: bytes, final: bool = False) -> bool:
        if chunk.isascii() and not final and not self._decoder.getstate()[0]:
            return True  # the fast path for the usual all-ASCII chunk, when no sequence is pending
        try:
            self._decoder.decode(chunk, final)
        except UnicodeDecodeError:
            return False
        return True


_MARK = re.compile("[\u0080-\u009fÃÂâ]")  # a character every pattern above starts with: a quick first look


def looks_misdecoded(text: str) -> bool:
    return not text.isascii() and _MARK.search(text) is not None and _MOJIBAKE.search(text) is not None


def ends_mid_character(data: bytes) -> bool:
    """The last bytes begin a UTF-8 character that the data does not finish (a copy cut short)."""
    for back in (1, 2, 3):
        if len(data) < back:
            return False
        byte = data[-back]
        if byte & 0xC0 == 0x80:  # a continuation byte: the character began further back
            continue
        needed = 2 if byte & 0xE0 == 0xC0 else 3 if byte & 0xF0 == 0xE0 else 4 if byte & 0xF8 == 0xF0 else 1
        return needed > back
    return False
