"""The school's year as data: which school year a date belongs to, what is due now, and the school's passes.

A school year runs from 1 September to 31 August (DESIGN.md, « The school's year »). One exception, written here
once: what an admin does in August is the rentrée's preparation – PRONOTE's base of the new year is made over the
summer, and the tutorial's full import is « à réaliser en début d'année » – so a date in August is reckoned with the
year that starts on 1 September (`year_of_work`). A strict 1 September would have the board say on 2 September
that the full import made on 27 August is still to do. (Until issue 19 the boundary was 1 August for every use,
labels included.)

A school's history is a list of passes (document.Pass): the first walk, then one per import. A finished pass is
history: nothing here changes it, and nothing here depends on anything but recorded dates and today's date.
"""
from __future__ import annotations

from datetime import date

from wizard.core.dates import day as format_day
from wizard.core.dates import parse_iso
from wizard.core.figures import reading_phrase
from wizard.core.i18n import tr, tr_noop

# The mode as a word of the sentence (the ENT's own labels, « Import complet » / « Partiel », are in its data file).
MODE_WORDS = {"complet": tr_noop("complet"), "partiel": tr_noop("partiel")}

# The window in which the tutorial advises switching pronote.net (part 2): the days around the pré-rentrée.
PRE_RENTREE_START = (8, 16)  # 16 August
PRE_RENTREE_END = (9, 15)  # 15 September


def school_year(day: date) -> int:
    """The calendar year in which the school year of `day` started (2026 for 2026-2027): 1 September – 31 August."""
    return day.year if day.month >= 9 else day.year - 1


def year_of_work(day: date) -> int:
    """The school year that work done on `day` is for: its school year, or the coming one in August (see above)."""
    return day.year if day.month >= 8 else day.year - 1


def year_label(year: int) -> str:
    return f"{year}-{year + 1}"


def school_year_label(day: date) -> str:
    return year_label(year_of_work(day))


def is_pre_rentree(day: date) -> bool:
    return PRE_RENTREE_START <= (day.month, day.day) <= PRE_RENTREE_END


def work_year_of(text: str | None) -> int | None:
    """`year_of_work` of a recorded date (None when it cannot be read)."""
    when = parse_iso(text)
    return year_of_work(when.date()) if when else None


def last_import(history: list[dict]) -> dict | None:
    return history[-1] if history else None


def full_import_of_year(history: list[dict], year: int) -> dict | None:
    """The first full import recorded for school year `year` (the one the rentrée needs), or None."""
    for entry in history:
        if entry.get("mode") == "complet" and work_year_of(entry.get("date")) == year:
            return entry
    return None


def full_import_this_year(history: list[dict], today: date) -> bool:
    return full_import_of_year(history, year_of_work(today)) is not None


def default_mode(history: list[dict], today: date) -> str:
    """Full import when none was made this school year, partial otherwise (DESIGN: export_mode)."""
    return "partiel" if full_import_this_year(history, today) else "complet"


# -- the history, said -------------------------------------------------------------------------------------------
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


def recap(entry: dict) -> str:
    """One line on the last import: its date and mode, the people of its file, the ENT's figure and what it meant.
    « Dernier import : 14/11/2027, partiel ; 23 personnes dans le fichier ; l'ENT a annoncé 1598 (son total après
    cet import). »"""
    day = format_day(entry.get("date"), tr("date inconnue"))
    mode = tr(MODE_WORDS.get(entry.get("mode"), tr_noop("inconnu")))
    people = entry.get("counts", {}).get("total", 0)
    text = tr("Dernier import : {day}, {mode} ; {people} personne(s) dans le fichier ; l'ENT a annoncé "
              "{figure}").format(day=day, mode=mode, people=people, figure=entry.get("reported_count", 0))
    meaning = reading_phrase(entry.get("reading"))
    return text + (f" ({meaning})." if meaning else ".")
