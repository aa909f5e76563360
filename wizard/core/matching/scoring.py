"""How two people compare, field by field: a *level* of agreement per field, each with the reason the admin reads.

The levels are what the Fellegi–Sunter model (`model`) weighs: how often true pairs and chance pairs reach each
level in *this* data decides how much a level counts. The levels themselves are fixed, domain knowledge about
how French names and dates get written differently:
- surname: the same; a particle or the order of words; a usage surname (« DUPONT épouse MARTIN » / « DUPONT »);
  another usage surname (one word shared, each side a word of its own); one slip of the keyboard; a close
  spelling (two slips, or the same sound); missing; different.
- first name: the same; a compound name cut short (« Jean-Pierre » / « Jean »); more first names listed;
  the usual first name is not the first one; one slip; a close spelling; a far spelling (up to three slips, at
  most half the letters); missing; different.
- birth date: the same; day and month swapped; one digit off; two neighbouring digits swapped; two slips (two
  digits off, day and month swapped and one off, two neighbours swapped and one off); missing on one side;
  missing on both; different.
- surname and first name written in each other's place is found by comparing them crosswise.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from operator import ne
from typing import NamedTuple

from rapidfuzz.distance import OSA

from wizard.core.i18n import tr_noop
from wizard.core.matching.normalise import MIN_SOUND, FirstName, Form, Surname, phonetic, same_sound

# Surname levels
S_EXACT, S_PARTICLE, S_ORDER, S_USAGE, S_USAGE_CHANGED, S_TYPO, S_CLOSE, S_MISSING, S_OTHER = range(9)
# First-name levels
F_EXACT, F_COMPOUND, F_MORE, F_USUAL, F_TYPO, F_CLOSE, F_FAR, F_MISSING, F_OTHER = range(9)
# Birth-date levels (D_NONE: no date on either side, as for parents in PRONOTE)
D_EXACT, D_SWAPPED, D_DIGIT, D_TRANSPOSED, D_CLOSE, D_MISSING, D_NONE, D_OTHER = range(8)
# Family levels (a parent's children, a pupil's parents, matched on both sides) and class levels
K_AGREE, K_OTHER, K_NONE = range(3)
C_AGREE, C_OTHER, C_NONE = range(3)

PARTICLE = tr_noop("particule")
NAME_ORDER = tr_noop("ordre des noms")
USAGE_NAME = tr_noop("nom d'usage")
USAGE_CHANGED = tr_noop("nom d'usage différent")
TYPO_SURNAME = tr_noop("faute de frappe (nom)")
CLOSE_SURNAME = tr_noop("orthographe proche (nom)")
MISSING_SURNAME = tr_noop("nom manquant")
# A surname changed completely is offered only as « probable », with the question the admin has to answer.
OTHER_SURNAME = tr_noop("nom différent : mariage ou nom d'usage ?")
COMPOUND_FIRST = tr_noop("prénom composé")
MORE_FIRST_NAMES = tr_noop("prénoms multiples")
USUAL_FIRST_NAME = tr_noop("prénom usuel")
TYPO_FIRST = tr_noop("faute de frappe (prénom)")
CLOSE_FIRST = tr_noop("orthographe proche (prénom)")
FAR_FIRST = tr_noop("prénom très mal orthographié")
MISSING_FIRST = tr_noop("prénom manquant")
OTHER_FIRST = tr_noop("prénom différent : prénom usuel, surnom ou erreur de saisie ?")
SWAPPED_DATE = tr_noop("date inversée")
DATE_DIGIT = tr_noop("date différente d'un chiffre")
DATE_TRANSPOSED = tr_noop("deux chiffres de la date inversés")
DATE_CLOSE = tr_noop("date différente de deux chiffres")
MISSING_DATE = tr_noop("date manquante")
OTHER_DATE = tr_noop("date de naissance différente")
SWAPPED_NAMES = tr_noop("nom et prénom inversés")
SHARED_CHILD = tr_noop("enfant rapproché en commun")
SHARED_PARENT = tr_noop("parent rapproché en commun")
NO_SHARED_FAMILY = tr_noop("aucun enfant ou parent rapproché en commun")
SHARED_CLASS = tr_noop("classe d'un enfant en commun")
OTHER_CLASS = tr_noop("classes différentes")

SURNAME_REASONS = (None, PARTICLE, NAME_ORDER, USAGE_NAME, USAGE_CHANGED, TYPO_SURNAME, CLOSE_SURNAME,
                   MISSING_SURNAME, OTHER_SURNAME)
FIRST_REASONS = (None, COMPOUND_FIRST, MORE_FIRST_NAMES, USUAL_FIRST_NAME, TYPO_FIRST, CLOSE_FIRST, FAR_FIRST,
                 MISSING_FIRST, OTHER_FIRST)
DATE_REASONS = (None, SWAPPED_DATE, DATE_DIGIT, DATE_TRANSPOSED, DATE_CLOSE, MISSING_DATE, None, OTHER_DATE)
CLASS_REASONS = (SHARED_CLASS, OTHER_CLASS, None)
# The evidence of a pair, field by field (the worksheet's « Éléments » column): what each level is called there,
# agreements included, and without the questions of the reasons.
SAME_SURNAME = tr_noop("même nom")
SAME_FIRST = tr_noop("même prénom")
SAME_DATE = tr_noop("même date de naissance")
ANOTHER_SURNAME = tr_noop("nom différent")
ANOTHER_FIRST = tr_noop("prénom différent")
SURNAME_EVIDENCE = (SAME_SURNAME, *SURNAME_REASONS[1:-1], ANOTHER_SURNAME)
FIRST_EVIDENCE = (SAME_FIRST, *FIRST_REASONS[1:-1], ANOTHER_FIRST)
DATE_EVIDENCE = (SAME_DATE, *DATE_REASONS[1:])

# Levels that differ only in writing or by a habit (usage surname, added first names), and those that are a slip.
SLIPS_S = frozenset({S_TYPO, S_CLOSE})
SLIPS_F = frozenset({F_TYPO, F_CLOSE, F_FAR})


# `Levels` as a plain tuple (surname, first, date, swapped, family, classes): the matcher makes millions.
LevelTuple = tuple[int, int, int, bool, int, int]


class Levels(NamedTuple):
    """A pair's level per field. Inside the matcher plain tuples in this order are used (millions are made)."""
    surname: int
    first: int
    date: int
    swapped: bool = False  # surname and first name compared crosswise
    family: int = K_NONE
    classes: int = C_NONE


