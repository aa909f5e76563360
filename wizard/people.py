"""A person read from the PRONOTE identifier file or the ENT account list.

Lives in memory only: names and birth dates are never written to disk (see DOMAIN.md, « Personal data »).
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from wizard.i18n import tr_noop

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


@dataclass(frozen=True, slots=True)
class Person:
    ident: str  # PRONOTE identifier (file) or ENT account identifier (CSV); may be "" when missing
    profile: str  # one of PROFILES
    last_name: str
    first_name: str
    birth_date: date | None = None
    line: int = 0  # line in the source file, for findings and worksheets
