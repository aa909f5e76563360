"""Part 2, before switching: what breaks, when to do it (date-aware), what is not affected."""
from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QCheckBox

from wizard.core.dates import day
from wizard.core.i18n import tr
from wizard.core.schoolyear import is_pre_rentree
from wizard.pages.base import StepPage, notice, paragraph, wrapping_check


class PronoteNetAvertissementPage(StepPage):
    step_id = "pronote_net_avertissement"
    today = staticmethod(date.today)  # replaced in tests to check both seasons

    def build(self) -> None:
        words = self.ent.words
        self.body.addWidget(paragraph(
            tr("La partie 2 branche votre serveur PRONOTE sur {ent_name}. Dès la publication :").format(**words)))
        effects = []
        if self.ent.previous_ent:  # only an ENT that replaced another names it; a first ENT has no « ancien ENT »
            effects.append(tr("• si votre établissement passait jusqu'ici par {previous_ent}, celui-ci ne peut plus "
                              "ouvrir PRONOTE sans une seconde authentification ;").format(**words))
        effects.append(tr("• élèves, parents et personnels ouvrent PRONOTE depuis {ent_name} (ou se connectent à "
                          "PRONOTE avec leurs identifiants de l'ENT : ATEN pour les élèves et les parents, ARENA pour "
                          "les personnels).").format(**words))
        self.body.addWidget(notice("\n".join(effects), "warning"))
        self.body.addWidget(notice(
            tr("Ce qui ne change pas : le client PRONOTE (le logiciel installé) garde ses propres identifiants "
               "PRONOTE, et la partie 1 déjà faite dans l'ENT reste valable."), "info"))
        self.season = notice("", "warning", "season")
        self.body.addWidget(self.season)
        self.ack = QCheckBox(tr("J'ai compris : je bascule maintenant, en connaissance de cause."))
        self.ack.setObjectName("ack")
        self.ack.setAccessibleName(tr("J'ai compris les conséquences de la bascule de pronote.net"))
        self.ack.toggled.connect(lambda on: self.progress.tick(self.step_id, "compris", on))
        self.body.addWidget(wrapping_check(self.ack))

    def load(self) -> None:
        today = self.today()
        if is_pre_rentree(today):
            self.season.show_message(tr("Nous sommes dans la période de la pré-rentrée : c'est le bon moment pour "
                                        "basculer."), "ok")
        else:
            self.season.show_message(tr(
                "Attention : nous sommes le {today}, en dehors de la pré-rentrée. Basculer en cours d'année "
                "change du jour au lendemain la façon dont tout le monde ouvre PRONOTE. Sauf décision de la direction "
                "et information des familles, attendez la pré-rentrée (de mi-août à mi-septembre) ; vous pouvez "
                "quitter l'assistant et reprendre plus tard.").format(today=day(today)), "warning")
        self.ack.setChecked(self.progress.ticked(self.step_id, "compris"))