class Evidence(NamedTuple):
    label: str  # French, marked with tr_noop
    bits: float  # log2 of the likelihood ratio this field brings: > 0 for the pair, < 0 against


@dataclass(frozen=True, slots=True)
class Comparison:
    """A scored pair: its levels, its match weight in bits (log2 of the likelihood ratio) and the probability
    that the two are one person, given the other candidates of both (`matcher`)."""
    levels: Levels
    weight: float
    probability: float
    reasons: tuple[str, ...]
    # Computes the evidence when asked (the worksheet): most pairs are never written out, and 20,000 of them would
    # cost the matching time for nothing.
    explain: Callable[[], tuple[Evidence, ...]] | None = field(default=None, compare=False, repr=False)

    @property
    def score(self) -> float:
        """Out of 100: the probability as a percentage (what the page and the worksheet show)."""
        return 100.0 * self.probability

    @property
    def evidence(self) -> tuple[Evidence, ...]:
        """What counted for and against the pair, field by field: (French label, bits), bits > 0 for."""
        return self.explain() if self.explain is not None else ()

    @property
    def exact_names(self) -> bool:
        return self.levels.surname == S_EXACT and self.levels.first == F_EXACT and not self.levels.swapped

    @property
    def date_present(self) -> bool:
        return self.levels.date not in (D_MISSING, D_NONE)


