"""Matching PRONOTE people with ENT accounts, profile by profile, one to one, never guessing between equals.

Per profile: reduce every name once (`normalise`), compare only the pairs sharing a blocking key (`blocking`),
give each compared pair its levels of agreement (`scoring`), learn on these two lists how much each level counts
(`model`: Fellegi–Sunter weights; u on random pairs and value counts, m by expectation–maximisation), then:
1. rules the weights cannot know (`_refused`): a first name never changes (twins share all the rest), a short
   first name with a slip is another child unless the date vouches, a surname changed completely needs the first
   name *and* the date or a family link, two slips without a date are too weak;
2. probabilities (`_probability`): a pair's likelihood ratio is set against the other candidates of both people
   and against « has no account on the other side » (prior: the share of people matched, by EM). A pair whose
   probability would stay under `PLAUSIBLE` even alone is not a candidate. The score shown is this probability;
3. one to one, in rounds: an edge is *near-best* when its weight is within `AMBIGUITY_MARGIN` bits of the best
   edge of both its people. A near-best edge alone in its connected group is a match. In a group of several,
   the best one-to-one choice is found, and each of its edges is a match only when every choice without it is
   worse by the margin (the plain « MARTIN Sophie » over « MARTIN DUPONT Sophie » when both have a partner);
   the rest of the group (twins with one first name, homonym parents without birth dates) is ambiguous and left
   to the admin. People decided in a round leave the next rounds.
Families (`family`): pupils first, then parents with their matched children (and the classes) as evidence, then
a second look at the pupils left over with their matched parents as evidence. A pair that only its family tells
from a rival is « probable », with the reason « départagé par la famille ».
The cyclic garbage collector is paused while matching (`reconcile`): a third of the time went to it.
"""
from __future__ import annotations

import gc
import math
from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from wizard.core.errors import Cancelled
from wizard.core.i18n import tr_noop
from wizard.core.matching import model as fs
from wizard.core.matching import scoring as lv
from wizard.core.matching.blocking import BlockKey, block_keys, candidate_pairs, crowded_dates
from wizard.core.matching.family import Families, FamilyView
from wizard.core.matching.normalise import FirstName, Form, form
from wizard.core.matching.scoring import Comparison, Levels, LevelTuple
from wizard.core.people import PROFILES, Person

__all__ = ["AMBIGUITY_MARGIN", "COUNT_KEYS", "STATUS_LABELS", "STATUS_PLURALS", "Cancelled", "Pair", "Result",
           "STATUSES", "reconcile"]

STATUSES = ("certain", "probable", "ambiguous")
COUNT_KEYS = STATUSES + ("unmatched_pronote", "unmatched_ent")
# What the admin reads, in the window, the worksheet and the command alike: « Sûr » rather than « certain », which
# reads as « some » in French. Singular for a row, plural for a count or a filter.
STATUS_LABELS = {
    "certain": tr_noop("Sûr"), "probable": tr_noop("Probable"), "ambiguous": tr_noop("Ambigu"),
    "unmatched_pronote": tr_noop("Seulement dans PRONOTE"), "unmatched_ent": tr_noop("Seulement dans l'ENT"),
}
STATUS_PLURALS = {
    "certain": tr_noop("Sûrs"), "probable": tr_noop("Probables"), "ambiguous": tr_noop("Ambigus"),
    "unmatched_pronote": tr_noop("Seulement dans PRONOTE"), "unmatched_ent": tr_noop("Seulement dans l'ENT"),
}
# Two candidates within this many bits (a likelihood ratio of 8) are « near-equal »: never chosen between.
AMBIGUITY_MARGIN = 3.0
# Least probability a pair must reach, were it alone, to be a candidate at all.
PLAUSIBLE = 0.75
# Profiles whose birth date is always known in PRONOTE: a missing date there is a real gap, not the norm
# (PRONOTE's partner schema has no date for parents and an optional one for staff).
DATED_PROFILES = frozenset({"eleve"})
AMBIGUOUS_REASON = tr_noop("plusieurs candidats presque identiques")
FAMILY_DECIDED = tr_noop("départagé par la famille")
# Key of the single group used when the ENT list has no profile column.
ANY_PROFILE = ""
# Share of people expected to have a match before the data says otherwise, and how many people that belief is worth.
_PRIOR_SHARE, _PRIOR_WEIGHT = 0.95, 10.0
EM_ROUNDS = 3
_STRONG_FIRST = frozenset({lv.F_EXACT, lv.F_COMPOUND, lv.F_MORE, lv.F_USUAL})
_NEAR_DATES = frozenset({lv.D_EXACT, lv.D_SWAPPED, lv.D_DIGIT, lv.D_TRANSPOSED})
_SAME_SURNAME = frozenset({lv.S_EXACT, lv.S_PARTICLE, lv.S_ORDER})


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
    # COUNT_KEYS × profile; ambiguous counts PRONOTE people
    counts: dict[str, dict[str, int]] = field(default_factory=dict)
    compared: int = 0  # pairs scored, for the benchmark


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


