"""One group of people (a profile), matched: candidates, their levels, the weights learned on these two lists,
then the one-to-one step (`assignment`).

1. Every name is reduced once (`normalise`); only pairs sharing a blocking key are compared (`blocking`); each gets
   its levels of agreement (`scoring`); what the weights cannot know refuses a pair outright (`rules`).
2. How much each level counts is learned on these two lists (`model`: Fellegi–Sunter weights; u on random pairs
   and value counts, m by expectation–maximisation in which each pair counts for its probability given the other
   candidates of both people).
3. A pair whose probability would stay under `PLAUSIBLE` even alone is not a candidate; the others go to the
   one-to-one step.
"""
from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Callable
from functools import partial
from typing import Protocol

from wizard.core.matching import model as fs
from wizard.core.matching import scoring as lv
from wizard.core.matching.assignment import Contenders, Edge, assign
from wizard.core.matching.blocking import BlockKey, block_keys, candidate_pairs, crowded_dates
from wizard.core.matching.normalise import FirstName, Form, form
from wizard.core.matching.result import FAMILY_DECIDED, Result
from wizard.core.matching.rules import Kin, Rules
from wizard.core.matching.scoring import Comparison, Levels, LevelTuple
from wizard.core.matching.weights import Weights
from wizard.core.people import Person

# Least probability a pair must reach, were it alone, to be a candidate at all.
PLAUSIBLE = 0.75
# Share of people expected to have a match before the data says otherwise, and how many people that belief is worth.
_PRIOR_SHARE, _PRIOR_WEIGHT = 0.95, 10.0
EM_ROUNDS = 3

# A compared pair: (its PRONOTE person's place in the group, its ENT person's, its levels).
Compared = tuple[int, int, LevelTuple]
# The prior odds that a candidate is a person's match, seen from each side (`_prior_odds`).
Priors = tuple[float, float]


class FamilyEvidence(Protocol):
    """What a round's family evidence gives a group (`matcher`): the parents' (their children) or the pupils'
    (their parents)."""

    def keys(self, person: Person, pronote_side: bool) -> set[BlockKey]: ...
    def levels(self, pronote: Person, ent: Person) -> tuple[int, int]: ...
    def by_chance(self, left: list[Person], right: list[Person]) -> dict[str, float | None]: ...


def match_group(left: list[Person], right: list[Person], result: Result, check: Callable[[], None],
                family: FamilyEvidence | None = None, kin: Kin | None = None) -> list[tuple[Person, Person]]:
    """Matches one group into `result`; returns the (PRONOTE, ENT) pairs matched (certain or probable).
    `family`: the family evidence of this round (`matcher`); `kin`: who has siblings, by the families."""
    left_forms = [form(p.last_name, p.first_name, p.birth_date) for p in left]
    right_forms = [form(p.last_name, p.first_name, p.birth_date) for p in right]
    crowded = crowded_dates(right_forms)
    rules = Rules(left, right, left_forms, right_forms, kin, crowded)

    def keys_of(position: int, left_side: bool) -> set[BlockKey]:
        keys = block_keys((left_forms if left_side else right_forms)[position], crowded)
        if family is not None:
            keys |= family.keys((left if left_side else right)[position], left_side)
        return keys

    compared = _compare_candidates(left, right, left_forms, right_forms, keys_of, family, rules, check)
    result.compared += len(compared)
    check()
    u = _measure_u(left, right, left_forms, right_forms, family)
    # Expectation–maximisation of m and of the share of people matched, u held fixed. Each compared pair counts
    # for its probability of being a true pair *given the other candidates of both people* (`_probabilities`):
    # a chance agreement (same first name and birth date, another surname) counts for little when the real
    # partner is among the candidates – which EM over independent pairs, Splink's, cannot see.
    patterns = [levels for _, _, levels in compared]
    weighing = Weights(left_forms, right_forms, u)
    rarity = weighing.rarity(compared)
    m = {name: list(values) for name, values in fs.M_START.items()}
    matched: float | None = None
    for _ in range(EM_ROUNDS):
        priors = _prior_odds(matched, len(left), len(right))
        names, family_bits = weighing.level_bits(m, set(patterns))
        weights = [names[p] + r + family_bits[p] for p, r in zip(patterns, rarity, strict=True)]
        probabilities = _probabilities(compared, weights, priors)
        m = fs.bound_rare(fs.m_from_pairs(patterns, probabilities), u)
        matched = sum(probabilities)
        check()
    priors = _prior_odds(matched, len(left), len(right))
    names, family_bits = weighing.level_bits(m, set(patterns))
    least = math.log2(PLAUSIBLE / (1 - PLAUSIBLE)) - math.log2(min(priors))
    edges = []
    bases = []
    for (i, j, levels), r in zip(compared, rarity, strict=True):
        bases.append(names[levels] + r)
        if bases[-1] + family_bits[levels] >= least:
            edges.append(Edge(bases[-1] + family_bits[levels], bases[-1], i, j, levels, rules.fragile(levels, i, j)))
    contenders = _contenders(compared, bases, edges)

    def describe(edge: Edge, probability: float, pronote: Person, settled: bool) -> Comparison:
        levels = Levels._make(edge.levels)
        pupil = pronote.profile == "eleve"
        reasons = lv.reasons_of(levels, pupil_side=pupil)
        if settled:
            reasons += (FAMILY_DECIDED,)
        return Comparison(levels, edge.weight, probability, reasons,
                          partial(weighing.evidence, m, edge.i, edge.j, edge.levels, pupil))

    return [(left[edge.i], right[edge.j])
            for edge in assign(edges, left, right, result, check, priors, describe, contenders)]


