"""The school's name in a French sentence: « du collège Via Domitia », « de la cité scolaire … », « de l'école … »,
never « de Lycée Jean Jaurès ». The article comes from the name's first word; a name whose first word is not a kind
of school is introduced as « de l'établissement … » (Qt-free)."""
from __future__ import annotations

import unicodedata

# The first word of a school's name (folded: no accents, lower case) → how « de » joins it, and whether that word
# is lowered in a sentence (« du collège », but « du LP » stays in capitals).
_KINDS = {
    "college": "du", "colleges": "des", "clg": "du",
    "lycee": "du", "lycees": "des", "lp": "du", "lpo": "du", "lgt": "du", "lpa": "du", "legta": "du", "lgta": "du",
    "legt": "du", "lycee-college": "du",
    "cite": "de la", "maison": "de la", "section": "de la",
    "ecole": "de l'", "erea": "de l'", "ensemble": "de l'", "institut": "de l'", "institution": "de l'",
    "etablissement": "de l'", "internat": "de l'",
    "groupe": "du", "campus": "du", "pole": "du", "centre": "du",
}


def _folded(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c)).lower()


def of_the_school(name: str) -> str:
    """« de » + the school's name, with the article its first word asks for; « de l'établissement » without
    a name."""
    name = " ".join(name.split())
    if not name:
        return "de l'établissement"
    first, _, rest = name.partition(" ")
    article = _KINDS.get(_folded(first).strip(".,"))
    if article is None:
        return f"de l'établissement {name}"
    # « Collège » in running text is « collège »; an acronym (LP, EREA) or a name in capitals keeps its case.
    word = first if first.isupper() else first[:1].lower() + first[1:]
    joined = f"{article}{word}" if article.endswith("'") else f"{article} {word}"
    return f"{joined} {rest}".rstrip()
