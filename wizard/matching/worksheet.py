"""The worksheet: every pair and every unmatched person, for the admin to work through in Excel.

`;`-separated UTF-8 with a BOM: what French Excel opens correctly by double-click. The first line says that the
file contains personal data, since it lists names and birth dates (DOMAIN.md, « Personal data »).
"""
from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

from wizard.matching.matcher import Result
from wizard.people import PROFILE_LABELS, PROFILES, Person

NOTICE = ("Données personnelles (noms, dates de naissance) : document à usage interne de l'établissement, "
          "à supprimer une fois le rapprochement des comptes terminé.")
COLUMNS = ("Profil", "Statut", "Score", "Raisons",
           "Identifiant PRONOTE", "Nom PRONOTE", "Prénom PRONOTE", "Date de naissance PRONOTE",
           "Identifiant ENT", "Nom ENT", "Prénom ENT", "Date de naissance ENT")
STATUS_LABELS = {"certain": "certain", "probable": "probable", "ambiguous": "ambigu",
                 "unmatched_pronote": "PRONOTE seul", "unmatched_ent": "ENT seul"}
# A cell starting with one of these is run as a formula by Excel: a name in a CSV must never be.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def worksheet_rows(result: Result) -> list[list[str]]:
    """One row per pair or unmatched person, profile by profile, then status by status."""
    keyed = [((pair.profile, pair.status), [str(pair.score), ", ".join(pair.reasons), *_side(pair.pronote),
                                            *_side(pair.ent)]) for pair in result.pairs]
    keyed += [((p.profile, "unmatched_pronote"), ["", "", *_side(p), *_side(None)]) for p in result.unmatched_pronote]
    keyed += [((p.profile, "unmatched_ent"), ["", "", *_side(None), *_side(p)]) for p in result.unmatched_ent]
    keyed.sort(key=lambda item: (_order(item[0][0]), list(STATUS_LABELS).index(item[0][1])))  # stable: keeps lines
    return [[_profile(profile), STATUS_LABELS[status], *cells] for (profile, status), cells in keyed]


def write_worksheet(result: Result, path: Path | str) -> None:
    """Raises OSError when the file cannot be written (open in Excel, read-only folder…)."""
    with open(path, "w", encoding="utf-8-sig", newline="") as out:
        writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
        writer.writerow([NOTICE])
        writer.writerow(COLUMNS)
        writer.writerows([[_safe(cell) for cell in row] for row in worksheet_rows(result)])


def _side(person: Person | None) -> list[str]:
    if person is None:
        return ["", "", "", ""]
    return [person.ident, person.last_name, person.first_name, _date(person.birth_date)]


def _date(value: date | None) -> str:
    return value.strftime("%d/%m/%Y") if value else ""


def _order(profile: str) -> int:
    return PROFILES.index(profile) if profile in PROFILES else len(PROFILES)


def _profile(profile: str) -> str:
    return PROFILE_LABELS.get(profile, "Profil inconnu")


def _safe(cell: str) -> str:
    return "'" + cell if cell.startswith(_FORMULA_START) else cell
