"""Normalisation: writing differences vanish, real differences stay visible."""
import pytest

from wizard.core.matching.normalise import first_name, fold, surname


@pytest.mark.parametrize("text, folded", [
    ("Lefèvre", "lefevre"),
    ("  ÉLODIE ", "elodie"),
    ("d’Almeida", "d almeida"),
    ("Jean--Pierre", "jean pierre"),
    ("Œillet", "oeillet"),
    ("Müller", "muller"),
    ("N'Diaye", "n diaye"),
    ("", ""),
])
def test_fold(text, folded):
    assert fold(text) == folded


@pytest.mark.parametrize("a, b", [
    ("LE GALL", "Legall"),
    ("de la Fontaine", "DELAFONTAINE"),
    ("D'ALMEIDA", "d’Almeida"),
    ("MARTIN--GARCIA", "Martin Garcia"),
    ("St-Jean", "SAINT JEAN"),
    ("LEFEVRE", "Lefèvre"),
])
def test_surnames_written_differently_are_equal(a, b):
    assert surname(a).compact == surname(b).compact


@pytest.mark.parametrize("text, core", [
    ("DUPONT épouse MARTIN", ("dupont", "martin")),
    ("DUPONT ép. MARTIN", ("dupont", "martin")),
    ("MARTIN née DUPONT", ("martin", "dupont")),
    ("MARTIN-DUPONT", ("martin", "dupont")),
    ("de la Fontaine", ("fontaine",)),
    ("Van den Berg", ("berg",)),
    ("LE", ("le",)),  # a surname made only of a particle keeps it
])
def test_surname_core_words(text, core):
    assert surname(text).core == core


@pytest.mark.parametrize("a, b", [("Jean-Pierre", "Jean Pierre"), ("Jean-Pierre", "JEANPIERRE"), ("Zoé", "ZOE")])
def test_first_names_written_differently_are_equal(a, b):
    assert first_name(a).compact == first_name(b).compact


def test_first_name_tokens_and_compound_mark():
    assert first_name("Marie Louise Anne").tokens == ("marie", "louise", "anne")
    assert first_name("Jean-Pierre").hyphenated and not first_name("Jean Pierre").hyphenated