def _contenders(compared: list[Compared], bases: list[float], edges: list[Edge]) -> Contenders:
    """For the people of a fragile edge, everyone they were compared with and not refused – their candidates,
    proposed or too weak to be – with the pair's weight without family evidence (`assignment` looks for rivals
    among them)."""
    lefts = {edge.i for edge in edges if edge.fragile}
    rights = {edge.j for edge in edges if edge.fragile}
    by_left: dict[int, list[tuple[int, float]]] = defaultdict(list)
    by_right: dict[int, list[tuple[int, float]]] = defaultdict(list)
    if lefts or rights:
        for (i, j, _), weight in zip(compared, bases, strict=True):
            if i in lefts:
                by_left[i].append((j, weight))
            if j in rights:
                by_right[j].append((i, weight))
    return by_left, by_right


def _compare_candidates(left: list[Person], right: list[Person], left_forms: list[Form], right_forms: list[Form],
                        keys_of: Callable[[int, bool], set[BlockKey]], family: FamilyEvidence | None, rules: Rules,
                        check: Callable[[], None]) -> list[Compared]:
    """(left, right, levels) of every pair sharing a blocking key and not refused outright (`Rules.refused`). Most
    pairs sharing only a birth date or a surname have two different first names (siblings, parents): they are
    dropped on that alone – first names are numbered, and the level of two first names is computed once – unless
    surname and birth date agree (another first name is then weighed) or the names may be written crosswise."""
    numbers: dict[FirstName, int] = {}
    left_first = [numbers.setdefault(f.first, len(numbers)) for f in left_forms]
    right_first = [numbers.setdefault(f.first, len(numbers)) for f in right_forms]
    firsts = list(numbers)
    width = len(firsts)
    # What could reveal names written crosswise: each side's surname and first name, as in `crossed_levels`.
    left_cross = [(f.surname.core_compact, f.first.compact) for f in left_forms]
    right_cross = [(f.first.compact, f.surname.core_compact) for f in right_forms]
    right_digits = [f.digits for f in right_forms]
    known: dict[int, int] = {}
    compared: list[Compared] = []
    first_level, surname_level, date_level = lv.first_level, lv.surname_level, lv.date_level
    crossed_levels, refused = lv.crossed_levels, rules.refused
    other, close, s_close, k_none, c_none = lv.F_OTHER, lv.F_CLOSE, lv.S_CLOSE, lv.K_NONE, lv.C_NONE
    pairs, columns = candidate_pairs(len(left), len(right), keys_of, check)
    if not pairs:
        return compared
    current = -1
    # The left person's forms, set anew at each new left person below (the pairs come in order of it).
    a, row, (a_surname, a_first) = left_forms[0], 0, left_cross[0]
    a_digits, a_words = a.digits, a.surname.words
    for count, pair in enumerate(pairs):
        if count & 8191 == 0:
            check()
        i, j = divmod(pair, columns)
        if i != current:
            current = i
            a = left_forms[i]
            row = left_first[i] * width
            a_surname, a_first = left_cross[i]
            a_digits, a_words = a.digits, a.surname.words
        key = row + right_first[j]
        f = known.get(key)
        if f is None:
            f = known[key] = first_level(a.first, firsts[right_first[j]])
        if f == other and not (a_digits and a_digits == right_digits[j] and a_words == right_forms[j].surname.words):
            b_first, b_surname = right_cross[j]
            if a_surname != b_first and a_first != b_surname and (
                    a_surname[:1] != b_first[:1] or a_first[:1] != b_surname[:1]):
                continue  # another first name and no sign of names written crosswise
        b = right_forms[j]
        s = surname_level(a.surname, b.surname)
        d = date_level(a.digits, b.digits)
        if s >= s_close and f >= close and (crossed := crossed_levels(a, b)) is not None:
            levels = (crossed[0], crossed[1], d, True, k_none, c_none)
        else:
            levels = (s, f, d, False, k_none, c_none)
        if family is not None:
            k, c = family.levels(left[i], right[j])
            if k != k_none or c != c_none:
                levels = levels[:4] + (k, c)
        if not refused(levels, i, j, a, b):
            compared.append((i, j, levels))
    return compared


