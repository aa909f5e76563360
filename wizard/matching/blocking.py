"""Which pairs are worth comparing: people sharing at least one blocking key.

Comparing every PRONOTE person with every ENT account grows as N×M; comparing only people who share a key grows
with the size of the blocks, close to linearly for real names. The keys are chosen so that any single variation
the scoring accepts leaves at least one key in common:
- a surname word (or the glued surname): survives first-name variations, particles and usage surnames;
- the first word of the first name with the start, or the end, or the consonants of the surname: survives a typo
  in the surname (one slip rarely touches all three);
- the birth date with day and month in either order: survives any name variation, and a swapped date.
"""
from __future__ import annotations

from collections import defaultdict
from datetime import date
from typing import Callable, Iterable

from wizard.matching.normalise import FirstName, Surname

# A key shared by more accounts than this says little about anyone (it is how a pathological list, where
# everyone has the same surname, stays near-linear); the other keys still find the real pairs.
MAX_BLOCK = 200


def block_keys(last: Surname, first: FirstName, born: date | None) -> set[tuple]:
    keys = {("s", word) for word in last.core if len(word) >= 2}
    keys.add(("s", last.compact))
    keys.add(("s", last.core_compact))
    if first.tokens:
        head = first.tokens[0]
        keys.add(("f", head, last.core_compact[:3]))
        keys.add(("f", head, last.core_compact[-3:], 1))
        keys.add(("c", head, skeleton(last.core_compact)))
    if born is not None:
        keys.add(("d", born.year, min(born.day, born.month), max(born.day, born.month)))
    return keys


def skeleton(name: str) -> str:
    """The consonants, each run written once: survives a slip on a vowel or a swap with one (« MARAT » / « MAART »)
    in names too short for the start or the end to survive."""
    out = []
    for letter in name:
        if letter not in "aeiouy" and (not out or out[-1] != letter):
            out.append(letter)
    return "".join(out)


def candidate_pairs(left_keys: list[set[tuple]], right_keys: list[set[tuple]],
                    check: Callable[[], None]) -> Iterable[tuple[int, int]]:
    """(left index, right index) of every pair sharing a key, each pair once."""
    index: dict[tuple, list[int]] = defaultdict(list)
    for position, keys in enumerate(right_keys):
        for key in keys:
            index[key].append(position)
    for left, keys in enumerate(left_keys):
        if left % 1024 == 0:
            check()
        seen: set[int] = set()
        for key in keys:
            block = index.get(key)
            if block and len(block) <= MAX_BLOCK:
                seen.update(block)
        for right in seen:
            yield left, right