# A compared pair: (its PRONOTE person's place in the group, its ENT person's, its levels).
_Compared = tuple[int, int, LevelTuple]
# The prior odds that a candidate is a person's match, seen from each side (`_prior_odds`).
_Priors = tuple[float, float]


class _Evidence(Protocol):
    """What a group's family evidence gives the matcher: the parents' (their children) or the pupils' (their
    parents)."""

    def keys(self, person: Person, pronote_side: bool) -> set[BlockKey]: ...
    def levels(self, pronote: Person, ent: Person) -> tuple[int, int]: ...
    def by_chance(self, left: list[Person], right: list[Person]) -> dict[str, float | None]: ...


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
    view = FamilyView(families, pronote, ent) if families is not None and by_profile else None
    if view is not None and not view.useful:
        view = None

    result = Result()
    total = max(1, len(pronote) + len(ent))
    done = 0
    # Pupils before parents: a parent's matched children are evidence about the parent.
    for key in sorted(groups, key=lambda profile: (profile == "parent", _profile_order(profile))):
        left, right = groups[key]
        check()
        family: _Evidence | None = None
        if view is not None and key == "parent":
            family = _ParentEvidence(view)
        matched = _match_group(left, right, result, check, family)
        if view is not None and key == "eleve":
            view.pupil_match.update((a.ident, b.ident) for a, b in matched)
        if view is not None and key == "parent":
            view.parent_match.update((b.ident, a.ident) for a, b in matched)
        done += len(left) + len(right)
        if advance is not None:
            advance(done / total)
    if view is not None and view.ent_children:
        _second_look_at_pupils(view, result, check)
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
    _match_group(left, right, result, check, _PupilEvidence(view))


# ---------------------------------------------------------------- one group
@dataclass(slots=True)
class _Edge:
    weight: float  # bits, family included
    base: float  # bits, without the family evidence
    i: int
    j: int
    levels: LevelTuple


