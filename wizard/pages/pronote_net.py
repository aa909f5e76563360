"""Part 2: switch the hosted console to mon ENT Occitanie, publish, then check the server delegates."""
from __future__ import annotations

from PySide6.QtWidgets import QCheckBox

from wizard.pages.base import ChecklistPage, notice, paragraph
from wizard.progress import now_iso


class PronoteNetPage(ChecklistPage):
    step_id = "pronote_net"
    intro = "Dans la console d'administration pronote.net (hébergement de votre serveur PRONOTE) :"

    def build_extra(self) -> None:
        self.body.addWidget(paragraph(
            "Après « Publier la base », votre serveur PRONOTE doit confier l'authentification au serveur CAS de "
            f"mon ENT Occitanie ({self.ent.cas_host})."
        ))
        self.build_probe()
        self.manual = QCheckBox(
            "Je ne peux pas faire vérifier le serveur par l'assistant : je confirme moi-même que la base a été "
            "publiée avec la configuration « mon ENT Occitanie » (ce sera noté « non vérifié »)."
        )
        self.manual.setObjectName("manual_confirmation")
        self.manual.setAccessibleName("Confirmation manuelle de la publication, non vérifiée")
        self.manual.toggled.connect(self._manual)
        self.body.addWidget(_wrap(self.manual))
        self.body.addWidget(notice(
            "Les parties 1 et 2 ne se font qu'une seule fois, pour toute la durée de l'interconnexion. "
            "Les prochaines fois, l'assistant vous mènera directement à la partie 3 (import des identifiants).",
            "info",
        ))

    def build_probe(self) -> None:
        """The live delegation check (issue 4) attaches here."""

    def load(self) -> None:
        super().load()
        self.manual.setChecked(bool(self.progress.field(self.step_id, "confirmation_manuelle")))

    def _manual(self, on: bool) -> None:
        self.progress.set_field(self.step_id, "confirmation_manuelle", on)
        if on and not self.progress.field(self.step_id, "delegation_verifiee"):
            self.progress.add_server_check({
                "date": now_iso(), "kind": "delegation", "outcome": "manual", "verified": False,
                "message": "Publication confirmée à la main (non vérifié).",
            })
        self.changed()


def _wrap(box: QCheckBox):
    from wizard.pages.base import _WrappingCheck

    box.setAccessibleName(box.accessibleName() or box.text())
    return _WrappingCheck(box)
