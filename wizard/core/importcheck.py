"""The ENT's reported import count read against the analysed file and the import history (figures.py says what it
means), in the sentences the import page shows."""
from __future__ import annotations

from typing import NamedTuple

from wizard.core.entdata import load_ent
from wizard.core.figures import BATCH, DIFFERS, RUNNING_TOTAL, ent_total, figure_kind, file_total  # noqa: F401
from wizard.core.figures import finding_count as _count
from wizard.core.i18n import tr


class Reading(NamedTuple):
    """What the ENT's figure means, with the level and the sentences the import page shows."""

    kind: str | None  # BATCH, RUNNING_TOTAL, DIFFERS, or None when nothing can be compared
    level: str
    text: str


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
    return load_ent().import_modes["partiel" if mode == "partiel" else "complet"]
