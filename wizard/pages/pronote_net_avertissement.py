"""Part 2, before switching: what breaks, when to do it (date-aware), what is not affected."""
from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QCheckBox

from wizard.pages.base import StepPage, notice, paragraph
from wizard.schoolyear import is_pre_rentree
from wizard.i18n import tr


class PronoteNetAvertissementPage(StepPage):
    step_id = "pronote_net_avertissement"
    today = staticmethod(date.today)  # replaced in tests to check both seasons

    def build(self) -> None:
        self.body.addWidget(paragraph(
            tr("La partie 2 branche votre serveur PRONOTE sur mon ENT Occitanie. Dès la publication :")
        ))
        self.body.addWidget(notice(
            tr("• l'ancien ENT (ENT-LR) ne peut plus ouvrir PRONOTE sans une seconde authentification ;\n"
            "• élèves, parents et personnels doivent passer par mon ENT Occitanie (ou se connecter à PRONOTE "
            "avec leurs identifiants de l'ENT : ATEN pour les élèves et les parents, ARENA pour les personnels)."),
            "warning",
        ))
        self.body.addWidget(notice(
            tr("Ce qui ne change pas : le client PRONOTE (le logiciel installé) garde ses propres identifiants "
            "PRONOTE, et la partie 1 déjà faite dans l'ENT reste valable."),
            "info",
        ))
        self.season = notice("", "warning")
        self.season.setObjectName("season")
        self.body.addWidget(self.season)
        self.ack = QCheckBox(tr("J'ai compris : je bascule maintenant, en connaissance de cause."))
        self.ack.setObjectName("ack")
        self.ack.setAccessibleName(tr("J'ai compris les conséquences de la bascule de pronote.net"))
        self.ack.toggled.connect(self._toggled)
        self.body.addWidget(self.ack)

    def load(self) -> None:
        today = self.today()
        if is_pre_rentree(today):
            self.season.setText(tr("Nous sommes dans la période de la pré-rentrée : c'est le bon moment pour basculer."))
            self.season.setObjectName("season_ok")
        else:
            self.season.setText(
                tr("Attention : nous sommes le {today:%d/%m/%Y}, en dehors de la pré-rentrée. Basculer en cours d'année coupe l'accès à PRONOTE depuis l'ancien ENT pour tout le monde, du jour au lendemain. Sauf décision de la direction et information des familles, attendez la pré-rentrée (de mi-août à mi-septembre) ; vous pouvez quitter l'assistant et reprendre plus tard.").format(today=today)
            )
            self.season.setObjectName("season")
        self.ack.setChecked(bool(self.progress.field(self.step_id, "compris")))

    def _toggled(self, on: bool) -> None:
        self.progress.set_field(self.step_id, "compris", on)
        self.changed()
