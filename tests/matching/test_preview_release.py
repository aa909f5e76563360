"""A previous result is freed in slices in a thread of its own (`release_in_slices`), pausing between slices so
that the window's thread, showing the new result, is not kept waiting for the interpreter (bench/preview.py
measures the stalls): every list is emptied in the end, the caller returns at once."""
from __future__ import annotations

import time

from wizard.core.matching.preview import RELEASE_SLICE, release_in_slices


def test_every_list_is_emptied_in_the_end() -> None:
    rows = [[str(n)] * 6 for n in range(RELEASE_SLICE * 5 + 7)]
    pairs = [object() for _ in range(RELEASE_SLICE + 1)]
    people: list[object] = []
    release_in_slices(rows, pairs, people)
    deadline = time.monotonic() + 10
    while (rows or pairs) and time.monotonic() < deadline:
        time.sleep(0.01)
    assert rows == [] and pairs == [] and people == []
