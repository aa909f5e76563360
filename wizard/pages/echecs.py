"""After the import: the users PRONOTE could not identify through the ENT – where PRONOTE counts them, how they are
resolved, what may cause them – and the count the admin notes on a day, so that the board shows its trend.

Every PRONOTE word here is a label of the ENT data file, with its source (the tutorial's screenshot, Index
Éducation's help); the causes are said as possible causes (DOMAIN.md marks them inferred)."""
from __future__ import annotations

from PySide6.QtGui import QIntValidator
from PySide6.QtWidgets import QGridLayout, QGroupBox, QLabel, QLineEdit, QPushButton, QVBoxLayout

from wizard.core import dates, facts, failures
from wizard.core.i18n import tr
from wizard.gui.widgets import FlowRow, hide_keeping_focus, typed_count
from wizard.pages.base import StepPage, notice, paragraph


class EchecsPage(StepPage):
    step_id = "echecs"

    def build(self) -> None:
        words = self.ent.words
        self.body.addWidget(paragraph(tr(
            "Après l'import, un élève, un parent ou un personnel que PRONOTE ne reconnaît pas quand il arrive depuis "
            "{ent_name} voit « {pronote_failure_message} ». Ces échecs se suivent et se corrigent dans PRONOTE, un "
            "par un.").format(**words)))
        where = QGroupBox(tr("Où PRONOTE les compte"))
        layout = QVBoxLayout(where)
        layout.addWidget(paragraph(tr(
            "Dans le client PRONOTE, connecté en Superviseur (SPR), la page d'accueil montre un panneau "
            "« {pronote_home_failures_panel} » : « … {pronote_home_failures_count} ». Relevez ce nombre après chaque "
            "import, puis de temps en temps : noté ci-dessous, il s'affiche avec son évolution sur le tableau de "
            "bord de l'assistant.").format(**words)))
        self.body.addWidget(where)
        how = QGroupBox(tr("Comment les résoudre"))
        layout = QVBoxLayout(how)
        layout.addWidget(paragraph(tr(
            "Dans le client PRONOTE, un par un, avec l'outil « {pronote_failures_tool} » : dans les versions de "
            "PRONOTE documentées, {pronote_failures_menu}. Selon votre version, ce menu peut avoir changé de place : "
            "cherchez alors « {pronote_failures_tool} » dans l'aide de PRONOTE.").format(**words)))
        layout.addWidget(notice(tr(
            "Causes possibles – des hypothèses à vérifier au cas par cas, non une liste établie :\n"
            "• un nouvel arrivant pour qui l'import partiel n'a pas encore été fait ;\n"
            "• un export fait avec la case « {pronote_export_checkbox} » dans le mauvais état pour le mode "
            "d'import ;\n"
            "• un nom ou une date de naissance qui diffère entre PRONOTE et l'ENT ;\n"
            "• un compte supprimé puis recréé, dans l'ENT ou dans PRONOTE.").format(**words), "info"))
        self.body.addWidget(how)
        # The names no current source confirms (the tutorial's 2019 screenshot), said once (wizard/core/facts.py).
        caveat = facts.caveat(self.ent, facts.of_step(self.ent, self.step_id))
        if caveat:
            self.body.addWidget(notice(caveat, "info", "version_caveat"))
        self.build_count()

    def build_count(self) -> None:
        box = QGroupBox(tr("Noter le nombre affiché par PRONOTE"))
        grid = QGridLayout(box)
        count_label = QLabel(tr("N&ombre d'utilisateurs en échec :"))
        self.count = QLineEdit()
        self.count.setObjectName("failures_count")
        self.digits = QIntValidator(0, failures.MAX_COUNT, self)
        self.count.setValidator(self.digits)
        self.count.setPlaceholderText(tr("par exemple 49"))
        self.count.setAccessibleName(tr("Nombre d'utilisateurs en échec, affiché par PRONOTE"))
        self.count.setMaximumWidth(160)
        self.count.textChanged.connect(self._typed)
        count_label.setBuddy(self.count)
        day_label = QLabel(tr("Rele&vé le :"))
        self.day = QLineEdit()
        self.day.setObjectName("failures_day")
        self.day.setPlaceholderText(tr("jj/mm/aaaa"))
        self.day.setAccessibleName(tr("Relevé le : jour où PRONOTE affichait ce nombre (jj/mm/aaaa)"))
        self.day.setMaximumWidth(160)
        self.day.textChanged.connect(self._typed)
        day_label.setBuddy(self.day)
        self.note = QPushButton(tr("Noter ce &nombre"))
        self.note.setObjectName("note_failures")
        self.note.clicked.connect(self._note)
        self.unnote = QPushButton(tr("&Retirer le dernier nombre noté"))
        self.unnote.setObjectName("unnote_failures")
        self.unnote.clicked.connect(self._unnote)
        grid.addWidget(count_label, 0, 0)
        grid.addWidget(self.count, 0, 1)
        grid.addWidget(day_label, 1, 0)
        grid.addWidget(self.day, 1, 1)
        grid.addLayout(FlowRow(self.note, self.unnote), 2, 1)
        self.message = notice("", "info", "failures_message")
        self.message.setVisible(False)
        grid.addWidget(self.message, 3, 0, 1, 2)
        self.noted = paragraph("")
        self.noted.setObjectName("failures_noted")
        grid.addWidget(self.noted, 4, 0, 1, 2)
        grid.setColumnStretch(1, 1)
        self.body.addWidget(box)

    def first_to_do(self):
        return self.count

    def _typed(self, _text: str) -> None:
        if not self.loading:
            # Kept in the document as a draft until noted (saved as any typing is): Back and forward again, a
            # closing, a kill lose nothing typed; the board, the record and the trend read only noted counts.
            self.progress.type_failures(self.count.text(), self.day.text())
            self.refresh()

    def load(self) -> None:
        draft = self.progress.school["failures_draft"]
        self.day.setText(draft["day"] if draft else dates.day(dates.today()))
        self.count.setText(draft["count"] if draft else "")
        self.message.setVisible(False)
        self._show_noted()

    def _show_noted(self) -> None:
        noted = self.progress.school["failures"]
        this_year = failures.of_year(noted, dates.today())
        if this_year:
            self.noted.setText(tr("Nombres notés cette année : {trend}.").format(trend=failures.trend(this_year)))
        elif noted:
            self.noted.setText(tr("Aucun nombre noté cette année (le dernier : {count} le {day}).").format(
                count=noted[-1]["count"], day=dates.day(noted[-1]["day"])))
        else:
            self.noted.setText(tr("Aucun nombre noté pour l'instant."))
        if noted:
            self.unnote.setVisible(True)
        else:  # the last one just taken back, the keyboard on the button: on to the count, to note another
            hide_keeping_focus(self.unnote, self.count)

    def _checked(self):
        # In plain digits for the check; anything else as typed, for the check to say what is wrong.
        number = typed_count(self.digits, self.count.text())
        count = self.count.text() if number is None else str(number)
        return failures.check_count(self.day.text(), count, dates.today())

    def missing(self) -> str:
        """A count typed but not valid keeps the page (nothing half-noted); an empty one is fine: it is optional."""
        if self.built and self.count.text().strip():
            checked = self._checked()
            return checked if isinstance(checked, str) else ""
        return ""

    def _note(self) -> bool:
        if not self.count.text().strip() and self.message.isVisible() and self.message.kind == "ok":
            # Pressed again once noted (a double-click, Space twice): the confirmation stays – it is still true –
            # rather than an error that made the admin believe nothing was noted.
            return False
        checked = self._checked()
        if isinstance(checked, str):  # said once, here; nothing is noted
            self.message.show_message(checked, "error", announce=True)
            return False
        noted_day, count = checked
        day = noted_day.isoformat()
        replaced = any(entry["day"] == day for entry in self.progress.school["failures"])
        self.progress.note_failures(day, count)  # (a write that fails is said by the page's banner)
        text = tr("Noté : {count} le {day}.").format(count=count, day=dates.day(day))
        if replaced:
            text += " " + tr("Il remplace le nombre noté plus tôt pour ce jour.")
        self.message.show_message(text, "ok", announce=True)
        self.loading = True
        try:
            self.count.clear()
        finally:
            self.loading = False
        self._show_noted()
        self.refresh()
        return True

    def _unnote(self) -> None:
        noted = self.progress.school["failures"]
        if not noted:
            return
        last = noted[-1]
        self.progress.unnote_failures(last["day"])
        self.message.show_message(tr("Retiré : {count} le {day}.").format(count=last["count"],
                                                                          day=dates.day(last["day"])), "info",
                                  announce=True)
        self._show_noted()

    def validate(self) -> bool:
        """Going on with a count typed notes it: Enter means « Suivant » everywhere, and nothing typed is lost."""
        if not super().validate():
            return False
        if self.built and self.count.text().strip():  # (a page passed by while resuming was never made)
            return self._note()
        return True
