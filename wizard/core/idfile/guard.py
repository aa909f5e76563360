"""Caps checked on the bytes, chunk by chunk, before lxml sees them: what lxml would build or keep before any event
could show it.

- A run of MAX_RUN bytes without a « < »: a start tag that long would have all its attributes built at once (a
  few hundred bytes each); a text that long is no field.
- Namespace declarations and processing instructions: their prefixes, URIs and targets stay in lxml's dictionary
  of names for as long as the thread lives, and no event shows them.
Searching bytes for « < », `xmlns` and `<?` is right in every encoding whose markup is ASCII; UTF-16 is decoded
first (a byte 0x3C may be half of another character there).
"""
from __future__ import annotations

import codecs
from typing import AnyStr, Generic

from wizard.core.idfile.limits import MAX_NAMESPACE_DECLARATIONS, MAX_PROCESSING_INSTRUCTIONS, MAX_RUN
from wizard.core.idfile.safety import too_long, too_many_declarations

_TWO_BYTE = ("utf-16-le", "utf-16-be")


class ByteGuard:
    def __init__(self, codec: str | None):
        self._decoder = codecs.getincrementaldecoder(codec)("replace") if codec in _TWO_BYTE else None
        # One counter per kind of unit: the file's bytes, or the text UTF-16 decodes to.
        self._bytes = _Counter(b"<", b"\n", b"xmlns", b"<?")
        self._text = _Counter("<", "\n", "xmlns", "<?")

    @property
    def newlines(self) -> int:
        """Line breaks in everything checked so far."""
        return self._text.newlines if self._decoder is not None else self._bytes.newlines

    def check(self, chunk: bytes) -> None:
        """Raises IdFileError past a cap; counts the chunk's line breaks."""
        if self._decoder is not None:
            self._text.check(self._decoder.decode(chunk))
        else:
            self._bytes.check(chunk)


class _Counter(Generic[AnyStr]):
    """The caps, counted in one kind of unit (bytes, or decoded text)."""

    def __init__(self, lt: AnyStr, newline: AnyStr, xmlns: AnyStr, instruction: AnyStr):
        self._lt: AnyStr = lt
        self._newline: AnyStr = newline
        self._xmlns: AnyStr = xmlns
        self._instruction: AnyStr = instruction
        self._tail: AnyStr = lt[:0]  # the end of the previous chunk
        self.newlines = 0  # line breaks in everything checked so far
        self._run = 0  # units since the last « < »
        self._declarations = self._instructions = 0

    def check(self, text: AnyStr) -> None:
        breaks = text.count(self._newline)
        first = text.find(self._lt)
        if self._run + (len(text) if first < 0 else first) > MAX_RUN:  # refused where the run goes past the cap
            crossing = MAX_RUN - self._run
            raise too_long(self.newlines + text.count(self._newline, 0, crossing) + 1)
        self._run = self._run + len(text) if first < 0 else len(text) - text.rfind(self._lt) - 1
        self.newlines += breaks
        # A word cut between two chunks is found where the end of one meets the start of the next, keeping fewer
        # characters on each side than the word has, so that no word is counted twice.
        self._declarations += text.count(self._xmlns) + (self._tail[-4:] + text[:4]).count(self._xmlns)
        self._instructions += text.count(self._instruction) + (self._tail[-1:] + text[:1]).count(self._instruction)
        self._tail = text[-4:]
        if self._declarations > MAX_NAMESPACE_DECLARATIONS or self._instructions > MAX_PROCESSING_INSTRUCTIONS:
            raise too_many_declarations(None)