def reasons_of(levels: Levels, pupil_side: bool) -> tuple[str, ...]:
    """The French reasons of every difference, in the order surname, first name, date, family, class."""
    reasons = []
    if levels.swapped:
        reasons.append(SWAPPED_NAMES)
    for reason in (SURNAME_REASONS[levels.surname], FIRST_REASONS[levels.first], DATE_REASONS[levels.date]):
        if reason:
            reasons.append(reason)
    if levels.family == K_AGREE:
        reasons.append(SHARED_PARENT if pupil_side else SHARED_CHILD)
    elif levels.family == K_OTHER:
        reasons.append(NO_SHARED_FAMILY)
    if class_reason := CLASS_REASONS[levels.classes]:
        reasons.append(class_reason)
    return tuple(reasons)


def compare(a: Form, b: Form, firsts: dict[tuple[str, str], int] | None = None) -> LevelTuple:
    """The levels of a pair, as a plain tuple in `Levels` order; `firsts` caches first-name levels by the two
    names compared (first names repeat a lot, surnames much less)."""
    s = surname_level(a.surname, b.surname)
    if firsts is None:
        f = first_level(a.first, b.first)
    else:
        key = (a.first.compact, b.first.compact)
        known = firsts.get(key)
        if known is None:
            known = firsts[key] = first_level(a.first, b.first)
        f = known
    d = date_level(a.digits, b.digits)
    if s >= S_CLOSE and f >= F_CLOSE and (crossed := crossed_levels(a, b)) is not None:
        return crossed[0], crossed[1], d, True, K_NONE, C_NONE
    return s, f, d, False, K_NONE, C_NONE


def surname_level(a: Surname, b: Surname) -> int:
    if a.compact == b.compact:
        return S_EXACT if a.compact else S_MISSING
    if not a.compact or not b.compact:
        return S_MISSING
    if a.core_compact == b.core_compact:
        return S_PARTICLE
    words_a, words_b = a.words, b.words
    if words_a == words_b:
        return S_ORDER
    if not words_a.isdisjoint(words_b):
        return S_USAGE if words_a <= words_b or words_b <= words_a else S_USAGE_CHANGED
    short, long = (a.core_compact, b.core_compact) if len(a.core_compact) <= len(b.core_compact) else \
        (b.core_compact, a.core_compact)
    # « MARTINDUPONT » (glued by an export) against « DUPONT »
    if len(short) >= 4 and len(long) - len(short) >= 3 and (long.startswith(short) or long.endswith(short)):
        return S_USAGE
    return _spelling(a.core_compact, b.core_compact, a.sound == b.sound and len(a.sound) >= MIN_SOUND, 4, S_TYPO,
                     S_CLOSE, S_OTHER)


def first_level(a: FirstName, b: FirstName) -> int:
    if a.compact == b.compact:
        return F_EXACT if a.compact else F_MISSING
    if not a.compact or not b.compact:
        return F_MISSING
    short, long = (a, b) if len(a.tokens) <= len(b.tokens) else (b, a)
    if long.tokens[: len(short.tokens)] == short.tokens:
        # « Jean » / « Jean-Pierre » is one compound name cut short; « Marie » / « Marie Louise Anne » a list
        return F_COMPOUND if long.hyphenated else F_MORE
    short_c, long_c = (a.compact, b.compact) if len(a.compact) <= len(b.compact) else (b.compact, a.compact)
    if len(short_c) >= 3 and len(long_c) - len(short_c) >= 3 and long_c.startswith(short_c):
        return F_COMPOUND  # « JEANPIERRE » glued by an export against « Jean »
    if len(long.tokens) > 1 and set(short.tokens) <= set(long.tokens):
        return F_USUAL  # the usual first name is not the first one: « Marie » / « Anne Marie »
    # Three letters may carry a slip (« Ema » / « Emma »); the matcher accepts it only with an equal date,
    # since « Léo » and « Léa » are two people.
    # A far spelling (up to three slips, at most half the letters) only for first names: a surname that far is
    # another family's.
    # `same_sound`, written out: called for most pairs compared.
    return _spelling(a.compact, b.compact, a.sound == b.sound and len(a.sound) >= MIN_SOUND, 3, F_TYPO, F_CLOSE,
                     F_OTHER, F_FAR)


