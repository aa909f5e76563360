"""One to one, in rounds: which candidate pairs become matches, and which are left ambiguous to the admin.

An edge is a candidate pair with its weight (bits: log2 of its likelihood ratio). In each round an edge is
*near-best* when its weight is within `AMBIGUITY_MARGIN` bits of the best edge of both its people. A near-best
edge alone in its connected group is a match. In a group of several, the best one-to-one choice is found, and each
of its edges is a match only when every choice without it is worse by the margin (the plain « MARTIN Sophie »
over « MARTIN DUPONT Sophie » when both have a partner); the rest of the group (twins with one first name, homonym
parents without birth dates) is ambiguous and left to the admin. People decided in a round leave the next rounds.

A *fragile* edge (`Rules.fragile`: the birth date and one name only, or namesakes without a date) is matched
only once neither of its people has a rival still open: another candidate, proposed or too weak to be, within
`RIVAL_MARGIN` bits of it (`Contenders`). While other decisions may still take its rivals away, it waits; when
nothing else moves, it is ambiguous with its rivals that are proposed, or not proposed at all.

A pair's probability is its likelihood ratio set against the other candidates of both people and against « has no
account on the other side » (`probability`): the score the admin reads.
"""
from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass

from wizard.core.matching.result import Pair, Result, decided
from wizard.core.matching.scoring import Comparison, LevelTuple
from wizard.core.people import Person

# Two candidates within this many bits (a likelihood ratio of 8) are « near-equal »: never chosen between.
AMBIGUITY_MARGIN = 3.0
# A group of near-best edges larger than this is left ambiguous as a whole rather than searched.
MAX_GROUP = 12
# A fragile pair must beat every other candidate of its two people by twice the margin an ordinary pair needs (a
# likelihood ratio of 64), weak candidates included – one of them could be the real partner with a damaged value –
# on names and dates alone: a rival losing only on its family (no child in common) is still a rival, since a
# family column says nothing of an account whose children are not listed or not matched.
RIVAL_MARGIN = 2 * AMBIGUITY_MARGIN


@dataclass(slots=True)
class Edge:
    weight: float  # bits, family included
    base: float  # bits, without the family evidence
    i: int
    j: int
    levels: LevelTuple
    fragile: bool = False  # matched only with no rival (`Rules.fragile`)


# What the group makes of an edge it reports: (edge, probability, PRONOTE person, settled by the family).
Describe = Callable[[Edge, float, Person, bool], Comparison]
# For the people of fragile edges: left → (right, weight without family) of its candidates, right → (left, …).
Contenders = tuple[dict[int, list[tuple[int, float]]], dict[int, list[tuple[int, float]]]]


def assign(edges: list[Edge], left: list[Person], right: list[Person], result: Result | None, check: Callable[[], None],
           priors: tuple[float, float], describe: Describe, contenders: Contenders) -> list[Edge]:
    """Rounds of decisions; `result` None: a trial, nothing recorded. Returns the edges matched."""
    matched: list[Edge] = []
    done_left: set[int] = set()
    done_right: set[int] = set()
    offset = math.log2(min(priors))
    while edges:
        check()
        clear, ambiguous = decide_round(edges, offset)
        waiting = [edge for edge in clear if edge.fragile and _rivalled(edge, contenders, done_left, done_right)]
        if waiting:
            clear = [edge for edge in clear if not any(edge is other for other in waiting)]
            if not clear and not ambiguous:
                ambiguous, edges = _unsettled(waiting, edges)
        matched.extend(clear)
        if result is not None:
            rivals = _rivals(edges, clear)
            odds_left, odds_right = _odds(edges, priors)
            for edge in clear:
                pronote, ent = left[edge.i], right[edge.j]
                rival = rivals.get((edge.i, edge.j), -math.inf)
                settled = edge.weight != edge.base and rival >= edge.base - AMBIGUITY_MARGIN
                comparison = describe(edge, probability(edge, priors, odds_left, odds_right), pronote, settled)
                result.pairs.append(decided(pronote, ent, comparison, settled))
            for edge in ambiguous:
                pronote = left[edge.i]
                comparison = describe(edge, probability(edge, priors, odds_left, odds_right), pronote, False)
                result.pairs.append(Pair(pronote, right[edge.j], "ambiguous", comparison))
        for edge in (*clear, *ambiguous):
            done_left.add(edge.i)
            done_right.add(edge.j)
        edges = [edge for edge in edges if edge.i not in done_left and edge.j not in done_right]
    if result is not None:
        result.unmatched_pronote.extend(p for i, p in enumerate(left) if i not in done_left)
        result.unmatched_ent.extend(p for j, p in enumerate(right) if j not in done_right)
    return matched


