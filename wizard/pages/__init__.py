"""One page per step of the flow, in flow order."""
from __future__ import annotations


def build_pages(progress):
    from wizard.pages.accueil import AccueilPage
    from wizard.pages.ent_acces import EntAccesPage
    from wizard.pages.ent_service import EntServicePage
    from wizard.pages.etablissement import EtablissementPage
    from wizard.pages.export_mode import ExportModePage
    from wizard.pages.export_pronote import ExportPronotePage
    from wizard.pages.fichier import FichierPage
    from wizard.pages.fin import FinPage
    from wizard.pages.import_ent import ImportEntPage
    from wizard.pages.pronote_net import PronoteNetPage
    from wizard.pages.pronote_net_avertissement import PronoteNetAvertissementPage
    from wizard.pages.rapprochement import RapprochementPage

    classes = (
        AccueilPage, EtablissementPage, EntServicePage, EntAccesPage, PronoteNetAvertissementPage, PronoteNetPage,
        ExportModePage, ExportPronotePage, FichierPage, ImportEntPage, RapprochementPage, FinPage,
    )
    return [cls(progress) for cls in classes]
