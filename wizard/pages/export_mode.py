"""Part 3: full import (start of the school year) or partial import (newcomers)."""
from __future__ import annotations

from PySide6.QtWidgets import QButtonGroup, QRadioButton

from wizard.core import dates
from wizard.core.i18n import tr
from wizard.core.schoolyear import default_mode, describe_import, last_import, school_year_label
from wizard.pages.base import StepPage, notice, paragraph


class ExportModePage(StepPage):
    step_id = "export_mode"

    def build(self) -> None:
        self.body.addWidget(paragraph(
            tr("La partie 3 donne à l'ENT les identifiants PRONOTE qu'il présentera à PRONOTE pour reconnaître "
               "chaque utilisateur. Un import complet se fait en début d'année scolaire ; ensuite, un import partiel "
               "à chaque arrivée de nouveaux élèves ou personnels.")))
        self.history_note = notice("", "info", "history_note")
        self.body.addWidget(self.history_note)
        self.group = QButtonGroup(self)
        # Named by their visible text (no accessible name of their own): what voice control users say.
        self.full = QRadioButton(tr("Import &complet – début d'année : tous les utilisateurs"))
        self.partial = QRadioButton(tr("Import partie&l – nouveaux arrivants seulement"))
        for mode, button in (("complet", self.full), ("partiel", self.partial)):
            button.setObjectName(f"mode_{mode}")
            self.group.addButton(button)
            button.toggled.connect(lambda on, m=mode: on and not self.loading and self.progress.choose_mode(m))
            self.body.addWidget(button)

    def load(self) -> None:
        history = self.progress.school["import_history"]
        today = dates.today()
        suggested = default_mode(history, today)
        if self.progress.cycle["mode"] is None:
            self.progress.choose_mode(suggested)
        entry = last_import(history)
        lines = [describe_import(entry) + "." if entry else tr("Aucun import enregistré par l'assistant.")]
        if suggested == "complet":
            lines.append(tr("Aucun import complet n'a été fait pour l'année {year} : l'import "
                            "complet est conseillé.").format(year=school_year_label(today)))
        elif self.progress.cycle["mode"] == "complet":  # a full import done again, on purpose: said, not contradicted
            lines.append(tr("L'import complet de l'année {year} est déjà enregistré : vous en refaites un. Pour les "
                            "seuls nouveaux arrivants, l'import partiel suffit.").format(year=school_year_label(today)))
        else:
            lines.append(tr("L'import complet de l'année {year} est fait : pour les nouveaux arrivants, choisissez "
                            "l'import partiel.").format(year=school_year_label(today)))
        self.history_note.show_message("\n".join(lines), "info")
        (self.full if self.progress.cycle["mode"] == "complet" else self.partial).setChecked(True)
