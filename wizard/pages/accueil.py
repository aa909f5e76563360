"""Welcome: what the assistant does and needs; on later launches the status board and its three entries;
the school chooser and the erasing of local data."""
from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from wizard.core import i18n, status
from wizard.core.i18n import tr
from wizard.core.typography import french
from wizard.gui import steps_panel
from wizard.gui.widgets import FlowRow, TextColumn
from wizard.pages.base import StepPage, notice, paragraph, settle_controls


class AccueilPage(StepPage):
    step_id = "accueil"

    def build(self) -> None:
        self.setTitle(tr("Interconnexion PRONOTE – {ent_name}").format(**self.ent.words))
        self.body.addWidget(paragraph(
            tr("Cet assistant vous guide, page par page, pour relier votre serveur PRONOTE à {ent_name} : "
               "élèves, parents et personnels ouvrent alors PRONOTE depuis l'ENT sans se reconnecter. Il ne peut pas "
               "cliquer à votre place dans l'ENT ou dans PRONOTE : il vous dit exactement quoi faire et quoi saisir, "
               "et vérifie tout ce qu'il peut. Vous pouvez vous arrêter à tout moment : la progression est gardée "
               "sur ce poste, et vous reprendrez à la même page.").format(**self.ent.words)))
        self.first_time = TextColumn()
        first = QVBoxLayout(self.first_time)
        first.setContentsMargins(0, 0, 0, 0)
        first.addWidget(paragraph(
            tr("Chaque année, les établissements déjà reliés à l'ENT reviennent ici pour la partie 3 : l'import "
               "complet des identifiants PRONOTE à la rentrée, puis un import partiel à chaque arrivée de nouveaux "
               "élèves ou personnels. Si votre établissement est déjà relié, l'assistant le vérifie sur votre "
               "serveur PRONOTE à la page suivante et vous mène directement à la partie 3.")))
        first.addWidget(notice(
            tr("Il vous faut :\n"
               "• un compte administrateur de l'ENT (parties 1 et 3) ;\n"
               "• pour un nouvel établissement seulement, un accès administrateur à pronote.net, dans la "
               "{hosting_console} de PRONOTE (partie 2) ;\n"
               "• le compte Superviseur (SPR) du client PRONOTE (partie 3).").format(**self.ent.words), "info"))
        self.body.addWidget(self.first_time)
        self.board_box = None  # made when there is something to show: the first launch opens faster without it
        if self.progress.setup_finished:
            self.build_board()  # made in reading order: Tab needs no reordering (StepPage.tab_order_stale)
        self.build_schools()

    def build_board(self) -> None:
        from wizard.gui.server_check import ServerCheck  # the network check loads with its page (docs/DEVELOPING.md)

        self.board_box = QGroupBox(tr("Où en est l'interconnexion"))
        self.board_box.setObjectName("status_board")
        box = QVBoxLayout(self.board_box)
        self.board_rows = QWidget()
        self.board_grid = QGridLayout(self.board_rows)
        self.board_grid.setContentsMargins(0, 0, 0, 0)
        self.board_grid.setColumnStretch(1, 1)
        box.addWidget(self.board_rows)
        # Parts 1–2 stand on the admin's word: one click checks them on the server.
        self.verify = ServerCheck(tr("&Vérifier maintenant sur le serveur PRONOTE"), "delegation", self.progress)
        self.verify.setObjectName("board_verify")
        self.verify.finished.connect(lambda _result: self.load_board())
        self.add_runner(self.verify.task)
        box.addWidget(self.verify)
        actions = FlowRow()  # three long labels: on two lines when the window is narrow
        self.resume_button = QPushButton(tr("&Reprendre"))
        self.partial_button = QPushButton(tr("Import partiel (nouveaux arr&ivants)"))
        self.year_button = QPushButton(tr("&Nouvelle année scolaire"))
        for name, button, slot in (("resume", self.resume_button, self._resume),
                                   ("partial", self.partial_button, lambda: self._start("partiel")),
                                   ("new_year", self.year_button, lambda: self._start("nouvelle_annee"))):
            button.setObjectName(f"board_{name}")
            button.setAccessibleName(button.text().replace("&", ""))
            button.clicked.connect(slot)
            actions.addWidget(button)
        box.addLayout(actions)
        self.body.insertWidget(self.body.indexOf(self.first_time) + 1, self.board_box)

    def build_schools(self) -> None:
        schools = QGroupBox(tr("Établissement et langue"))
        grid = QGridLayout(schools)
        label = QLabel(tr("Établissement s&uivi :"))
        self.school_combo = QComboBox()
        self.school_combo.setObjectName("school_combo")
        self.school_combo.setAccessibleName(tr("Établissement suivi"))
        # As wide as the room there is, not as the longest school name: the list itself shows names whole.
        self.school_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.school_combo.setMinimumContentsLength(20)
        label.setBuddy(self.school_combo)
        self.school_combo.activated.connect(self._switch)
        add = QPushButton(tr("A&jouter un établissement"))
        add.setObjectName("add_school")
        add.clicked.connect(self._add)
        erase = QPushButton(tr("&Effacer les données locales…"))
        erase.setObjectName("erase")
        erase.clicked.connect(self._erase)
        language_label = QLabel(french("&Langue / Language :"))
        self.language_combo = QComboBox()
        self.language_combo.setObjectName("language_combo")
        self.language_combo.setAccessibleName("Langue / Language")
        self.language_combo.addItem("Français", "fr")
        self.language_combo.addItem("English", "en")
        language_label.setBuddy(self.language_combo)
        self.language_combo.activated.connect(self._language)
        grid.addWidget(label, 0, 0)
        grid.addWidget(self.school_combo, 0, 1)
        grid.addLayout(FlowRow(add, erase), 1, 1)
        grid.addWidget(language_label, 2, 0)
        language_row = QHBoxLayout()  # the short combo at the left, as wide as its two names
        language_row.addWidget(self.language_combo)
        language_row.addStretch(1)
        grid.addLayout(language_row, 2, 1)
        grid.setColumnStretch(1, 1)
        self.body.addWidget(schools)

    def first_to_do(self):
        # Reading, then « Suivant » (or an entry of the board, one Tab away): the school and language choosers
        # are not a first thing to do.
        return None

    def focus_wizard_button(self, button) -> None:
        # The page the app opens on: a focus reason would load PySide's Qt namespace (13 ms, gui/qtvalues.py)
        # before the admin sees anything. « Suivant » is the default button, already marked as Enter's; its focus
        # frame appears at the first Tab.
        button.setFocus()

    def load(self) -> None:
        finished = self.progress.setup_finished
        if self.first_time.isHidden() != finished:  # setVisible(True) polishes at once what the show would
            self.first_time.setHidden(finished)
        if finished and self.board_box is None:  # the first walk just ended, or another school was chosen
            self.build_board()
            settle_controls(self.board_box)  # made after the page: what ensure_built did for the rest
            self.tab_order_stale = True
        if self.board_box is not None:
            self.board_box.setVisible(finished)
            self.load_board()
        self.school_combo.clear()
        for entry in self.progress.schools():
            identity = entry["identity"]
            name = identity["name"] or tr("Nouvel établissement")
            self.school_combo.addItem(f"{name} ({identity['uai']})" if identity["uai"] else name, entry["id"])
        self.school_combo.setCurrentIndex(self.school_combo.findData(self.progress.school["id"]))
        self.language_combo.setCurrentIndex(self.language_combo.findData(i18n.language()))

    def load_board(self) -> None:
        marks = {status.DONE: steps_panel.DONE, status.VERIFIED: steps_panel.DONE, status.DECLARED: "?",
                 status.TODO: steps_panel.TODO}
        school = self.progress.school
        self.resume_button.setEnabled(status.in_progress(school))
        self.verify.setVisible(status.unverified(school) and bool(school["identity"]["pronote_url"]))
        while self.board_grid.count():
            item = self.board_grid.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        for number, row in enumerate(status.board(school)):
            mark = QLabel(f"{marks[row.state]} {row.title}")
            mark.setObjectName(f"board_row_title_{number}")
            text = paragraph(row.detail)
            text.setObjectName(f"board_row_{number}")
            self.board_grid.addWidget(mark, number, 0)
            self.board_grid.addWidget(text, number, 1)

    # -- the board's entries ----------------------------------------------------------------------
    def _resume(self) -> None:
        self.wizard().go_to(self.progress.school["current_step"])

    def _start(self, kind: str) -> None:
        from PySide6.QtWidgets import QMessageBox  # a dialog: loaded when it opens

        if status.in_progress(self.progress.school):
            answer = QMessageBox.question(
                self, tr("Nouvel import"),
                tr("Un import est déjà en cours pour cet établissement. En commencer un nouveau efface les cases "
                   "cochées de l'import en cours (l'historique des imports est conservé). Continuer ?"))
            if answer != QMessageBox.StandardButton.Yes:
                return
        self.progress.start_pass(kind)
        self.wizard().next()

    def _language(self, index: int) -> None:
        chosen = self.language_combo.itemData(index)
        self.progress.choose_language(chosen)
        if chosen != i18n.language():
            self.wizard().language_chosen.emit(chosen)

    # -- schools ---------------------------------------------------------------------------------
    def _switch(self, index: int) -> None:
        school_id = self.school_combo.itemData(index)
        if school_id and school_id != self.progress.school["id"]:
            self.progress.switch_school(school_id)
            self.wizard().resume()

    def _add(self) -> None:
        self.progress.add_school()
        self.wizard().resume()
        self.wizard().next()

    def _erase(self) -> None:
        from PySide6.QtWidgets import QMessageBox  # a dialog: loaded when it opens

        answer = QMessageBox.warning(
            self, tr("Effacer les données locales"),
            tr("Toutes les données de l'assistant sur ce poste seront effacées : établissements, étapes cochées, "
               "historique des imports et des vérifications. Cette action est définitive. Effacer ?"),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        if answer == QMessageBox.StandardButton.Yes:
            self.progress.erase_all()
            self.wizard().resume()