def _match_group(left: list[Person], right: list[Person], result: Result, check: Callable[[], None],
                 family: _Evidence | None = None) -> list[tuple[Person, Person]]:
    """Matches one group into `result`; returns the (PRONOTE, ENT) pairs matched (certain or probable)."""
    left_forms = [form(p.last_name, p.first_name, p.birth_date) for p in left]
    right_forms = [form(p.last_name, p.first_name, p.birth_date) for p in right]
    crowded = crowded_dates(right_forms)

    def keys_of(position: int, left_side: bool) -> set[BlockKey]:
        keys = block_keys((left_forms if left_side else right_forms)[position], crowded)
        if family is not None:
            keys |= family.keys((left if left_side else right)[position], left_side)
        return keys

    compared = _compare_candidates(left, right, left_forms, right_forms, keys_of, family, check)
    result.compared += len(compared)
    check()
    u = _measure_u(left, right, left_forms, right_forms, family)
    # Expectation–maximisation of m and of the share of people matched, u held fixed. Each compared pair counts
    # for its probability of being a true pair *given the other candidates of both people* (`_probabilities`):
    # a chance agreement (same first name and birth date, another surname) counts for little when the real
    # partner is among the candidates – which EM over independent pairs, Splink's, cannot see.
    patterns = [levels for _, _, levels in compared]
    rarity = _rarity(compared, u, _Shares(left_forms, right_forms), left_forms, right_forms)
    m = {name: list(values) for name, values in fs.M_START.items()}
    matched: float | None = None
    for _ in range(EM_ROUNDS):
        priors = _prior_odds(matched, len(left), len(right))
        names, family_bits = _level_bits(m, u, set(patterns))
        weights = [names[p] + r + family_bits[p] for p, r in zip(patterns, rarity, strict=True)]
        probabilities = _probabilities(compared, weights, priors)
        m = fs.m_from_pairs(patterns, probabilities)
        matched = sum(probabilities)
        check()
    priors = _prior_odds(matched, len(left), len(right))
    names, family_bits = _level_bits(m, u, set(patterns))
    least = math.log2(PLAUSIBLE / (1 - PLAUSIBLE)) - math.log2(min(priors))
    edges = []
    for (i, j, levels), r in zip(compared, rarity, strict=True):
        base = names[levels] + r
        if base + family_bits[levels] >= least:
            edges.append(_Edge(base + family_bits[levels], base, i, j, levels))
    return [(left[edge.i], right[edge.j]) for edge in _assign(edges, left, right, result, check, priors)]


def _compare_candidates(left: list[Person], right: list[Person], left_forms: list[Form], right_forms: list[Form],
                        keys_of: Callable[[int, bool], set[BlockKey]], family: _Evidence | None,
                        check: Callable[[], None]) -> list[_Compared]:
    """(left, right, levels) of every pair sharing a blocking key and not refused outright (`_refused`). Most
    pairs sharing only a birth date or a surname have two different first names (siblings, parents): they are
    dropped on that alone – first names are numbered, and the level of two first names is computed once."""
    numbers: dict[FirstName, int] = {}
    left_first = [numbers.setdefault(f.first, len(numbers)) for f in left_forms]
    right_first = [numbers.setdefault(f.first, len(numbers)) for f in right_forms]
    firsts = list(numbers)
    width = len(firsts)
    # What could reveal names written crosswise: each side's surname and first name, as in `crossed_levels`.
    left_cross = [(f.surname.core_compact, f.first.compact) for f in left_forms]
    right_cross = [(f.first.compact, f.surname.core_compact) for f in right_forms]
    known: dict[int, int] = {}
    compared: list[_Compared] = []
    first_level, surname_level, date_level = lv.first_level, lv.surname_level, lv.date_level
    crossed_levels = lv.crossed_levels
    other, close, s_close, k_none, c_none = lv.F_OTHER, lv.F_CLOSE, lv.S_CLOSE, lv.K_NONE, lv.C_NONE
    pairs, columns = candidate_pairs(len(left), len(right), keys_of, check)
    if not pairs:
        return compared
    current = -1
    # The left person's forms, set anew at each new left person below (the pairs come in order of it).
    a, row, (a_surname, a_first) = left_forms[0], 0, left_cross[0]
    for count, pair in enumerate(pairs):
        if count & 8191 == 0:
            check()
        i, j = divmod(pair, columns)
        if i != current:
            current = i
            a = left_forms[i]
            row = left_first[i] * width
            a_surname, a_first = left_cross[i]
        key = row + right_first[j]
        f = known.get(key)
        if f is None:
            f = known[key] = first_level(a.first, firsts[right_first[j]])
        if f == other:
            b_first, b_surname = right_cross[j]
            if a_surname != b_first and a_first != b_surname and (
                    a_surname[:1] != b_first[:1] or a_first[:1] != b_surname[:1]):
                continue  # another first name and no sign of names written crosswise
        b = right_forms[j]
        s = surname_level(a.surname, b.surname)
        d = date_level(a.digits, b.digits)
        k, c = family.levels(left[i], right[j]) if family is not None else (k_none, c_none)
        levels: LevelTuple
        if s >= s_close and f >= close and (crossed := crossed_levels(a, b)) is not None:
            levels = (crossed[0], crossed[1], d, True, k, c)
        else:
            levels = (s, f, d, False, k, c)
        if not _refused(levels, a, b):
            compared.append((i, j, levels))
    return compared


