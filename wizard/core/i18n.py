"""Translation of every user-visible string, French being the source language.

Code writes `tr("Texte français {n}").format(n=…)`: the template is looked up before the values go in, so one
entry serves every value. Qt-free: the window installs Qt's translator lookup (`QCoreApplication.translate`,
fed by `resources/translations/wizard_<lang>.qm`); without it (headless commands) the French text is used.
`tools/update_translations.py` collects every `tr("…")` literal and the ENT data file's texts into the `.ts`
sources.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Literal

from wizard.core.typography import french

CONTEXT = "wizard"
# What turns a French template into the text shown: `tr`, or `typography.french` for what stays French (the
# printed records).
Translate = Callable[[str], str]
Language = Literal["fr", "en"]  # the interface's languages
_lookup: Callable[[str, str], str] | None = None
_language: Language = "fr"


def tr(text: str) -> str:
    """`text` in the interface's language; French gets its typography (typography.py)."""
    if _lookup is None or _language == "fr":
        return french(text)
    return _lookup(CONTEXT, text) or french(text)


def install(lookup: Callable[[str, str], str] | None, language: Language) -> None:
    global _lookup, _language
    _lookup = lookup
    _language = language


def language() -> Language:
    return _language


def tr_noop(text: str) -> str:
    """Marks a French text kept in data (step titles, place names) for the `.ts` files; `tr` translates it
    where it is shown."""
    return text
