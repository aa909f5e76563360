"""Dates as the document keeps them (ISO 8601, to the second, local time) and as the admin reads them
(« 27/08/2026 », « 27/08/2026 14:05 », « 27/08 » in a short series): the one place that writes them."""
from __future__ import annotations

import time
from datetime import date, datetime

DAY = "%d/%m/%Y"
DAY_AND_TIME = "%d/%m/%Y %H:%M"
DAY_OF_MONTH = "%d/%m"


def clock() -> float:
    """The time every date the assistant records or reasons with comes from (seconds since the epoch). One place,
    so that a test can move the whole assistant through a school year."""
    return time.time()


def now_iso() -> str:
    return datetime.fromtimestamp(clock()).replace(microsecond=0).isoformat()


def today() -> date:
    return date.fromtimestamp(clock())


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


def day_of_month(when: date | str | None, missing: str = "") -> str:
    """« 27/08 » (a series of counts within one school year), or `missing`."""
    if when is None or isinstance(when, str):
        when = parse_iso(when)
    return when.strftime(DAY_OF_MONTH) if when else missing


def day_and_time(when: datetime) -> str:
    """« 27/08/2026 14:05 »."""
    return when.strftime(DAY_AND_TIME)
