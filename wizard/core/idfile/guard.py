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

from wizard.core.idfile.limits import MAX_NAMESPACE_DECLARATIONS, MAX_PROCESSING_INSTRUCTIONS, MAX_RUN
from wizard.core.idfile.safety import too_long, too_many_declarations

_TWO_BYTE = ("utf-16-le", "utf-16-be")


class ByteGuard:
    def __init__(self, codec: str | None):
        self._decoder = codecs.getincrementaldecoder(codec)("replace") if codec in _TWO_BYTE else None
        empty = "" if self._decoder else b""
        self._lt, self._newline = ("<", "\n") if self._decoder else (b"<", b"\n")
        self._xmlns, self._instruction = ("xmlns", "<?") if self._decoder else (b"xmlns", b"<?")
        self._tail = empty  # the end of the previous chunk
        self.newlines = 0  # line breaks in everything checked so far
        self._run = 0  # units since the last « < »
        self._declarations = self._instructions = 0

    def check(self, chunk: bytes) -> None:
        """Raises IdFileError past a cap; counts the chunk's line breaks."""
        text = self._decoder.decode(chunk) if self._decoder is not None else chunk
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
