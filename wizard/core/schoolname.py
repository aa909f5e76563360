"""The school's name, as the assistant writes it and as it reads it.

- In a French sentence (`of_the_school`): « du collège Via Domitia », « de la cité scolaire … », « de l'école … »,
  never « de Lycée Jean Jaurès ». The article comes from the name's first word; a name whose first word is not a
  kind of school is introduced as « de l'établissement … ».
- Against the name the PRONOTE server gives (`compare`): before a server's word lets parts 1–2 be skipped, its
  name (`nomEtab`, often in capitals: « COLLEGE VIA DOMITIA ») is compared with the typed one. Writing habits are
  not differences: case, accents, punctuation, « COLLEGE » for « Collège », the usual abbreviations (CLG, LYC, LP,
  LPO, LGT, EREA, ST…), a town appended (« CLG-VIA DOMITIA-MANDUEL »). A clear difference is another school's name,
  or another kind of school (a collège against a lycée).
Qt-free, no dependency.
"""
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


# -- the server's name against the typed one ------------------------------------------------------------------
SAME, SIMILAR, DIFFERENT = "same", "similar", "different"

# Abbreviations as schools, PRONOTE and the ENT write them, each spelled out.
_ABBREVIATIONS = {
    "clg": "college", "coll": "college",
    "lyc": "lycee", "lp": "lycee professionnel", "lpo": "lycee polyvalent", "lgt": "lycee general technologique",
    "legt": "lycee general technologique", "lpa": "lycee professionnel agricole",
    "prof": "professionnel", "pro": "professionnel", "polyv": "polyvalent", "gen": "general",
    "techno": "technologique", "tech": "technologique", "agri": "agricole",
    "erea": "etablissement regional enseignement adapte",
    "st": "saint", "ste": "sainte",
}
_LITTLE_WORDS = frozenset("de du des d la le les l et en a au aux sur sous".split())
# What kind of school a name says; the main kinds below may not differ between two names of one school.
_KIND_WORDS = frozenset("college lycee professionnel polyvalent general technologique agricole etablissement regional "
                        "enseignement adapte cite scolaire prive privee public publique section".split())
_MAIN_KINDS = frozenset(("college", "lycee", "etablissement"))


def _tokens(name: str) -> list[str]:
    decomposed = unicodedata.normalize("NFKD", name.replace("œ", "oe").replace("Œ", "OE"))
    plain = "".join(ch if ch.isalnum() else " " for ch in decomposed if not unicodedata.combining(ch)).lower()
    words = []
    for word in plain.split():
        words.extend(_ABBREVIATIONS.get(word, word).split())
    return [word for word in words if word not in _LITTLE_WORDS]


def _parts(name: str) -> tuple[set[str], set[str]]:
    """(what kind of school the name says, the rest: the school's own name, perhaps its town)."""
    words = _tokens(name)
    return {word for word in words if word in _KIND_WORDS}, {word for word in words if word not in _KIND_WORDS}


def compare(typed: str, served: str) -> str:
    """SAME, SIMILAR (one name holds the other's words, or most of them) or DIFFERENT; SAME when either is empty
    (nothing to contradict)."""
    typed_kind, typed_own = _parts(typed)
    served_kind, served_own = _parts(served)
    if not (typed_own or typed_kind) or not (served_own or served_kind):
        return SAME
    main_typed, main_served = typed_kind & _MAIN_KINDS, served_kind & _MAIN_KINDS
    if main_typed and main_served and not main_typed & main_served:
        return DIFFERENT  # a collège is not a lycée, whatever its name
    if typed_own == served_own and (typed_kind <= served_kind or served_kind <= typed_kind):
        return SAME
    common = typed_own & served_own
    # One name within the other (a town added or left out), or most of their words shared – two words at least:
    # one shared word is often a saint's or a first name (« Jean Jaurès », « Jean Moulin »).
    if common and (common == typed_own or common == served_own
                   or (len(common) >= 2 and 2 * len(common) >= min(len(typed_own), len(served_own)))):
        return SIMILAR
    if not typed_own or not served_own:
        return SIMILAR  # one says only the kind (« COLLEGE »): nothing that tells two schools apart
    return DIFFERENT
