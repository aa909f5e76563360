"""Outside text made harmless to show: the control characters that would move a terminal's cursor, change its
colours or make a line read differently from what it holds, turned into visible escapes."""
from __future__ import annotations

import re

# C0 controls but \t and \n, DEL, C1 controls, and the Unicode line/paragraph separators and bidi overrides,
# which can make a line read differently from what it holds.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def clean(text: str) -> str:
    """`text` with its control characters made visible and harmless (\\r included: it would overwrite a line)."""
    return _CONTROL.sub(_escape, text)


def one_line(text: str) -> str:
    """`text` on one line: its line breaks and tabs are single spaces. For outside text a message quotes (a UAI from
    the identifier file, a name from the PRONOTE server): a line break in it forged a line of the command's output."""
    return " ".join(text.split())
