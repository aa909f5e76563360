"""Matching PRONOTE people with ENT accounts, profile by profile, one to one, never guessing between equals.

Steps per profile: normalise every name once, compare only the pairs sharing a blocking key (`blocking`), score
them (`scoring`), then assign in rounds. In a round, an edge is *near-best* when its score is within
`AMBIGUITY_MARGIN` of the best score of both its people. A near-best edge alone in its connected group is a match;
a group of several near-best edges (twins with the same first name, homonym parents without birth dates) is
ambiguous as a whole and left to the admin. People decided in a round leave the next rounds, so someone whose best
candidate went to a better partner gets the next best one.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Callable

from wizard.matching.blocking import block_keys, candidate_pairs
from wizard.matching.normalise import first_name, surname
from wizard.matching.scoring import DATE_EQUAL, MISSING_DATE, Comparison, compare
from wizard.people import PROFILES, Person
from wizard.i18n import tr_noop

STATUSES = ("certain", "probable", "ambiguous")
COUNT_KEYS = STATUSES + ("unmatched_pronote", "unmatched_ent")
# Two candidates closer than this (out of 100) are « near-equal »: the matcher does not choose between them.
AMBIGUITY_MARGIN = 3.0
# Profiles whose birth date is always known in PRONOTE: a missing date there is a real gap, not the norm
# (PRONOTE's partner schema has no date for parents and an optional one for staff).
DATED_PROFILES = frozenset({"eleve"})
AMBIGUOUS_REASON = tr_noop("plusieurs candidats presque identiques")
# Key of the single group used when the ENT list has no profile column.
ANY_PROFILE = ""


class Cancelled(Exception):
    """The caller's `cancelled()` became true; nothing of the run is kept."""


@dataclass(frozen=True, slots=True)
class Pair:
    pronote: Person
    ent: Person
    status: str  # one of STATUSES
    comparison: Comparison

    @property
    def score(self) -> int:
        return round(self.comparison.score)

    @property
    def reasons(self) -> tuple[str, ...]:
        if self.status == "ambiguous":
            return (AMBIGUOUS_REASON, *self.comparison.reasons)
        return self.comparison.reasons

    @property
    def profile(self) -> str:
        return self.pronote.profile


@dataclass
class Result:
    """In memory only: it holds names and birth dates."""

    pairs: list[Pair] = field(default_factory=list)  # certain and probable one to one; ambiguous: every option
    unmatched_pronote: list[Person] = field(default_factory=list)
    unmatched_ent: list[Person] = field(default_factory=list)
    counts: dict[str, dict[str, int]] = field(default_factory=dict)  # COUNT_KEYS × profile; ambiguous counts PRONOTE people
    compared: int = 0  # pairs scored, for the benchmark


def reconcile(pronote: list[Person], ent: list[Person], *, progress: Callable[[float], None] | None = None,
              cancelled: Callable[[], bool] | None = None) -> Result:
    def check() -> None:
        if cancelled is not None and cancelled():
            raise Cancelled()

    # Without a profile column the ENT list cannot be split: everyone is matched in one group.
    by_profile = all(person.profile for person in ent)
    groups: dict[str, tuple[list[Person], list[Person]]] = defaultdict(lambda: ([], []))
    for person in pronote:
        groups[person.profile if by_profile else ANY_PROFILE][0].append(person)
    for person in ent:
        groups[person.profile if by_profile else ANY_PROFILE][1].append(person)

    result = Result()
    total = max(1, len(pronote) + len(ent))
    done = 0
    for key in sorted(groups, key=_profile_order):
        left, right = groups[key]
        check()
        _match_group(left, right, result, check)
        done += len(left) + len(right)
        if progress is not None:
            progress(done / total)
    result.pairs.sort(key=lambda pair: (_profile_order(pair.profile), STATUSES.index(pair.status), pair.pronote.line))
    result.counts = count(result)
    return result


def count(result: Result) -> dict[str, dict[str, int]]:
    counts = {status: {profile: 0 for profile in PROFILES} for status in COUNT_KEYS}
    ambiguous_seen: set[int] = set()
    for pair in result.pairs:
        if pair.status == "ambiguous":
            if id(pair.pronote) in ambiguous_seen:
                continue
            ambiguous_seen.add(id(pair.pronote))
        counts[pair.status][pair.profile] += 1
    for person in result.unmatched_pronote:
        counts["unmatched_pronote"][person.profile] += 1
    for person in result.unmatched_ent:
        bucket = counts["unmatched_ent"]
        bucket[person.profile] = bucket.get(person.profile, 0) + 1
    return counts


