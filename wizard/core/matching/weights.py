"""How much each pair's agreement counts in one group, in bits (log2 of a likelihood ratio), and what counted for
and against it, field by field (the worksheet's evidence).

A pair's weight is Σ over its names and date of log2(m / u) – m from EM (`model`), u from chance pairs with term
frequencies (`rarity`) – plus the family evidence. One dependence between fields is known and kept: a surname
changed completely next to a child in common (`silent`) – a mother's new surname is exactly what a family link
reveals, so with the link it says nothing either way. The part that does not depend on m is computed once per pair;
the part that does, once per pattern of levels (`Weights.level_bits`), since EM recomputes it every round.
"""
from __future__ import annotations

import math
from collections.abc import Iterable

from wizard.core.matching import model as fs
from wizard.core.matching import scoring as lv
from wizard.core.matching.normalise import Form
from wizard.core.matching.scoring import Evidence, LevelTuple

_FIELDS = ("surname", "first", "date")
_FLOOR = 1e-9


def silent(position: int, levels: LevelTuple, nulls: list[set[int]]) -> bool:
    """Whether a field of a pair counts for nothing: its value is missing, or it is a surname changed completely
    while the two share a child (see the module's docstring)."""
    level = levels[position]
    return level in nulls[position] or (position == 0 and level == lv.S_OTHER and levels[4] == lv.K_AGREE)


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


class Weights:
    """The weighing of one group, once u is known (`group` learns m)."""

    def __init__(self, left_forms: list[Form], right_forms: list[Form], u: dict[str, list[float]]):
        self.right_forms = right_forms
        self.u = u
        self.shares = _Shares(left_forms, right_forms)
        self._us = (u["surname"], u["first"], u["date"])
        self._average = [max(values[0], _FLOOR) for values in self._us]  # the average exact agreement of each field
        self._plain = [fs.NULLS[name] | {fs.OTHER[name]} for name in _FIELDS]  # not term-adjusted
        self._nulls = [fs.NULLS[name] for name in _FIELDS]

    def rarity(self, compared: list[tuple[int, int, LevelTuple]]) -> list[float]:
        """The part of each pair's weight that does not depend on m: −Σ log2 u over its names and date, in bits
        (`field_rarity`), and the cost of names written crosswise."""
        field_rarity = self.field_rarity
        return [sum(field_rarity(i, j, levels)) - (fs.SWAP_COST if levels[3] else 0.0) for i, j, levels in compared]

    def field_rarity(self, i: int, j: int, levels: LevelTuple) -> tuple[float, float, float]:
        """−log2 u of the surname, the first name and the date of one pair (0 for a missing value). Term
        frequencies (Splink's adjustment), extended to close levels: an exact agreement's u is the share of the
        value; a close agreement's u is the level's u scaled by how common the commoner of the two values is
        against the average exact agreement – « MARTN » for « MARTIN » tells less than « BELASSEUA » for
        « BELASSEAU », « Jean-François Joseph » for « Jean-François » less than for « Aurélien »."""
        shares = self.shares
        sa, sb = shares.left[i], shares.right[j]
        if levels[3]:  # written crosswise: each name's share in the other's role
            b = self.right_forms[j]
            sb = (shares.surname(b.first.compact), shares.first(b.surname.compact), sb[2])
        log2, us, plain = math.log2, self._us, self._plain
        out = [0.0, 0.0, 0.0]
        for position in (0, 1, 2):
            level = levels[position]
            if level == 0:  # the exact level of every field
                out[position] = -log2(max(sa[position], _FLOOR))
            elif level in plain[position]:
                if not silent(position, levels, self._nulls):
                    out[position] = -log2(max(us[position][level], _FLOOR))
            else:
                common = sa[position] if sa[position] > sb[position] else sb[position]
                out[position] = -log2(min(max(us[position][level] * common / self._average[position], _FLOOR), 1.0))
        return out[0], out[1], out[2]

    def level_bits(self, m: dict[str, list[float]], patterns: Iterable[LevelTuple]
                   ) -> tuple[dict[LevelTuple, float], dict[LevelTuple, float]]:
        """Per pattern of levels: Σ log2 m over its names and date, and the family evidence log2(m/u), in bits."""
        log_m = [[math.log2(max(value, 1e-6)) for value in m[name]] for name in _FIELDS]
        nulls = self._nulls
        model = fs.Model(m, self.u)
        family = [model.level_weight("family", level) for level in range(fs.SIZES["family"])]
        classes = [model.level_weight("classes", level) for level in range(fs.SIZES["classes"])]
        names: dict[LevelTuple, float] = {}
        family_bits: dict[LevelTuple, float] = {}
        for pattern in patterns:
            names[pattern] = sum(log_m[field][pattern[field]] for field in (0, 1, 2)
                                 if not silent(field, pattern, nulls))
            family_bits[pattern] = family[pattern[4]] + classes[pattern[5]]
        return names, family_bits

    def evidence(self, m: dict[str, list[float]], i: int, j: int, levels: LevelTuple, pupil_side: bool
                 ) -> tuple[Evidence, ...]:
        """What counted for and against one pair, field by field; the bits add up to the pair's weight. A missing
        value counts for nothing and is left out (the reasons say it is missing)."""
        model = fs.Model(m, self.u)
        out: list[Evidence] = []
        if levels[3]:
            out.append(Evidence(lv.SWAPPED_NAMES, -fs.SWAP_COST))
        labels = (lv.SURNAME_EVIDENCE, lv.FIRST_EVIDENCE, lv.DATE_EVIDENCE)
        for position, rarity in enumerate(self.field_rarity(i, j, levels)):
            level, label = levels[position], labels[position][levels[position]]
            if level not in self._nulls[position] and label is not None:  # only a null level has no label
                bits = 0.0 if silent(position, levels, self._nulls) else \
                    math.log2(max(m[_FIELDS[position]][level], 1e-6)) + rarity
                out.append(Evidence(label, bits))
        family, classes = levels[4], levels[5]
        if family != lv.K_NONE:
            label = (lv.SHARED_PARENT if pupil_side else lv.SHARED_CHILD) if family == lv.K_AGREE \
                else lv.NO_SHARED_FAMILY
            out.append(Evidence(label, model.level_weight("family", family)))
        if (class_label := lv.CLASS_REASONS[classes]) is not None:  # None: no class to compare (C_NONE)
            out.append(Evidence(class_label, model.level_weight("classes", classes)))
        return tuple(out)
