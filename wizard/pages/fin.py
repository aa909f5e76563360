"""The end: what was verified and what was not, the first connection explained, what to do when a user meets
« Identification impossible », the printable record and notice, and what to do next time."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QGridLayout, QGroupBox, QLabel, QLineEdit, QPushButton

from wizard.core import status
from wizard.core.figures import BATCH, RUNNING_TOTAL, file_total, reading_phrase
from wizard.core.i18n import tr
from wizard.core.outputs import OutputFailed, refusal
from wizard.core.progress import IDENTITY_LIMITS
from wizard.core.records import TITLES, notice_document, record_document
from wizard.core.school import identity_values
from wizard.core.schoolyear import last_import, recap
from wizard.gui.files import save_file
from wizard.gui.pdf import print_document, write_pdf
from wizard.gui.widgets import FlowRow
from wizard.pages.base import StepPage, notice, paragraph


def verification_summary(school: dict) -> tuple[str, str, list[str]]:
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
        box = QGroupBox(tr("Documents à imprimer ou à enregistrer"))
        grid = QGridLayout(box)
        grid.addWidget(paragraph(tr(
            "La fiche de configuration garde la trace de ce qui a été réglé et vérifié (sans aucune donnée "
            "personnelle). La notice dit aux familles et aux personnels avec quels identifiants se connecter et "
            "comment ouvrir PRONOTE.")),
            0, 0, 1, 2)
        label = QLabel(tr("C&ontact indiqué sur la notice :"))
        self.contact = QLineEdit()
        self.contact.setObjectName("contact")
        self.contact.setMaxLength(IDENTITY_LIMITS["contact"])
        self.contact.setPlaceholderText(tr("par exemple le secrétariat, 04 66 00 00 00"))
        self.contact.setAccessibleName(tr("Contact indiqué sur la notice pour les familles et les personnels"))
        self.contact.textChanged.connect(lambda text: self.loading or self.progress.type_identity("contact", text))
        label.setBuddy(self.contact)
        grid.addWidget(label, 1, 0)
        grid.addWidget(self.contact, 1, 1)
        for row, (kind, title, print_text, save_text) in enumerate((
                ("record", tr("la fiche de configuration"), tr("&Imprimer la fiche…"),
                 tr("&Enregistrer la fiche en PDF…")),
                ("notice", tr("la notice"), tr("Imprimer la &notice…"), tr("Enregistrer la notice en P&DF…"))),
                start=2):
            printing = QPushButton(print_text)
            printing.setObjectName(f"print_{kind}")
            printing.setAccessibleName(tr("Imprimer {title}").format(title=title))  # « Imprimer la fiche… » in it
            printing.clicked.connect(lambda _=False, k=kind: self._print(k))
            saving = QPushButton(save_text)
            saving.setObjectName(f"save_{kind}")
            saving.setAccessibleName(save_text.replace("&", "").rstrip("…"))
            saving.clicked.connect(lambda _=False, k=kind: self._save(k))
            grid.addLayout(FlowRow(printing, saving), row, 1)  # on two lines when the window is narrow
        self.records_message = notice("", "info", "records_message")
        self.records_message.setVisible(False)
        grid.addWidget(self.records_message, 4, 0, 1, 2)
        grid.setColumnStretch(1, 1)  # the label keeps its width, the field and the buttons take the rest
        self.body.addWidget(box)

    def _document(self, kind: str):
        school = self.progress.school
        return record_document(school) if kind == "record" else notice_document(school)

    def _save(self, kind: str) -> None:
        name = "fiche-configuration-pronote-ent.pdf" if kind == "record" else "notice-pronote-ent.pdf"
        path = save_file(self, tr("Enregistrer – {title}").format(title=tr(TITLES[kind])), name, tr("PDF (*.pdf)"))
        if not path:
            return
        problem = refusal(Path(path), data_dir=self.progress.store.data_dir)
        try:
            if problem:
                raise OutputFailed(problem)
            write_pdf(self._document(kind), Path(path), tr(TITLES[kind]))
        except OutputFailed as failure:
            self.records_message.show_message(failure.message, "error", announce=True)
            return
        self.records_message.show_message(tr("{title} enregistrée : {path}").format(title=tr(TITLES[kind]), path=path),
                                          "ok", announce=True)

    def _print(self, kind: str) -> None:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter  # a dialog: loaded when it opens

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        if dialog.exec() == QPrintDialog.DialogCode.Accepted:
            print_document(self._document(kind), printer)

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
        self.contact.setText(self.progress.identity["contact"])
