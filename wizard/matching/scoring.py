"""How alike two people are, component by component, with the reason for every difference in French.

A pair is compared on its surname, its first name and its birth date. Each component gives a score out of 100
and, when it is not a plain match, a reason the admin can check (« nom d'usage », « date inversée »…). The total
is a weighted mean; the status is decided from the components, not from the total, so it can be explained.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from rapidfuzz.distance import OSA
from rapidfuzz.fuzz import ratio

from wizard.matching.normalise import FirstName, Surname
from wizard.i18n import tr_noop

PARTICLE = "particule"
NAME_ORDER = tr_noop("ordre des noms")
USAGE_NAME = tr_noop("nom d'usage")
USAGE_CHANGED = tr_noop("nom d'usage différent")
COMPOUND_FIRST = tr_noop("prénom composé")
MORE_FIRST_NAMES = tr_noop("prénoms multiples")
USUAL_FIRST_NAME = tr_noop("prénom usuel")
TYPO_SURNAME = tr_noop("faute de frappe (nom)")
TYPO_FIRST = tr_noop("faute de frappe (prénom)")
SWAPPED_DATE = tr_noop("date inversée")
DATE_DIGIT = tr_noop("date différente d'un chiffre")
MISSING_DATE = tr_noop("date manquante")

# Weights of the total: the names carry most of it; a date is often missing (parents), so it only adds weight.
WEIGHTS = (0.45, 0.35, 0.20)
PLAIN = 100
# Component scores are set so that one real variation (usage surname, compound first name, typo, near date)
# costs at least 4 points of the total, more than the matcher's ambiguity margin (3): a plain candidate is
# preferred to a varied one. Writing differences (particle, order of words) cost about 1 point, and a missing
# date 2, so that « date equal » and « date missing » candidates for one person stay near-equal: neither is
# silently preferred.
DATE_EQUAL, DATE_MISSING, DATE_NEAR = 100, 90, 75
SURNAME_PARTICLE, SURNAME_ORDER, SURNAME_USAGE, SURNAME_USAGE_CHANGED, SURNAME_TYPO_MAX = 98, 97, 90, 80, 90
FIRST_COMPOUND, FIRST_USUAL, FIRST_TYPO_MAX = 88, 80, 88


@dataclass(frozen=True, slots=True)
class Comparison:
    surname: int
    first_name: int
    birth_date: int
    reasons: tuple[str, ...]
    date_present: bool  # both sides had a date

    @property
    def score(self) -> float:
        return WEIGHTS[0] * self.surname + WEIGHTS[1] * self.first_name + WEIGHTS[2] * self.birth_date

    @property
    def exact_names(self) -> bool:
        return self.surname == PLAIN and self.first_name == PLAIN


def compare(a_surname: Surname, a_first: FirstName, a_date: date | None,
            b_surname: Surname, b_first: FirstName, b_date: date | None) -> Comparison | None:
    """The comparison of two people, or None when they cannot be the same person."""
    when = compare_dates(a_date, b_date)
    if when is None:
        return None
    first = compare_first_names(a_first, b_first, lenient=when[0] == DATE_EQUAL)
    if first is None:
        return None
    last = compare_surnames(a_surname, b_surname)
    if last is None:
        return None
    # Without a confirming date, two name variations together are too weak when one is a typo (a couple
    # « Louis » / « Louise » MARTIN-DURAND would pair across); two habits of writing (usage surname and an added
    # first name, the most common pair for mothers) are accepted. A near date needs the names almost as they are.
    typos = (last[1] == TYPO_SURNAME) + (first[1] == TYPO_FIRST)
    variations = (last[0] < PLAIN) + (first[0] < PLAIN)
    if when[0] == DATE_NEAR and variations > 1 or when[0] == DATE_MISSING and variations > 1 and typos:
        return None
    # Surnames sharing one word where each side has a word of its own (« DUPONT MARTIN » / « DUPONT DURAND ») may
    # be a remarriage, or two people of one family: only with an equal birth date.
    if last[1] == USAGE_CHANGED and when[0] != DATE_EQUAL:
        return None
    reasons = tuple(reason for reason in (last[1], first[1], when[1]) if reason)
    return Comparison(last[0], first[0], when[0], reasons, a_date is not None and b_date is not None)



def compare_surnames(a: Surname, b: Surname) -> tuple[int, str | None] | None:
    if a.compact == b.compact:
        return PLAIN, None
    if a.core_compact == b.core_compact:
        return SURNAME_PARTICLE, PARTICLE
    words_a, words_b = set(a.core), set(b.core)
    if words_a == words_b:
        return SURNAME_ORDER, NAME_ORDER
    if words_a & words_b:
        if words_a <= words_b or words_b <= words_a:
            return SURNAME_USAGE, USAGE_NAME
        return SURNAME_USAGE_CHANGED, USAGE_CHANGED
    short, long = sorted((a.core_compact, b.core_compact), key=len)
    # « MARTINDUPONT » (glued by an export) against « DUPONT »
    if len(short) >= 4 and len(long) - len(short) >= 3 and (long.startswith(short) or long.endswith(short)):
        return SURNAME_USAGE, USAGE_NAME
    if is_typo(a.core_compact, b.core_compact):
        return min(int(ratio(a.core_compact, b.core_compact)), SURNAME_TYPO_MAX), TYPO_SURNAME
    return None


def compare_first_names(a: FirstName, b: FirstName, lenient: bool = False) -> tuple[int, str | None] | None:
    """`lenient`: the birth date is equal, so a slip in a short first name (« Ema » for « Emma ») is accepted."""
    if a.compact == b.compact:
        return PLAIN, None
    short, long = sorted((a, b), key=lambda name: len(name.tokens))
    if short.tokens and long.tokens[: len(short.tokens)] == short.tokens:
        # « Jean » / « Jean-Pierre » is one compound name cut short; « Marie » / « Marie Louise Anne » a list
        return FIRST_COMPOUND, COMPOUND_FIRST if long.hyphenated else MORE_FIRST_NAMES
    short_c, long_c = sorted((a.compact, b.compact), key=len)
    if len(short_c) >= 3 and len(long_c) - len(short_c) >= 3 and long_c.startswith(short_c):
        return FIRST_COMPOUND, COMPOUND_FIRST  # « JEANPIERRE » glued by an export against « Jean »
    if set(short.tokens) <= set(long.tokens):
        return FIRST_USUAL, USUAL_FIRST_NAME  # the usual first name is not the first one: « Marie » / « Anne Marie »
    if is_typo(a.compact, b.compact, shortest_allowed=3 if lenient else 4):
        return min(int(ratio(a.compact, b.compact)), FIRST_TYPO_MAX), TYPO_FIRST
    return None


def is_typo(a: str, b: str, shortest_allowed: int = 4) -> bool:
    """One slip of the keyboard (two in a long name): a letter wrong, missing, doubled or two letters swapped.
    Short names get none unless the date confirms: « Léo » and « Léa » are two people."""
    shortest = min(len(a), len(b))
    allowed = 2 if shortest >= 9 else 1 if shortest >= shortest_allowed else 0
    return allowed > 0 and OSA.distance(a, b, score_cutoff=allowed) <= allowed


def compare_dates(a: date | None, b: date | None) -> tuple[int, str | None] | None:
    if a is None and b is None:
        return DATE_MISSING, None
    if a is None or b is None:
        return DATE_MISSING, MISSING_DATE
    if a == b:
        return DATE_EQUAL, None
    if a.year == b.year and a.day == b.month and a.month == b.day:
        return DATE_NEAR, SWAPPED_DATE
    digits_a, digits_b = a.strftime("%d%m%Y"), b.strftime("%d%m%Y")
    if sum(x != y for x, y in zip(digits_a, digits_b)) == 1:
        return DATE_NEAR, DATE_DIGIT
    return None
