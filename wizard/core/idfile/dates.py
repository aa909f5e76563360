"""Birth dates and export dates as they appear in identifier files."""
from __future__ import annotations

import re
from datetime import date, datetime

from wizard.core.i18n import tr_noop

STRICT_FORMAT = "AAAA-MM-JJ"
LOOSE_FORMAT = tr_noop("AAAA-MM-JJ ou JJ/MM/AAAA")
_DAY_FIRST = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:[ T].*)?$")
_YEAR_FIRST = re.compile(r"^(\d{4})-?(\d{2})-?(\d{2})(?:[ T].*)?$")
_EARLIEST = date(1900, 1, 1)


def birth_date(text: str, strict: bool, today: date | None = None) -> date | None:
    """The date, or None when it is not a date or cannot be a birth date (31/02, in the future, before 1900)."""
    text = text.strip()
    try:
        if strict:  # xs:date, as Index Éducation's schema says
            value = date.fromisoformat(text) if len(text) == 10 else None
        else:
            value = _loose(text)
    except ValueError:
        return None
    if value is None or not _EARLIEST <= value <= (today or date.today()):
        return None
    return value


def _loose(text: str) -> date | None:
    match = _YEAR_FIRST.match(text)
    if match:
        year, month, day = match.groups()
        return date(int(year), int(month), int(day))
    match = _DAY_FIRST.match(text)
    if match:
        day, month, year = match.groups()
        return date(int(year), int(month), int(day))
    return None


def timestamp(text: str) -> datetime | None:
    """An export date: ISO 8601 (xs:dateTime) or French day-first; naive local time, like the import history."""
    text = text.strip()
    try:
        value = datetime.fromisoformat(text)
    except ValueError:
        match = re.match(r"^(\d{1,2})/(\d{1,2})/(\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$", text)
        if not match:
            return None
        day, month, year, hour, minute, second = (int(part) if part else 0 for part in match.groups())
        try:
            value = datetime(year, month, day, hour, minute, second)
        except ValueError:
            return None
    if value.tzinfo is not None:
        try:
            value = value.astimezone().replace(tzinfo=None)
        except (OverflowError, ValueError, OSError):  # « 0001-01-01T00:00:00+14:00 » is before year 1 here
            return None
    return value
