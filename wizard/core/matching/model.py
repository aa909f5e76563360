"""How much each level of agreement counts in *this* data: Fellegi–Sunter weights, estimated on the two lists.

For every field and level, `m` is how often a true pair reaches that level and `u` how often a chance pair
does; a pair's match weight is the sum of log2(m/u) over its fields, in bits (Fellegi & Sunter, 1969). As in
Splink (the UK Ministry of Justice's linker):
- `u` is measured on pairs drawn at random from the two lists – chance pairs, nearly all of them – and, for
  the exact levels, computed from the value counts themselves (`exact_u`), both drawn towards `U_START`;
- an exact agreement is weighed by the share of the value itself (« term frequency », `frequencies`): sharing
  « MARTIN » tells less than sharing « AZÉMA »; the matcher extends this to close levels;
- a missing value carries no weight (level « null »), whatever the side.
Where this differs from Splink, and why: `m` is estimated by expectation–maximisation in which each compared
pair counts for its probability *given the other candidates of both people* (the matcher's one-to-one
probabilities), not as an independent pair. Splink's EM over blocked pairs takes the many chance pairs that
share a first name and a birth date in a school (the birth-date block brings them together) for true pairs
with a changed surname, and learns that surnames change; here such a pair loses to the real partner of both
people and counts for little. `m_from_pairs` is the M step; a prior worth `M_PRIOR` pairs keeps a small group
(three teachers) sane.
"""
from __future__ import annotations

import math
import random
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from wizard.core.matching import scoring as lv

# Fields of a pair's levels, their number of levels, and the null level (no weight).
FIELDS = ("surname", "first", "date", "family", "classes")
SIZES = {"surname": 9, "first": 9, "date": 8, "family": 3, "classes": 3}
NULLS = {"surname": {lv.S_MISSING}, "first": {lv.F_MISSING}, "date": {lv.D_MISSING, lv.D_NONE},
         "family": {lv.K_NONE}, "classes": {lv.C_NONE}}
EXACT = {"surname": lv.S_EXACT, "first": lv.F_EXACT, "date": lv.D_EXACT}
OTHER = {"surname": lv.S_OTHER, "first": lv.F_OTHER, "date": lv.D_OTHER}

# Starting values and priors. m: what true pairs look like in school data (most names exact, a few habits and
# slips). u: what chance pairs look like (almost always different; exact levels are computed from the counts).
M_START = {
    "surname": (0.88, 0.01, 0.005, 0.04, 0.005, 0.03, 0.01, 0.0, 0.01),
    "first": (0.9, 0.02, 0.02, 0.01, 0.03, 0.01, 0.005, 0.0, 0.005),
    "date": (0.93, 0.01, 0.02, 0.01, 0.01, 0.0, 0.0, 0.02),
    "family": (0.9, 0.1, 0.0),
    "classes": (0.85, 0.15, 0.0),
}
U_START = {
    "surname": (0.002, 2e-5, 2e-5, 5e-4, 2e-4, 3e-4, 1e-3, 0.0, 0.996),
    "first": (0.01, 2e-3, 1e-3, 5e-4, 2e-3, 3e-3, 0.02, 0.0, 0.96),
    "date": (5e-4, 2e-5, 1e-3, 2e-4, 5e-3, 0.0, 0.0, 0.993),
    "family": (2e-3, 0.998, 0.0),
    "classes": (0.03, 0.97, 0.0),
}
# Levels whose m is learned within bounds: a surname or a first name wholly different. Pairs showing them reach the
# comparison only through the rules (`rules`), a handful, each counted for its own probability: EM over them feeds
# on itself, and a level seldom believed is soon believed never – so never rarer than school lists show (M_START).
# However common the two lists make them look, one name wholly different stays strong evidence against: at least
# RARE_AGAINST bits (a likelihood ratio of 1 in 32).
RARE_LEVELS = {"surname": lv.S_OTHER, "first": lv.F_OTHER}
RARE_AGAINST = 5.0
M_PRIOR = 20.0  # pairs' worth of belief in M_START
U_PRIOR = 500.0  # pairs' worth of belief in U_START, next to the random sample
TF_PRIOR = 200.0  # people's worth of belief in a typical share of a value (TF_START)
TF_START = {"surname": 1e-3, "first": 1e-2, "date": 3e-4}
U_SAMPLE = 1500  # random pairs drawn per group to measure u
SWAP_COST = 3.0  # bits: names written crosswise are rare even in true pairs
_FLOOR = 1e-6


