"""Matching PRONOTE people with ENT accounts, profile by profile, one to one, never guessing between equals.

Each profile is one group (`group`: candidates, levels, weights learned on the two lists, the rules the weights
cannot know; `assignment`: one to one, in rounds, near-equals left ambiguous). Here, the family rounds: pupils
first, then parents with their matched children (and the classes) as evidence, then a second look at the pupils
left over with their matched parents as evidence. A pair that only its family tells from a rival is « probable »,
with the reason « départagé par la famille ».
The cyclic garbage collector is paused while matching (`reconcile`): a third of the time went to it.
"""
from __future__ import annotations

import gc
from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Sequence

from wizard.core.errors import Cancelled
from wizard.core.matching.assignment import AMBIGUITY_MARGIN
from wizard.core.matching.blocking import BlockKey
from wizard.core.matching.family import Families, FamilyView
from wizard.core.matching.group import FamilyEvidence, match_group
from wizard.core.matching.result import (
    COUNT_KEYS,
    FAMILY_DECIDED,
    STATUS_LABELS,
    STATUS_PLURALS,
    STATUSES,
    Pair,
    Result,
    count,
    profile_order,
)
from wizard.core.people import Person

__all__ = ["AMBIGUITY_MARGIN", "COUNT_KEYS", "FAMILY_DECIDED", "STATUS_LABELS", "STATUS_PLURALS", "Cancelled", "Pair",
           "Result", "STATUSES", "reconcile"]

# Key of the single group used when the ENT list has no profile column.
ANY_PROFILE = ""


def reconcile(pronote: list[Person], ent: list[Person], *, advance: Callable[[float], None] | None = None,
              cancelled: Callable[[], bool] | None = None, families: Families | None = None) -> Result:
    """`families` (optional): the pupil–parent links of the PRONOTE file and the family columns of the ENT list
    (`family.families`), used to tell homonym parents apart and to find a changed surname."""
    # Matching allocates a few million small objects and no reference cycles: the cyclic collector would scan
    # them again and again for nothing (a third of the time on 20,000 people). It is back on when done.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _reconcile(pronote, ent, advance, cancelled, families)
    finally:
        if collecting:
            gc.enable()


def _reconcile(pronote: list[Person], ent: list[Person], advance: Callable[[float], None] | None,
               cancelled: Callable[[], bool] | None, families: Families | None) -> Result:
    def check() -> None:
        if cancelled is not None and cancelled():
            raise Cancelled()

    # Without a profile column the ENT list cannot be split: everyone is matched in one group (and families,
    # which need to know who is a pupil, are not used).
    by_profile = all(person.profile for person in ent)
    groups: dict[str, tuple[list[Person], list[Person]]] = defaultdict(lambda: ([], []))
    for person in pronote:
        groups[person.profile if by_profile else ANY_PROFILE][0].append(person)
    for person in ent:
        groups[person.profile if by_profile else ANY_PROFILE][1].append(person)
    # The families say who has a brother or sister (`kin`, for the rules of every group); as evidence they need
    # the pupils told apart and something to compare on the ENT side.
    kin = FamilyView(families, pronote, ent) if families is not None else None
    view = kin if kin is not None and by_profile and kin.useful else None

    result = Result()
    total = max(1, len(pronote) + len(ent))
    done = 0
    # Pupils before parents: a parent's matched children are evidence about the parent.
    for key in sorted(groups, key=lambda profile: (profile == "parent", profile_order(profile))):
        left, right = groups[key]
        check()
        family: FamilyEvidence | None = None
        if view is not None and key == "parent":
            family = _ParentEvidence(view)
        matched = match_group(left, right, result, check, family, kin)
        if view is not None and key == "eleve":
            view.pupil_match.update((a.ident, b.ident) for a, b in matched)
        if view is not None and key == "parent":
            view.parent_match.update((b.ident, a.ident) for a, b in matched)
        done += len(left) + len(right)
        if advance is not None:
            advance(done / total)
    if view is not None and view.ent_children:
        _second_look_at_pupils(view, result, check)
    result.pairs.sort(key=lambda pair: (profile_order(pair.profile), STATUSES.index(pair.status), pair.pronote.line))
    result.counts = count(result)
    return result


# ---------------------------------------------------------------- family evidence for one group
class _ParentEvidence:
    """Parents: keys and levels from their matched children."""

    def __init__(self, view: FamilyView):
        self.view = view
        self._matched: dict[int, set[str]] = {}

    def keys(self, person: Person, pronote_side: bool) -> set[BlockKey]:
        return self.view.parent_keys(person, pronote_side)

    def levels(self, pronote: Person, ent: Person) -> tuple[int, int]:
        matched = self._matched.get(id(pronote))
        if matched is None:
            matched = self._matched[id(pronote)] = self.view.matched_children(pronote)
        return self.view.parent_levels(pronote, ent, matched)

    def by_chance(self, left: list[Person], right: list[Person]) -> dict[str, float | None]:
        """The chance that a random pair of parents, both with something to compare, shares a matched child or
        a child's class: Σ over children (classes) of how many on each side have it, over all pairs."""
        view = self.view
        children = [view.matched_children(person) for person in left]
        listed = [view.ent_children.get(person.ident, ()) for person in right]
        classes = [set().union(*(view.classes.get(child, frozenset()) for child in found)) for found in children]
        theirs = [view.classes.get(person.ident, frozenset()) for person in right]
        return {"family": _chance(children, listed), "classes": _chance(classes, theirs)}


class _PupilEvidence:
    def __init__(self, view: FamilyView):
        self.view = view

    def keys(self, person: Person, pronote_side: bool) -> set[BlockKey]:
        return self.view.pupil_keys(person, pronote_side)

    def levels(self, pronote: Person, ent: Person) -> tuple[int, int]:
        return self.view.pupil_levels(pronote, ent)

    def by_chance(self, left: list[Person], right: list[Person]) -> dict[str, float | None]:
        ours = [self.view.parents_of.get(person.ident, ()) for person in left]
        theirs = [self.view.matched_parents(person) for person in right]
        return {"family": _chance(ours, theirs)}


def _chance(left: Sequence[Collection[str]], right: Sequence[Collection[str]]) -> float | None:
    """Share of the pairs (both sides non-empty) whose two collections meet, counted through the items they hold
    (exact as long as two collections rarely share two items); None when no pair can be compared."""
    counts_left = Counter(item for items in left for item in set(items))
    counts_right = Counter(item for items in right for item in set(items))
    with_left, with_right = sum(1 for items in left if items), sum(1 for items in right if items)
    if not with_left or not with_right:
        return None
    return min(1.0, sum(count * counts_right.get(item, 0) for item, count in counts_left.items())
               / (with_left * with_right))


def _second_look_at_pupils(view: FamilyView, result: Result, check: Callable[[], None]) -> None:
    """Pupils left over once parents are matched: their matched parents are evidence (a changed surname)."""
    left = [p for p in result.unmatched_pronote if p.profile == "eleve" and view.parents_of.get(p.ident)]
    right = [p for p in result.unmatched_ent if p.profile == "eleve" and view.matched_parents(p)]
    if not left or not right:
        return
    taken_left, taken_right = {id(p) for p in left}, {id(p) for p in right}
    result.unmatched_pronote = [p for p in result.unmatched_pronote if id(p) not in taken_left]
    result.unmatched_ent = [p for p in result.unmatched_ent if id(p) not in taken_right]
    match_group(left, right, result, check, _PupilEvidence(view), view)