def _probabilities(compared: list[_Compared], weights: list[float], priors: _Priors) -> list[float]:
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
               family: _Evidence | None) -> dict[str, list[float]]:
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


def _refused(levels: LevelTuple, a: Form, b: Form) -> bool:
    """What the independent weights cannot know about names and families."""
    s, f, d = levels[0], levels[1], levels[2]
    family_agrees = levels[4] == lv.K_AGREE
    if f == lv.F_OTHER:
        return True  # a first name does not change: siblings share everything else
    if f == lv.F_FAR and not (s in _SAME_SURNAME and d in _NEAR_DATES):
        return True  # a first name this damaged: only with the surname and the date (twins: the weights decide)
    if f == lv.F_TYPO and min(len(a.first.compact), len(b.first.compact)) < 4 and d not in _NEAR_DATES:
        return True  # « Léo » and « Léa »: two people unless the date vouches
    if s == lv.S_OTHER and not (f in _STRONG_FIRST and (d == lv.D_EXACT or family_agrees)):
        return True  # a surname changed completely: only with the first name and the date or a family link
    if s == lv.S_USAGE_CHANGED and d != lv.D_EXACT and not family_agrees:
        return True  # another usage surname: a remarriage, or two people of one family
    if d in (lv.D_MISSING, lv.D_NONE) and not family_agrees:
        slips = (s in lv.SLIPS_S) + (f in lv.SLIPS_F)
        variations = (s != lv.S_EXACT) + (f != lv.F_EXACT)
        if slips and variations > 1:
            return True  # « Louis MARTIN » / « Louise MARTINE » without a date: a couple, not one person
    return False


def _prior_odds(expected: float | None, left: int, right: int) -> tuple[float, float]:
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


class _Shares:
    """How common each value is in the group (Splink's term frequencies), per person: computed once per group."""

    def __init__(self, left_forms: list[Form], right_forms: list[Form]):
        self.surname = fs.frequencies((f.surname.compact for f in left_forms), (f.surname.compact for f in right_forms),
                                      fs.TF_START["surname"])
        self.first = fs.frequencies((f.first.compact for f in left_forms), (f.first.compact for f in right_forms),
                                    fs.TF_START["first"])
        date = fs.frequencies((f.digits for f in left_forms), (f.digits for f in right_forms), fs.TF_START["date"])
        self.left = [(self.surname(f.surname.compact), self.first(f.first.compact), date(f.digits)) for f in left_forms]
        self.right = [(self.surname(f.surname.compact), self.first(f.first.compact), date(f.digits))
                      for f in right_forms]


def _rarity(compared: list[_Compared], u: dict[str, list[float]], shares: _Shares, left_forms: list[Form],
            right_forms: list[Form]) -> list[float]:
    """The part of each pair's weight that does not depend on m: −Σ log2 u over its names and date, in bits.
    Term frequencies (Splink's adjustment), extended to close levels: an exact agreement's u is the share of the
    value; a close agreement's u is the level's u scaled by how common the commoner of the two values is
    against the average exact agreement – « MARTN » for « MARTIN » tells less than « BELASSEUA » for « BELASSEAU »,
    « Jean-François Joseph » for « Jean-François » less than for « Aurélien »."""
    us = (u["surname"], u["first"], u["date"])
    average = [max(values[0], 1e-9) for values in us]  # the average exact agreement of each field
    plain = [fs.NULLS[name] | {fs.OTHER[name]} for name in ("surname", "first", "date")]  # not term-adjusted
    nulls = [fs.NULLS[name] for name in ("surname", "first", "date")]
    log2, floor = math.log2, 1e-9
    out = []
    for i, j, levels in compared:
        sa, sb = shares.left[i], shares.right[j]
        if levels[3]:  # written crosswise: each name's share in the other's role
            b = right_forms[j]
            sb = (shares.surname(b.first.compact), shares.first(b.surname.compact), sb[2])
        total = -fs.SWAP_COST if levels[3] else 0.0
        for position in (0, 1, 2):
            level = levels[position]
            if level == 0:  # the exact level of every field
                total -= log2(max(sa[position], floor))
            elif level in plain[position]:
                if level not in nulls[position]:
                    total -= log2(max(us[position][level], floor))
            else:
                common = sa[position] if sa[position] > sb[position] else sb[position]
                total -= log2(min(max(us[position][level] * common / average[position], floor), 1.0))
        out.append(total)
    return out