@dataclass
class Model:
    m: dict[str, list[float]]
    u: dict[str, list[float]]

    def level_weight(self, name: str, level: int) -> float:
        if level in NULLS[name]:
            return 0.0
        return math.log2(max(self.m[name][level], _FLOOR) / max(self.u[name][level], _FLOOR))


def frequencies(left: Iterable[str], right: Iterable[str], prior: float) -> Callable[[str], float]:
    """Share of each value among the known values of both lists (the term frequency of Splink), drawn towards
    `prior` (a typical value's share) by `TF_PRIOR` people: in a list of three, a name shared by two is not
    « two thirds of everyone's name »."""
    counts = Counter(value for value in left if value)
    counts.update(value for value in right if value)
    total = sum(counts.values()) + TF_PRIOR
    base = TF_PRIOR * prior
    return lambda value: (counts.get(value, 0) + base) / total


def exact_u(left: list[str], right: list[str], prior: float) -> float:
    """The chance that a random pair with both values known agrees exactly: Σ share_left(v) × share_right(v),
    drawn towards `prior` by `U_PRIOR` pairs (a handful of people say little about chance agreements)."""
    a, b = Counter(v for v in left if v), Counter(v for v in right if v)
    na, nb = sum(a.values()), sum(b.values())
    agreeing = sum(count * b.get(value, 0) for value, count in a.items())
    return (agreeing + U_PRIOR * prior) / (na * nb + U_PRIOR)


def measure_u(sample: Iterable[lv.LevelTuple], exact: dict[str, float]) -> dict[str, list[float]]:
    """u per field from levels of random pairs (tuples in `Levels` order; null levels left out); the agreeing
    level of the fields in `exact` from the counts instead."""
    counts = {name: [0] * SIZES[name] for name in FIELDS}
    for levels in sample:
        for name, level in zip(FIELDS, (levels[0], levels[1], levels[2], levels[4], levels[5]), strict=True):
            counts[name][level] += 1
    u = {}
    for name in FIELDS:
        known = [level for level in range(SIZES[name]) if level not in NULLS[name]]
        seen = sum(counts[name][level] for level in known)
        prior = U_START[name]
        values = [0.0] * SIZES[name]
        for level in known:
            values[level] = (counts[name][level] + U_PRIOR * prior[level]) / (seen + U_PRIOR)
        if name in exact:
            values[0] = max(exact[name], _FLOOR)  # the exact (agreeing) level is the first of every field
        norm = sum(values)
        u[name] = [value / norm for value in values]
    return u


def random_pairs(left_count: int, right_count: int, seed: int) -> list[tuple[int, int]]:
    """Pairs drawn at random (fixed seed: the same lists always give the same weights)."""
    total = left_count * right_count
    if total <= U_SAMPLE:
        return [(i, j) for i in range(left_count) for j in range(right_count)]
    rng = random.Random(seed)
    return [(rng.randrange(left_count), rng.randrange(right_count)) for _ in range(U_SAMPLE)]


def bound_rare(m: dict[str, list[float]], u: dict[str, list[float]]) -> dict[str, list[float]]:
    """m with the levels of RARE_LEVELS kept between M_START and RARE_AGAINST bits against."""
    for name, level in RARE_LEVELS.items():
        ceiling = u[name][level] * 2.0 ** -RARE_AGAINST
        m[name][level] = min(max(m[name][level], M_START[name][level]), ceiling)
    return m


def m_from_pairs(levels: Iterable[lv.LevelTuple], probabilities: Iterable[float]) -> dict[str, list[float]]:
    """m per field: the expected share of each level among true pairs – each compared pair counting for its
    probability of being one (tuples in `Levels` order) – drawn towards `M_START` by a prior worth `M_PRIOR`
    pairs; null levels left out."""
    by_pattern: dict[lv.LevelTuple, float] = {}
    for pair, p in zip(levels, probabilities, strict=True):
        by_pattern[pair] = by_pattern.get(pair, 0.0) + p
    counts = {name: [0.0] * SIZES[name] for name in FIELDS}
    for pair, p in by_pattern.items():
        for name, level in zip(FIELDS, (pair[0], pair[1], pair[2], pair[4], pair[5]), strict=True):
            counts[name][level] += p
    m = {}
    for name in FIELDS:
        known = [level for level in range(SIZES[name]) if level not in NULLS[name]]
        prior_total = sum(M_START[name][level] for level in known) or 1.0
        total = sum(counts[name][level] for level in known) + M_PRIOR
        values = [0.0] * SIZES[name]
        for level in known:
            values[level] = (counts[name][level] + M_PRIOR * M_START[name][level] / prior_total) / total
        m[name] = values
    return m
