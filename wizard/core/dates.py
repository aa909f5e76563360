"""Dates as the document keeps them (ISO 8601, to the second, local time) and as the admin reads them."""
from __future__ import annotations

import time
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from datetime import date, datetime


def clock() -> float:
    """The time of day every date the assistant records or reasons with comes from (seconds since the epoch).
    One place, so that a test can move the whole assistant through a school year."""
    return time.time()


def now_iso() -> str:
    # What datetime.now().replace(microsecond=0).isoformat() writes, without loading datetime for the first page.
    return time.strftime("%Y-%m-%dT%H:%M:%S", time.localtime(clock()))


def today() -> date:
    from datetime import date

    return date.fromtimestamp(clock())


def parse_iso(text: str | None) -> datetime | None:
    if not text:
        return None
    from datetime import datetime

    try:
        return datetime.fromisoformat(text)
    except ValueError:
        return None


def day(text: str | None, missing: str = "") -> str:
    """« 27/08/2026 », or `missing` when there is no readable date."""
    when = parse_iso(text)
    return when.strftime("%d/%m/%Y") if when else missing
