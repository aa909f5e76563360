"""The flow: the steps' order for each school, the branch on the kind of pass, the school page's question
« already in place? », and what completes each step (the steps themselves are data in steps.py).

Qt-free. The window asks `next_step` for QWizard's nextId and `missing` for each page's isComplete, so every
rule lives here once and is tested without a display.
"""
from __future__ import annotations

from typing import NamedTuple

from wizard.core.document import School
from wizard.core.entdata import load_ent
from wizard.core.i18n import tr, tr_noop
from wizard.core.outcomes import DELEGATED, PRONOTE_OUTCOMES
from wizard.core.progress import analysis_is_current, completed_at, declaration_allowed, ticks_of
from wizard.core.school import check_ent_site, check_uai, normalise_pronote_url
from wizard.core.schoolname import DIFFERENT, compare
from wizard.core.steps import BY_ID, PART_NAMES, STEP_IDS


def checklist(step_id: str, mode: str | None) -> list[dict]:
    """The actions of a step as ticks, those depending on the mode filtered by it (export checkbox, import mode)."""
    ent = load_ent()
    return [{**item, "text": tr(item["text"]).format(**ent.words)} for item in ent.checklists.get(step_id, [])
            if "modes" not in item or (mode or "complet") in item["modes"]]


def title(step_id: str) -> str:
    return tr(BY_ID[step_id].title).format(**load_ent().words)


def part_name(part: int) -> str:
    return tr(PART_NAMES[part])


def next_step(step_id: str, school: School) -> str | None:
    """The step after `step_id` for this school, or None after « fin».

    Parts 1 and 2 (done once) are skipped once the first walk is finished, and from the start when the school
    page found the interconnection already in place (most schools were connected years ago and come for part 3).
    A partial pass goes from the welcome page straight to part 3; a new school year passes by the school page
    (the PRONOTE version changes every year and the ENT service shows it).
    """
    if step_id == "fin":
        return None
    index = STEP_IDS.index(step_id)
    candidate = STEP_IDS[index + 1]
    if parts_1_2_skipped(school):
        if step_id == "accueil" and school["cycle"]["kind"] == "partiel":
            return "export_mode"
        while BY_ID[candidate].recurrence == "once":
            candidate = STEP_IDS[STEP_IDS.index(candidate) + 1]
    return candidate


def parts_1_2_skipped(school: School) -> bool:
    connection = school["connection"]
    return bool(school["setup_finished_at"]) or bool(connection and connection["how"] == "already_in_place")


# The school page's answers to « is the interconnection already in place? ».
ALREADY, DECLARED, FULL_WALK = "already", "declared", "full_walk"


class Triage(NamedTuple):
    offered: tuple[str, ...]  # the answers the page shows, the recommended one first
    chosen: str | None  # the one selected; None: the admin chooses (the server's own name is another school's)


def triage(school: School, outcome: str | None = None, server_name: str = "") -> Triage | None:
    """What the school page asks after a check of the server's address that ended in `outcome` (None: on coming
    back to the page, from what is saved); None when there is nothing to ask.

    A server that delegates to the ENT proves parts 1–2 in place: straight to part 3 is recommended (the whole
    walk stays offered, and stays chosen if the admin chose it) – unless it names itself as another school than
    the one typed (`server_name`, schoolname.compare): then nothing is chosen for the admin. A check that could not
    tell (nothing read, an answer that is not PRONOTE's, an error, a redirection) leaves it to the admin's word:
    « déclaré » or the whole walk. Once the first walk is over there is nothing to choose."""
    if school["setup_finished_at"]:
        return None
    connection = school["connection"]
    in_place = bool(connection and connection["how"] == "already_in_place")
    if outcome == DELEGATED or (outcome is None and in_place and connection["verified"]):
        if school["restart_from_part_1"]:
            return Triage((ALREADY, FULL_WALK), FULL_WALK)
        if outcome == DELEGATED and server_name_differs(school, server_name):
            return Triage((ALREADY, FULL_WALK), None)
        return Triage((ALREADY, FULL_WALK), ALREADY)
    if (outcome is not None and outcome not in PRONOTE_OUTCOMES) or (outcome is None and in_place):
        return Triage((DECLARED, FULL_WALK), DECLARED if in_place else FULL_WALK)
    return None


def server_name_differs(school: School, server_name: str | None) -> bool:
    """The server names itself clearly as another school than the one typed (a wrong address, perhaps)."""
    return compare(school["identity"]["name"], server_name or "") == DIFFERENT


