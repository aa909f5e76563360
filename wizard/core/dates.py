"""Dates as the document keeps them (ISO 8601, to the second, local time) and as the admin reads them."""
from __future__ import annotations

import time
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from datetime import datetime


def now_iso() -> str:
    # What datetime.now().replace(microsecond=0).isoformat() writes, without loading datetime for the first page.
    return time.strftime("%Y-%m-%dT%H:%M:%S")


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