def _unsettled(waiting: list[Edge], edges: list[Edge]) -> tuple[list[Edge], list[Edge]]:
    """Fragile edges whose rivals stay when nothing else moves: (ambiguous edges, edges left). Each is ambiguous
    with its people's other edges still open; with none (its rival a candidate too weak to be proposed), it is
    not proposed, and its people stay unmatched unless another round pairs them."""
    waiting_ids = {id(edge) for edge in waiting}
    rivals = [edge for edge in edges if id(edge) not in waiting_ids
              and any(edge.i == other.i or edge.j == other.j for other in waiting)]
    ambiguous = [edge for edge in waiting if any(rival.i == edge.i or rival.j == edge.j for rival in rivals)]
    ambiguous += rivals
    kept = {id(edge) for edge in ambiguous}
    return ambiguous, [edge for edge in edges if id(edge) not in waiting_ids or id(edge) in kept]


def _rivalled(edge: Edge, contenders: Contenders, done_left: set[int], done_right: set[int]) -> bool:
    """Whether either person of a fragile edge still has a rival open (`RIVAL_MARGIN`, weights without family)."""
    by_left, by_right = contenders
    least = edge.base - RIVAL_MARGIN
    return any(j != edge.j and j not in done_right and weight >= least for j, weight in by_left.get(edge.i, ())) or \
        any(i != edge.i and i not in done_left and weight >= least for i, weight in by_right.get(edge.j, ()))


def _odds(edges: list[Edge], priors: tuple[float, float]) -> tuple[dict[int, float], dict[int, float]]:
    """Σ likelihood ratio × prior odds over each person's edges still open."""
    odds_left: dict[int, float] = defaultdict(float)
    odds_right: dict[int, float] = defaultdict(float)
    for edge in edges:
        ratio = 2.0 ** min(edge.weight, 1000.0)
        odds_left[edge.i] += ratio * priors[0]
        odds_right[edge.j] += ratio * priors[1]
    return odds_left, odds_right


def probability(edge: Edge, priors: tuple[float, float], odds_left: dict[int, float], odds_right: dict[int, float]
                ) -> float:
    """The probability that the two are one person, against the other candidates of both and against « no
    account on the other side »: ratio × prior odds / (1 + Σ of the same over the person's candidates)."""
    ratio: float = 2.0 ** min(edge.weight, 1000.0)
    return min(ratio * priors[0] / (1 + odds_left[edge.i]), ratio * priors[1] / (1 + odds_right[edge.j]))


