"""Part 2: switch the hosted console to mon ENT Occitanie, publish, then check the server delegates."""
from __future__ import annotations

from PySide6.QtWidgets import QCheckBox

from wizard.pages.base import ChecklistPage, notice, paragraph
from wizard.pages.server_check import ServerCheck
from wizard.progress import now_iso
from wizard.servercheck import delegation_verdict, last_delegation, record_probe
from wizard.i18n import tr, tr_noop


class PronoteNetPage(ChecklistPage):
    step_id = "pronote_net"
    intro = tr_noop("Dans la console d'administration pronote.net (hébergement de votre serveur PRONOTE) :")

    def build_extra(self) -> None:
        self.body.addWidget(paragraph(
            tr("Après « Publier la base », votre serveur PRONOTE doit confier l'authentification au serveur CAS de mon ENT Occitanie ({cas_host}).").format(cas_host=self.ent.cas_host)
        ))
        self.build_probe()
        self.manual = QCheckBox(
            tr("Je ne peux pas faire vérifier le serveur par l'assistant : je confirme moi-même que la base a été "
            "publiée avec la configuration « mon ENT Occitanie » (ce sera noté « non vérifié »).")
        )
        self.manual.setObjectName("manual_confirmation")
        self.manual.setAccessibleName(tr("Confirmation manuelle de la publication, non vérifiée"))
        self.manual.toggled.connect(self._manual)
        self.body.addWidget(_wrap(self.manual))
        self.body.addWidget(notice(
            tr("Les parties 1 et 2 ne se font qu'une seule fois, pour toute la durée de l'interconnexion. "
            "Les prochaines fois, l'assistant vous mènera directement à la partie 3 (import des identifiants)."),
            "info",
        ))

    def build_probe(self) -> None:
        self.server = ServerCheck(tr("Vérifier la &délégation"), lambda: self.progress.identity.get("pronote_url", ""),
                                  self.ent.cas_host)
        self.server.started.connect(self.changed)
        self.server.finished.connect(self._probed)
        self.body.addWidget(self.server)

    def _probed(self, result) -> None:
        if result is None:
            self.changed()
            return
        record_probe(self.progress, "delegation", result)
        level, text = delegation_verdict(result, self.ent.name)
        self.progress.set_field(self.step_id, "delegation_verifiee", level == "ok")
        self.server.show_message(text, level)
        self._offer_manual(not (result.is_pronote and not result.delegated_to_ent))
        self.changed()

    def _offer_manual(self, allowed: bool) -> None:
        """A server seen answering without the delegation cannot be confirmed by hand: that would record a
        switch the server itself contradicts. Unreachable or never checked, the admin may confirm."""
        self.manual.setEnabled(allowed)
        if not allowed and self.manual.isChecked():
            self.manual.setChecked(False)

    def isComplete(self) -> bool:
        return not (self.built and self.server.running) and super().isComplete()

    def load(self) -> None:
        super().load()
        self.manual.setChecked(bool(self.progress.field(self.step_id, "confirmation_manuelle")))
        check = last_delegation(self.progress.school)
        if check and check.get("outcome") != "manual":
            self.server.show_message(check.get("message", ""), "ok" if check.get("verified") else "warning")
            self._offer_manual(check.get("outcome") not in ("cas_inactive", "cas_other"))

    def _manual(self, on: bool) -> None:
        self.progress.set_field(self.step_id, "confirmation_manuelle", on)
        if on and not self.progress.field(self.step_id, "delegation_verifiee"):
            self.progress.add_server_check({
                "date": now_iso(), "kind": "delegation", "outcome": "manual", "verified": False,
                "message": tr("Publication confirmée à la main (non vérifié)."),
            })
        self.changed()


def _wrap(box: QCheckBox):
    from wizard.pages.base import _WrappingCheck

    box.setAccessibleName(box.accessibleName() or box.text())
    return _WrappingCheck(box)
