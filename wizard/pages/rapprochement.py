"""Part 3: « rapprochement des comptes » in the ENT for those the import did not match by itself."""
from __future__ import annotations

from wizard.pages.base import ChecklistPage
from wizard.i18n import tr_noop


class RapprochementPage(ChecklistPage):
    step_id = "rapprochement"
    intro = (
        tr_noop("Après l'import, l'ENT relie lui-même la plupart des identifiants PRONOTE à ses comptes. Dans l'ENT, "
        "faites le rapprochement des comptes restants, profil par profil :")
    )
    help_text = (
        tr_noop("Un compte non rapproché ne pourra pas ouvrir PRONOTE depuis l'ENT : à sa première connexion, PRONOTE "
        "affichera « Identification impossible ». Ces échecs se corrigent aussi dans PRONOTE : Communication > "
        "Gestion des identités > Résolution des échecs d'interconnexion.")
    )

    def build_extra(self) -> None:
        self.build_matching()

    def build_matching(self) -> None:
        from wizard.pages.matching import MatchingPreview

        self.preview = MatchingPreview(self)
        self.body.addWidget(self.preview)
