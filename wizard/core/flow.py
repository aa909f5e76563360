"""The flow as data: the steps, their order, the branch on the kind of pass, and what completes each step.

Qt-free. The window asks `next_step` for QWizard's nextId and `missing` for each page's isComplete, so every
rule lives here once and is tested without a display.
"""
from __future__ import annotations

from wizard.core.entdata import load_ent
from wizard.core.i18n import tr, tr_noop
from wizard.core.progress import analysis_is_current


class Step:
    """One step of the flow. A plain class: a dataclass or a NamedTuple generates its code at every start, 3 ms
    and 0.5 ms of it (bench/startup.py)."""

    __slots__ = ("id", "part", "title", "recurrence")

    def __init__(self, id: str, part: int, title: str, recurrence: str):  # noqa: A002 - the step's id
        self.id = id
        self.part = part  # 0 welcome, 1 ENT service, 2 pronote.net, 3 identifiers, 4 end
        self.title = title
        # "always" | "once" (parts 1–2, for the life of the interconnection) | "each_import"
        self.recurrence = recurrence


STEPS: tuple[Step, ...] = (
    Step("accueil", 0, tr_noop("Bienvenue"), "always"),
    Step("etablissement", 0, tr_noop("Votre établissement"), "always"),
    Step("ent_service", 1, tr_noop("Créer le service PRONOTE dans l'ENT"), "once"),
    Step("ent_acces", 1, tr_noop("Donner l'accès au service à chaque profil"), "once"),
    Step("pronote_net_avertissement", 2, tr_noop("Avant de basculer pronote.net"), "once"),
    Step("pronote_net", 2, tr_noop("Basculer pronote.net vers {ent_name}"), "once"),
    Step("export_mode", 3, tr_noop("Import complet ou partiel"), "each_import"),
    Step("export_pronote", 3, tr_noop("Exporter les identifiants depuis PRONOTE"), "each_import"),
    Step("fichier", 3, tr_noop("Vérifier le fichier des identifiants"), "each_import"),
    Step("import_ent", 3, tr_noop("Importer le fichier dans l'ENT"), "each_import"),
    Step("rapprochement", 3, tr_noop("Rapprocher les comptes"), "each_import"),
    Step("fin", 4, tr_noop("Terminé"), "always"),
)
STEP_IDS = tuple(step.id for step in STEPS)
BY_ID = {step.id: step for step in STEPS}
PART_NAMES = {1: tr_noop("Partie 1 – Service PRONOTE dans l'ENT"), 2: tr_noop("Partie 2 – pronote.net"),
              3: tr_noop("Partie 3 – Identifiants")}


def checklist(step_id: str, mode: str | None) -> list[dict]:
    """The actions of a step as ticks, those depending on the mode filtered by it (export checkbox, import mode)."""
    ent = load_ent()
    return [{**item, "text": tr(item["text"]).format(**ent.words)} for item in ent.checklists.get(step_id, [])
            if "modes" not in item or (mode or "complet") in item["modes"]]


def title(step_id: str) -> str:
    return tr(BY_ID[step_id].title).format(**load_ent().words)


def part_name(part: int) -> str:
    return tr(PART_NAMES[part])


def next_step(step_id: str, school: dict) -> str | None:
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


def parts_1_2_skipped(school: dict) -> bool:
    connection = school["connection"]
    return bool(school["setup_finished_at"]) or bool(connection and connection["how"] == "already_in_place")


def route(school: dict) -> list[str]:
    """Every step of this school's path, from the welcome page to « Terminé » (the side panel lists them)."""
    steps = ["accueil"]
    while (following := next_step(steps[-1], school)) is not None:
        steps.append(following)
    return steps


def path_to(target: str, school: dict) -> list[str]:
    """The steps from the welcome page to `target`, as the admin walked them (to rebuild Back on resume)."""
    path = ["accueil"]
    while path[-1] != target:
        following = next_step(path[-1], school)
        if following is None:
            return ["accueil"]  # target not on this school's path (e.g. a step skipped since): start over
        path.append(following)
    return path


def ticks_missing(step_id: str, school: dict) -> list[dict]:
    ticks = school["ticks"].get(step_id, {})
    return [item for item in checklist(step_id, school["cycle"]["mode"]) if not ticks.get(item["id"])]


def missing(step_id: str, school: dict) -> str:
    """Why the step is not complete yet, as one French sentence; "" when it is complete."""
    rule = _RULES.get(step_id)
    return rule(school) if rule else ""


_PLACES = {"ENT": tr_noop("l'ENT"), "PRONOTE": "PRONOTE", "pronote.net": "pronote.net"}


def _ticks_rule(step_id: str, place: str):
    def rule(school: dict) -> str:
        what = tr(_PLACES[place])
        left = ticks_missing(step_id, school)
        if not left:
            return ""
        template = tr("Cochez chaque action une fois faite dans {what} ({n} restante).") if len(left) == 1 else \
            tr("Cochez chaque action une fois faite dans {what} ({n} restantes).")
        return template.format(what=what, n=len(left))
    return rule


def _school_rule(school: dict) -> str:
    # The checks (urllib, ipaddress, their patterns) load with the school page, not with the first page.
    from wizard.core.school import check_ent_site, check_uai, normalise_pronote_url

    identity = school["identity"]
    uai = check_uai(identity["uai"])
    if not uai.ok:
        return uai.message
    url = normalise_pronote_url(identity["pronote_url"])
    if not url.ok:
        return url.message
    ent = check_ent_site(identity["ent_site_url"])
    return "" if ent.ok else ent.message


def _warning_rule(school: dict) -> str:
    if school["ticks"].get("pronote_net_avertissement", {}).get("compris"):
        return ""
    return tr("Cochez la case confirmant que vous avez compris les conséquences de la bascule.")


def _pronote_net_rule(school: dict) -> str:
    left = _ticks_rule("pronote_net", "pronote.net")(school)
    if left:
        return left
    if school["connection"]:
        return ""
    return tr("Vérifiez la délégation au serveur PRONOTE, ou confirmez-la vous-même si la vérification est impossible.")


def _mode_rule(school: dict) -> str:
    return "" if school["cycle"]["mode"] in ("complet", "partiel") else tr("Choisissez un import complet ou partiel.")


def _file_rule(school: dict) -> str:
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


def _import_rule(school: dict) -> str:
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
