"""Glue between the matching preview and the progress (Qt-free): what runs in the worker, and the keys the
admin's decisions are kept under.

Names and birth dates stay in the in-memory Result; the progress keeps counts, the date, and the admin's
decisions keyed by keyed hashes of both identifiers (`Progress.record_matching`, `Progress.decide_pair`).
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from wizard.core.errors import UserError
from wizard.core.hardening import before_personal_data
from wizard.core.i18n import tr
from wizard.core.idfile import load_people_and_links
from wizard.core.matching import EntCsvError, families, read_ent_csv, reconcile
from wizard.core.privacy import keyed_hash


@dataclass(frozen=True)
class MappingNeeded:
    """The account list's columns were not recognised: the page asks the admin which column is which."""

    message: str
    headers: list[str]


def run_matching(pronote_file: str | None, ent_csv: Path, mapping: dict | None, *,
                 advance: Callable[[float], None], cancelled: Callable[[], bool]):
    """Read both lists and match them; returns (EntList, Result), or a MappingNeeded to ask for columns.
    Runs in a worker thread; a file that cannot be read raises its UserError."""
    before_personal_data()
    if not pronote_file or not Path(pronote_file).is_file():
        raise UserError(tr("Le fichier des identifiants PRONOTE n'est plus disponible : choisissez-le à nouveau à "
                           "l'étape « Vérifier le fichier des identifiants »."))
    try:
        ent = read_ent_csv(ent_csv, mapping)
    except EntCsvError as problem:
        if problem.headers:
            return MappingNeeded(problem.message, problem.headers)
        raise
    advance(0.05)
    # The pupil–parent links of the file and the ENT list's children and class columns settle homonym parents.
    pronote, links = load_people_and_links(pronote_file, cancelled=cancelled)
    advance(0.1)
    result = reconcile(pronote, ent.people, advance=lambda f: advance(0.1 + 0.9 * f), cancelled=cancelled,
                       families=families(links, ent))
    return ent, result


def pair_key(hash_key: str, pair) -> str:
    return keyed_hash(hash_key, pair.pronote.ident) + ":" + keyed_hash(hash_key, pair.ent.ident)


def decision_of(school: dict, pair, hash_key: str | None) -> str:
    """The admin's decision on `pair`, with the school's key (None: out of reach, no decision can be read)."""
    decisions = (school["matching"] or {}).get("decisions", {})
    if not decisions or not hash_key:
        return ""
    return decisions.get(pair_key(hash_key, pair), "")
