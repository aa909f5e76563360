"""Whether this PC's clock can be trusted, from what the assistant already knows: the dates its ENT data file was
confirmed on, and the dates it recorded itself on this PC.

The assistant reasons with the date (which school year has begun, whether this year's full import is done) and
dates what it records (each step, each import). A clock years behind – a flat clock battery, a laptop long
unused – would propose the wrong pass and date the history wrongly, silently. At launch it cannot know the true
date (it asks no server for it): it only says when the clock is certainly behind, so the admin corrects it. When the
admin checks the PRONOTE server, the server's answer carries its own date (HTTP `Date`, in UTC): a clock ahead is
told then too.
"""
from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, timedelta, timezone
from email.utils import parsedate_to_datetime

from wizard.core.dates import day, parse_iso
from wizard.core.document import Document
from wizard.core.entdata import EntData, first_day
from wizard.core.i18n import tr

# The document's dates that the assistant took from this PC's clock when something happened (an export date comes
# from PRONOTE's server, a count's day from the admin: neither is the PC's clock).
_RECORDED = frozenset({"started_at", "finished_at", "chosen_at", "recorded_at", "setup_finished_at", "date"})
# A recorded date this much after the clock is no accident of time zones or summer time: the clock went back.
_TOLERANCE = timedelta(days=1)


def newest_confirmation(ent: EntData) -> date | None:
    """The latest day a fact of the ENT file was confirmed; a date known to the month or year counts as its first
    day (the earliest it can be: the clock is said behind only when it certainly is)."""
    dates = [fact.confirmed for fact in ent.facts.values()]
    dates += [item["confirmed"] for items in ent.checklists.values() for item in items]
    days = [first_day(text) for text in dates if text]
    return max(days, default=None)


def newest_record(doc: Document) -> datetime | None:
    """The latest moment the assistant recorded on this PC, over every school of the document."""
    moments = [moment for school in doc["schools"].values() for moment in _recorded(school)]
    return max(moments, default=None)


def _recorded(node: object, key: str = "") -> Iterator[datetime]:
    if isinstance(node, dict):
        for name, value in node.items():
            if name == "completed" and isinstance(value, dict):  # step id → when it was completed
                for when in value.values():
                    yield from _moment(when)
            else:
                yield from _recorded(value, name)
    elif isinstance(node, list):
        for item in node:
            yield from _recorded(item, key)
    elif key in _RECORDED:
        yield from _moment(node)


def _moment(text: object) -> Iterator[datetime]:
    moment = parse_iso(text) if isinstance(text, str) else None
    if moment is not None:
        yield moment.replace(tzinfo=None)


def clock_message(ent: EntData, doc: Document, now: datetime) -> str:
    """"" when nothing says the clock is wrong; else one French paragraph: what the PC says, what proves it
    behind, why it matters, and the advice."""
    confirmed, recorded = newest_confirmation(ent), newest_record(doc)
    if recorded is not None and now < recorded - _TOLERANCE:
        proof = tr("l'assistant a déjà enregistré sur cet ordinateur une action datée du {day}")
        proof = proof.format(day=day(recorded))
    elif confirmed is not None and now.date() < confirmed:
        proof = tr("les informations de l'assistant sur l'ENT ont été vérifiées le {day}").format(day=day(confirmed))
    else:
        return ""
    return _wrong_clock(now, proof)


def server_clock_message(server_date: str, now: float, host: str) -> str:
    """"" unless the date the server `host` sent (its HTTP `Date` header) and this PC's clock (`now`, seconds since the
    epoch) are more than a day apart, either way; then the paragraph of `clock_message`. A server's clock is kept
    right (its certificates and its sessions depend on it); minutes apart are an unset PC clock's drift, not
    worth a word. A header that is absent or unreadable says nothing."""
    try:
        server = parsedate_to_datetime(server_date)
    except (TypeError, ValueError, IndexError):
        return ""
    if server.tzinfo is None:  # « -0000 »: an HTTP date is in UTC whatever it says
        server = server.replace(tzinfo=timezone.utc)
    try:
        gap = abs(server.timestamp() - now)
        server_day = datetime.fromtimestamp(server.timestamp())
    except (OverflowError, OSError, ValueError):  # a year the platform cannot place: no proof of anything
        return ""
    if gap <= _TOLERANCE.total_seconds():
        return ""
    proof = tr("le serveur {host} indique le {day}").format(host=host, day=day(server_day))
    return _wrong_clock(datetime.fromtimestamp(now), proof)


def _wrong_clock(now: datetime, proof: str) -> str:
    return tr("La date de cet ordinateur semble fausse : il indique le {today}, alors que {proof}. L'assistant s'en "
              "sert pour savoir quelle année scolaire a commencé et pour dater chaque import. Nous vous conseillons "
              "de corriger la date et l'heure de l'ordinateur (ou de le demander à la personne qui gère le parc "
              "informatique), puis de rouvrir l'assistant.").format(today=day(now), proof=proof)
