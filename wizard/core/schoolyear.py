"""School-year arithmetic: which year an import belongs to, and whether today is the pré-rentrée.

A French school year starts at the pré-rentrée, at the end of August: an import made on 27/08/2026 is the
full import of 2026-2027. We take 1 August as the boundary so the late-August imports fall in the new year.
"""
from __future__ import annotations

from datetime import date

from wizard.core.dates import day as format_day
from wizard.core.dates import parse_iso
from wizard.core.i18n import tr, tr_noop

# The mode as a word of the sentence (the ENT's own labels, « Import complet » / « Partiel », are in its data file).
MODE_WORDS = {"complet": tr_noop("complet"), "partiel": tr_noop("partiel")}

# The window in which the tutorial advises switching pronote.net (part 2): the days around the pré-rentrée.
PRE_RENTREE_START = (8, 16)  # 16 August
PRE_RENTREE_END = (9, 15)  # 15 September


def school_year(day: date) -> int:
    """The calendar year in which the school year of `day` started (2026 for 2026-2027)."""
    return day.year if day.month >= 8 else day.year - 1


def school_year_label(day: date) -> str:
    start = school_year(day)
    return f"{start}-{start + 1}"


def is_pre_rentree(day: date) -> bool:
    return PRE_RENTREE_START <= (day.month, day.day) <= PRE_RENTREE_END


def last_import(history: list[dict]) -> dict | None:
    return history[-1] if history else None


def full_import_this_year(history: list[dict], today: date) -> bool:
    year = school_year(today)
    for entry in history:
        when = parse_iso(entry.get("date"))
        if entry.get("mode") == "complet" and when and school_year(when.date()) == year:
            return True
    return False


def default_mode(history: list[dict], today: date) -> str:
    """Full import when none was made this school year, partial otherwise (DESIGN: export_mode)."""
    return "partiel" if full_import_this_year(history, today) else "complet"


def describe_import(entry: dict) -> str:
    """« Dernier import : 27/08/2026 en mode complet, 1575 identifiants »."""
    day = format_day(entry.get("date"), tr("date inconnue"))
    count = entry.get("reported_count")
    if count is None:
        count = entry.get("counts", {}).get("total", 0)
    plural = "s" if count != 1 else ""
    mode = tr(MODE_WORDS.get(entry.get("mode"), tr_noop("inconnu")))
    return tr("Dernier import : {day} en mode {mode}, {count} "
              "identifiant{plural}").format(day=day, mode=mode, count=count, plural=plural)
