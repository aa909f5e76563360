"""Part 3: « rapprochement des comptes » in the ENT for those the import did not match by itself."""
from __future__ import annotations

from wizard.core.i18n import tr_noop
from wizard.pages.checklist import ChecklistPage


class RapprochementPage(ChecklistPage):
    step_id = "rapprochement"
    intro = tr_noop("Après l'import, faites dans l'ENT les rapprochements de comptes nécessaires, profil par profil, "
                    "puis lisez le bilan d'import :")
    help_text = tr_noop("Quand les données d'un utilisateur dans l'ENT ne correspondent pas à celles de PRONOTE, "
                        "PRONOTE lui affiche « {pronote_failure_message} ». Ces échecs se résolvent dans PRONOTE : "
                        "{pronote_failures_menu} ; la page suivante dit où PRONOTE les compte.")

    def build_extra(self) -> None:
        from wizard.gui.matching_preview import MatchingPreview  # the matching loads with its page (DEVELOPING.md)

        self.preview = MatchingPreview(self)
        self.add_runner(self.preview.task)
        self.body.addWidget(self.preview)

    def load(self) -> None:
        super().load()
        # Names of one school never appear on another's page (another school chosen, or a new pass begun since).
        if self.preview.shown_for not in (None, self.progress.job_target()):
            self.preview.forget()
