"""The printable documents offered on a page – the configuration record and the notice for families and staff –
with the contact the notice gives: one box, shared by the last page (both documents) and the part 2 page
(pronote.net: the notice, to tell users before publishing the base).

Each document has a print button and a save button (labels with an Alt letter, accessible names); saving goes
through `wizard/core/outputs.py` (never over the app's data or the file being imported, whole or not at all) and
the result – saved, or why not – is said in the box and announced to screen readers. Nothing is kept but the
contact typed (the school's identity): the documents are made from the model when asked for.
"""
from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from PySide6.QtWidgets import QGridLayout, QGroupBox, QLabel, QLineEdit, QPushButton, QWidget

from wizard.core.errors import UserError
from wizard.core.i18n import tr, tr_noop
from wizard.core.outputs import OutputFailed, refusal
from wizard.core.printed import Printed
from wizard.core.progress import IDENTITY_LIMITS, Progress
from wizard.core.text import clean
from wizard.gui.files import save_file
from wizard.gui.pdf import print_document, write_pdf
from wizard.gui.widgets import FlowRow, notice, paragraph


class Offer(NamedTuple):
    """One document of the box: its kind (« record », « notice »), the file name offered when saving, and the
    buttons' labels (with their Alt letter: a page chooses them so that none is taken twice)."""

    kind: str
    file_name: str
    print_text: str
    save_text: str


# The documents' names inside the buttons' accessible names (« Imprimer la notice »).
_NAMES = {"record": tr_noop("la fiche de configuration"), "notice": tr_noop("la notice")}


def record_offer() -> Offer:
    return Offer("record", "fiche-configuration-pronote-ent.pdf", tr("&Imprimer la fiche…"),
                 tr("&Enregistrer la fiche en PDF…"))


def notice_offer(print_text: str = "", save_text: str = "") -> Offer:
    return Offer("notice", "notice-pronote-ent.pdf", print_text or tr("Imprimer la &notice…"),
                 save_text or tr("Enregistrer la notice en P&DF…"))


class PrintablesBox(QGroupBox):
    """A group (« Documents à imprimer ou à enregistrer » unless `title` says otherwise): `intro`, the notice's
    contact, then a row of buttons per offered document, and the box's message. `load()` puts the school's contact
    in the field."""

    def __init__(self, progress: Progress, intro: str, offers: list[Offer], title: str = "",
                 parent: QWidget | None = None):
        super().__init__(title or tr("Documents à imprimer ou à enregistrer"), parent)
        self.setObjectName("printables")
        self.progress = progress
        self.loading = False
        grid = QGridLayout(self)
        grid.addWidget(paragraph(intro), 0, 0, 1, 2)
        label = QLabel(tr("C&ontact indiqué sur la notice :"))
        self.contact = QLineEdit()
        self.contact.setObjectName("contact")
        self.contact.setMaxLength(IDENTITY_LIMITS["contact"])
        self.contact.setPlaceholderText(tr("par exemple le secrétariat, 04 66 00 00 00"))
        self.contact.setAccessibleName(tr("Contact indiqué sur la notice pour les familles et les personnels"))
        self.contact.textChanged.connect(self._type_contact)
        label.setBuddy(self.contact)
        grid.addWidget(label, 1, 0)
        grid.addWidget(self.contact, 1, 1)
        self.buttons: dict[str, QPushButton] = {}
        for row, offer in enumerate(offers, start=2):
            title = tr(_NAMES[offer.kind])
            printing = QPushButton(offer.print_text)
            printing.setObjectName(f"print_{offer.kind}")
            printing.setAccessibleName(tr("Imprimer {title}").format(title=title))  # « Imprimer la fiche… » in it
            printing.clicked.connect(lambda _=False, o=offer: self.print_(o))
            saving = QPushButton(offer.save_text)
            saving.setObjectName(f"save_{offer.kind}")
            saving.setAccessibleName(offer.save_text.replace("&", "").rstrip("…"))
            saving.clicked.connect(lambda _=False, o=offer: self.save(o))
            self.buttons[printing.objectName()] = printing
            self.buttons[saving.objectName()] = saving
            grid.addLayout(FlowRow(printing, saving), row, 1)  # on two lines when the window is narrow
        self.message = notice("", "info", "records_message")
        self.message.setVisible(False)
        grid.addWidget(self.message, len(offers) + 2, 0, 1, 2)
        grid.setColumnStretch(1, 1)  # the label keeps its width, the field and the buttons take the rest

    def load(self) -> None:
        self.loading = True
        try:
            self.contact.setText(self.progress.identity["contact"])
        finally:
            self.loading = False
        self.message.setVisible(False)  # no message about another school's document

    def _type_contact(self, text: str) -> None:
        if not self.loading:
            self.progress.type_identity("contact", text)

    def document(self, kind: str) -> Printed:
        """The document, made now from this school's saved state (UserError when the school has no UAI yet)."""
        # Loaded when a document is asked for: the records module also holds the matching worksheet, whose
        # matcher the pronote.net page, passed by when a walk is resumed, must not load (tests/gui/test_startup.py).
        from wizard.core.records import notice_document, record_document

        school = self.progress.school
        return record_document(school) if kind == "record" else notice_document(school)

    def _inputs(self) -> list[str]:
        """The files this school's pages read: a document is never written over them (the identifier file)."""
        file = self.progress.school["cycle"]["file"]
        return [file["path"]] if file and file["path"] else []

    def save(self, offer: Offer) -> None:
        from wizard.core.records import TITLES  # (see `document`)

        title = tr(TITLES[offer.kind])
        try:
            document = self.document(offer.kind)  # before the dialog: nothing to save is said at once
        except UserError as problem:
            self.message.show_message(problem.message, "error", announce=True)
            return
        path = save_file(self, tr("Enregistrer – {title}").format(title=title), offer.file_name, tr("PDF (*.pdf)"))
        if not path:
            return
        try:
            refused = refusal(Path(path), data_dir=self.progress.store.data_dir, inputs=self._inputs())
            if refused:
                raise OutputFailed(refused)
            write_pdf(document, Path(path), title)
        except OutputFailed as failure:
            self.message.show_message(failure.message, "error", announce=True)
            return
        self.message.show_message(tr("{title} enregistrée : {path}").format(title=title, path=clean(path)), "ok",
                                  announce=True)

    def print_(self, offer: Offer) -> None:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter  # a dialog: loaded when it opens

        try:
            document = self.document(offer.kind)
        except UserError as problem:
            self.message.show_message(problem.message, "error", announce=True)
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        if dialog.exec() == QPrintDialog.DialogCode.Accepted:
            print_document(document, printer)
