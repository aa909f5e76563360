"""What the matching found: pairs with their status, the people left over, the counts – and the rule that makes a
chosen pair « certain » rather than « probable ».

In memory only: a Result holds names and birth dates (DOMAIN.md, « Personal data »).
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace

from wizard.core.i18n import tr_noop
from wizard.core.matching import scoring as lv
from wizard.core.matching.scoring import Comparison
from wizard.core.people import PROFILES, Person

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
# Profiles whose birth date is always known in PRONOTE: a missing date there is a real gap, not the norm
# (PRONOTE's partner schema has no date for parents and an optional one for staff).
DATED_PROFILES = frozenset({"eleve"})
AMBIGUOUS_REASON = tr_noop("plusieurs candidats presque identiques")
FAMILY_DECIDED = tr_noop("départagé par la famille")


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


def profile_order(profile: str) -> int:
    return PROFILES.index(profile) if profile in PROFILES else len(PROFILES)


def decided(pronote: Person, ent: Person, comparison: Comparison, settled: bool) -> Pair:
    """A pair the one-to-one step chose: « certain » only with both names equal (writing aside), no family or
    class against it, and the same birth date – or, for adults, no date to compare; else « probable ».
    `settled`: its family told it from a rival, which the names alone cannot vouch for."""
    levels = comparison.levels
    plain = (comparison.exact_names and levels.family != lv.K_OTHER and levels.classes != lv.C_OTHER
             and not settled)
    if plain and levels.date == lv.D_EXACT:
        return Pair(pronote, ent, "certain", comparison)
    if plain and not comparison.date_present and pronote.profile not in DATED_PROFILES:
        # Adults often have no birth date on one side: with the names exact, that says nothing against the pair.
        return Pair(pronote, ent, "certain", replace(comparison, reasons=tuple(
            reason for reason in comparison.reasons if reason != lv.MISSING_DATE)))
    if not comparison.reasons:
        comparison = replace(comparison, reasons=comparison.reasons + (lv.MISSING_DATE,))
    return Pair(pronote, ent, "probable", comparison)
