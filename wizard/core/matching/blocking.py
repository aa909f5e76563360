"""Which pairs are worth comparing: people sharing at least one blocking key.

Comparing every PRONOTE person with every ENT account grows as N×M; comparing only people who share a key grows
with the size of the blocks, close to linearly for real names. The keys are chosen so that any variation the
scoring can accept – even two or three at once – leaves at least one key in common:
- the birth date alone, day and month in either order: survives any change of the names; and the first name
  with two of the date's three parts: survives a wrong digit in the date with a change of the surname. Where
  dates are crowded (pupils born over a few years share each date by the dozen) both would bring mostly
  strangers: the date with the initial of either name replaces them;
- a surname word, or the glued surname: survives a change of first name, particles and usage surnames;
- the first word of the first name with the start or the end of the surname: survives a slip in the surname;
- the initials of both names, in either order, with two of the date's three parts: survives a slip in each
  name and a wrong digit in the date at once, even with the names in each other's place;
- the sound of both names taken as an unordered pair: survives names written in each other's place, and a slip
  that keeps the sound – with or without the date;
- family keys (`family`): a parent's matched children, a pupil's matched parents – survive a surname changed
  completely.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable

from wizard.core.matching.normalise import Form

# A blocking key: its kind (a letter) then its values – ("s", surname), ("d", year, month, day), ("k", child)…
BlockKey = tuple[str | int, ...]

# A key shared by more accounts than this says little about anyone (it is how a pathological list, where
# everyone has the same surname, stays near-linear); the other keys still find the real pairs.
MAX_BLOCK = 200
# People per birth date above which dates are « crowded » (pupils born over a few years share a date by three
# or more; adults born over decades by one or two).
CROWDED = 2.5


def block_keys(person: Form, crowded: bool = False) -> set[BlockKey]:
    """The keys of one person; `crowded`: birth dates are shared by many in this group (`crowded_dates`)."""
    last, first, born = person.surname, person.first, person.born
    core = last.core_compact
    keys: set[BlockKey] = {("s", word) for word in last.core if len(word) >= 2}
    if last.compact:
        keys.add(("s", last.compact))
        keys.add(("s", core))
    head = first.tokens[0] if first.tokens else ""
    if head:
        # Four letters from a surname of six or more (a slip in the middle leaves both ends), else three.
        cut = 4 if len(core) >= 6 else 3
        keys.add(("f", head, core[:cut]))
        keys.add(("f", head, core[-cut:], 1))
        if not core:
            keys.add(("s", head))  # a lone name may be the other side's surname, moved
    if last.sound and first.sound:
        keys.add(("p", last.sound, first.sound) if last.sound < first.sound else ("p", first.sound, last.sound))
    if born is not None:
        day, month, year = born.day, born.month, born.year
        date = (year, day, month) if day < month else (year, month, day)
        if crowded:
            # Pupils born over a few years share dates by the dozen: the date with an initial of either name.
            for name in (head, core):
                if name:
                    keys.add(("d", *date, name[0]))
        else:
            keys.add(("d", *date))
            # A first name with two of the date's three parts: one wrong digit leaves one of the three, whatever
            # happened to the surname (a surname intact already has its own key). A lone name counts as one.
            name = head or core
            if name:
                keys.add(("n", name, month, day))
                keys.add(("n", name, year, month))
                keys.add(("n", name, year, 0, day))
            if head and core:
                # The initials of both names (either order) with two parts of the date: survives a slip in each
                # name and a wrong digit in the date at once, and names written in each other's place.
                initials = (core[0], head[0]) if core[0] < head[0] else (head[0], core[0])
                keys.add(("h", *initials, month, day))
                keys.add(("h", *initials, year, month))
                keys.add(("h", *initials, year, 0, day))
    return keys


def crowded_dates(people: list[Form]) -> bool:
    """Whether birth dates are shared by several people on average (a school's pupils: a dozen a day) – then
    the date alone, or with two of its parts and a first name, brings mostly strangers."""
    dates = [person.digits for person in people if person.digits]
    return len(dates) > CROWDED * max(1, len(set(dates)))


def candidate_pairs(left_count: int, right_count: int, keys_of: Callable[[int, bool], set[BlockKey]],
                    check: Callable[[], None]) -> tuple[list[int], int]:
    """Every pair sharing a key, once, as one number `left × width + right`, in order; and `width`.
    `keys_of(position, left_side)` gives a person's keys. Only the smaller side is indexed, and of the larger
    side only the keys found in the index are kept, so a list of 100,000 accounts against a handful of people
    stays small. Numbers make the set of pairs at C speed (most pairs share several keys)."""
    width = max(1, right_count)
    small_is_left = left_count <= right_count
    small_count, large_count = (left_count, right_count) if small_is_left else (right_count, left_count)
    index: dict[BlockKey, list[int]] = defaultdict(list)
    for position in range(small_count):
        for key in keys_of(position, small_is_left):
            index[key].append(position)
    check()
    large: list[list[BlockKey]] = []
    shared: Counter[BlockKey] = Counter()
    for position in range(large_count):
        found = [key for key in keys_of(position, not small_is_left) if key in index]
        large.append(found)
        shared.update(found)  # counted in C
        if position & 8191 == 0:
            check()
    # A key shared by more than MAX_BLOCK people of either side says little about anyone. Only the keys both sides
    # have are looked at: most of the index is keys nobody else has. (Capped on the ENT side only, a PRONOTE file
    # of 10,000 identical homonyms against 199 such accounts made 2 million pairs: 10 s and 836 MB, growing with
    # the file up to its 200,000 people.)
    blocks = {key: index[key] for key, count in shared.items() if count <= MAX_BLOCK and len(index[key]) <= MAX_BLOCK}
    get = blocks.get
    if small_is_left:
        pairs = {i * width + j for j, keys in enumerate(large) for key in keys for i in get(key, ())}
    else:
        pairs = {i * width + j for i, keys in enumerate(large) for key in keys for j in get(key, ())}
    check()
    return sorted(pairs), width
