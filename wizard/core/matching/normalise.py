"""Names and dates reduced to what identifies a person, so that spelling habits do not hide a match.

Two ways of writing a name compare equal here when only the writing differs: case, accents, ligatures,
hyphens, apostrophes, spaces. What may be a real difference (a particle dropped, a usage surname, a second
first name) is kept visible so that the scoring can name it instead of hiding it.

A school repeats its names (siblings, parents, a few hundred frequent surnames and first names), so every
reduction is cached by the text it reduces: a list of 20,000 people folds only a few thousand distinct names.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import NamedTuple

# Dropped from surname tokens, never from first names: « de la Fontaine », « Le Gall », « d'Almeida », « Van Damme ».
PARTICLES = frozenset(
    "de du des d le la les l van von der den ter ten da di del della dos das do y".split()
)
# Words joining a birth surname and a usage surname: « DUPONT épouse MARTIN », « MARTIN née DUPONT ».
SURNAME_LINKS = frozenset("epouse epse ep nee ne veuve vve divorcee dite dit".split())
# Abbreviations written both ways in surnames: « St-Jean » / « SAINT JEAN ».
ABBREVIATIONS = {"st": "saint", "ste": "sainte"}

_LIGATURES = str.maketrans({"œ": "oe", "Œ": "oe", "æ": "ae", "Æ": "ae", "ß": "ss", "ø": "o", "Ø": "o", "ł": "l",
                            "Ł": "l"})
_SEPARATORS = re.compile(r"[^a-z0-9]+")
_CACHE = 1 << 16


def _strip(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.translate(_LIGATURES))
    return "".join(ch for ch in text if not unicodedata.combining(ch))


# Latin letters with accents, decomposed once: most names need only this table (a fast path for `fold`).
_LATIN = {code: _strip(chr(code)) for code in range(0xC0, 0x250)}


@lru_cache(maxsize=_CACHE)
def fold(text: str) -> str:
    """Lower case, no accents or ligatures, every run of non-letters (hyphen, apostrophe, dot…) as one space."""
    text = (text or "").translate(_LATIN)
    if not text.isascii():
        text = _strip(text)
    return _SEPARATORS.sub(" ", text.lower()).strip()


@dataclass(frozen=True, slots=True)
class Surname:
    compact: str  # every word glued, particles kept: « Le Gall », « LEGALL » → "legall"
    core: tuple[str, ...]  # words without particles or « épouse »: « DUPONT épouse MARTIN » → ("dupont", "martin")
    core_compact: str  # "dupontmartin"
    words: frozenset[str] = frozenset()  # the core words, for comparisons
    sound: str = ""  # phonetic(core_compact)


@dataclass(frozen=True, slots=True)
class FirstName:
    compact: str  # « Jean-Pierre », « Jean Pierre », « JEANPIERRE » → "jeanpierre"
    tokens: tuple[str, ...]  # ("jean", "pierre")
    hyphenated: bool  # written as one compound name (« Jean-Pierre ») rather than a list of first names
    sound: str = ""  # phonetic(compact)


@lru_cache(maxsize=_CACHE)
def surname(text: str) -> Surname:
    words = [ABBREVIATIONS.get(word, word) for word in fold(text).split()]
    words = [word for word in words if word not in SURNAME_LINKS] or words
    core = tuple(word for word in words if word not in PARTICLES) or tuple(words)
    core_compact = "".join(core)
    return Surname("".join(words), core, core_compact, frozenset(core), phonetic(core_compact))


@lru_cache(maxsize=_CACHE)
def first_name(text: str) -> FirstName:
    tokens = tuple(fold(text).split())
    compact = "".join(tokens)
    return FirstName(compact, tokens, "-" in (text or ""), phonetic(compact))


# French spellings of one sound, replaced in this order: « Lefebvre », « Lefèvre » and « Lefevbre » meet at "lfvr";
# « Philippe » / « Filipe », « Rousseau » / « Rousso », « Cazals » / « Kazals ».
_SOUNDS = (("sch", "ch"), ("eau", "o"), ("ph", "f"), ("th", "t"), ("qu", "k"), ("ck", "k"), ("gu", "g"),
           ("au", "o"), ("ce", "se"), ("ci", "si"), ("cy", "si"), ("ge", "je"), ("gi", "ji"), ("c", "k"), ("q", "k"),
           ("z", "s"), ("w", "v"), ("y", "i"), ("h", ""), ("bv", "v"), ("vb", "v"))
_VOWELS = frozenset("aeiou")


@lru_cache(maxsize=_CACHE)
def phonetic(compact: str) -> str:
    """A rough French sound key of a folded, glued name: the first letter, then its consonants once each, the
    silent final letters dropped. Equal keys survive most slips that keep the sound and one vowel slip."""
    if not compact:
        return ""
    sound = compact
    for spelling, said in _SOUNDS:
        if spelling in sound:
            sound = sound.replace(spelling, said)
    sound = sound.rstrip("stdxe") or sound or compact[0]
    out = [sound[0]]
    for letter in sound[1:]:
        if letter not in _VOWELS and letter != out[-1]:
            out.append(letter)
    return "".join(out)


# A sound key shorter than this – the initial alone, or with one consonant (« Roux », « Rose », « Rey » are all
# "r"; « Faure » and « Fort » "fr") – is shared by names that have nothing in common: it is never evidence. On the
# bench's lists of frequent French surnames and first names, keys of one or two letters join 61 pairs of names more
# than two edits apart, keys of three letters 15, of four 2.
MIN_SOUND = 3


def same_sound(a: str, b: str) -> bool:
    """Whether two sound keys (`phonetic`) are equal and long enough to say so."""
    return a == b and len(a) >= MIN_SOUND


class Form(NamedTuple):
    """One person reduced for comparison: computed once per person, compared many times."""
    surname: Surname
    first: FirstName
    born: date | None
    digits: str  # the birth date as « ddmmyyyy », "" when unknown: slips are counted digit by digit


def form(last_name: str, first: str, born: date | None) -> Form:
    return Form(surname(last_name or ""), first_name(first or ""), born, digits(born) if born else "")


@lru_cache(maxsize=_CACHE)
def digits(born: date) -> str:
    return f"{born.day:02d}{born.month:02d}{born.year:04d}"
