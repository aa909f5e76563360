"""Part 1: « Accès population », one access per profile, then « Valider »."""
from __future__ import annotations

from wizard.core.i18n import tr, tr_noop
from wizard.core.school import identity_values
from wizard.pages.base import notice, paragraph
from wizard.pages.checklist import ChecklistPage


class EntAccesPage(ChecklistPage):
    step_id = "ent_acces"
    intro = tr_noop("Toujours dans le formulaire du service, donnez l'accès à chacun des cinq profils. Conseil : "
                    "avant de valider, vérifiez que chaque profil, « Parent » compris, a sa ligne dans le "
                    "récapitulatif.")

    def build_extra(self) -> None:
        self.body.addWidget(paragraph(tr(
            "Le « {ent_access_summary} » doit alors montrer ces cinq lignes. L'ENT y écrit le nom de "
            "l'établissement à sa façon, par exemple « {school_label_example} » : comparez le code UAI "
            "entre parenthèses, le profil et le rôle de chaque ligne.").format(**self.ent.words)))
        # Shown as the ENT writes it, in the ENT's own words, so the admin can compare line by line.
        self.summary = notice("", "info", "ent_verbatim_summary")
        self.summary.setStyleSheet(self.summary.styleSheet() + " QLabel { font-family: monospace; }")
        self.body.addWidget(self.summary)

    def load(self) -> None:
        super().load()
        uai = identity_values(self.progress.identity)["uai"] or "UAI"
        target = "…"  # the ENT's own form of the school's name, which the assistant cannot know
        lines = "\n".join(f"{target} ({uai})   {profile}   {self.ent.access_role}"
                          for profile in self.ent.summary_profiles)
        self.summary.show_message(lines, "info")
