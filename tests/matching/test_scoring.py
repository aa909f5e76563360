"""Each field of a pair gets a level of agreement, and each level that is not plain agreement has its reason."""
from datetime import date

import pytest

from wizard.core.matching import scoring as lv
from wizard.core.matching.normalise import form

D = date(2012, 3, 4)


def levels(a, b):
    return lv.Levels._make(lv.compare(form(*a), form(*b)))


@pytest.mark.parametrize("a, b, surname, reason", [
    (("DUPONT", "Jean", D), ("Dupont", "Jean", D), lv.S_EXACT, None),
    (("de la Fontaine", "Karim", None), ("FONTAINE", "Karim", None), lv.S_PARTICLE, lv.PARTICLE),
    (("MARTIN DUPONT", "Claire", None), ("DUPONT MARTIN", "Claire", None), lv.S_ORDER, lv.NAME_ORDER),
    (("DUPONT épouse MARTIN", "Claire", None), ("DUPONT", "Claire", None), lv.S_USAGE, lv.USAGE_NAME),
    (("MARTIN-DUPONT", "Claire", None), ("DUPONT", "Claire", None), lv.S_USAGE, lv.USAGE_NAME),
    (("DUPONT MARTIN", "Claire", None), ("DUPONT DURAND", "Claire", None), lv.S_USAGE_CHANGED, lv.USAGE_CHANGED),
    (("LEFEBVRE", "Hugo", D), ("LEFEBRVE", "Hugo", D), lv.S_TYPO, lv.TYPO_SURNAME),
    (("BELASSEAU", "Hugo", D), ("BELASOT", "Hugo", D), lv.S_CLOSE, lv.CLOSE_SURNAME),  # same sound
    (("", "Hugo", D), ("ROUX", "Hugo", D), lv.S_MISSING, lv.MISSING_SURNAME),
    (("GARCIA", "Inès", D), ("LOPEZ", "Inès", D), lv.S_OTHER, lv.OTHER_SURNAME),
])
def test_surname_levels(a, b, surname, reason):
    found = levels(a, b)
    assert found.surname == surname and not found.swapped
    assert (reason in lv.reasons_of(found, True)) if reason else lv.SURNAME_REASONS[found.surname] is None


@pytest.mark.parametrize("a, b, first, reason", [
    (("DUPONT", "Jean-Pierre", D), ("Dupont", "Jean Pierre", D), lv.F_EXACT, None),
    (("DUPONT", "Jean-Pierre", D), ("Dupont", "Jean", D), lv.F_COMPOUND, lv.COMPOUND_FIRST),
    (("DUPONT", "Jean", D), ("Dupont", "JEANPIERRE", D), lv.F_COMPOUND, lv.COMPOUND_FIRST),
    (("DUPONT", "Marie Louise Anne", D), ("Dupont", "Marie", D), lv.F_MORE, lv.MORE_FIRST_NAMES),
    (("DUPONT", "Anne Marie", D), ("Dupont", "Marie", D), lv.F_USUAL, lv.USUAL_FIRST_NAME),
    (("ROUX", "Clémence", D), ("ROUX", "Clémense", D), lv.F_TYPO, lv.TYPO_FIRST),
    (("ROUX", "Emma", D), ("ROUX", "Ema", D), lv.F_TYPO, lv.TYPO_FIRST),
    (("ROUX", "Philippe", D), ("ROUX", "Filipe", D), lv.F_CLOSE, lv.CLOSE_FIRST),
    (("ROUX", "Audrey", D), ("ROUX", "uAclrey", D), lv.F_FAR, lv.FAR_FIRST),
    (("ROUX", "Emma", D), ("ROUX", "", D), lv.F_MISSING, lv.MISSING_FIRST),
    (("ROUX", "Lucas", D), ("ROUX", "Inès", D), lv.F_OTHER, lv.OTHER_FIRST),
])
def test_first_name_levels(a, b, first, reason):
    found = levels(a, b)
    assert found.first == first
    assert (reason in lv.reasons_of(found, True)) if reason else lv.FIRST_REASONS[found.first] is None