def route(school: School) -> list[str]:
    """Every step of this school's path, from the welcome page to « Terminé » (the side panel lists them)."""
    steps = ["accueil"]
    while (following := next_step(steps[-1], school)) is not None:
        steps.append(following)
    return steps


def path_to(target: str, school: School) -> list[str]:
    """The steps from the welcome page to `target`, as the admin walked them (to rebuild Back on resume)."""
    path = ["accueil"]
    while path[-1] != target:
        following = next_step(path[-1], school)
        if following is None:
            return ["accueil"]  # target not on this school's path (e.g. a step skipped since): start over
        path.append(following)
    return path


def step_done(step_id: str, school: School) -> bool:
    """The admin went past this step complete (in the current pass, for a step of part 3)."""
    return completed_at(school, step_id) is not None


def ticks_missing(step_id: str, school: School) -> list[dict]:
    ticks = ticks_of(school, step_id)
    return [item for item in checklist(step_id, school["cycle"]["mode"]) if not ticks.get(item["id"])]


def missing(step_id: str, school: School) -> str:
    """Why the step is not complete yet, as one French sentence; "" when it is complete."""
    rule = _RULES.get(step_id)
    return rule(school) if rule else ""


_PLACES = {"ENT": tr_noop("l'ENT"), "PRONOTE": "PRONOTE", "pronote.net": "pronote.net"}


def _ticks_rule(step_id: str, place: str):
    def rule(school: School) -> str:
        what = tr(_PLACES[place])
        left = ticks_missing(step_id, school)
        if not left:
            return ""
        template = tr("Cochez chaque action une fois faite dans {what} ({n} restante).") if len(left) == 1 else \
            tr("Cochez chaque action une fois faite dans {what} ({n} restantes).")
        return template.format(what=what, n=len(left))
    return rule


def _school_rule(school: School) -> str:
    identity = school["identity"]
    uai = check_uai(identity["uai"])
    if not uai.ok:
        return uai.message
    url = normalise_pronote_url(identity["pronote_url"])
    if not url.ok:
        return url.message
    ent = check_ent_site(identity["ent_site_url"])
    return "" if ent.ok else ent.message


def _warning_rule(school: School) -> str:
    if ticks_of(school, "pronote_net_avertissement").get("compris"):
        return ""
    return tr("Cochez la case confirmant que vous avez compris les conséquences de la bascule.")


def _pronote_net_rule(school: School) -> str:
    left = _ticks_rule("pronote_net", "pronote.net")(school)
    if left:
        return left
    if school["connection"]:
        return ""
    if not declaration_allowed(school):
        return tr("Le serveur PRONOTE a répondu sans déléguer l'authentification à {ent_name} : vérifiez la "
                  "configuration et la publication dans pronote.net, puis vérifiez à nouveau la "
                  "délégation.").format(**load_ent().words)
    return tr("Vérifiez la délégation au serveur PRONOTE, ou confirmez-la vous-même si la vérification est impossible.")


def _mode_rule(school: School) -> str:
    return "" if school["cycle"]["mode"] in ("complet", "partiel") else tr("Choisissez un import complet ou partiel.")


def _file_rule(school: School) -> str:
    cycle = school["cycle"]
    if not cycle["file"]:
        return tr("Choisissez le fichier des identifiants exporté depuis PRONOTE.")
    if not analysis_is_current(cycle):
        return tr("Le fichier doit être analysé avant de continuer.")
    analysis = cycle["analysis"]
    if analysis["errors"]:
        return tr("Le fichier contient des erreurs bloquantes : corrigez l'export dans PRONOTE puis choisissez le "
                  "nouveau fichier.")
    if analysis["warnings"] and not cycle["warnings_read"]:
        return tr("Cochez « J'ai lu les avertissements » pour continuer.")
    return ""


def _import_rule(school: School) -> str:
    left = _ticks_rule("import_ent", "ENT")(school)
    if left:
        return left
    if school["cycle"]["reported_count"] is None:
        return tr("Saisissez le nombre d'identifiants que l'ENT annonce avoir importés.")
    return ""


_RULES = {
    "etablissement": _school_rule,
    "ent_service": _ticks_rule("ent_service", "ENT"),
    "ent_acces": _ticks_rule("ent_acces", "ENT"),
    "pronote_net_avertissement": _warning_rule,
    "pronote_net": _pronote_net_rule,
    "export_mode": _mode_rule,
    "export_pronote": _ticks_rule("export_pronote", "PRONOTE"),
    "fichier": _file_rule,
    "import_ent": _import_rule,
    "rapprochement": _ticks_rule("rapprochement", "ENT"),
}
