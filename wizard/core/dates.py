"""Dates as the document keeps them (ISO 8601, to the second, local time) and as the admin reads them
(« 27/08/2026 », « 27/08/2026 14:05 »): the one place that writes either form."""
from __future__ import annotations

from datetime import date, datetime

DAY = "%d/%m/%Y"
DAY_AND_TIME = "%d/%m/%Y %H:%M"


def now_iso() -> str:
    return datetime.now().replace(microsecond=0).isoformat()


def parse_iso(text: str | None) -> datetime | None:
    if not text:
        return None
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        return None


def day(when: date | str | None, missing: str = "") -> str:
    """« 27/08/2026 » for a date or the ISO text the document keeps; `missing` when there is no readable date."""
    if when is None or isinstance(when, str):
        when = parse_iso(when)
    return when.strftime(DAY) if when else missing


def day_and_time(when: datetime) -> str:
    """« 27/08/2026 14:05 »."""
    return when.strftime(DAY_AND_TIME)
