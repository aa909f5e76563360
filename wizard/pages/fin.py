"""The end: the first connection explained, a summary, and what to do next time."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QGridLayout, QGroupBox, QLabel, QLineEdit, QPushButton

from wizard.pages.base import StepPage, notice, paragraph
from wizard.school import identity_values
from wizard.schoolyear import describe_import, last_import
from wizard.i18n import tr


class FinPage(StepPage):
    step_id = "fin"

    def build(self) -> None:
        self.summary = notice("", "ok")
        self.summary.setObjectName("summary")
        self.body.addWidget(self.summary)
        self.body.addWidget(paragraph(
            tr("Première connexion : la première fois qu'un élève, un parent ou un personnel ouvre PRONOTE depuis "
            "mon ENT Occitanie, une page de « première connexion » lui est proposée une seule fois. Ensuite, un "
            "clic sur PRONOTE dans le menu Scolarité (ou sur le bloc PRONOTE de la page d'accueil) suffit. Le client "
            "PRONOTE installé sur les postes garde ses propres identifiants.")
        ))
        self.body.addWidget(notice(
            tr("La prochaine fois :\n"
            "• à l'arrivée de nouveaux élèves ou personnels, relancez l'assistant et choisissez « Import partiel "
            "(nouveaux arrivants) » ;\n"
            "• à la pré-rentrée, choisissez « Nouvelle année scolaire » pour l'import complet, et mettez à jour la "
            "version de PRONOTE dans le service de l'ENT si elle a changé.\n"
            "Les parties 1 et 2 n'ont pas à être refaites."),
            "info",
        ))
        self.build_records()

    def build_records(self) -> None:
        box = QGroupBox(tr("Documents à imprimer ou à enregistrer"))
        grid = QGridLayout(box)
        grid.addWidget(paragraph(
            tr("La fiche de configuration garde la trace de ce qui a été réglé et vérifié (sans aucune donnée "
            "personnelle). La notice explique aux familles et aux personnels comment ouvrir PRONOTE désormais.")
        ), 0, 0, 1, 3)
        label = QLabel(tr("&Contact indiqué sur la notice :"))
        self.contact = QLineEdit()
        self.contact.setObjectName("contact")
        self.contact.setPlaceholderText(tr("par exemple le secrétariat, 04 66 00 00 00"))
        self.contact.setAccessibleName(tr("Contact indiqué sur la notice pour les familles et les personnels"))
        self.contact.textEdited.connect(lambda text: self.progress.set_identity("contact", text))
        label.setBuddy(self.contact)
        grid.addWidget(label, 1, 0)
        grid.addWidget(self.contact, 1, 1, 1, 2)
        for row, (kind, title) in enumerate((("record", tr("la fiche de configuration")), ("notice", tr("la notice"))), start=2):
            grid.addWidget(QLabel(title[0].upper() + title[1:]), row, 0)
            printing = QPushButton(tr("Imprimer…"))
            printing.setObjectName(f"print_{kind}")
            printing.setAccessibleName(tr("Imprimer {title}").format(title=title))
            printing.clicked.connect(lambda _=False, k=kind: self._print(k))
            saving = QPushButton(tr("Enregistrer en PDF…"))
            saving.setObjectName(f"save_{kind}")
            saving.setAccessibleName(tr("Enregistrer {title} en PDF").format(title=title))
            saving.clicked.connect(lambda _=False, k=kind: self._save(k))
            grid.addWidget(printing, row, 1)
            grid.addWidget(saving, row, 2)
        self.records_message = paragraph("")
        self.records_message.setObjectName("records_message")
        grid.addWidget(self.records_message, 4, 0, 1, 3)
        self.body.addWidget(box)

    def _html(self, kind: str) -> str:
        from wizard.records.content import notice_html, record_html

        return record_html(self.progress.school) if kind == "record" else notice_html(self.progress.school)

    def _save(self, kind: str) -> None:
        from wizard.records.command import TITLES
        from wizard.records.pdf import write_pdf

        suggested = Path.home() / ("fiche-configuration-pronote-ent.pdf" if kind == "record" else "notice-pronote-ent.pdf")
        path, _ = QFileDialog.getSaveFileName(self, tr("Enregistrer – {title}").format(title=TITLES[kind]), str(suggested), tr("PDF (*.pdf)"))
        if not path:
            return
        try:
            write_pdf(self._html(kind), Path(path), TITLES[kind])
        except OSError:
            self.records_message.setText(tr("Impossible d'écrire « {path} » : choisissez un autre dossier.").format(path=path))
            return
        self.records_message.setText(tr("{title} enregistrée : {path}").format(title=TITLES[kind], path=path))

    def _print(self, kind: str) -> None:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        from wizard.records.pdf import print_html

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        if dialog.exec() == QPrintDialog.DialogCode.Accepted:
            print_html(self._html(kind), printer)

    def load(self) -> None:
        values = identity_values(self.progress.identity)
        school = self.progress.school
        lines = [f"{values['name'] or tr('Établissement')} ({values['uai']})",
                 tr("PRONOTE : {url}").format(url=values['pronote_url']),
                 tr("URL CAS de PRONOTE : {url}").format(url=values['cas_url'])]
        entry = last_import(school["import_history"])
        if entry:
            lines.append(describe_import(entry) + ".")
        self.summary.setText(tr("L'interconnexion est en place.\n") + "\n".join(lines))
        self.contact.setText(self.progress.identity.get("contact", ""))