def decide_round(edges: list[Edge], offset: float) -> tuple[list[Edge], list[Edge]]:
    """(edges matched, edges left ambiguous) in this round. Near-best edges (within the margin of the best edge
    of both their people) form connected groups; in each group the best one-to-one assignment is found, and an
    edge of it is matched only when every assignment without it is worse by the margin or more."""
    best_left: dict[int, float] = {}
    best_right: dict[int, float] = {}
    for edge in edges:
        if edge.weight > best_left.get(edge.i, -math.inf):
            best_left[edge.i] = edge.weight
        if edge.weight > best_right.get(edge.j, -math.inf):
            best_right[edge.j] = edge.weight
    near = [edge for edge in edges if edge.weight >= best_left[edge.i] - AMBIGUITY_MARGIN
            and edge.weight >= best_right[edge.j] - AMBIGUITY_MARGIN]
    by_left: dict[int, list[Edge]] = defaultdict(list)
    by_right: dict[int, list[Edge]] = defaultdict(list)
    for edge in near:
        by_left[edge.i].append(edge)
        by_right[edge.j].append(edge)
    clear: list[Edge] = []
    ambiguous: list[Edge] = []
    seen_left: set[int] = set()
    for start in near:
        if start.i in seen_left:
            continue
        group = _connected(start, by_left, by_right)
        seen_left.update(edge.i for edge in group)
        if len(group) == 1:
            clear.append(group[0])
            continue
        settled, unsettled = _settle(group, offset)
        clear.extend(settled)
        ambiguous.extend(unsettled)
    return clear, ambiguous


def _settle(group: list[Edge], offset: float) -> tuple[list[Edge], list[Edge]]:
    """(edges matched, edges ambiguous) of one group of near-best edges."""
    if len(group) > MAX_GROUP:
        return [], group
    value, chosen = _best_assignment(group, offset, None)
    settled = [edge for edge in chosen if value - _best_assignment(group, offset, edge)[0] >= AMBIGUITY_MARGIN]
    lefts, rights = {edge.i for edge in settled}, {edge.j for edge in settled}
    return settled, [edge for edge in group if edge.i not in lefts and edge.j not in rights]


def _best_assignment(group: list[Edge], offset: float, banned: Edge | None) -> tuple[float, list[Edge]]:
    """The one-to-one choice of edges of highest total (weight + prior odds, in bits; nobody needs a partner),
    by search: groups are small."""
    by_left: dict[int, list[Edge]] = defaultdict(list)
    for edge in group:
        if edge is not banned:
            by_left[edge.i].append(edge)
    lefts = sorted(by_left)
    best_value, best_edges = 0.0, list[Edge]()
    chosen: list[Edge] = []
    used: set[int] = set()

    def search(position: int, value: float) -> None:
        nonlocal best_value, best_edges
        if position == len(lefts):
            if value > best_value:
                best_value, best_edges = value, list(chosen)
            return
        search(position + 1, value)
        for edge in by_left[lefts[position]]:
            if edge.j not in used:
                used.add(edge.j)
                chosen.append(edge)
                search(position + 1, value + edge.weight + offset)
                chosen.pop()
                used.discard(edge.j)

    search(0, 0.0)
    return best_value, best_edges


def _rivals(edges: list[Edge], clear: list[Edge]) -> dict[tuple[int, int], float]:
    """For each matched edge carrying family evidence, the best weight without family evidence among the other
    open edges of its two people: was the family what decided?"""
    wanted = [edge for edge in clear if edge.weight != edge.base]
    if not wanted:
        return {}
    by_left = {edge.i: edge for edge in wanted}
    by_right = {edge.j: edge for edge in wanted}
    rivals: dict[tuple[int, int], float] = {}
    for edge in edges:
        for other in (by_left.get(edge.i), by_right.get(edge.j)):
            if other is not None and other is not edge:
                key = (other.i, other.j)
                rivals[key] = max(rivals.get(key, -math.inf), edge.base)
    return rivals


def _connected(start: Edge, by_left: dict[int, list[Edge]], by_right: dict[int, list[Edge]]) -> list[Edge]:
    group: list[Edge] = []
    lefts, rights = {start.i}, set[int]()
    todo = [start.i]
    while todo:
        i = todo.pop()
        for edge in by_left[i]:  # each left is visited once, so each of its edges is added once
            group.append(edge)
            if edge.j not in rights:
                rights.add(edge.j)
                for other in by_right[edge.j]:
                    if other.i not in lefts:
                        lefts.add(other.i)
                        todo.append(other.i)
    return group
