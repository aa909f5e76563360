"""The ENT's reported import count read against the analysed file and the import history, and the history entry
an import leaves.

After a full import the ENT's figure is the number of identifiers it imported: the file's people. After a partial
import the tutorial's own screenshots show the same figure as after the full one (« 1575 identifiant(s) Pronote
importé(s) » at 08:39 in mode Complet, then at 15:01 in mode Partiel, DOMAIN.md): the report may give the ENT's
running total rather than the batch. Neither is confirmed, so both are read for what they are:
- BATCH: the figure is this file's people (the batch);
- RUNNING_TOTAL: it is the ENT's total after the last import plus this file's people;
- DIFFERS: neither; the admin is told both readings and what would explain the gap.
"""
from __future__ import annotations

from wizard.core.dates import now_iso
from wizard.core.i18n import tr, tr_noop

BATCH, RUNNING_TOTAL, DIFFERS = "batch", "running_total", "differs"

_READING_PHRASES = {
    BATCH: tr_noop("le nombre de personnes de ce fichier"),
    RUNNING_TOTAL: tr_noop("son total après cet import"),
    DIFFERS: tr_noop("ni le nombre du fichier, ni le total attendu"),
}


class Reading:
    """What the ENT's figure means (`kind`: BATCH, RUNNING_TOTAL, DIFFERS, or None when nothing can be compared),
    with the level and the sentences the import page shows. A plain class (see status.Row)."""

    __slots__ = ("kind", "level", "text")

    def __init__(self, kind: str | None, level: str, text: str):
        self.kind, self.level, self.text = kind, level, text

    def __repr__(self) -> str:
        return f"Reading({self.kind!r}, {self.level!r}, {self.text!r})"


def file_total(analysis: dict | None) -> int:
    return int((analysis or {}).get("counts", {}).get("total", 0))


def _count(analysis: dict, code: str) -> int:
    # The exact count: the findings themselves are listed only up to the reader's cap per code.
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
    already = _count(analysis, "deja_importe") if mode == "partiel" else 0
    if reported in {people, people - already}:
        return BATCH
    before = ent_total(history) if mode == "partiel" else None
    if before and reported in {before + people, before + people - already}:
        return RUNNING_TOTAL
    return DIFFERS


def read_figure(analysis: dict | None, reported: int, mode: str | None, history: list[dict]) -> Reading:
    """The ENT's figure `reported` for this pass's file, `history` being the imports before this pass: its
    meaning, and the sentences that say it."""
    if not analysis:
        return Reading(None, "warning", tr("Le fichier n'a pas été analysé : l'assistant ne peut pas comparer ce "
                                           "nombre."))
    kind = figure_kind(analysis, reported, mode, history)
    people = file_total(analysis)
    if kind == BATCH:
        if reported == people:
            text = tr("L'ENT a importé {reported} identifiant(s) : c'est exactement le nombre de personnes du "
                      "fichier.").format(reported=reported)
        else:
            text = tr("L'ENT a importé {reported} identifiant(s) : les personnes du fichier, moins les {already} "
                      "déjà importée(s) lors d'un import précédent.").format(
                reported=reported, already=people - reported)
        return Reading(BATCH, "ok", text)
    if mode != "partiel":
        return Reading(DIFFERS, "warning", _gap(analysis, reported, people, mode))
    before = ent_total(history)
    if kind == RUNNING_TOTAL:
        return Reading(RUNNING_TOTAL, "ok", tr(
            "L'ENT annonce {reported} : c'est son total après cet import ({before} au dernier import, plus les "
            "{added} personne(s) de ce fichier). L'ENT donne ici le total de ses identifiants, pas le seul import "
            "partiel : le nombre est cohérent.").format(reported=reported, before=before, added=reported - before))
    readings = tr("Ce nombre n'est ni celui des personnes du fichier ({people}), si l'ENT compte ce seul "
                  "import, ").format(people=people)
    if before:
        readings += tr("ni le total attendu ({before} au dernier import + {people} = {expected}), si l'ENT donne "
                       "son total.").format(before=before, people=people, expected=before + people)
    else:
        readings += tr("ni un total que l'assistant puisse vérifier, si l'ENT donne son total : le total de l'ENT "
                       "après le dernier import n'est pas connu.")
    return Reading(DIFFERS, "warning", tr("L'ENT annonce {reported}. ").format(reported=reported) + readings + " "
                   + _gap(analysis, reported, people, mode, said=True))


def _gap(analysis: dict, reported: int, people: int, mode: str | None, said: bool = False) -> str:
    """Why the ENT's figure may differ from the file's people, from what the file showed."""
    if reported < people:
        reasons = []
        missing = _count(analysis, "identifiant_manquant")
        duplicates = _count(analysis, "identifiant_duplique")
        if missing:
            reasons.append(tr("{missing} personne(s) sans identifiant dans le fichier, "
                              "que l'ENT ignore").format(missing=missing))
        if duplicates:
            reasons.append(tr("{duplicates} identifiant(s) en double, "
                              "comptés une seule fois").format(duplicates=duplicates))
        gap = people - reported
        if reasons:
            return tr("L'ENT annonce {gap} identifiant(s) de moins que le fichier ({total}). "
                      "Explications possibles : ").format(gap=gap, total=people) + " ; ".join(reasons) + "."
        if said:
            return tr("Vérifiez le mode d'import choisi dans l'ENT et consultez le bilan d'import.")
        return tr("L'ENT annonce {gap} identifiant(s) de moins que le fichier ({total}) sans raison visible dans le "
                  "fichier : vérifiez le mode d'import choisi dans l'ENT et consultez le bilan "
                  "d'import.").format(gap=gap, total=people)
    if said:
        return tr("Vérifiez que vous avez importé le fichier analysé à l'étape précédente, en mode « {mode} », puis "
                  "consultez le bilan d'import.").format(mode=_mode_label(mode))
    return tr("L'ENT annonce plus d'identifiants ({reported}) que le fichier n'en contient ({total}) : vérifiez que "
              "vous avez importé le fichier analysé à l'étape précédente, et non un ancien export.").format(
        reported=reported, total=people)


def _mode_label(mode: str | None) -> str:
    from wizard.core.entdata import load_ent

    return load_ent().import_modes["partiel" if mode == "partiel" else "complet"]


def history_entry(cycle: dict, history: list[dict], date: str | None = None) -> dict:
    """What an import leaves in the history: the date, the ENT's figure and what it meant, the file's counts,
    keyed hashes of the ids. `history`: the imports before this pass; `date`: kept when the entry is a correction
    of this pass's own (the import happened then)."""
    analysis = cycle["analysis"] or {}
    reading = figure_kind(analysis, cycle["reported_count"], cycle["mode"], history) if analysis else None
    return {
        "date": date or now_iso(),
        "cycle": cycle["id"],
        "mode": cycle["mode"],
        "counts": analysis.get("counts", {}),
        "file_sha256": (cycle["file"] or {}).get("sha256"),
        "reported_count": cycle["reported_count"],
        "reading": reading,
        "export_date": analysis.get("export_date"),
        "id_hashes": analysis.get("id_hashes", []),
    }