def _probabilities(compared: list[Compared], weights: list[float], priors: Priors) -> list[float]:
    """Each pair's probability against the other candidates of both people (see `_probability`)."""
    odds_left: dict[int, float] = defaultdict(float)
    odds_right: dict[int, float] = defaultdict(float)
    ratios = [2.0 ** min(weight, 1000.0) for weight in weights]
    for (i, j, _), ratio in zip(compared, ratios, strict=True):
        odds_left[i] += ratio * priors[0]
        odds_right[j] += ratio * priors[1]
    return [min(ratio * priors[0] / (1 + odds_left[i]), ratio * priors[1] / (1 + odds_right[j]))
            for (i, j, _), ratio in zip(compared, ratios, strict=True)]


def _measure_u(left: list[Person], right: list[Person], left_forms: list[Form], right_forms: list[Form],
               family: FamilyEvidence | None) -> dict[str, list[float]]:
    sample = []
    firsts: dict[tuple[str, str], int] = {}
    for i, j in fs.random_pairs(len(left), len(right), seed=len(left) * 7919 + len(right)):
        levels = lv.compare(left_forms[i], right_forms[j], firsts)
        if family is not None:
            levels = levels[:4] + family.levels(left[i], right[j])
        sample.append(levels)
    exact = {
        "surname": fs.exact_u([f.surname.compact for f in left_forms], [f.surname.compact for f in right_forms],
                              fs.U_START["surname"][0]),
        "first": fs.exact_u([f.first.compact for f in left_forms], [f.first.compact for f in right_forms],
                            fs.U_START["first"][0]),
        "date": fs.exact_u([f.digits for f in left_forms], [f.digits for f in right_forms], fs.U_START["date"][0]),
    }
    if family is not None:
        # A shared child is far too rare between chance pairs for a sample to see: counted from the lists.
        exact.update((name, value) for name, value in family.by_chance(left, right).items() if value is not None)
    return fs.measure_u(sample, exact)


def _prior_odds(expected: float | None, left: int, right: int) -> Priors:
    """Prior odds that a given candidate is a person's match, from each side: the share of people matched
    (`_PRIOR_SHARE` before the first round of EM, then its estimate drawn towards it), spread over the accounts
    of the other side."""
    if expected is None:
        share_left = share_right = _PRIOR_SHARE
    else:
        matched = min(max(expected, 0.0), float(min(left, right)))
        share_left = (matched + _PRIOR_SHARE * _PRIOR_WEIGHT) / (left + _PRIOR_WEIGHT)
        share_right = (matched + _PRIOR_SHARE * _PRIOR_WEIGHT) / (right + _PRIOR_WEIGHT)
    share_left, share_right = min(max(share_left, 0.05), 0.98), min(max(share_right, 0.05), 0.98)
    return share_left / ((1 - share_left) * max(1, right)), share_right / ((1 - share_right) * max(1, left))
