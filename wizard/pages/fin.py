"""The end: what was verified and what was not, the first connection explained, what to do when a user meets
« Identification impossible », the printable record and notice, and what to do next time."""
from __future__ import annotations

from wizard.core import status
from wizard.core.document import School
from wizard.core.figures import BATCH, RUNNING_TOTAL, file_total, reading_phrase
from wizard.core.i18n import tr
from wizard.core.school import identity_values
from wizard.core.schoolyear import last_import, recap
from wizard.gui.printables import PrintablesBox, notice_offer, record_offer
from wizard.pages.base import StepPage, notice, paragraph


def verification_summary(school: School) -> tuple[str, str, list[str]]:
    """(kind, headline, lines): what the assistant saw for itself, and what stands on the admin's word."""
    verified, unverified = [], []
    connection = school["connection"]
    if connection and connection["verified"]:
        verified.append(status.connection_line(connection) + ".")
    else:
        unverified.append((status.connection_line(connection) or tr("Parties 1 et 2 : non vérifiées")) + ".")
    cycle = school["cycle"]
    analysis = cycle["analysis"]
    if analysis and not analysis["errors"]:
        verified.append(tr("Fichier des identifiants vérifié : {total} personne(s), aucune erreur bloquante.")
                        .format(total=file_total(analysis)))
    entry = status.own_import(school)
    if entry:
        line = tr("Import dans l'ENT : {count} identifiant(s) annoncé(s) par l'ENT, recopié(s) par vous.").format(
            count=entry["reported_count"])
        meaning = reading_phrase(entry["reading"])
        if meaning:
            line = line[:-1] + f" ({meaning})."
        # The figure read as the file's people, or as the ENT's total after it: either agrees with the file.
        (verified if analysis and entry["reading"] in (BATCH, RUNNING_TOTAL) else unverified).append(line)
    if not unverified:
        return "ok", tr("L'interconnexion est en place et l'assistant a pu tout vérifier :"), verified
    return "warning", tr("Ce que l'assistant a vérifié, et ce qui reste à confirmer :"), [
        *(tr("✓ {line}").format(line=line) for line in verified),
        *(tr("? {line}").format(line=line) for line in unverified)]


class FinPage(StepPage):
    step_id = "fin"

    def build(self) -> None:
        self.summary = notice("", "ok", "summary")
        self.body.addWidget(self.summary)
        words = self.ent.words
        self.body.addWidget(notice(tr(
            "Avec quels identifiants ? Pour entrer dans {ent_name}, les élèves et les parents utilisent "
            "{login_pupils_parents} ; les personnels de l'Éducation nationale, {login_staff}. Le client PRONOTE "
            "installé sur les postes garde ses propres identifiants.").format(**words), "info", "logins"))
        self.body.addWidget(paragraph(tr(
            "Première connexion : la première fois qu'un élève, un parent ou un personnel ouvre PRONOTE depuis "
            "{ent_name}, une page de « première connexion » lui est proposée une seule fois. Ensuite, un clic sur "
            "{service_title} dans le menu {service_regroupement} suffit (élèves et parents ont aussi le bloc PRONOTE "
            "de leur page d'accueil).").format(**words)))
        self.body.addWidget(notice(tr(
            "Si un utilisateur voit « {pronote_failure_message} » en ouvrant PRONOTE depuis l'ENT, ses données dans "
            "l'ENT ne correspondent pas à celles de PRONOTE : résolvez-le dans PRONOTE, {pronote_failures_menu}. "
            "Conseil : pour un nouvel arrivant, vérifiez d'abord qu'un import partiel a été fait. La page précédente, "
            "« Suivre les échecs d'identification » (aussi sur le tableau de bord), dit où PRONOTE compte ces "
            "échecs.").format(**words), "info"))
        self.body.addWidget(notice(tr(
            "La prochaine fois :\n"
            "• à l'arrivée de nouveaux élèves ou personnels, relancez l'assistant et choisissez « Import partiel "
            "(nouveaux arrivants) » ;\n"
            "• en début d'année scolaire, choisissez « Nouvelle année scolaire » pour l'import complet (conseil : "
            "mettez aussi à jour la version de PRONOTE dans le service de l'ENT si elle a changé).\n"
            "Les parties 1 et 2 n'ont pas à être refaites."), "info"))
        self.build_records()

    def build_records(self) -> None:
        self.printables = PrintablesBox(self.progress, tr(
            "La fiche de configuration garde la trace de ce qui a été réglé et vérifié (sans aucune donnée "
            "personnelle). La notice dit aux familles et aux personnels avec quels identifiants se connecter et "
            "comment ouvrir PRONOTE."), [record_offer(), notice_offer()])
        self.contact = self.printables.contact
        self.records_message = self.printables.message
        self.body.addWidget(self.printables)

    def first_to_do(self):
        # Nothing is left to do here (the contact is optional): the keyboard lands on « Terminer » and the page
        # stays at its top, on what was verified.
        return None

    def load(self) -> None:
        school = self.progress.school
        values = identity_values(self.progress.identity)
        kind, headline, lines = verification_summary(school)
        facts = [f"{values['name'] or tr('Établissement')} ({values['uai']})",
                 tr("PRONOTE : {url}").format(url=values["pronote_url"]),
                 tr("URL CAS de PRONOTE : {url}").format(url=values["cas_url"])]
        entry = last_import(school["import_history"])
        if entry:
            facts.append(recap(entry))
        self.summary.show_message("\n".join([headline, *lines, "", *facts]), kind)
        self.printables.load()
