"""Part 3: import the file into the ENT in the right mode; the admin types the count the ENT reported."""
from __future__ import annotations

from PySide6.QtGui import QIntValidator
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit

from wizard.core.facts import day_of
from wizard.core.i18n import tr, tr_noop
from wizard.core.importcheck import read_figure
from wizard.gui.files import changed_since_analysed
from wizard.gui.widgets import typed_count
from wizard.pages.base import notice
from wizard.pages.checklist import ChecklistPage

_MAX_COUNT = 10_000_000


class ImportEntPage(ChecklistPage):
    step_id = "import_ent"
    intro = tr_noop("Importez dans l'ENT le fichier vérifié à l'étape précédente, dans le mode choisi :")

    def build_extra(self) -> None:
        # The file verified at the previous step, exported again since: what is imported would not be what was
        # verified, nor what the ENT's count is compared with.
        self.file_changed = notice("", "warning", "file_changed")
        self.file_changed.setVisible(False)
        self.body.addWidget(self.file_changed)
        self.example = notice("", "info", "ent_report_example")
        self.body.addWidget(self.example)
        row = QHBoxLayout()
        self.count = QLineEdit()
        self.count.setObjectName("reported_count")
        self.digits = QIntValidator(0, _MAX_COUNT, self)
        self.count.setValidator(self.digits)
        self.count.setPlaceholderText(tr("par exemple 1575"))
        self.count.setAccessibleName(tr("Nombre annoncé par l'ENT (identifiants importés)"))
        self.count.setMaximumWidth(160)
        # textChanged: a value set through the accessibility interface counts as typed (see etablissement.py).
        self.count.textChanged.connect(self._count_typed)
        label = QLabel(tr("&Nombre annoncé par l'ENT :"))
        label.setBuddy(self.count)
        row.addWidget(label)
        row.addWidget(self.count)
        row.addStretch(1)
        self.body.addLayout(row)
        self.comparison = notice("", "info", "count_comparison")
        self.comparison.setVisible(False)
        self.body.addWidget(self.comparison)

    def load(self) -> None:
        super().load()
        cycle = self.progress.cycle
        mode = "partiel" if cycle["mode"] == "partiel" else "complet"
        # The ENT's report as its source shows it, for the mode chosen for this pass, with where it comes from.
        example = self.ent.facts[f"labels.ent_import_message_{mode}"]
        text = tr(
            "Après « {button} », l'ENT affiche un bilan, par exemple : « {message} » ({source}, {date}). Recopiez "
            "ci-dessous le nombre qu'il annonce (mode d'import choisi : « {mode_label} »).").format(
            button=self.ent.labels["ent_button_import"], message=example.value,
            source=self.ent.sources[example.sources[0]].title, date=day_of(example.confirmed),
            mode_label=self.ent.import_modes[mode])
        if mode == "partiel":
            # The tutorial's screenshots show the same figure after the full import and after a partial one.
            text += " " + tr("Après un import partiel, ce nombre peut être celui des seuls nouveaux arrivants, ou le "
                             "total des identifiants de l'ENT : recopiez-le tel quel, l'assistant reconnaît l'un et "
                             "l'autre.")
        self.example.show_message(text, "info")
        file = cycle["file"]
        if file and not self.progress.pass_finished and changed_since_analysed(file):
            self.file_changed.show_message(tr(
                "« {name} » a changé depuis sa vérification (exporté de nouveau ?) : revenez à l'étape précédente "
                "pour le vérifier à nouveau avant de l'importer dans l'ENT.").format(name=file["name"]), "warning")
        else:
            self.file_changed.setVisible(False)
        reported = cycle["reported_count"]
        self.count.setText("" if reported is None else str(reported))
        self._compare()

    def _count_typed(self, text: str) -> None:
        if self.loading:
            return
        self.progress.type_reported_count(typed_count(self.digits, text))
        self._compare()

    def _compare(self) -> None:
        cycle = self.progress.cycle
        if cycle["reported_count"] is None:
            self.comparison.setVisible(False)
            return
        reading = read_figure(cycle["analysis"], cycle["reported_count"], cycle["mode"],
                              self.progress.imports_before_this_pass())
        self.comparison.show_message(reading.text, reading.level, announce=not self.loading)

    def validate(self) -> bool:
        if not super().validate():
            return False
        self.progress.record_import()
        return True
