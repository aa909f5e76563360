"""Names and dates reduced to what identifies a person, so that spelling habits do not hide a match.

Two ways of writing a name compare equal here when only the writing differs: case, accents, ligatures,
hyphens, apostrophes, spaces. What may be a real difference (a particle dropped, a usage surname, a second
first name) is kept visible so that the scoring can name it instead of hiding it.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# Dropped from surname tokens, never from first names: « de la Fontaine », « Le Gall », « d'Almeida », « Van Damme ».
PARTICLES = frozenset(
    "de du des d le la les l van von der den ter ten da di del della dos das do y".split()
)
# Words joining a birth surname and a usage surname: « DUPONT épouse MARTIN », « MARTIN née DUPONT ».
SURNAME_LINKS = frozenset("epouse epse ep nee ne veuve vve divorcee dite dit".split())
# Abbreviations written both ways in surnames: « St-Jean » / « SAINT JEAN ».
ABBREVIATIONS = {"st": "saint", "ste": "sainte"}

_LIGATURES = str.maketrans({"œ": "oe", "Œ": "oe", "æ": "ae", "Æ": "ae", "ß": "ss", "ø": "o", "Ø": "o", "ł": "l", "Ł": "l"})
_SEPARATORS = re.compile(r"[^a-z0-9]+")


def fold(text: str) -> str:
    """Lower case, no accents or ligatures, every run of non-letters (hyphen, apostrophe, dot…) as one space."""
    text = unicodedata.normalize("NFKD", (text or "").translate(_LIGATURES))
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    return _SEPARATORS.sub(" ", text).strip()


@dataclass(frozen=True, slots=True)
class Surname:
    compact: str  # every word glued, particles kept: « Le Gall », « LEGALL » → "legall"
    core: tuple[str, ...]  # words without particles or « épouse »: « DUPONT épouse MARTIN » → ("dupont", "martin")
    core_compact: str  # "dupontmartin"


@dataclass(frozen=True, slots=True)
class FirstName:
    compact: str  # « Jean-Pierre », « Jean Pierre », « JEANPIERRE » → "jeanpierre"
    tokens: tuple[str, ...]  # ("jean", "pierre")
    hyphenated: bool  # written as one compound name (« Jean-Pierre ») rather than a list of first names


def surname(text: str) -> Surname:
    words = [ABBREVIATIONS.get(word, word) for word in fold(text).split()]
    words = [word for word in words if word not in SURNAME_LINKS] or words
    core = tuple(word for word in words if word not in PARTICLES) or tuple(words)
    return Surname("".join(words), core, "".join(core))


def first_name(text: str) -> FirstName:
    tokens = tuple(fold(text).split())
    return FirstName("".join(tokens), tokens, "-" in (text or ""))
