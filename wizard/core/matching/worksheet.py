"""The worksheet: every pair and every unmatched person, for the admin to work through in Excel.

`;`-separated UTF-8 with a BOM: what French Excel opens correctly by double-click. The first line says that the
file contains personal data, since it lists names and birth dates (DOMAIN.md, « Personal data »).
"""
from __future__ import annotations

import contextlib
import csv
import os
import tempfile
from pathlib import Path

from wizard.core.dates import day
from wizard.core.i18n import language, tr, tr_noop
from wizard.core.matching.result import STATUS_LABELS, Pair, Result
from wizard.core.people import PROFILE_LABELS, PROFILES, Person

NOTICE = (tr_noop("Données personnelles (noms, dates de naissance) : document à usage interne de l'établissement, "
          "à supprimer une fois le rapprochement des comptes terminé."))
# « Éléments »: what counted for (+) and against (−) each pair, field by field, in bits (log2 of a likelihood ratio).
COLUMNS = ("Profil", "Statut", "Score", "Raisons", tr_noop("Éléments (pour + / contre −)"),
           tr_noop("Identifiant PRONOTE"), tr_noop("Nom PRONOTE"), tr_noop("Prénom PRONOTE"),
           tr_noop("Date de naissance PRONOTE"),
           tr_noop("Identifiant ENT"), tr_noop("Nom ENT"), tr_noop("Prénom ENT"), tr_noop("Date de naissance ENT"))
# A cell whose first non-blank character is one of these is run as a formula by Excel or LibreOffice (which may
# trim the spaces before it, « Supprimer les espaces »): a name in a CSV must never be. The full-width and small
# forms too (a spreadsheet may fold them), and tab, CR and LF, which some readers skip like spaces.
_FORMULA_START = frozenset("=+-@\t\r\n\uff1d\uff0b\uff0d\uff20\ufe62\ufe63\ufe66\ufe6b\u2212")


def worksheet_entries(result: Result) -> list[tuple[str, str, Pair | Person]]:
    """(profile, status, pair or unmatched person), profile by profile, then status by status: the worksheet's
    order, shared by the CSV and the wizard's table."""
    # Grouped by (profile, status) in one pass, each group keeping the lists' order – what a stable sort gives,
    # without one: sorting 200,000 keys runs in C and holds every thread, the window's too, for 50–80 ms while the
    # worker makes the preview's rows (bench/preview.py).
    statuses = {status: number for number, status in enumerate(STATUS_LABELS)}
    entries: list[tuple[str, str, Pair | Person]] = [(pair.profile, pair.status, pair) for pair in result.pairs]
    entries += [(p.profile, "unmatched_pronote", p) for p in result.unmatched_pronote]
    entries += [(p.profile, "unmatched_ent", p) for p in result.unmatched_ent]
    groups: dict[tuple[int, int], list[tuple[str, str, Pair | Person]]] = {}
    for entry in entries:
        key = (_order(entry[0]), statuses[entry[1]])
        group = groups.get(key)
        if group is None:
            group = groups[key] = []
        group.append(entry)
    return [entry for key in sorted(groups) for entry in groups[key]]


def worksheet_rows(result: Result) -> list[list[str]]:
    """One row per pair or unmatched person, in `worksheet_entries` order."""
    rows = []
    for profile, status, item in worksheet_entries(result):
        if isinstance(item, Pair):
            cells = [str(item.score), ", ".join(item.reasons), evidence_text(item), *_side(item.pronote),
                     *_side(item.ent)]
        elif status == "unmatched_pronote":
            cells = ["", "", "", *_side(item), *_side(None)]
        else:
            cells = ["", "", "", *_side(None), *_side(item)]
        rows.append([_profile(profile), tr(STATUS_LABELS[status]), *cells])
    return rows


def write_worksheet(result: Result, path: Path | str, decisions: list[str] | None = None) -> None:
    """Raises OSError when the file cannot be written (open in Excel, read-only folder…).

    `decisions`, when given, is the admin's decision for each row of `worksheet_rows` (the wizard's page): it
    becomes a last column « Décision »."""
    rows = worksheet_rows(result)
    columns = list(COLUMNS)
    if decisions is not None:
        columns.append(tr("Décision"))
        rows = [row + [decision] for row, decision in zip(rows, decisions, strict=False)]
    _write_atomically(Path(path), [[NOTICE], columns, *([_safe(cell) for cell in row] for row in rows)])


def _write_atomically(path: Path, rows: list[list[str]]) -> None:
    """Written beside the target and renamed over it: an interrupted write (full disk, a crash) never leaves a
    half worksheet, and an existing one is replaced whole or not at all."""
    handle = tempfile.NamedTemporaryFile("w", encoding="utf-8-sig", newline="", dir=path.parent,
                                         prefix=f".{path.name}.", suffix=".tmp", delete=False)
    try:
        with handle as out:
            csv.writer(out, delimiter=";", lineterminator="\r\n").writerows(rows)
            out.flush()
            os.fsync(out.fileno())
        os.replace(handle.name, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(handle.name)
        raise


def evidence_text(pair: Pair) -> str:
    """« même nom +9,6 ; prénom différent −7,6 ; même date de naissance +11,0 »: each field's bits, signed, French
    decimal comma (a cell that starts with a word, never with a sign a spreadsheet would run)."""
    return tr(" ; ").join(f"{tr(item.label)} {_signed(item.bits)}" for item in pair.comparison.evidence)


def _signed(bits: float) -> str:
    number = f"{abs(bits):.1f}"
    return ("+" if bits >= 0 else "−") + (number.replace(".", ",") if language() == "fr" else number)


def _side(person: Person | None) -> list[str]:
    if person is None:
        return ["", "", "", ""]
    return [person.ident, person.last_name, person.first_name, day(person.birth_date)]


def _order(profile: str) -> int:
    return PROFILES.index(profile) if profile in PROFILES else len(PROFILES)


def _profile(profile: str) -> str:
    return PROFILE_LABELS.get(profile, "Profil inconnu")


def _safe(cell: str) -> str:
    """The cell as text: an apostrophe first when what a spreadsheet sees first (spaces skipped) could start a
    formula."""
    first = next((char for char in cell if char in _FORMULA_START or not char.isspace()), "")
    return "'" + cell if first in _FORMULA_START and first else cell
