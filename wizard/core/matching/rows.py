"""Rows of the account list, one physical line at a time, each damaged line named by its number.

`csv.reader` over a whole file lets a quote left open swallow every following line into one cell, silently
(issue 11: 990 of 1,000 accounts vanished). Nothing in an account list spans lines – names, identifiers, dates,
classes – so each line is parsed on its own: a line whose quote is not closed on that line is reported and left
out, and the next line is read as the next row. A line over the length cap (`source.MAX_LINE`) is reported the
same way, and `csv`'s own field limit is never reached.
"""
from __future__ import annotations

import csv
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from wizard.core.i18n import tr_noop

OPEN_QUOTE = tr_noop("un guillemet ouvert n'y est pas refermé (les lignes suivantes sont lues une à une)")
TOO_LONG = tr_noop("elle est démesurée (plus de 16 000 caractères)")
_SNIFF_LINES = 10
_LOOK_AHEAD = 1000  # lines, however empty: the separator is guessed from what comes first


@dataclass(frozen=True, slots=True)
class Record:
    line: int
    cells: list[str]
    problem: str | None = None  # a French text marked with tr_noop, translated where it is shown


class Records:
    """Iterates `Record`s from (line number, text or None when too long) pairs; `delimiter` is known at once."""

    def __init__(self, lines: Iterator[tuple[int, str | None]]):
        self._lines = lines
        self._ahead: list[tuple[int, str | None]] = []
        filled = 0
        for number, text in lines:
            self._ahead.append((number, text))
            filled += bool(text and text.strip())
            if filled >= _SNIFF_LINES or len(self._ahead) >= _LOOK_AHEAD:
                break
        self.delimiter = sniff_delimiter([text for _, text in self._ahead if text and text.strip()])

    def __iter__(self) -> Iterator[Record]:
        return self

    def __next__(self) -> Record:
        if self._ahead:
            return self.parse(*self._ahead.pop(0))
        return self.parse(*next(self._lines))

    def parse(self, number: int, text: str | None) -> Record:
        if text is None:
            return Record(number, [], TOO_LONG)
        if not text.endswith(("\n", "\r")):
            text += "\n"  # the last line: an open quote then shows as a line break in a cell, like the others
        cells = next(csv.reader([text], delimiter=self.delimiter, strict=False), [])
        if any("\n" in cell or "\r" in cell for cell in cells):
            return Record(number, [], OPEN_QUOTE)
        return Record(number, cells)


def sniff_delimiter(sample: list[str]) -> str:
    """The separator on which the first lines agree: the one that splits the most of them into the same number of
    columns (more than one), then the one giving more columns, `;` winning a tie (French Excel's own). Not the one
    that splits some line into the most pieces: a teacher's « 6A, 6B, 5A, 5B, 4A, 3C » in a `;` list made it `,`,
    and the whole list was refused for want of a header."""
    if not sample:
        return ";"

    def agreement(delimiter: str) -> tuple[int, int]:
        widths = Counter(len(next(csv.reader([line], delimiter=delimiter, strict=False), [])) for line in sample)
        widths.pop(0, None)
        widths.pop(1, None)
        if not widths:
            return 0, 0
        width, lines = max(widths.items(), key=lambda item: (item[1], item[0]))
        return lines, width

    return max((";", ",", "\t"), key=agreement)
