"""What the independent weights cannot know about names and families: pairs refused outright, whatever their
weight.

The Fellegi–Sunter weights (`model`) treat the fields as independent; in a school they are not. Twins share a
surname, a birth date and their parents, and differ only by the first name; a mother and her daughter share a
surname and a first initial. These rules say which combinations of levels are never one person.
"""
from __future__ import annotations

from wizard.core.matching import scoring as lv
from wizard.core.matching.normalise import Form

STRONG_FIRST = frozenset({lv.F_EXACT, lv.F_COMPOUND, lv.F_MORE, lv.F_USUAL})
NEAR_DATES = frozenset({lv.D_EXACT, lv.D_SWAPPED, lv.D_DIGIT, lv.D_TRANSPOSED})
SAME_SURNAME = frozenset({lv.S_EXACT, lv.S_PARTICLE, lv.S_ORDER})


def refused(levels: tuple, a: Form, b: Form) -> bool:
    """What the independent weights cannot know about names and families."""
    s, f, d = levels[0], levels[1], levels[2]
    family_agrees = levels[4] == lv.K_AGREE
    if f == lv.F_OTHER:
        return True  # a first name does not change: siblings share everything else
    if f == lv.F_FAR and not (s in SAME_SURNAME and d in NEAR_DATES):
        return True  # a first name this damaged: only with the surname and the date (twins: the weights decide)
    if f == lv.F_TYPO and min(len(a.first.compact), len(b.first.compact)) < 4 and d not in NEAR_DATES:
        return True  # « Léo » and « Léa »: two people unless the date vouches
    if s == lv.S_OTHER and not (f in STRONG_FIRST and (d == lv.D_EXACT or family_agrees)):
        return True  # a surname changed completely: only with the first name and the date or a family link
    if s == lv.S_USAGE_CHANGED and d != lv.D_EXACT and not family_agrees:
        return True  # another usage surname: a remarriage, or two people of one family
    if d in (lv.D_MISSING, lv.D_NONE) and not family_agrees:
        slips = (s in lv.SLIPS_S) + (f in lv.SLIPS_F)
        variations = (s != lv.S_EXACT) + (f != lv.F_EXACT)
        if slips and variations > 1:
            return True  # « Louis MARTIN » / « Louise MARTINE » without a date: a couple, not one person
    return False
