"""The ENT's reported import count against the analysed file."""
from __future__ import annotations

from wizard.core.i18n import tr


def file_total(analysis: dict | None) -> int:
    return int((analysis or {}).get("counts", {}).get("total", 0))


def _count(analysis: dict, code: str) -> int:
    # The exact count: the findings themselves are listed only up to the reader's cap per code.
    return analysis["finding_counts"].get(code, 0)


def explain_count(analysis: dict | None, reported: int, mode: str | None) -> tuple[str, str]:
    """(level, one or two French sentences) comparing the ENT's figure with the file's."""
    if not analysis:
        return "warning", tr("Le fichier n'a pas été analysé : l'assistant ne peut pas comparer ce nombre.")
    total = file_total(analysis)
    if reported == total:
        return "ok", tr("L'ENT a importé {reported} identifiant(s) : c'est exactement le nombre de personnes "
                        "du fichier.").format(reported=reported)
    if reported < total:
        reasons = []
        missing = _count(analysis, "identifiant_manquant")
        duplicates = _count(analysis, "identifiant_duplique")
        already = _count(analysis, "deja_importe")
        if missing:
            reasons.append(tr("{missing} personne(s) sans identifiant dans le fichier, "
                              "que l'ENT ignore").format(missing=missing))
        if duplicates:
            reasons.append(tr("{duplicates} identifiant(s) en double, "
                              "comptés une seule fois").format(duplicates=duplicates))
        if mode == "partiel" and already:
            reasons.append(tr("{already} personne(s) déjà importée(s) lors d'un "
                              "import précédent").format(already=already))
        gap = total - reported
        if reasons:
            return "warning", tr("L'ENT annonce {gap} identifiant(s) de moins que le fichier ({total}). "
                                 "Explications possibles : ").format(gap=gap, total=total) + " ; ".join(reasons) + "."
        return "warning", (
            tr("L'ENT annonce {gap} identifiant(s) de moins que le fichier ({total}) sans raison visible dans le "
               "fichier : vérifiez le mode d'import choisi dans l'ENT et consultez le bilan d'import.")
            .format(gap=gap, total=total)
        )
    return "warning", (
        tr("L'ENT annonce plus d'identifiants ({reported}) que le fichier n'en contient ({total}) : vérifiez que "
           "vous avez importé le fichier analysé à l'étape précédente, et non un ancien export.")
        .format(reported=reported, total=total)
    )
