"""The steps of the flow as data, written once: their ids, order, part, title and how often they recur.

Below everything that names a step: the saved document validates its step ids against `STEP_IDS`, the progress
clears a pass's steps, the flow orders them (`flow.py` holds the rules), the window and the pages are made from
them (each step's page is `wizard/pages/<id>.py`).
"""
from __future__ import annotations

from typing import Literal, NamedTuple

from wizard.core.i18n import tr_noop

Recurrence = Literal["always", "once", "each_import"]


class Step(NamedTuple):
    id: str
    part: int  # 0 welcome, 1 ENT service, 2 pronote.net, 3 identifiers, 4 end
    title: str  # French, translated where shown (flow.title)
    # "once": parts 1–2, for the life of the interconnection; "each_import": part 3, at every pass
    recurrence: Recurrence


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
    Step("echecs", 3, tr_noop("Suivre les échecs d'identification"), "each_import"),
    Step("fin", 4, tr_noop("Terminé"), "always"),
)
STEP_IDS = tuple(step.id for step in STEPS)
# The steps of a pass through part 3, and the end: their ticks and completion dates are the pass's own.
PASS_STEP_IDS = tuple(step.id for step in STEPS if step.part >= 3)
BY_ID = {step.id: step for step in STEPS}
PART_STEPS = {part: tuple(step.id for step in STEPS if step.part == part) for part in (1, 2, 3)}
PART_NAMES = {1: tr_noop("Partie 1 – Service PRONOTE dans l'ENT"), 2: tr_noop("Partie 2 – pronote.net"),
              3: tr_noop("Partie 3 – Identifiants")}