def _profile_order(profile: str) -> int:
    return PROFILES.index(profile) if profile in PROFILES else len(PROFILES)


def _forms(people: list[Person]):
    return [(surname(p.last_name), first_name(p.first_name), p.birth_date) for p in people]


def _match_group(left: list[Person], right: list[Person], result: Result, check: Callable[[], None]) -> None:
    left_forms, right_forms = _forms(left), _forms(right)
    edges: list[tuple[float, int, int, Comparison]] = []
    pairs = candidate_pairs([block_keys(*form) for form in left_forms], [block_keys(*form) for form in right_forms],
                            check)
    for i, j in pairs:
        result.compared += 1
        comparison = compare(*left_forms[i], *right_forms[j])
        if comparison is not None:
            edges.append((comparison.score, i, j, comparison))

    matched_left: set[int] = set()
    matched_right: set[int] = set()
    while edges:
        check()
        decided = _decide_round(edges, left, right, result)
        for i, j in decided:
            matched_left.add(i)
            matched_right.add(j)
        edges = [edge for edge in edges if edge[1] not in matched_left and edge[2] not in matched_right]
    result.unmatched_pronote.extend(p for i, p in enumerate(left) if i not in matched_left)
    result.unmatched_ent.extend(p for j, p in enumerate(right) if j not in matched_right)


def _decide_round(edges, left, right, result: Result) -> list[tuple[int, int]]:
    """Matches or flags every group of near-best edges of this round; returns the (left, right) people decided."""
    best_left: dict[int, float] = {}
    best_right: dict[int, float] = {}
    for score, i, j, _ in edges:
        if score > best_left.get(i, -1.0):
            best_left[i] = score
        if score > best_right.get(j, -1.0):
            best_right[j] = score
    near = [edge for edge in edges
            if edge[0] >= best_left[edge[1]] - AMBIGUITY_MARGIN and edge[0] >= best_right[edge[2]] - AMBIGUITY_MARGIN]
    by_left: dict[int, list] = defaultdict(list)
    by_right: dict[int, list] = defaultdict(list)
    for edge in near:
        by_left[edge[1]].append(edge)
        by_right[edge[2]].append(edge)

    decided: list[tuple[int, int]] = []
    seen_left: set[int] = set()
    for start in near:
        if start[1] in seen_left:
            continue
        group = _connected(start, by_left, by_right)
        seen_left.update(edge[1] for edge in group)
        if len(group) == 1:
            _, i, j, comparison = group[0]
            result.pairs.append(_matched(left[i], right[j], comparison))
        else:
            result.pairs.extend(Pair(left[i], right[j], "ambiguous", comparison) for _, i, j, comparison in group)
        decided.extend((edge[1], edge[2]) for edge in group)
    return decided


def _connected(start, by_left, by_right) -> list:
    group, lefts, rights = [], {start[1]}, set()
    todo = [start[1]]
    while todo:
        i = todo.pop()
        for edge in by_left[i]:  # each left is visited once, so each of its edges is added once
            group.append(edge)
            if edge[2] not in rights:
                rights.add(edge[2])
                for other in by_right[edge[2]]:
                    if other[1] not in lefts:
                        lefts.add(other[1])
                        todo.append(other[1])
    return group


def _matched(pronote: Person, ent: Person, comparison: Comparison) -> Pair:
    if comparison.exact_names and comparison.birth_date == DATE_EQUAL:
        return Pair(pronote, ent, "certain", comparison)
    if comparison.exact_names and not comparison.date_present and pronote.profile not in DATED_PROFILES:
        # Adults often have no birth date on one side: with the names exact, that says nothing against the pair.
        return Pair(pronote, ent, "certain", _without(comparison, MISSING_DATE))
    if not comparison.reasons:
        comparison = _with(comparison, MISSING_DATE)
    return Pair(pronote, ent, "probable", comparison)


def _without(comparison: Comparison, reason: str) -> Comparison:
    return Comparison(comparison.surname, comparison.first_name, comparison.birth_date,
                      tuple(r for r in comparison.reasons if r != reason), comparison.date_present)


def _with(comparison: Comparison, reason: str) -> Comparison:
    return Comparison(comparison.surname, comparison.first_name, comparison.birth_date,
                      comparison.reasons + (reason,), comparison.date_present)
