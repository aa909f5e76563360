"""A person read from the PRONOTE identifier file or the ENT account list.

Lives in memory only: names and birth dates are never written to disk (see DOMAIN.md, « Personal data »).
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

# Profile codes shared by the identifier file, the ENT account list and the reports.
PROFILES = ("eleve", "parent", "enseignant", "personnel", "autre")

PROFILE_LABELS = {
    "eleve": "Élève",
    "parent": "Parent",
    "enseignant": "Enseignant",
    "personnel": "Non enseignant",
    "autre": "Autre",
}


@dataclass(frozen=True, slots=True)
class Person:
    ident: str  # PRONOTE identifier (file) or ENT account identifier (CSV); may be "" when missing
    profile: str  # one of PROFILES
    last_name: str
    first_name: str
    birth_date: date | None = None
    line: int = 0  # line in the source file, for findings and worksheets
