"""French typography for everything the admin reads: a non-breaking space before « : ; ! ? » and inside
« guillemets », so that no colon, question mark or closing guillemet wraps alone onto the next line.

Applied by `i18n.tr` to every French text (the templates, before values go in), so a page cannot forget it.
Only spaces already written are made non-breaking: a colon with no space before it is part of something else
(« https:// », « 08:39 », « C:\\ ») and is left alone.
"""
from __future__ import annotations

import re

NBSP = "\u00a0"
# Followed by a space, the end, a closing mark or an HTML tag (help pages and records are French HTML).
_BEFORE_PUNCTUATION = re.compile(r"[ \t\u00a0]+(?=[:;!?](?:\s|$|[»).,\"'<]))", re.MULTILINE)
_AFTER_OPENING = re.compile(r"«[ \t\u00a0]*")
_BEFORE_CLOSING = re.compile(r"[ \t\u00a0]*»")


def french(text: str) -> str:
    if not any(mark in text for mark in ":;!?«»"):
        return text  # most texts: no work
    text = _BEFORE_PUNCTUATION.sub(NBSP, text)
    text = _AFTER_OPENING.sub("«" + NBSP, text)
    return _BEFORE_CLOSING.sub(NBSP + "»", text)


def plain(text: str) -> str:
    """The same text with ordinary spaces (for consoles that cannot show a non-breaking one)."""
    return text.replace(NBSP, " ").replace("\u202f", " ")
