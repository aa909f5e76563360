"""Element and attribute names, and the words that say who a person is, compared without case, accents, `_` or `-`.

Lists from DESIGN.md (« Identifier file ») and DOMAIN.md: Index Éducation's partner schema, PRONOTE's CSV exports,
the national AAF feed and the CAS attributes of ENT NG. The reader must generalise, so these are words, not layouts.
"""
from __future__ import annotations

import unicodedata
from functools import lru_cache

from wizard.core import people

IDENT, LAST_NAME, FIRST_NAME, BIRTH_DATE, PROFILE, UAI, SCHOOL_NUMBER, EXPORT_DATE = (
    "ident", "last_name", "first_name", "birth_date", "profile", "uai", "school_number", "export_date")
PERSON_FIELDS = (IDENT, LAST_NAME, FIRST_NAME)

# Order matters where a record carries several: the earlier word wins (PRONOTE's ENT identifier before a login,
# the partner identifier before Index Éducation's internal integer `Ident`).
_SYNONYMS = {
    IDENT: ("identifiantpronoteent", "idpronoteent", "identifiantpronote", "idpronote", "idpartenaire",
            "entpersonjointure", "guid", "identifiant", "ident", "id", "uid", "login"),
    LAST_NAME: ("nom", "lastname", "sn", "surname", "familyname", "nomfamille", "nomdefamille", "nompatronymique",
                "nomusage", "name"),
    FIRST_NAME: ("prenom", "firstname", "givenname", "forename", "prenomusuel", "prenoms"),
    BIRTH_DATE: ("datenaissance", "datedenaissance", "birthdate", "dateofbirth", "dob", "naissance", "nele",
                 "entpersondatenaissance", "birthday"),
    PROFILE: ("categorie", "categories", "category", "categoriepersonne", "profil", "profile", "profils",
              "typepersonne", "type", "role", "population"),
    UAI: ("uai", "rne", "codeuai", "coderne", "numerouai", "uaietablissement", "entstructureuai"),
    # only on a school element (`Etablissement@Numero` is the UAI in Index Éducation's schema)
    SCHOOL_NUMBER: ("numero",),
    EXPORT_DATE: ("date", "dateexport", "dateextraction", "dategeneration", "exportdate", "generationdate",
                  "datecreation", "created"),
}
ROLES: dict[str, tuple[str, int]] = {word: (role, rank) for role, words in _SYNONYMS.items()
                                     for rank, word in enumerate(words)}

SCHOOL_TAGS = {"etablissement", "structure", "school", "etab"}

@lru_cache(maxsize=4096)
def normalise(name: str) -> str:
    """`{ns}Date_Naissance`, `pn:date-naissance` and `DATENAISSANCE` all give `datenaissance`."""
    local = name.rsplit("}", 1)[-1].rsplit(":", 1)[-1]
    decomposed = unicodedata.normalize("NFKD", local.casefold())
    return "".join(c for c in decomposed if c.isalnum() and not unicodedata.combining(c))


@lru_cache(maxsize=4096)
def local_name(name: str) -> str:
    return name.rsplit("}", 1)[-1]


def profile_of_word(word: str) -> str | None:
    return people.profile_of_word(normalise(word))
