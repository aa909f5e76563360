"""Each variation is accepted or refused for a stated reason."""
from datetime import date

import pytest

from wizard.matching import scoring
from wizard.matching.normalise import first_name, surname


def compare(a, b):
    return scoring.compare(surname(a[0]), first_name(a[1]), a[2], surname(b[0]), first_name(b[1]), b[2])


D = date(2012, 3, 4)


@pytest.mark.parametrize("a, b, reason", [
    (("DUPONT", "Jean-Pierre", D), ("Dupont", "Jean", D), scoring.COMPOUND_FIRST),
    (("DUPONT", "Marie Louise Anne", D), ("Dupont", "Marie", D), scoring.MORE_FIRST_NAMES),
    (("DUPONT", "Jean", D), ("Dupont", "JEANPIERRE", D), scoring.COMPOUND_FIRST),
    (("DUPONT", "Anne Marie", D), ("Dupont", "Marie", D), scoring.USUAL_FIRST_NAME),
    (("DUPONT épouse MARTIN", "Claire", None), ("DUPONT", "Claire", None), scoring.USAGE_NAME),
    (("MARTIN-DUPONT", "Claire", None), ("DUPONT", "Claire", None), scoring.USAGE_NAME),
    (("MARTIN DUPONT", "Claire", None), ("DUPONT MARTIN", "Claire", None), scoring.NAME_ORDER),
    (("de la Fontaine", "Karim", None), ("FONTAINE", "Karim", None), scoring.PARTICLE),
    (("LEFEBVRE", "Hugo", D), ("LEFEBRVE", "Hugo", D), scoring.TYPO_SURNAME),
    (("ROUX", "Clémence", D), ("ROUX", "Clémense", D), scoring.TYPO_FIRST),
    (("ROUX", "Emma", D), ("ROUX", "Ema", D), scoring.TYPO_FIRST),  # short name: the equal date vouches
    (("ROUX", "Emma", date(2012, 4, 3)), ("ROUX", "Emma", D), scoring.SWAPPED_DATE),
    (("ROUX", "Emma", date(2012, 3, 5)), ("ROUX", "Emma", D), scoring.DATE_DIGIT),
    (("ROUX", "Emma", None), ("ROUX", "Emma", D), scoring.MISSING_DATE),
])
def test_accepted_variation_names_its_reason(a, b, reason):
    comparison = compare(a, b)
    assert comparison is not None and reason in comparison.reasons
    assert comparison.score < 100


@pytest.mark.parametrize("a, b", [
    (("ROUX", "Emma", date(2012, 9, 20)), ("ROUX", "Emma", D)),  # another date: another person
    (("ROUX", "Léo", None), ("ROUX", "Léa", None)),  # short names, no date: two people
    (("MARTIN", "Jean", None), ("MARTIN", "Jeanne", None)),
    (("MARTIN", "Louis", None), ("MARTINE", "Louise", None)),  # two typos without a date
    (("DUPONT MARTIN", "Claire", None), ("DUPONT DURAND", "Claire", None)),  # other usage name, no date
    (("ROUX", "Emma", date(2012, 4, 3)), ("ROUX", "Ema", D)),  # near date and a typo
    (("GARCIA", "Inès", D), ("LOPEZ", "Inès", D)),
])
def test_refused(a, b):
    assert compare(a, b) is None


def test_exact_scores_100_and_missing_date_close_to_it():
    assert compare(("MARTIN", "Lucas", D), ("martin", "LUCAS", D)).score == 100
    missing = compare(("MARTIN", "Sophie", None), ("Martin", "Sophie", None))
    assert missing.exact_names and 97 <= missing.score < 100


def test_one_variation_costs_more_than_the_ambiguity_margin():
    from wizard.matching.matcher import AMBIGUITY_MARGIN

    exact = compare(("MARTIN", "Sophie", None), ("MARTIN", "Sophie", None)).score
    for other in (("MARTIN", "Sophie-Anne", None), ("MARTIN DUPONT", "Sophie", None), ("MARTN", "Sophie", None)):
        assert exact - compare(("MARTIN", "Sophie", None), other).score > AMBIGUITY_MARGIN
