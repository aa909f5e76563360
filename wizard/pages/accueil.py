"""Welcome: what the assistant does and needs; on later launches the status board and its three entries;
the school chooser and the erasing of local data."""
from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox, QGridLayout, QGroupBox, QHBoxLayout, QLabel, QMessageBox, QPushButton, QVBoxLayout, QWidget,
)

from wizard import i18n, status
from wizard.pages.base import StepPage, notice, paragraph
from wizard.i18n import tr


class AccueilPage(StepPage):
    step_id = "accueil"

    def build(self) -> None:
        self.setTitle(tr("Interconnexion PRONOTE – mon ENT Occitanie"))
        self.body.addWidget(paragraph(
            tr("Cet assistant vous guide, page par page, pour relier votre serveur PRONOTE à mon ENT Occitanie : "
            "élèves, parents et personnels ouvriront alors PRONOTE depuis l'ENT sans se reconnecter. Il ne peut pas "
            "cliquer à votre place dans l'ENT ou dans PRONOTE : il vous dit exactement quoi faire et quoi saisir, "
            "et vérifie tout ce qu'il peut. Vous pouvez vous arrêter à tout moment : tout est enregistré sur ce "
            "poste, et vous reprendrez à la même page.")
        ))
        self.first_time = QWidget()
        first = QVBoxLayout(self.first_time)
        first.setContentsMargins(0, 0, 0, 0)
        first.addWidget(notice(
            tr("Il vous faut trois accès administrateur :\n"
            "• un compte administrateur de l'ENT (parties 1 et 3) ;\n"
            "• un accès administrateur à pronote.net, la console d'hébergement de PRONOTE (partie 2) ;\n"
            "• le compte Superviseur (SPR) du client PRONOTE (partie 3)."), "info"))
        first.addWidget(notice(
            tr("Calendrier : la partie 2 coupe l'accès à PRONOTE depuis l'ancien ENT (ENT-LR). Faites-la à la "
            "pré-rentrée ; les parties 1 et 3 peuvent être préparées avant."), "warning"))
        self.body.addWidget(self.first_time)

        self.board_box = QGroupBox(tr("Où en est l'interconnexion"))
        self.board_box.setObjectName("status_board")
        self.board_grid = QGridLayout(self.board_box)
        self.body.addWidget(self.board_box)
        actions = QWidget()
        row = QHBoxLayout(actions)
        row.setContentsMargins(0, 0, 0, 0)
        self.resume_button = QPushButton(tr("&Reprendre"))
        self.partial_button = QPushButton(tr("Import partiel (nouveaux arri&vants)"))
        self.year_button = QPushButton(tr("&Nouvelle année scolaire"))
        for name, button, slot in (("resume", self.resume_button, self._resume),
                                   ("partial", self.partial_button, lambda: self._start("partiel")),
                                   ("new_year", self.year_button, lambda: self._start("nouvelle_annee"))):
            button.setObjectName(f"board_{name}")
            button.setAccessibleName(button.text().replace("&", ""))
            button.clicked.connect(slot)
            row.addWidget(button)
        row.addStretch(1)
        self.board_box.layout().addWidget(actions, 10, 0, 1, 2)

        schools = QGroupBox(tr("Établissement"))
        layout = QHBoxLayout(schools)
        label = QLabel(tr("Établissement s&uivi :"))
        self.school_combo = QComboBox()
        self.school_combo.setObjectName("school_combo")
        self.school_combo.setAccessibleName(tr("Établissement suivi"))
        self.school_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.school_combo.setMinimumContentsLength(28)
        label.setBuddy(self.school_combo)
        self.school_combo.activated.connect(self._switch)
        add = QPushButton(tr("A&jouter un établissement"))
        add.setObjectName("add_school")
        add.clicked.connect(self._add)
        erase = QPushButton(tr("&Effacer les données locales…"))
        erase.setObjectName("erase")
        erase.clicked.connect(self._erase)
        for widget in (label, self.school_combo, add, erase):
            layout.addWidget(widget)
        layout.addStretch(1)
        self.body.addWidget(schools)
        language_row = QHBoxLayout()
        language_label = QLabel("&Langue / Language :")
        self.language_combo = QComboBox()
        self.language_combo.setObjectName("language_combo")
        self.language_combo.setAccessibleName("Langue / Language")
        self.language_combo.addItem("Français", "fr")
        self.language_combo.addItem("English", "en")
        language_label.setBuddy(self.language_combo)
        self.language_combo.activated.connect(self._language)
        language_row.addWidget(language_label)
        language_row.addWidget(self.language_combo)
        language_row.addStretch(1)
        self.body.addLayout(language_row)

    def load(self) -> None:
        school = self.progress.school
        finished = self.progress.setup_finished
        self.first_time.setVisible(not finished)
        self.board_box.setVisible(finished)
        self.resume_button.setEnabled(status.in_progress(school))
        # Clear the previous board rows (the action row sits at row 10 and stays).
        for index in reversed(range(self.board_grid.count())):
            item = self.board_grid.itemAt(index)
            widget = item.widget()
            if widget is not None and widget.parent() is self.board_box and widget.objectName().startswith("board_row"):
                self.board_grid.removeWidget(widget)
                widget.deleteLater()
        for number, (part, done, detail) in enumerate(status.board(school)):
            mark = QLabel(("✓ " if done else "• ") + part)
            mark.setObjectName(f"board_row_title_{number}")
            text = paragraph(detail)
            text.setObjectName(f"board_row_{number}")
            self.board_grid.addWidget(mark, number, 0)
            self.board_grid.addWidget(text, number, 1)
        self.school_combo.clear()
        for entry in self.progress.schools():
            identity = entry["identity"]
            name = identity.get("name") or tr("Nouvel établissement")
            label = f"{name} ({identity['uai']})" if identity.get("uai") else name
            self.school_combo.addItem(label, entry["id"])
        self.school_combo.setCurrentIndex(self.school_combo.findData(school["id"]))
        self.language_combo.setCurrentIndex(self.language_combo.findData(i18n.language()))

    # -- the board's entries ----------------------------------------------------------------------
    def _resume(self) -> None:
        self.wizard().go_to(self.progress.school.get("current_step") or "accueil")

    def _start(self, kind: str) -> None:
        if status.in_progress(self.progress.school):
            answer = QMessageBox.question(
                self, tr("Nouvel import"),
                tr("Un import est déjà en cours pour cet établissement. En commencer un nouveau efface les cases cochées "
                "de l'import en cours (l'historique des imports est conservé). Continuer ?"))
            if answer != QMessageBox.StandardButton.Yes:
                return
        self.progress.start_cycle(kind)
        self.wizard().next()

    def _language(self, index: int) -> None:
        chosen = self.language_combo.itemData(index)
        self.progress.set_language(chosen)
        if chosen != i18n.language():
            self.wizard().language_chosen.emit(chosen)

    # -- schools ---------------------------------------------------------------------------------
    def _switch(self, index: int) -> None:
        school_id = self.school_combo.itemData(index)
        if school_id and school_id != self.progress.school["id"]:
            self.progress.switch_school(school_id)
            self.wizard().reload_school()

    def _add(self) -> None:
        self.progress.add_school()
        self.wizard().reload_school()
        self.wizard().next()

    def _erase(self) -> None:
        answer = QMessageBox.warning(
            self, tr("Effacer les données locales"),
            tr("Toutes les données de l'assistant sur ce poste seront effacées : établissements, étapes cochées, "
               "historique des imports et des vérifications. Cette action est définitive. Effacer ?"),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        if answer == QMessageBox.StandardButton.Yes:
            self.progress.erase_all()
            self.wizard().reload_school()