@pytest.mark.parametrize("a, b, level, reason", [
    (D, D, lv.D_EXACT, None),
    (date(2012, 4, 3), D, lv.D_SWAPPED, lv.SWAPPED_DATE),
    (date(2012, 3, 5), D, lv.D_DIGIT, lv.DATE_DIGIT),
    (date(2021, 3, 4), D, lv.D_TRANSPOSED, lv.DATE_TRANSPOSED),
    (date(2002, 3, 5), D, lv.D_CLOSE, lv.DATE_CLOSE),
    (date(2012, 9, 20), D, lv.D_OTHER, lv.OTHER_DATE),
    (date(2012, 4, 13), D, lv.D_CLOSE, lv.DATE_CLOSE),  # swapped and one digit off
    (None, D, lv.D_MISSING, lv.MISSING_DATE),
    (None, None, lv.D_NONE, None),
])
def test_date_levels(a, b, level, reason):
    found = levels(("ROUX", "Emma", a), ("ROUX", "Emma", b))
    assert found.date == level
    assert (reason in lv.reasons_of(found, True)) if reason else lv.DATE_REASONS[found.date] is None


@pytest.mark.parametrize("a, b, expected", [
    (("MARTIN", "Lucas", D), ("Lucas", "MARTIN", D), (lv.S_EXACT, lv.F_EXACT)),
    (("CRENIGNAC", "Alexandre", D), ("Alxandre", "Crenigac", D), (lv.S_TYPO, lv.F_TYPO)),  # both with a slip
    (("ROUX", "Emma", D), ("Emma", "", D), (lv.S_MISSING, lv.F_EXACT)),  # one name missing, the other moved
])
def test_names_written_crosswise(a, b, expected):
    found = levels(a, b)
    assert found.swapped and (found.surname, found.first) == expected
    assert lv.SWAPPED_NAMES in lv.reasons_of(found, True)


def test_plain_names_are_never_read_crosswise():
    assert not levels(("MARTIN", "Lucas", D), ("MARTIN", "Lucas", D)).swapped
    assert levels(("LUCAS", "Martin", D), ("MARTIN", "Lucas", None)).swapped


def test_family_and_class_reasons():
    agree = lv.Levels(lv.S_OTHER, lv.F_EXACT, lv.D_NONE, family=lv.K_AGREE)
    assert lv.SHARED_CHILD in lv.reasons_of(agree, pupil_side=False)
    assert lv.SHARED_PARENT in lv.reasons_of(agree, pupil_side=True)
    assert lv.SHARED_CLASS in lv.reasons_of(lv.Levels(lv.S_EXACT, lv.F_EXACT, lv.D_NONE, classes=lv.C_AGREE), False)


@pytest.mark.parametrize("a, b", [
    (date(1987, 11, 5), date(1987, 5, 13)),  # 05/11 swapped to 11/05, then the day mistyped: four digits differ
    (date(1989, 7, 11), date(1988, 11, 7)),  # swapped, and the year one off: five digits differ
    (date(1979, 5, 15), date(1997, 5, 17)),  # « 79 » written « 97 », and the day one off
])
def test_two_slips_in_a_date_are_a_close_date(a, b):
    assert levels(("ROUX", "Emma", a), ("ROUX", "Emma", b)).date == lv.D_CLOSE


def test_a_first_name_moved_to_the_surname_keeps_the_first_name_slip_rule():
    # « Lina » written « Lin » in the surname's place: a slip in a three-letter first name, as `first_level` says
    found = levels(("POUOIN", "Lina", D), ("Lin", "Pouoin", D))
    assert found.swapped and (found.surname, found.first) == (lv.S_EXACT, lv.F_TYPO)
