"""Part 3: export the identifiers from the PRONOTE client, with the checkbox state that fits the mode."""
from __future__ import annotations

from wizard.core.i18n import tr, tr_noop
from wizard.pages.base import notice
from wizard.pages.checklist import ChecklistPage


class ExportPronotePage(ChecklistPage):
    step_id = "export_pronote"
    intro = tr_noop("Dans le client PRONOTE (le logiciel installé sur le poste), avec le compte Superviseur :")

    def build_extra(self) -> None:
        self.mode_note = notice("", "warning", "mode_note")
        self.body.addWidget(self.mode_note)

    def load(self) -> None:
        super().load()
        if self.progress.cycle["mode"] == "partiel":
            text = tr("Import partiel : la case « {pronote_export_checkbox} » doit être COCHÉE, sinon tout le monde "
                      "est exporté à nouveau.")
        else:
            text = tr("Import complet : la case « {pronote_export_checkbox} » doit être DÉCOCHÉE, sinon les "
                      "utilisateurs qui avaient déjà un identifiant CAS ne seront pas exportés.")
        self.mode_note.show_message(text.format(**self.ent.words), "warning")
