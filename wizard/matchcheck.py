"""Glue between the matching preview and the progress (Qt-free): what runs in the worker, and what is kept.

Names and birth dates stay in the in-memory Result; the progress keeps counts, the date, and the admin's
decisions keyed by keyed hashes of both identifiers.
"""
from __future__ import annotations

from pathlib import Path
from typing import Callable

from wizard.filecheck import FileProblem
from wizard.i18n import tr
from wizard.privacy import keyed_hash
from wizard.progress import now_iso


class MappingNeeded(Exception):
    """The account list's columns were not recognised: the page asks the admin which column is which."""

    def __init__(self, message: str, headers: list[str]):
        super().__init__(message)
        self.message = message
        self.headers = headers


def run_matching(pronote_file: str | None, ent_csv: Path, mapping: dict | None, *,
                 progress: Callable[[float], None], cancelled: Callable[[], bool]):
    """Read both lists and match them; returns (EntList, Result) or a MappingNeeded to ask for columns."""
    from wizard.idfile import IdFileError, load_people
    from wizard.matching import EntCsvError, read_ent_csv, reconcile

    if not pronote_file or not Path(pronote_file).is_file():
        raise FileProblem(tr("Le fichier des identifiants PRONOTE n'est plus disponible : choisissez-le à nouveau à "
                             "l'étape « Vérifier le fichier des identifiants »."))
    try:
        ent = read_ent_csv(ent_csv, mapping)
    except EntCsvError as problem:
        if problem.headers:
            return MappingNeeded(problem.message, problem.headers)
        raise FileProblem(problem.message) from None
    progress(0.05)
    try:
        pronote = load_people(pronote_file)
    except IdFileError as problem:
        raise FileProblem(problem.message) from None
    progress(0.1)
    result = reconcile(pronote, ent.people, progress=lambda f: progress(0.1 + 0.9 * f), cancelled=cancelled)
    return ent, result


def pair_key(hash_key: str, pair) -> str:
    return keyed_hash(hash_key, pair.pronote.ident) + ":" + keyed_hash(hash_key, pair.ent.ident)


def record_matching(progress, ent, result) -> None:
    matching = progress.school.setdefault("matching", {})
    matching.update({
        "date": now_iso(),
        "counts": result.counts,
        "ent_rows": len(ent.people),
        "unusable_rows": len(ent.unusable) if hasattr(ent, "unusable") else 0,
    })
    progress.save()


def decide(progress, pair, decision: str | None) -> None:
    decisions = progress.school.setdefault("matching", {}).setdefault("decisions", {})
    key = pair_key(progress.school["hash_key"], pair)
    if decision:
        decisions[key] = decision
    else:
        decisions.pop(key, None)
    progress.save()


def decision_of(progress, pair) -> str:
    decisions = progress.school.get("matching", {}).get("decisions", {})
    return decisions.get(pair_key(progress.school["hash_key"], pair), "")
