"""Welcome: what the assistant does and needs; on later launches the status board – what is due now first, the
other entries each with what its pages are for, the state of each part; the school chooser and the erasing of
local data."""
from __future__ import annotations

from itertools import pairwise

from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
    QWizard,
)

from wizard.core import dates, i18n, status
from wizard.core.document import PassKind, School
from wizard.core.i18n import tr
from wizard.core.typography import french
from wizard.gui.accessibility import message_box
from wizard.gui.wheel import ComboBox
from wizard.gui.widgets import FlowRow, TextColumn, clear_layout
from wizard.pages.base import StepPage, notice, paragraph, settle_controls

# The board's marks, in characters every font draws (Windows' ANSI characters, and √ which Tahoma, Segoe UI, Arial
# and Wine's Tahoma all have): under Wine's Tahoma « ○ » and « ✓ » came from another font, to-do rows drawn like
# done ones. (The side panel draws its marks: steps_panel.draw_mark.)
BOARD_MARKS = {status.DONE: "√", status.VERIFIED: "√", status.DECLARED: "?", status.TODO: "–"}

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
        # Made when there is something to show: the first launch opens faster without it.
        self.board_box: QGroupBox | None = None
        self.primary: QPushButton | None = None  # the board's entry due now (_place_entries)
        self.board_fresh = False  # the board was just filled with the page (arrived need not do it again)
        if self.progress.setup_finished:
            self.build_board()  # made in reading order: Tab needs no reordering (StepPage.tab_order_stale)
        self.build_schools()

    def build_board(self) -> QGroupBox:
        from wizard.gui.server_check import ServerCheck  # the network check loads with its page (docs/DEVELOPING.md)

        board = self.board_box = QGroupBox(tr("Où en est l'interconnexion"))
        board.setObjectName("status_board")
        box = QVBoxLayout(board)
        # What is due now, first: its sentence, then the entries – the one due first, the default button, the first
        # stop of Tab – each with what its pages are for.
        self.due_line = notice("", "info", "due")
        box.addWidget(self.due_line)
        entries = QWidget()
        self.entry_grid = QGridLayout(entries)
        self.entry_grid.setContentsMargins(0, 0, 0, 0)
        self.entry_grid.setColumnStretch(1, 1)
        self.entries: dict[str, tuple[QPushButton, QLabel]] = {}
        for action, text, slot in (
                (status.RESUME, tr("&Reprendre l'import en cours"), self._resume),
                (status.FULL, tr("&Nouvelle année scolaire : import complet"), lambda: self._start("nouvelle_annee")),
                (status.PARTIAL, tr("Import partiel (nouveaux arr&ivants)"), lambda: self._start("partiel")),
                (status.FAILURES, tr("Suivre les é&checs d'identification"), self._failures),
                (status.REDO, tr("Refaire cet imp&ort"), self._redo)):
            button = QPushButton(text)
            button.setObjectName(f"board_{action}")
            sentence = paragraph("")
            sentence.setObjectName(f"board_{action}_text")
            button.clicked.connect(slot)
            button.setAutoDefault(False)  # Enter is the entry due's (the default button); Space presses this one
            row = len(self.entries)
            self.entry_grid.addWidget(button, row, 0)  # placed (so in Tab's chain) before what follows them
            self.entry_grid.addWidget(sentence, row, 1)
            self.entries[action] = (button, sentence)
        box.addWidget(entries)
        self.board_rows = QWidget()
        self.board_grid = QGridLayout(self.board_rows)
        self.board_grid.setContentsMargins(0, 8, 0, 0)
        self.board_grid.setColumnStretch(1, 1)
        box.addWidget(self.board_rows)
        # Parts 1–2 stand on the admin's word: one click checks them on the server.
        self.verify = ServerCheck(tr("&Vérifier maintenant sur le serveur PRONOTE"), "delegation", self.progress)
        self.verify.setObjectName("board_verify")
        self.verify.finished.connect(lambda _result: self.load_board())
        self.add_runner(self.verify.task)
        box.addWidget(self.verify)
        self.primary = None
        self.body.insertWidget(self.body.indexOf(self.first_time) + 1, board)
        return board

    def build_schools(self) -> None:
        schools = QGroupBox(tr("Établissement et langue"))
        grid = QGridLayout(schools)
        label = QLabel(tr("Établissement s&uivi :"))
        self.school_combo = ComboBox()
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
        self.language_combo = ComboBox()
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
        # On the board, what is due now. Otherwise reading, then « Suivant »: the school and language choosers are
        # not a first thing to do.
        return self.primary if self.board_box is not None and self.board_box.isVisible() else None

    def focus_first_to_do(self) -> None:
        # The page the app opens on: a focus reason would load PySide's Qt namespace (13 ms, gui/qtvalues.py)
        # before the admin sees anything. The entry due (or « Suivant ») is the default button, already marked as
        # Enter's; its focus frame appears at the first Tab.
        if not self.isVisible():
            return
        target = self.first_to_do()
        if target is not None:
            target.setFocus()
        elif (wizard := self.wizard()) is not None:
            self.scroll_area.ensureVisible(0, 0)
            next_button = wizard.button(QWizard.WizardButton.NextButton)
            if next_button.isVisible() and next_button.isEnabled():
                next_button.setFocus()

    def arrived(self) -> None:
        """Back on the board (from the failures page, or any page): what was done there shows."""
        if self.progress.setup_finished and not self.deferred and (self.board_box is None
                                                                   or self.board_box.isHidden()):
            # The first walk ended since this page was filled (Back from « Terminé » to here): it becomes the
            # board, as the next launch shows it. Before, the window hid « Suivant » for a board never made – no
            # way on – and the unexpected-error dialog opened.
            self._initialize()
            return
        if self.board_box is None or self.board_box.isHidden():  # (the page itself is not shown yet)
            return
        if self.board_fresh:
            self.board_fresh = False
            return
        self.load_board()

    def claim_default(self) -> None:
        """The entry due is the window's default button (the window hides « Suivant » on the board)."""
        if self.primary is not None:
            self.primary.setDefault(True)

    def load(self) -> None:
        finished = self.progress.setup_finished
        if self.first_time.isHidden() != finished:  # setVisible(True) polishes at once what the show would
            self.first_time.setHidden(finished)
        if finished and self.board_box is None:  # the first walk just ended, or another school was chosen
            settle_controls(self.build_board())  # made after the page: what ensure_built did for the rest
            self.tab_order_stale = True
        if self.board_box is not None:
            self.board_box.setVisible(finished)
            self.load_board()
            self.board_fresh = True
        self.school_combo.clear()
        for entry in self.progress.schools():
            identity = entry["identity"]
            name = identity["name"] or tr("Nouvel établissement")
            self.school_combo.addItem(f"{name} ({identity['uai']})" if identity["uai"] else name, entry["id"])
        self.school_combo.setCurrentIndex(self.school_combo.findData(self.progress.school["id"]))
        self.language_combo.setCurrentIndex(self.language_combo.findData(i18n.language()))

    def load_board(self) -> None:
        school = self.progress.school
        today = dates.today()
        due = status.due_now(school, today)
        self.due_line.show_message(due.headline, "info" if due.action == status.PARTIAL else "warning")
        self._place_entries(due.action, school)
        self.verify.setVisible(status.unverified(school) and bool(school["identity"]["pronote_url"]))
        if not self.verify.running:  # a verdict shown is this school's, from this check (or none yet)
            self.verify.message.setVisible(False)
        clear_layout(self.board_grid)
        for number, row in enumerate(status.board(school, today)):
            mark = QLabel(f"{BOARD_MARKS[row.state]} {row.title}")
            mark.setObjectName(f"board_row_title_{number}")
            text = paragraph(row.detail)
            text.setObjectName(f"board_row_{number}")
            self.board_grid.addWidget(mark, number, 0)
            self.board_grid.addWidget(text, number, 1)
        self.claim_default()

    def _place_entries(self, due: str, school: School) -> None:
        """The entries that apply, the one due first; each with its sentence as its accessible description."""
        shown = [due] + [action for action in self.entries if action != due]
        if not status.in_progress(school):
            shown.remove(status.RESUME)
        if not status.redo_offered(school, dates.today()):
            shown.remove(status.REDO)
        while self.entry_grid.count():
            self.entry_grid.takeAt(0)
        for button, sentence in self.entries.values():
            button.setVisible(False)
            sentence.setVisible(False)
            button.setDefault(False)
        for row, action in enumerate(shown):
            button, sentence = self.entries[action]
            text = status.entry_sentence(action, school)
            sentence.setText(text)
            button.setAccessibleName(button.text().replace("&", ""))
            button.setAccessibleDescription(text)
            self.entry_grid.addWidget(button, row, 0)
            self.entry_grid.addWidget(sentence, row, 1)
            button.setVisible(True)
            sentence.setVisible(True)
        # Tab follows the order shown (no enum needed: QWidget.setTabOrder; the entries were made one after another).
        for before, after in pairwise(shown):
            QWidget.setTabOrder(self.entries[before][0], self.entries[after][0])
        self.primary = self.entries[due][0]

    # -- the board's entries ----------------------------------------------------------------------
    def _resume(self) -> None:
        self.assistant().go_to(self.progress.school["current_step"])

    def _failures(self) -> None:
        self.assistant().visit("echecs")

    def _redo(self) -> None:
        self.progress.redo_pass()
        self.assistant().begin_pass()

    def _start(self, kind: PassKind) -> None:
        from PySide6.QtWidgets import QMessageBox  # a dialog: loaded when it opens

        if status.in_progress(self.progress.school):
            answer = message_box(
                self, "question", tr("Nouvel import"),
                tr("Un import est déjà en cours pour cet établissement. En commencer un nouveau efface les cases "
                   "cochées de l'import en cours (l'historique des imports est conservé). Continuer ?"),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
            if answer != QMessageBox.StandardButton.Yes:
                return
        self.progress.start_pass(kind)
        self.assistant().begin_pass()

    def _language(self, index: int) -> None:
        chosen = self.language_combo.itemData(index)
        self.progress.choose_language(chosen)
        if chosen != i18n.language():
            self.assistant().language_chosen.emit(chosen)

    # -- schools ---------------------------------------------------------------------------------
    def _switch(self, index: int) -> None:
        school_id = self.school_combo.itemData(index)
        if school_id and school_id != self.progress.school["id"]:
            self.progress.switch_school(school_id)
            self.assistant().resume()

    def _add(self) -> None:
        self.progress.add_school()
        self.assistant().resume()
        self.assistant().next()

    def _erase(self) -> None:
        from PySide6.QtWidgets import QMessageBox  # a dialog: loaded when it opens

        answer = message_box(
            self, "warning", tr("Effacer les données locales"),
            tr("Toutes les données de l'assistant sur ce poste seront effacées : établissements, étapes cochées, "
               "historique des imports et des vérifications. Cette action est définitive. Effacer ?"),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        if answer == QMessageBox.StandardButton.Yes:
            left = self.progress.erase_all()
            self.assistant().resume()
            if left:  # what erasing says it removed must be true: the rest is named
                QMessageBox.warning(self, tr("Effacer les données locales"), tr(
                    "Ces fichiers n'ont pas pu être effacés (ouverts dans un autre programme, ou protégés) : {files}. "
                    "Supprimez-les vous-même.").format(files=" ; ".join(f"« {path} »" for path in left)))
