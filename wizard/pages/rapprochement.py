"""Part 3: « rapprochement des comptes » in the ENT for those the import did not match by itself."""
from __future__ import annotations

from wizard.core.i18n import tr_noop
from wizard.pages.base import ChecklistPage


class RapprochementPage(ChecklistPage):
    step_id = "rapprochement"
    intro = tr_noop("Après l'import, l'ENT relie lui-même la plupart des identifiants PRONOTE à ses comptes. Depuis "
                    "le bilan d'import (« Résultat d'import des identifiants Pronote »), faites le rapprochement des "
                    "comptes restants, profil par profil :")
    help_text = tr_noop("Un compte non rapproché ne pourra pas ouvrir PRONOTE depuis l'ENT : à sa première connexion, "
                        "PRONOTE affichera « Identification impossible ». Ces échecs se corrigent aussi dans PRONOTE : "
                        "Communication > Gestion des identités > Résolution des échecs d'interconnexion.")

    def build_extra(self) -> None:
        from wizard.gui.matching_preview import MatchingPreview  # the matching loads with its page (DEVELOPING.md)

        self.preview = MatchingPreview(self)
        self.add_runner(self.preview.task)
        self.body.addWidget(self.preview)
