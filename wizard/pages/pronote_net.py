"""Part 2: switch the hosted console to the ENT's configuration, publish, then check the server delegates."""
from __future__ import annotations

from PySide6.QtWidgets import QCheckBox

from wizard.core.dates import day
from wizard.core.document import ServerCheck
from wizard.core.i18n import tr, tr_noop
from wizard.core.outcomes import CAS_INACTIVE, DELEGATION, past_check_sentence, verdict_level
from wizard.core.progress import declaration_allowed, last_check
from wizard.gui.printables import PrintablesBox, notice_offer
from wizard.pages.base import notice, paragraph, wrapping_check
from wizard.pages.checklist import ChecklistPage


class PronoteNetPage(ChecklistPage):
    step_id = "pronote_net"
    intro = tr_noop("Dans la {hosting_console} de PRONOTE (l'hébergement de votre serveur PRONOTE) :")

    def build_extra(self) -> None:
        from wizard.gui.server_check import ServerCheck  # the network check loads with its page (docs/DEVELOPING.md)

        words = self.ent.words
        self.body.addWidget(paragraph(
            tr("Après « {hosting_publish} », votre serveur PRONOTE doit confier l'authentification au serveur CAS de "
               "{ent_name} ({ent_cas_host}). Vérifiez-le ici une fois la base publiée.").format(**words)))
        self.server = ServerCheck(tr("Vérifier la &délégation"), "delegation", self.progress)
        self.server.finished.connect(lambda _result: self._offer_manual())
        self.add_runner(self.server.task)
        self.body.addWidget(self.server)
        self.manual = QCheckBox(tr(
            "Je ne peux pas faire vérifier le serveur par l'assistant : je déclare moi-même que la base a été "
            "publiée avec la configuration « {pronote_net_configuration} » (ce sera noté « déclaré, non vérifié »).")
            .format(**words))
        self.manual.setObjectName("manual_confirmation")
        self.manual.toggled.connect(self._manual)
        self.manual_row = wrapping_check(self.manual)
        self.body.addWidget(self.manual_row)
        # Why the declaration cannot be ticked, when it cannot, and what to do: a greyed box always says why.
        self.manual_reason = notice("", "warning", "manual_confirmation_reason")
        self.manual_reason.setVisible(False)
        self.body.addWidget(self.manual_reason)
        self.body.addWidget(notice(
            tr("Les parties 1 et 2 ne se font qu'une seule fois, pour toute la durée de l'interconnexion. "
               "Les prochaines fois, l'assistant vous mènera directement à la partie 3 (import des identifiants)."),
            "info"))
        # The notice here too, at the top, before the steps: after « Publier la base » users log in another way,
        # so the admin tells them first (the last page offers it again, with the configuration record).
        self.printables = PrintablesBox(self.progress, tr(
            "Conseil : prévenez les familles et les personnels avant « {hosting_publish} ». La notice leur dit avec "
            "quels identifiants se connecter à {ent_name} et comment y ouvrir PRONOTE. La fiche de configuration "
            "est proposée à la dernière page de l'assistant.").format(**words),
            [notice_offer(save_text=tr("&Enregistrer la notice en PDF…"))],
            tr("Avant la publication : prévenir les familles et les personnels"))
        self.body.insertWidget(0, self.printables)

    def first_to_do(self):
        # The ticks, then nothing: neither « Vérifier la délégation » (a first Space would start a network
        # check) nor the declaration by hand (a first Space would record an unverified switch).
        return next((box for box in self.checklist.boxes.values() if not box.isChecked()), None)

    def load(self) -> None:
        super().load()
        check = last_check(self.progress.school, DELEGATION)
        if check and not self.server.running:
            self.server.message.show_message(past_check_sentence(check), verdict_level(check["outcome"], DELEGATION))
        elif not self.server.running:
            self.server.message.setVisible(False)  # no other school's verdict
        self._offer_manual()
        self.printables.load()

    def _offer_manual(self) -> None:
        """The declaration box follows the model: ticked while part 2 stands on the admin's word; offered only
        while the server has not been seen contradicting it (answering as PRONOTE without the delegation); gone
        once the server has shown the delegation – there is nothing left to declare."""
        school = self.progress.school
        connection = school["connection"]
        verified = bool(connection and connection["verified"])
        allowed = declaration_allowed(school)
        self.loading = True
        try:
            self.manual.setChecked(bool(connection and not verified))
            self.manual.setEnabled(allowed and not verified)
            self.manual_row.setVisible(not verified)
        finally:
            self.loading = False
        check = last_check(school, DELEGATION)
        if verified or allowed or check is None:
            self.manual_reason.setVisible(False)
            return
        self.manual_reason.show_message(tr(
            "Déclaration impossible pour l'instant : le {date}, le serveur PRONOTE a répondu sans déléguer "
            "l'authentification à {ent_name} ({seen}). Déclarer la bascule irait contre ce que montre le serveur. "
            "Dans pronote.net, vérifiez que la configuration « {pronote_net_configuration} » est choisie et que la "
            "base est publiée (« Publier la base »), puis cliquez à nouveau sur « Vérifier la délégation ».").format(
            date=day(check["date"]), seen=_seen(check), **self.ent.words), "warning")

    def _manual(self, on: bool) -> None:
        if not self.loading:
            self.progress.confirm_by_hand(on)


def _seen(check: ServerCheck) -> str:
    if check["outcome"] == CAS_INACTIVE:
        return tr("CAS inactif")
    return tr("CAS vers {cas_host}").format(cas_host=check["cas_host"] or "?")
