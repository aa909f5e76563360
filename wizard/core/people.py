"""A person read from the PRONOTE identifier file or the ENT account list.

Lives in memory only: names and birth dates are never written to disk (see DOMAIN.md, « Personal data »).
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from wizard.core.i18n import tr_noop

# Profile codes shared by the identifier file, the ENT account list and the reports.
PROFILES = ("eleve", "parent", "enseignant", "personnel", "autre")

# The ENT's own profile names (French); shown through tr() where the interface is translated.
PROFILE_LABELS = {
    "eleve": tr_noop("Élève"),
    "parent": tr_noop("Parent"),
    "enseignant": tr_noop("Enseignant"),
    "personnel": tr_noop("Non enseignant"),
    "autre": tr_noop("Autre"),
}


# What a person's fields are called, wherever the admin sees them (the file check's mapping, the account list's
# columns, the column-mapping dialog).
FIELD_LABELS = {
    "ident": tr_noop("Identifiant"),
    "last_name": tr_noop("Nom"),
    "first_name": tr_noop("Prénom"),
    "birth_date": tr_noop("Date de naissance"),
    "profile": tr_noop("Profil"),
    "class_name": tr_noop("Classe"),
    "children": tr_noop("Enfants"),
}

# The words that say who a person is, folded (no case, accents, spaces or punctuation): record tags and their
# containers in the identifier file, category values (`National_1..4` are ENT NG's CAS categories, AAF's
# « PersRelEleve » a parent; its « PersEducNat » covers teachers and other staff alike and goes to « personnel »,
# the wider group), and the ENT account list's « Profil » column. One list for both readers.
_PROFILE_WORDS = {
    "eleve": ("eleve", "eleves", "student", "students", "pupil", "pupils", "learner", "national1"),
    "parent": ("parent", "parents", "responsable", "responsables", "responsablelegal", "responsableslegaux",
               "persreleleve", "guardian", "relative", "national2"),
    "enseignant": ("enseignant", "enseignants", "professeur", "professeurs", "prof", "teacher", "teachers",
                   "national3"),
    "personnel": ("personnel", "personnels", "nonenseignant", "nonenseignants", "personnelnonenseignant",
                  "personnelsnonenseignants", "staff", "perseducnat", "national4"),
    "autre": ("autre", "autres", "other"),
}
PROFILE_WORDS = {word: profile for profile, words in _PROFILE_WORDS.items() for word in words}


def profile_of_word(folded: str) -> str | None:
    """The profile a folded word names (« Élèves » folded is `eleves` → `eleve`), or None."""
    return PROFILE_WORDS.get(folded)


@dataclass(frozen=True, slots=True)
class Person:
    ident: str  # PRONOTE identifier (file) or ENT account identifier (CSV); may be "" when missing
    profile: str  # one of PROFILES
    last_name: str
    first_name: str
    birth_date: date | None = None
    line: int = 0  # line in the source file, for findings and worksheets
