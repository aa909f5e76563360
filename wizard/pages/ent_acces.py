"""Part 1: « Accès population », one access per profile, then « Valider »."""
from __future__ import annotations

from wizard.pages.base import ChecklistPage, notice, paragraph
from wizard.school import identity_values
from wizard.i18n import tr, tr_noop


class EntAccesPage(ChecklistPage):
    step_id = "ent_acces"
    intro = (
        tr_noop("Toujours dans le formulaire du service, donnez l'accès à chacun des cinq profils. Oublier le profil "
        "« Parent » est l'erreur la plus courante : les familles ne verraient pas PRONOTE.")
    )

    def build_extra(self) -> None:
        self.body.addWidget(paragraph(tr("Le récapitulatif des droits d'accès doit alors montrer ces cinq lignes :")))
        # Shown exactly as the ENT writes it, in the ENT's language, so the admin can compare line by line.
        self.summary = notice("", "info")
        self.summary.setObjectName("ent_verbatim_summary")
        self.summary.setStyleSheet(self.summary.styleSheet() + " QLabel { font-family: monospace; }")
        self.body.addWidget(self.summary)

    def load(self) -> None:
        super().load()
        values = identity_values(self.progress.identity)
        school = (values["name"] or tr("VOTRE ÉTABLISSEMENT")).upper()
        uai = values["uai"] or "UAI"
        profiles = self.ent.summary_profiles  # as the ENT's summary writes them (« Eleve », without accent)
        lines = "\n".join(f"{school} ({uai})   {p}   {self.ent.access_role}" for p in profiles)
        self.summary.setText(lines)
