"""One page per step of the flow, each in its own module, imported when the page is first needed."""
from __future__ import annotations

from importlib import import_module

PAGE_CLASSES = {
    "accueil": "accueil:AccueilPage",
    "etablissement": "etablissement:EtablissementPage",
    "ent_service": "ent_service:EntServicePage",
    "ent_acces": "ent_acces:EntAccesPage",
    "pronote_net_avertissement": "pronote_net_avertissement:PronoteNetAvertissementPage",
    "pronote_net": "pronote_net:PronoteNetPage",
    "export_mode": "export_mode:ExportModePage",
    "export_pronote": "export_pronote:ExportPronotePage",
    "fichier": "fichier:FichierPage",
    "import_ent": "import_ent:ImportEntPage",
    "rapprochement": "rapprochement:RapprochementPage",
    "echecs": "echecs:EchecsPage",
    "fin": "fin:FinPage",
}


def build_page(step_id: str, progress):
    module, name = PAGE_CLASSES[step_id].split(":")
    return getattr(import_module(f"wizard.pages.{module}"), name)(progress)
