"""Outside text made fit for the saved document, where it enters: a server's answer, a file's contents or name, the
ENT's CSV, what the admin types or pastes.

Python strings can hold what no file can: a lone surrogate (« \\udcff », valid JSON, or a file name in a foreign
encoding decoded by `os.fsdecode`) makes UTF-8 encoding raise – one such value in the document and every later
save failed. NUL and the other control characters are kept out too: they end a C string in the PDF renderer or
in a Windows API, move a terminal's cursor, or make a line read differently from what it holds. And every text
has a length a real value never reaches, so that a hostile answer cannot make the document, the window or the
printed record huge.

`plain(text, limit)` is the one rule: lone surrogates become « � » (something was there and is not shown),
line breaks and tabs a space, other control and bidirectional-override characters disappear, and text beyond
`limit` characters is cut with « … ». Qt-free, pure, cheap on ordinary text (one C-speed test for the common
case).
"""
from __future__ import annotations

# What a single-line value of the document holds at most (names, versions, hosts, file names). A school's name,
# a PRONOTE address, a file name are far shorter; a server's message or a finding's sentence quotes them.
NAME = 200
ADDRESS = 500
MESSAGE = 2000
PATH = 4096

REPLACEMENT = "\ufffd"
# C0 controls, DEL, C1 controls, the line/paragraph separators and the bidirectional embeddings, overrides and
# isolates (they make a line read differently from what it holds); \t, \n, \r are turned into spaces first.
# The patterns are compiled at the first text that needs them, not for the first page.
_UNWANTED = "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]"
_LINE_BREAKS = {9: " ", 10: " ", 13: " "}
_SURROGATES = "[\ud800-\udfff]"


def plain(text: str, limit: int = NAME) -> str:
    """`text` as the document may keep it: encodable, no control characters, at most `limit` characters."""
    if not isinstance(text, str):
        text = str(text)
    if not (text.isprintable() and len(text) <= limit and text.isascii()):
        text = _fix(text)
        if len(text) > limit:
            text = text[: limit - 1] + "…"
    return text


def _fix(text: str) -> str:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        # A well-formed pair (from a JSON escape) is one character already: what is left here is a lone half.
        text = without_lone_surrogates(text)
    import re  # its compiled patterns are cached: once per process

    return re.sub(_UNWANTED, "", text.translate(_LINE_BREAKS))


def encodable(text: str) -> bool:
    """Whether `text` can be written as UTF-8 (no lone surrogate)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def without_lone_surrogates(text: str) -> str:
    import re

    return re.sub(_SURROGATES, REPLACEMENT, text)


def plain_keys(values: dict, limit: int = NAME) -> dict:
    """A mapping of outside texts (a file's field names, a CSV's headers) made plain, keys and values."""
    return {plain(str(key), limit): plain(value, limit) if isinstance(value, str) else value
            for key, value in values.items()}