def _level_bits(m: dict[str, list[float]], u: dict[str, list[float]],
                patterns: set[LevelTuple]) -> tuple[dict[LevelTuple, float], dict[LevelTuple, float]]:
    """Per pattern of levels: Σ log2 m over its names and date, and the family evidence log2(m/u), in bits."""
    log_m = [[math.log2(max(value, 1e-6)) for value in m[name]] for name in ("surname", "first", "date")]
    nulls = (fs.NULLS["surname"], fs.NULLS["first"], fs.NULLS["date"])
    model = fs.Model(m, u)
    family = [model.level_weight("family", level) for level in range(fs.SIZES["family"])]
    classes = [model.level_weight("classes", level) for level in range(fs.SIZES["classes"])]
    names: dict[LevelTuple, float] = {}
    family_bits: dict[LevelTuple, float] = {}
    for pattern in patterns:
        names[pattern] = sum(log_m[field][pattern[field]] for field in (0, 1, 2) if pattern[field] not in nulls[field])
        family_bits[pattern] = family[pattern[4]] + classes[pattern[5]]
    return names, family_bits


# ---------------------------------------------------------------- one to one
# A group of near-best edges larger than this is left ambiguous as a whole rather than searched.
MAX_GROUP = 12


def _assign(edges: list[_Edge], left: list[Person], right: list[Person], result: Result | None,
            check: Callable[[], None], priors: _Priors) -> list[_Edge]:
    """Rounds of decisions; `result` None: a trial (the first pass), nothing recorded. Returns the edges matched."""
    matched: list[_Edge] = []
    done_left: set[int] = set()
    done_right: set[int] = set()
    offset = math.log2(min(priors))
    while edges:
        check()
        clear, ambiguous = _decide_round(edges, offset)
        for edge in clear:
            matched.append(edge)
        if result is not None:
            rivals = _rivals(edges, clear)
            odds_left, odds_right = _odds(edges, priors)
            for edge in clear:
                pronote, ent = left[edge.i], right[edge.j]
                rival = rivals.get((edge.i, edge.j), -math.inf)
                settled = edge.weight != edge.base and rival >= edge.base - AMBIGUITY_MARGIN
                comparison = _comparison(edge, _probability(edge, priors, odds_left, odds_right), pronote, settled)
                result.pairs.append(_matched(pronote, ent, comparison, settled))
            for edge in ambiguous:
                pronote = left[edge.i]
                comparison = _comparison(edge, _probability(edge, priors, odds_left, odds_right), pronote)
                result.pairs.append(Pair(pronote, right[edge.j], "ambiguous", comparison))
        for edge in (*clear, *ambiguous):
            done_left.add(edge.i)
            done_right.add(edge.j)
        edges = [edge for edge in edges if edge.i not in done_left and edge.j not in done_right]
    if result is not None:
        result.unmatched_pronote.extend(p for i, p in enumerate(left) if i not in done_left)
        result.unmatched_ent.extend(p for j, p in enumerate(right) if j not in done_right)
    return matched


def _odds(edges: list[_Edge], priors: _Priors) -> tuple[dict[int, float], dict[int, float]]:
    """Σ likelihood ratio × prior odds over each person's edges still open."""
    odds_left: dict[int, float] = defaultdict(float)
    odds_right: dict[int, float] = defaultdict(float)
    for edge in edges:
        ratio = 2.0 ** min(edge.weight, 1000.0)
        odds_left[edge.i] += ratio * priors[0]
        odds_right[edge.j] += ratio * priors[1]
    return odds_left, odds_right


