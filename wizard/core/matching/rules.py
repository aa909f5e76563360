"""What the independent weights cannot know about names and families: pairs refused outright, whatever their
weight, and pairs proposed only when nobody else could be the one (`Rules.fragile`).

The Fellegi–Sunter weights (`model`) treat the fields as independent; in a school they are not. Twins share a
surname, a birth date and their parents, and differ only by the first name; a mother and her daughter share a
surname and a first initial. These rules say which combinations of levels are never one person, and which are
one person only when the data leaves no other reading.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from functools import cached_property
from typing import Protocol

from wizard.core.matching import scoring as lv
from wizard.core.matching.normalise import Form
from wizard.core.matching.scoring import (
    C_AGREE,
    D_EXACT,
    D_MISSING,
    D_NONE,
    D_OTHER,
    F_EXACT,
    F_FAR,
    F_MISSING,
    F_OTHER,
    F_TYPO,
    K_AGREE,
    K_NONE,
    S_EXACT,
    S_MISSING,
    S_OTHER,
    S_USAGE_CHANGED,
    SLIPS_F,
    SLIPS_S,
    LevelTuple,
)
from wizard.core.people import Person

STRONG_FIRST = frozenset({lv.F_EXACT, lv.F_COMPOUND, lv.F_MORE, lv.F_USUAL})
NEAR_DATES = frozenset({lv.D_EXACT, lv.D_SWAPPED, lv.D_DIGIT, lv.D_TRANSPOSED})
SAME_SURNAME = frozenset({lv.S_EXACT, lv.S_PARTICLE, lv.S_ORDER})
# People born on one day, on one side, above which the day is « crowded »: a first name and that date shared by a
# stranger becomes likely (pupils of one school are born over a few years, a handful on each day), so it can no
# longer vouch for a changed surname. Two: the person and at most one other.
UNCROWDED = 2
# A slip in a first name shorter than this changes the name (« Léo », « Léa »): it cannot go with a changed
# surname, where the first name is the only name left to vouch.
SLIP_LENGTH = 4


class Kin(Protocol):
    """Who has a brother or sister in the lists, from the families (`family.FamilyView`)."""

    def has_siblings(self, person: Person, pronote_side: bool) -> bool: ...

    def has_parents(self, person: Person, pronote_side: bool) -> bool: ...


class Rules:
    """The rules of one group, knowing its people: who shares a surname and a birth date with someone on their side
    (twins), who shares a whole name (namesakes), how crowded each birth date is, and (with `kin`) who has a
    sibling by the families."""

    def __init__(self, left: list[Person], right: list[Person], left_forms: list[Form], right_forms: list[Form],
                 kin: Kin | None = None, crowded: bool = False):
        self.left, self.right, self.kin, self.crowded = left, right, kin, crowded
        self._left, self._right = _Side(left_forms), _Side(right_forms)

    def refused(self, levels: LevelTuple, i: int, j: int, a: Form, b: Form) -> bool:
        # Called for every pair compared (tens of thousands): levels are module constants, cheap checks first.
        s, f, d = levels[0], levels[1], levels[2]
        family_agrees = levels[4] == K_AGREE
        if (f == F_MISSING or s == S_MISSING) and d == D_OTHER and not family_agrees:
            return True  # one name left, and a birth date that says another person: nothing for the pair
        if f not in STRONG_FIRST and f != F_MISSING:  # a first name missing says nothing against anyone
            if s in SAME_SURNAME and d == D_EXACT and self.twin(i, j):
                return True  # twins differ only by their first names, at times a slip apart (« Louis », « Louise »)
            if d != D_EXACT and not self.identifies(f, a, b):
                # First names that do not point to one person, and not the same birth date: a brother or sister
                # (« Louna », « Louis »), or the other parent (« Daniel », « Danielle », no date in PRONOTE). A child
                # or a parent in common says which family, not which person; when the families know both pupils,
                # the second look (`matcher`), once parents are matched, has that to say.
                if family_agrees or levels[4] == K_NONE and self.parents_known(i, j):
                    return True
        if f == F_OTHER:
            # Another first name with the same surname and birth date is weighed, strongly against (at least
            # `model.RARE_AGAINST` bits), the surname and the date counting for how many share them in the two lists
            # (term frequencies, `weights`): a second first name used, a nickname, an entry slip beyond an edit or
            # two. Never with a sibling on either side (above), nor with any word from the families – one family
            # makes them twins as likely as one child, two families two children. Proposed only without a rival
            # (`fragile`), at most « probable » (`result.decided`).
            return not (s in SAME_SURNAME and d == D_EXACT and a.digits) or levels[4] != K_NONE \
                or self.sibling(i, j) or self.parents_known(i, j)
        if family_agrees and s == S_OTHER and f not in STRONG_FIRST:
            return True  # with the surname changed too, only the same first name vouches (« Julie », « Julien »)
        if s == S_OTHER:
            return not (family_agrees or d == D_EXACT and self.changed_surname(f, a, b))
        if f == F_FAR and not (s in SAME_SURNAME and d in NEAR_DATES):
            return True  # a first name this damaged: only with the surname and the date (twins: the weights decide)
        if f == F_TYPO and d not in NEAR_DATES and min(len(a.first.compact), len(b.first.compact)) < SLIP_LENGTH:
            return True  # « Léo » and « Léa »: two people unless the date vouches
        if s == S_USAGE_CHANGED and d != D_EXACT and not family_agrees:
            return True  # another usage surname: a remarriage, or two people of one family
        if (d == D_MISSING or d == D_NONE) and not family_agrees:
            slips = (s in SLIPS_S) + (f in SLIPS_F)
            if slips and (s != S_EXACT) + (f != F_EXACT) > 1:
                return True  # « Louis MARTIN » / « Louise MARTINE » without a date: a couple, not one person
        return False

    @staticmethod
    def identifies(f: int, a: Form, b: Form) -> bool:
        """Whether the first names point to one person: equal (writing and habits aside) or one slip away in a name
        of `SLIP_LENGTH` letters or more."""
        return f in STRONG_FIRST or (f == F_TYPO and min(len(a.first.compact), len(b.first.compact)) >= SLIP_LENGTH)

    def changed_surname(self, f: int, a: Form, b: Form) -> bool:
        """A surname changed completely (marriage, a double name cut, a step-parent's name) with the birth date
        exact, without a family link to vouch: the first name equal or one slip away, the date uncrowded – in a
        group whose dates are not crowded (a school's pupils, a dozen born each day, are), at most `UNCROWDED` born
        that day on each side. The pair is then fragile: proposed only with no rival (`Rules.fragile`)."""
        return self.identifies(f, a, b) and not self.crowded and self._left.born_on(a.digits) <= UNCROWDED \
            and self._right.born_on(b.digits) <= UNCROWDED

    def parents_known(self, i: int, j: int) -> bool:
        """Whether the families name parents for both: the PRONOTE links for one, a parent's row of the ENT list
        for the other."""
        kin = self.kin
        return kin is not None and kin.has_parents(self.left[i], True) and kin.has_parents(self.right[j], False)

    def twin(self, i: int, j: int) -> bool:
        """Whether either person has, on their own side, someone of their surname born the same day."""
        return self._left.twin(i) or self._right.twin(j)

    def sibling(self, i: int, j: int) -> bool:
        """A twin (`twin`), or a brother or sister by the families, on either side: an account with another first
        name and the same birth date may be a sibling's with the date wrong."""
        if self.twin(i, j):
            return True
        kin = self.kin
        return kin is not None and (kin.has_siblings(self.left[i], True) or kin.has_siblings(self.right[j], False))

    def fragile(self, levels: LevelTuple, i: int, j: int) -> bool:
        """A pair proposed only when neither person has a rival left (`assignment`):
        - resting on the birth date and one name – another first name, or a surname changed without a family
          link: were there another candidate, the date and one name could not tell which is the one;
        - without a birth date to compare nor a child or class in common, where either person has a namesake on
          their own side (parents: PRONOTE keeps no birth date): nothing tells the namesakes apart, so the pair
          may not be decided by a namesake's rival losing on its family – only by that namesake being matched."""
        if levels[1] == F_OTHER or (levels[0] == S_OTHER and levels[4] != K_AGREE):
            return True
        return levels[2] in (D_MISSING, D_NONE) and levels[4] != K_AGREE and levels[5] != C_AGREE \
            and (self._left.namesake(i) or self._right.namesake(j))


class _Side:
    """One side of a group, indexed when first asked: most groups never ask (no pair of another first name, no
    namesake without a date), and a pass over 20,000 people is not free."""

    def __init__(self, forms: list[Form]):
        self.forms = forms

    @cached_property
    def _born(self) -> dict[str, list[int]]:
        """Birth date → the positions of the people born that day."""
        born: dict[str, list[int]] = defaultdict(list)
        for position, person in enumerate(self.forms):
            if person.digits:
                born[person.digits].append(position)
        return born

    @cached_property
    def _names(self) -> Counter[tuple[frozenset[str], str]]:
        return Counter((person.surname.words, person.first.compact) for person in self.forms)

    def born_on(self, digits: str) -> int:
        """How many people of this side were born that day."""
        return len(self._born.get(digits, ()))

    def twin(self, position: int) -> bool:
        """Whether someone else of this side shares a surname word and the birth date of this person."""
        person = self.forms[position]
        words = person.surname.words
        return bool(person.digits and words) and any(
            other != position and not words.isdisjoint(self.forms[other].surname.words)
            for other in self._born[person.digits])

    def namesake(self, position: int) -> bool:
        """Whether someone else of this side has this person's whole name (writing aside)."""
        person = self.forms[position]
        return bool(person.surname.words and person.first.compact) and \
            self._names[(person.surname.words, person.first.compact)] > 1
