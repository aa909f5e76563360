"""Glue between the matching preview and the progress (Qt-free): what runs in the worker, and the keys the
admin's decisions are kept under.

Names and birth dates stay in the in-memory Result; the progress keeps counts, the date, and the admin's
decisions keyed by keyed hashes of both identifiers (`Progress.record_matching`, `Progress.decide_pair`).
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from wizard.core import flow
from wizard.core.document import ChosenFile, School
from wizard.core.errors import UserError
from wizard.core.hardening import before_personal_data
from wizard.core.i18n import tr
from wizard.core.idfile import load_people_and_links
from wizard.core.matching import EntCsvError, families, read_ent_csv, reconcile
from wizard.core.matching.entcsv import EntList
from wizard.core.matching.matcher import Pair, Result
from wizard.core.privacy import keyed_hash


@dataclass(frozen=True)
class MappingNeeded:
    """The account list's columns were not recognised: the page asks the admin which column is which."""

    message: str
    headers: list[str]


def run_matching(checked: ChosenFile | None, ent_csv: Path, mapping: dict[str, int | str] | None, *,
                 advance: Callable[[float], None],
                 cancelled: Callable[[], bool]) -> tuple[EntList, Result] | MappingNeeded:
    """Read both lists and match them; returns (EntList, Result), or a MappingNeeded to ask for columns.
    `checked`: the PRONOTE file as its check recorded it – only those very bytes are matched.
    Runs in a worker thread; a file that cannot be read, or is no longer the file checked, raises its UserError."""
    before_personal_data()
    if not checked or not Path(checked["path"]).is_file():
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
    pronote = load_people_and_links(checked["path"], cancelled=cancelled)
    if pronote.sha256 != checked["sha256"]:
        # Rewritten since its check, at the same size and time (a copy keeps them): its people were never checked,
        # nor imported – none of them is matched, nothing of them is shown or kept.
        raise UserError(changed_since_check(checked["name"]))
    advance(0.1)
    result = reconcile(pronote.people, ent.people, advance=lambda f: advance(0.1 + 0.9 * f), cancelled=cancelled,
                       families=families(pronote.links, ent))
    return ent, result


def changed_since_check(name: str) -> str:
    """The matching's refusal of a PRONOTE file that is no longer the one checked (exported again since)."""
    return tr("« {name} » a changé depuis sa vérification (exporté de nouveau ?) : revenez à l'étape « {step} » pour "
              "le vérifier à nouveau avant de rapprocher les comptes.").format(name=name, step=flow.title("fichier"))


def pair_key(hash_key: str, pair: Pair) -> str:
    return keyed_hash(hash_key, pair.pronote.ident) + ":" + keyed_hash(hash_key, pair.ent.ident)


def decision_of(school: School, pair: Pair, hash_key: str | None) -> str:
    """The admin's decision on `pair`, with the school's key (None: out of reach, no decision can be read)."""
    matching = school["matching"]
    if not matching or not matching["decisions"] or not hash_key:
        return ""
    return matching["decisions"].get(pair_key(hash_key, pair), "")