def _spelling(a: str, b: str, same_sound: bool, shortest_typo: int, typo: int, close: int, other: int,
              far: int | None = None) -> int:
    """One slip of the keyboard (a letter wrong, missing, doubled, two letters swapped; two slips in a name of
    nine letters or more), else a close spelling: two slips in a name of five letters or more, or the same sound;
    else, when asked, a far one."""
    shortest = min(len(a), len(b))
    allowed = 2 if shortest >= 9 else 1 if shortest >= shortest_typo else 0
    limit = 3 if far is not None else 2
    distance = OSA.distance(a, b, score_cutoff=limit) if shortest >= 2 else 99
    if allowed and distance <= allowed:
        return typo
    if shortest >= 5 and distance <= 2 or shortest >= 4 and same_sound:
        return close
    if far is not None and distance <= min(3, max(len(a), len(b)) // 2):
        return far
    return other


def date_level(x: str, y: str) -> int:
    """Levels of two dates written « ddmmyyyy » ("" when unknown)."""
    if x == y:
        return D_EXACT if x else D_NONE
    if not x or not y:
        return D_MISSING
    if x[4:] == y[4:] and x[:2] == y[2:4] and x[2:4] == y[:2]:
        return D_SWAPPED
    count = sum(map(ne, x, y))
    if count == 1:
        return D_DIGIT
    if count == 2:
        first, second = [position for position in range(8) if x[position] != y[position]]
        if second == first + 1 and x[first] == y[second] and x[second] == y[first]:
            return D_TRANSPOSED
        return D_CLOSE
    # Day and month swapped, and one digit off – however many digits the swap itself moved (« 05/11/1987 » written
    # « 13/05/1987 »: four digits differ, two slips). The day or the month then moved intact: checked first, as
    # most candidate pairs have unrelated dates.
    if (x[2:4] == y[:2] or x[:2] == y[2:4]) and sum(map(ne, x[2:4] + x[:2] + x[4:], y)) == 1:
        return D_CLOSE
    if count == 3:
        # Two neighbouring digits swapped, and one digit off: two slips too (« 15/05/1979 » as « 17/05/1997 »).
        wrong = [position for position in range(8) if x[position] != y[position]]
        for first, second in zip(wrong, wrong[1:], strict=False):
            if second == first + 1 and x[first] == y[second] and x[second] == y[first]:
                return D_CLOSE
    return D_OTHER


def crossed_levels(a: Form, b: Form) -> tuple[int, int] | None:
    """(surname level, first-name level) when each side's surname is the other's first name – one of them
    exactly, the other exact, with a slip, a close spelling or missing; or both with a slip – else None."""
    one = _cross(a.surname.core_compact, b.first.compact, 4)
    # The first name moved to the surname's place is still a first name: a slip counts from three letters, as in
    # `first_level` (« Lina » written « Lin »).
    two = _cross(a.first.compact, b.surname.core_compact, 3)
    if one is None or two is None:
        return None
    if one != S_EXACT and two != S_EXACT and not (one == S_TYPO and two == S_TYPO):
        return None
    return one, {S_EXACT: F_EXACT, S_TYPO: F_TYPO, S_CLOSE: F_CLOSE, S_MISSING: F_MISSING}[two]


def _cross(x: str, y: str, shortest_typo: int) -> int | None:
    if not x or not y:
        return S_MISSING
    if x == y:
        return S_EXACT
    level = _spelling(x, y, same_sound(phonetic(x), phonetic(y)), shortest_typo, S_TYPO, S_CLOSE, S_OTHER)
    return None if level == S_OTHER else level
