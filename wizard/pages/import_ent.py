"""Part 3: import the file into the ENT in the right mode; the admin types the count the ENT reported."""
from __future__ import annotations

from PySide6.QtGui import QIntValidator
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QWidget

from wizard.importcheck import explain_count, record_import
from wizard.pages.base import ChecklistPage, notice, style_notice
from wizard.i18n import tr, tr_noop


class ImportEntPage(ChecklistPage):
    step_id = "import_ent"
    intro = tr_noop("Importez dans l'ENT le fichier vérifié à l'étape précédente, dans le mode choisi :")

    def build_extra(self) -> None:
        form_widget = QWidget()
        form = QFormLayout(form_widget)
        self.count = QLineEdit()
        self.count.setObjectName("reported_count")
        self.count.setValidator(QIntValidator(0, 10_000_000, self))
        self.count.setPlaceholderText(tr("par exemple 1575"))
        self.count.setAccessibleName(tr("Nombre d'identifiants importés annoncé par l'ENT"))
        self.count.textEdited.connect(self._count_edited)
        label = QLabel(tr("&Nombre annoncé par l'ENT :"))
        label.setBuddy(self.count)
        form.addRow(label, self.count)
        self.body.addWidget(form_widget)
        self.body.addWidget(notice(
            tr("L'ENT affiche par exemple : « 1575 identifiant(s) Pronote importé(s). Dernier import fait le : "
            "27/08/26 08:39 en mode Complet. » Recopiez le nombre."), "info"))
        self.comparison = notice("", "info")
        self.comparison.setObjectName("count_comparison")
        self.body.addWidget(self.comparison)

    def load(self) -> None:
        super().load()
        reported = self.progress.field(self.step_id, "nombre_importe")
        self.count.setText("" if reported is None else str(reported))
        self._compare()

    def _count_edited(self, text: str) -> None:
        self.progress.set_field(self.step_id, "nombre_importe", int(text) if text.isdigit() else None)
        self._compare()
        self.changed()

    def _compare(self) -> None:
        reported = self.progress.field(self.step_id, "nombre_importe")
        if reported is None:
            self.comparison.setVisible(False)
            return
        level, text = explain_count(self.progress.cycle.get("analysis"), reported, self.progress.cycle.get("mode"))
        self.comparison.setText(text)
        self.comparison.setObjectName(f"count_comparison_{level}")
        style_notice(self.comparison, level)
        self.comparison.setVisible(True)

    def validatePage(self) -> bool:
        if not super().validatePage():
            return False
        record_import(self.progress, self.progress.field(self.step_id, "nombre_importe"))
        return True
