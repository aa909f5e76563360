"""The matching preview's rows and their filter, as data (Qt-free), so that the window's thread never builds nor
scans 200,000 rows: the rows are made in the worker with the matching (`preview_rows`), and the page filters them
a slice at a time (`Filter.step`, a few milliseconds each), showing the first matches at once and the count when
the scan ends. (The printable worksheet is records.worksheet_html.)
"""
from __future__ import annotations

import contextlib
import gc
import time
from collections.abc import Callable, Iterator
from typing import Any

from wizard.core.dates import day
from wizard.core.i18n import tr
from wizard.core.matching.matcher import STATUS_LABELS, Pair, Result
from wizard.core.matching.worksheet import worksheet_entries
from wizard.core.people import PROFILE_LABELS, Person

TO_REVIEW = "to_review"  # every status but « Sûrs »: what the admin has to look at


class PreviewRow:
    """One line of the preview: what it is about (profile, status, the pair or person) and its texts."""

    __slots__ = ("profile", "status", "item", "cells", "haystack")

    def __init__(self, profile: str, status: str, item: Pair | Person, cells: list[str]):
        self.profile, self.status, self.item, self.cells = profile, status, item, cells
        self.haystack = f"{cells[4]} {cells[5]}".lower()  # what the search box looks in: the two people

    @property
    def pair(self) -> Pair | None:
        return self.item if isinstance(self.item, Pair) else None  # certain, probable, ambiguous


def preview_rows(result: Result, cancelled: Callable[[], bool] | None = None) -> list[PreviewRow]:
    """Every pair and unmatched person, in the worksheet's order, ready to show (status, profile, score, reasons,
    PRONOTE, ENT). Runs in the worker."""
    from wizard.core.errors import Cancelled

    rows = []
    for number, (profile, status, item) in enumerate(worksheet_entries(result)):
        if cancelled is not None and number % 5000 == 0 and cancelled():
            raise Cancelled()
        pair = item if isinstance(item, Pair) else None  # certain, probable, ambiguous; the others are one person
        person = item if isinstance(item, Person) else None
        pronote = pair.pronote if pair else (person if status == "unmatched_pronote" else None)
        ent = pair.ent if pair else (person if status == "unmatched_ent" else None)
        reasons = ", ".join(tr(reason) for reason in pair.reasons) if pair else ""
        rows.append(PreviewRow(profile, status, item, [
            tr(STATUS_LABELS[status]), tr(PROFILE_LABELS.get(profile, profile)), str(pair.score) if pair else "",
            reasons[:1].upper() + reasons[1:], person_text(pronote), person_text(ent)]))
    return rows


@contextlib.contextmanager
def no_collector_pauses() -> Iterator[None]:
    """Python's cyclic collector, run on a heap of 200,000 pairs and people, holds every thread for 2 s (each full
    collection walks them all) – the window's thread too, while the worker allocates. The matching and its rows
    make no reference cycles (reference counting frees them): the collector is paused while they are made, and what
    exists then is set apart from later collections (gc.freeze), so that a collection the window triggers later
    does not walk them either."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if was_enabled:
            gc.enable()


# A slice of a previous result freed at once (about half a millisecond for 500 rows), then a pause: with
# `time.sleep(0)` the releasing thread took the interpreter back at once, and the window's thread – the new result
# being shown – waited for it 18 ms at a time (60–100 ms stalls at 200,000 rows, bench/preview.py).
RELEASE_SLICE, RELEASE_PAUSE = 500, 0.002


def release_in_slices(*lists: list[Any]) -> None:
    """Empty `lists` (a previous result's rows, pairs and people) a slice at a time in a thread of their own:
    freed at once, 200,000 rows held the window's thread for a fifth of a second."""
    import threading

    def run() -> None:
        for items in lists:
            while items:
                del items[-RELEASE_SLICE:]
                time.sleep(RELEASE_PAUSE)  # the interpreter left to the window's thread between slices

    threading.Thread(target=run, name="wizard-release", daemon=True).start()


def person_text(person: Person | None) -> str:
    if person is None:
        return ""
    when = day(person.birth_date)
    return " ".join(part for part in (person.last_name, person.first_name, when, f"({person.ident})") if part)


class Filter:
    """One scan of the rows for a status, a profile and a searched text: the first `shown` matches and how many
    there are in all. `step(budget)` scans for at most `budget` seconds and says whether the scan is over."""

    def __init__(self, rows: list[PreviewRow], status: str, profile: str, needle: str, shown: int):
        self.rows, self.status, self.profile = rows, status, profile
        self.needle = needle.strip().lower()
        self.limit = shown
        self.found: list[int] = []  # indices of the first matches, at most `limit`
        self.count = 0
        self.position = 0

    def wanted(self, row: PreviewRow) -> bool:
        status = self.status
        return (not status or row.status == status or (status == TO_REVIEW and row.status != "certain")) \
            and (not self.profile or row.profile == self.profile) and (not self.needle or self.needle in row.haystack)

    @property
    def done(self) -> bool:
        return self.position >= len(self.rows)

    def step(self, budget: float = 0.01) -> bool:
        deadline = time.perf_counter() + budget
        rows, wanted, found, limit = self.rows, self.wanted, self.found, self.limit
        while self.position < len(rows):
            end = min(self.position + 500, len(rows))  # the clock read every 500 rows, not every row
            for index in range(self.position, end):
                if wanted(rows[index]):
                    self.count += 1
                    if len(found) < limit:
                        found.append(index)
            self.position = end
            if time.perf_counter() > deadline:
                break
        return self.done