def _probability(edge: _Edge, priors: _Priors, odds_left: dict[int, float], odds_right: dict[int, float]) -> float:
    """The probability that the two are one person, against the other candidates of both and against « no
    account on the other side »: ratio × prior odds / (1 + Σ of the same over the person's candidates)."""
    ratio: float = 2.0 ** min(edge.weight, 1000.0)  # float ** float is Any to the checker (complex for a negative base)
    return min(ratio * priors[0] / (1 + odds_left[edge.i]), ratio * priors[1] / (1 + odds_right[edge.j]))


def _decide_round(edges: list[_Edge], offset: float) -> tuple[list[_Edge], list[_Edge]]:
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
    by_left: dict[int, list[_Edge]] = defaultdict(list)
    by_right: dict[int, list[_Edge]] = defaultdict(list)
    for edge in near:
        by_left[edge.i].append(edge)
        by_right[edge.j].append(edge)
    clear: list[_Edge] = []
    ambiguous: list[_Edge] = []
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


def _settle(group: list[_Edge], offset: float) -> tuple[list[_Edge], list[_Edge]]:
    """(edges matched, edges ambiguous) of one group of near-best edges."""
    if len(group) > MAX_GROUP:
        return [], group
    value, chosen = _best_assignment(group, offset, None)
    settled = [edge for edge in chosen if value - _best_assignment(group, offset, edge)[0] >= AMBIGUITY_MARGIN]
    lefts, rights = {edge.i for edge in settled}, {edge.j for edge in settled}
    return settled, [edge for edge in group if edge.i not in lefts and edge.j not in rights]


def _best_assignment(group: list[_Edge], offset: float, banned: _Edge | None) -> tuple[float, list[_Edge]]:
    """The one-to-one choice of edges of highest total (weight + prior odds, in bits; nobody needs a partner),
    by search: groups are small."""
    by_left: dict[int, list[_Edge]] = defaultdict(list)
    for edge in group:
        if edge is not banned:
            by_left[edge.i].append(edge)
    lefts = sorted(by_left)
    best_value, best_chosen = 0.0, list[_Edge]()
    chosen: list[_Edge] = []
    used: set[int] = set()

    def search(position: int, value: float) -> None:
        nonlocal best_value, best_chosen
        if position == len(lefts):
            if value > best_value:
                best_value, best_chosen = value, list(chosen)
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
    return best_value, best_chosen


def _rivals(edges: list[_Edge], clear: list[_Edge]) -> dict[tuple[int, int], float]:
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


def _connected(start: _Edge, by_left: dict[int, list[_Edge]], by_right: dict[int, list[_Edge]]) -> list[_Edge]:
    group: list[_Edge] = []
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


def _comparison(edge: _Edge, probability: float, pronote: Person, settled: bool = False) -> Comparison:
    levels = Levels._make(edge.levels)
    reasons = lv.reasons_of(levels, pupil_side=pronote.profile == "eleve")
    if settled:
        reasons += (FAMILY_DECIDED,)
    return Comparison(levels, edge.weight, probability, reasons)


def _matched(pronote: Person, ent: Person, comparison: Comparison, settled: bool) -> Pair:
    levels = comparison.levels
    plain = (comparison.exact_names and levels.family != lv.K_OTHER and levels.classes != lv.C_OTHER
             and not settled)
    if plain and levels.date == lv.D_EXACT:
        return Pair(pronote, ent, "certain", comparison)
    if plain and not comparison.date_present and pronote.profile not in DATED_PROFILES:
        # Adults often have no birth date on one side: with the names exact, that says nothing against the pair.
        return Pair(pronote, ent, "certain", _without(comparison, lv.MISSING_DATE))
    if not comparison.reasons:
        comparison = _with(comparison, lv.MISSING_DATE)
    return Pair(pronote, ent, "probable", comparison)


def _without(comparison: Comparison, reason: str) -> Comparison:
    return Comparison(comparison.levels, comparison.weight, comparison.probability,
                      tuple(r for r in comparison.reasons if r != reason))


def _with(comparison: Comparison, reason: str) -> Comparison:
    return Comparison(comparison.levels, comparison.weight, comparison.probability, comparison.reasons + (reason,))
