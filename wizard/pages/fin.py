"""The end: the first connection explained, a summary, and what to do next time."""
from __future__ import annotations

from wizard.pages.base import StepPage, notice, paragraph
from wizard.school import identity_values
from wizard.schoolyear import describe_import, last_import


class FinPage(StepPage):
    step_id = "fin"

    def build(self) -> None:
        self.summary = notice("", "ok")
        self.summary.setObjectName("summary")
        self.body.addWidget(self.summary)
        self.body.addWidget(paragraph(
            "Première connexion : la première fois qu'un élève, un parent ou un personnel ouvre PRONOTE depuis "
            "mon ENT Occitanie, une page de « première connexion » lui est proposée une seule fois. Ensuite, un "
            "clic sur PRONOTE dans le menu Scolarité (ou sur le bloc PRONOTE de la page d'accueil) suffit. Le client "
            "PRONOTE installé sur les postes garde ses propres identifiants."
        ))
        self.body.addWidget(notice(
            "La prochaine fois :\n"
            "• à l'arrivée de nouveaux élèves ou personnels, relancez l'assistant et choisissez « Import partiel "
            "(nouveaux arrivants) » ;\n"
            "• à la pré-rentrée, choisissez « Nouvelle année scolaire » pour l'import complet, et mettez à jour la "
            "version de PRONOTE dans le service de l'ENT si elle a changé.\n"
            "Les parties 1 et 2 n'ont pas à être refaites.",
            "info",
        ))
        self.build_records()

    def build_records(self) -> None:
        """Printable record and notice (issue 6) attach here."""

    def load(self) -> None:
        values = identity_values(self.progress.identity)
        school = self.progress.school
        lines = [f"{values['name'] or 'Établissement'} ({values['uai']})",
                 f"PRONOTE : {values['pronote_url']}",
                 f"URL CAS de PRONOTE : {values['cas_url']}"]
        entry = last_import(school["import_history"])
        if entry:
            lines.append(describe_import(entry) + ".")
        self.summary.setText("L'interconnexion est en place.\n" + "\n".join(lines))
