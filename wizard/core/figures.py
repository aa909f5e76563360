"""What the ENT's figure after an import means, as data (the sentences that say it are importcheck's).

After a full import the ENT's figure is the number of identifiers it imported: the file's people. After a partial
import the tutorial's own screenshots show the same figure as after the full one (« 1575 identifiant(s) Pronote
importé(s) » at 08:39 in mode Complet, then at 15:01 in mode Partiel, DOMAIN.md): the report may give the ENT's
running total rather than the batch. Neither is confirmed, so both are read for what they are:
- BATCH: the figure is this file's people (the batch);
- RUNNING_TOTAL: it is the ENT's total after the last import plus this file's people;
- DIFFERS: neither.
The history keeps which (document.ImportEntry.reading); the model and the migration of older files read it here.
"""
from __future__ import annotations

from wizard.core.i18n import tr, tr_noop

BATCH, RUNNING_TOTAL, DIFFERS = "batch", "running_total", "differs"

_READING_PHRASES = {
    BATCH: tr_noop("le nombre de personnes de ce fichier"),
    RUNNING_TOTAL: tr_noop("son total après cet import"),
    DIFFERS: tr_noop("ni le nombre du fichier, ni le total attendu"),
}


def file_total(analysis: dict | None) -> int:
    return int((analysis or {}).get("counts", {}).get("total", 0))


def finding_count(analysis: dict, code: str) -> int:
    """How many findings of `code` the file gave – exactly: the findings themselves are listed only up to the
    reader's cap per code."""
    return analysis["finding_counts"].get(code, 0)


def reading_phrase(kind: str | None) -> str:
    """« son total après cet import »: what a recorded figure meant, as a phrase ("" when unknown)."""
    return tr(_READING_PHRASES[kind]) if kind in _READING_PHRASES else ""


def ent_total(history: list[dict]) -> int | None:
    """The ENT's count of identifiers after the imports of `history`, as their figures tell it; None when a
    figure could not be read (an unexplained gap) or there is no full import to start from."""
    total = None
    for entry in history:
        figure, reading = entry.get("reported_count"), entry.get("reading")
        if entry.get("mode") == "complet":
            total = figure  # a full import's figure is the ENT's whole count
        elif reading == RUNNING_TOTAL:
            total = figure
        elif reading == BATCH and total is not None:
            total += figure
        else:
            total = None
    return total


def figure_kind(analysis: dict, reported: int, mode: str | None, history: list[dict]) -> str:
    """BATCH, RUNNING_TOTAL or DIFFERS: what the ENT's figure `reported` is for this file, `history` being the
    imports before it."""
    people = file_total(analysis)
    already = finding_count(analysis, "deja_importe") if mode == "partiel" else 0
    if reported in {people, people - already}:
        return BATCH
    before = ent_total(history) if mode == "partiel" else None
    if before and reported in {before + people, before + people - already}:
        return RUNNING_TOTAL
    return DIFFERS
