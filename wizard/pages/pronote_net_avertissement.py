"""Part 2, before switching: what breaks, when to do it (date-aware), what is not affected."""
from __future__ import annotations

from PySide6.QtWidgets import QCheckBox

from wizard.core import dates
from wizard.core.dates import day
from wizard.core.i18n import tr
from wizard.core.schoolyear import is_pre_rentree
from wizard.pages.base import StepPage, notice, paragraph, wrapping_check


class PronoteNetAvertissementPage(StepPage):
    step_id = "pronote_net_avertissement"

    def build(self) -> None:
        words = self.ent.words
        self.body.addWidget(paragraph(
            tr("La partie 2 confie l'authentification de votre serveur PRONOTE à {ent_name}. Dès la publication :")
            .format(**words)))
        effects = []
        if self.ent.previous_ent:  # only an ENT that replaced another names it; a first ENT has no « ancien ENT »
            effects.append(tr("• si votre établissement passait jusqu'ici par {previous_ent}, celui-ci ne peut plus "
                              "ouvrir PRONOTE sans une seconde authentification ;").format(**words))
        effects.append(tr("• si la console d'hébergement était réglée pour un autre ENT, ce réglage est remplacé : "
                          "la console prévient que les paramètres renseignés seront supprimés ;"))
        effects.append(tr("• élèves, parents et personnels ouvrent PRONOTE depuis {ent_name}, ou à l'adresse de "
                          "PRONOTE avec leurs identifiants de l'ENT : pour les élèves et les parents, "
                          "{login_pupils_parents} ; pour les personnels de l'Éducation nationale, {login_staff}.")
                       .format(**words))
        self.body.addWidget(notice("\n".join(effects), "warning"))
        self.body.addWidget(notice(
            tr("Ce qui ne change pas : le client PRONOTE (le logiciel installé) garde ses propres identifiants "
               "PRONOTE."), "info"))
        self.season = notice("", "warning", "season")
        self.body.addWidget(self.season)
        self.ack = QCheckBox(tr("J'ai compris : je bascule maintenant, en connaissance de cause."))
        self.ack.setObjectName("ack")
        self.ack.toggled.connect(lambda on: self.progress.tick(self.step_id, "compris", on))
        self.body.addWidget(wrapping_check(self.ack))

    def load(self) -> None:
        today = dates.today()
        if is_pre_rentree(today):
            self.season.show_message(tr("Nous sommes le {today}, près de la rentrée. Conseil : c'est un bon moment "
                                        "pour basculer, tout le monde découvre le nouvel accès en même "
                                        "temps.").format(today=day(today)), "ok")
        else:
            self.season.show_message(tr(
                "Nous sommes le {today}, en cours d'année scolaire. Conseil : la bascule change du jour au "
                "lendemain la façon dont chacun se connecte à PRONOTE ; sauf décision de la direction et information "
                "préalable des familles et des personnels, attendez la pré-rentrée. Vous pouvez quitter l'assistant "
                "et reprendre plus tard.").format(today=day(today)), "warning")
        self.ack.setChecked(self.progress.ticked(self.step_id, "compris"))
