"""After the import: the users PRONOTE could not identify through the ENT (« Identification impossible »).

PRONOTE's supervisor home page counts them in its « Interconnexion avec l'ENT » panel (the tutorial's own screenshot
shows « 49 utilisateurs rencontrent des échecs d'identification sur l'ENT »). The admin notes that count on a day;
the board shows its trend (49 → 12 → 0). Only counts and days are kept: never who. Qt-free.
"""
from __future__ import annotations

from datetime import date

from wizard.core import dates
from wizard.core.i18n import tr
from wizard.core.schoolyear import work_year_of, year_of_work

MAX_COUNT = 200_000  # more people than any school has (idfile.limits.MAX_PEOPLE)
SHOWN_IN_TREND = 6


def parse_day(text: str) -> date | None:
    """« 06/12/2026 » (or « 6/12/2026 ») as a date; None when it is not one."""
    parts = text.strip().split("/")
    if len(parts) != 3 or not all(part.isdigit() and part.isascii() for part in parts) or len(parts[2]) != 4:
        return None
    try:
        return date(int(parts[2]), int(parts[1]), int(parts[0]))
    except ValueError:
        return None


def check_count(day_text: str, count_text: str, today: date) -> tuple[date, int] | str:
    """(day, count) for a count typed with the day it was read; else one French sentence saying what to correct."""
    text = count_text.strip()
    if not text:
        return tr("Saisissez le nombre d'utilisateurs en échec affiché par PRONOTE (0 s'il n'y en a plus).")
    if not text.isdigit() or not text.isascii():
        return tr("Le nombre d'utilisateurs en échec s'écrit en chiffres, par exemple 12.")
    count = int(text)
    if count > MAX_COUNT:
        return tr("Ce nombre est plus grand que celui des personnes d'un établissement : vérifiez-le.")
    day = parse_day(day_text)
    if day is None:
        return tr("Écrivez le jour du relevé sous la forme jj/mm/aaaa, par exemple {example}.").format(
            example=dates.day(today))
    if day > today:
        return tr("Ce jour est à venir : indiquez le jour où vous avez relevé ce nombre dans PRONOTE.")
    return day, count


def of_year(failures: list[dict], today: date) -> list[dict]:
    """The counts noted for the school year of `today` (a new year starts a new series after its full import)."""
    year = year_of_work(today)
    return [entry for entry in failures if work_year_of(entry["day"]) == year]


def trend(failures: list[dict]) -> str:
    """« 49 le 03/09 → 12 le 10/09 → 0 le 24/09 »: the last counts noted, oldest first ("" when none)."""
    shown = failures[-SHOWN_IN_TREND:]
    parts = [tr("{count} le {day}").format(count=entry["count"], day=_short(entry["day"])) for entry in shown]
    text = " → ".join(parts)
    return ("… → " + text) if len(failures) > len(shown) else text


def _short(text: str) -> str:
    return dates.day_of_month(text, "?")
