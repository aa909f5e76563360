"""The matching preview on the « rapprochement » page: load the ENT's account list, see who will match, who is
ambiguous, who is missing; accept or reject each probable pair; export the worksheet (CSV or printed).

Names live only in this widget's memory (the Result); the progress keeps counts and hashed decisions."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QGroupBox, QHBoxLayout,
    QHeaderView, QLabel, QLineEdit, QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget,
)

from wizard.i18n import tr, tr_noop
from wizard.gui.widgets import notice, paragraph
from wizard.gui.worker import TaskRunner
from wizard.matchcheck import MappingNeeded, decision_of, pair_key, run_matching
from wizard.people import PROFILE_LABELS, PROFILES

STATUS_LABELS = {
    "certain": tr_noop("certain"), "probable": tr_noop("probable"), "ambiguous": tr_noop("ambigu"),
    "unmatched_pronote": tr_noop("PRONOTE seul"), "unmatched_ent": tr_noop("ENT seul"),
}
DECISIONS = {"accepte": tr_noop("accepté"), "rejete": tr_noop("rejeté")}
FIELDS = (("last_name", tr_noop("Nom")), ("first_name", tr_noop("Prénom")), ("ident", tr_noop("Identifiant")),
          ("birth_date", tr_noop("Date de naissance")), ("profile", tr_noop("Profil")), ("class_name", tr_noop("Classe")))
COLUMNS = (tr_noop("Statut"), tr_noop("Profil"), tr_noop("Score"), tr_noop("Raisons"), tr_noop("PRONOTE"),
           tr_noop("ENT"), tr_noop("Décision"))


class ColumnMappingDialog(QDialog):
    """Which column of the account list holds what, when the headers are unclear."""

    def __init__(self, headers: list[str], message: str, parent=None):
        super().__init__(parent)
        self.setWindowTitle(tr("Colonnes de la liste des comptes"))
        layout = QVBoxLayout(self)
        layout.addWidget(paragraph(message + "\n" + tr("Indiquez la colonne de chaque information :")))
        form = QFormLayout()
        self.combos: dict[str, QComboBox] = {}
        for key, label_text in FIELDS:
            combo = QComboBox()
            combo.addItem(tr("(aucune)"), None)
            for index, header in enumerate(headers):
                combo.addItem(header or tr("colonne {n}").format(n=index + 1), index)
            combo.setAccessibleName(tr(label_text))
            combo.setObjectName(f"column_{key}")
            label = QLabel(tr(label_text) + " :")
            label.setBuddy(combo)
            form.addRow(label, combo)
            self.combos[key] = combo
        layout.addLayout(form)
        self.problem = paragraph("")
        layout.addWidget(self.problem)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def mapping(self) -> dict[str, int]:
        return {key: combo.currentData() for key, combo in self.combos.items() if combo.currentData() is not None}

    def _accept(self) -> None:
        if not {"last_name", "first_name", "ident"} <= set(self.mapping()):
            self.problem.setText(tr("Il faut au moins les colonnes Nom, Prénom et Identifiant."))
            return
        self.accept()


class MatchingPreview(QGroupBox):
    def __init__(self, page):
        super().__init__(tr("Prévoir le rapprochement (facultatif)"))
        self.page = page
        self.progress_model = page.progress
        self.result = None
        self.entries = []
        self.csv_path: Path | None = None
        layout = QVBoxLayout(self)
        layout.addWidget(paragraph(tr(
            "Exportez depuis l'ENT la liste des comptes de l'établissement (fichier CSV), puis chargez-la ici : "
            "l'assistant la compare au fichier PRONOTE et montre, profil par profil, les comptes qui seront "
            "rapprochés, ceux qui sont ambigus (jumeaux, parents homonymes) et ceux qui manquent d'un côté. "
            "Les noms restent sur ce poste, en mémoire : seuls des totaux sont enregistrés.")))
        self.load_button = QPushButton(tr("Charger la liste des comptes de l'ENT (CSV)…"))
        self.load_button.setObjectName("load_ent_csv")
        self.load_button.clicked.connect(self._browse)
        self.task = TaskRunner(self, self.load_button, cancel_text=tr("Annuler"), cancel_name="cancel_matching",
                               progress_name=tr("Progression du rapprochement"))
        layout.addLayout(self.task.controls())
        self.status = notice("", "info", "matching_status")
        self.status.setVisible(False)
        layout.addWidget(self.status)

        # The filters appear with the data they filter.
        self.filters = QWidget()
        filters = QHBoxLayout(self.filters)
        filters.setContentsMargins(0, 0, 0, 0)
        self.status_filter = QComboBox()
        self.status_filter.setObjectName("status_filter")
        self.status_filter.addItem(tr("Tous les statuts"), "")
        for key, label_text in STATUS_LABELS.items():
            self.status_filter.addItem(tr(label_text), key)
        self.profile_filter = QComboBox()
        self.profile_filter.setObjectName("profile_filter")
        self.profile_filter.addItem(tr("Tous les profils"), "")
        for key in PROFILES:
            self.profile_filter.addItem(tr(PROFILE_LABELS[key]), key)
        self.search = QLineEdit()
        self.search.setObjectName("matching_search")
        self.search.setPlaceholderText(tr("nom, prénom ou identifiant"))
        for label_text, widget, accessible in ((tr("S&tatut :"), self.status_filter, tr("Filtrer par statut")),
                                               (tr("Pro&fil :"), self.profile_filter, tr("Filtrer par profil")),
                                               (tr("&Rechercher :"), self.search, tr("Rechercher un nom, un prénom ou un identifiant"))):
            label = QLabel(label_text)
            label.setBuddy(widget)
            widget.setAccessibleName(accessible)
            filters.addWidget(label)
            filters.addWidget(widget)
        self.status_filter.currentIndexChanged.connect(self._filter)
        self.profile_filter.currentIndexChanged.connect(self._filter)
        self.search.textChanged.connect(self._filter)
        layout.addWidget(self.filters)

        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setObjectName("matching_table")
        self.table.setAccessibleName(tr("Aperçu du rapprochement des comptes"))
        self.table.setHorizontalHeaderLabels([tr(c) for c in COLUMNS])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setTabKeyNavigation(False)
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.setMinimumHeight(220)
        self.table.itemSelectionChanged.connect(self._selection)
        layout.addWidget(self.table)

        actions = QHBoxLayout()
        self.accept_button = QPushButton(tr("&Accepter la paire"))
        self.accept_button.setObjectName("accept_pair")
        self.reject_button = QPushButton(tr("Re&jeter la paire"))
        self.reject_button.setObjectName("reject_pair")
        self.accept_button.clicked.connect(lambda: self._decide("accepte"))
        self.reject_button.clicked.connect(lambda: self._decide("rejete"))
        self.export_button = QPushButton(tr("&Exporter la feuille de travail (CSV)…"))
        self.export_button.setObjectName("export_worksheet")
        self.export_button.clicked.connect(self._export_csv)
        self.print_button = QPushButton(tr("&Imprimer la feuille…"))
        self.print_button.setObjectName("print_worksheet")
        self.print_button.clicked.connect(self._print)
        for button in (self.accept_button, self.reject_button, self.export_button, self.print_button):
            button.setAccessibleName(button.text().replace("&", "").rstrip("…"))
            actions.addWidget(button)
        actions.addStretch(1)
        layout.addLayout(actions)
        self.personal = notice(tr("La feuille de travail contient des données personnelles (noms, dates de "
                                  "naissance) : gardez-la dans l'établissement et supprimez-la une fois le "
                                  "rapprochement terminé."), "warning")
        layout.addWidget(self.personal)
        self._show_result()

    # -- running ----------------------------------------------------------------------------------
    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, tr("Liste des comptes de l'ENT"), str(Path.home()),
                                              tr("Fichier CSV (*.csv *.txt);;Tous les fichiers (*)"))
        if path:
            self.start(Path(path))

    @property
    def running(self) -> bool:
        return self.task.running

    def start(self, csv_path: Path, mapping: dict | None = None) -> None:
        self.csv_path = csv_path
        pronote_file = (self.progress_model.cycle["file"] or {}).get("path")
        job = lambda advance, cancelled: run_matching(pronote_file, csv_path, mapping, advance=advance,
                                                      cancelled=cancelled)
        if self.task.run(job, done=self._done, failed=self._failed,
                         cancelled=lambda: self._say(tr("Rapprochement annulé."), "warning")):
            self._say(tr("Comparaison des deux listes en cours…"), "info")

    def _done(self, outcome) -> None:
        if isinstance(outcome, MappingNeeded):
            dialog = ColumnMappingDialog(outcome.headers, outcome.message, self)
            if dialog.exec() == QDialog.DialogCode.Accepted:
                self.start(self.csv_path, dialog.mapping())
            else:
                self._say(outcome.message, "error")
            return
        ent, self.result = outcome
        self.progress_model.record_matching(self.result.counts, len(ent.people), len(ent.unusable))
        counts = self.result.counts
        total = {key: sum(counts.get(key, {}).values()) for key in STATUS_LABELS}
        lines = [tr("Certains : {certain} ; probables : {probable} ; ambigus : {ambiguous} ; PRONOTE seuls : "
                    "{unmatched_pronote} ; ENT seuls : {unmatched_ent}.").format(**total)]
        if ent.unusable:
            lines.append(tr("{n} ligne(s) de la liste de l'ENT inutilisable(s), par exemple ligne {line} : {message}").format(
                n=len(ent.unusable), line=ent.unusable[0].line, message=ent.unusable[0].message))
        self._say("\n".join(lines), "ok" if not total["ambiguous"] else "warning")
        self._show_result()

    def _failed(self, message: str) -> None:
        self._say(message or tr("Le rapprochement a échoué à cause d'une erreur inattendue ; le détail est dans le journal."), "error")

    def _say(self, text: str, kind: str) -> None:
        self.status.show_message(text, kind)

    # -- showing ----------------------------------------------------------------------------------
    def _show_result(self) -> None:
        from wizard.matching.worksheet import worksheet_entries

        has = self.result is not None
        for widget in (self.table, self.filters, self.accept_button,
                       self.reject_button, self.export_button, self.print_button, self.personal):
            widget.setVisible(has)
        if not has:
            return
        self.entries = worksheet_entries(self.result)
        self.table.setRowCount(len(self.entries))
        for row, (profile, status, item) in enumerate(self.entries):
            pair = item if status in ("certain", "probable", "ambiguous") else None
            pronote = pair.pronote if pair else (item if status == "unmatched_pronote" else None)
            ent = pair.ent if pair else (item if status == "unmatched_ent" else None)
            cells = [tr(STATUS_LABELS[status]), tr(PROFILE_LABELS.get(profile, profile)),
                     str(pair.score) if pair else "", ", ".join(tr(r) for r in pair.reasons) if pair else "",
                     _person(pronote), _person(ent), tr(DECISIONS.get(decision_of(self.progress_model.school, pair), "")) if pair else ""]
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                cell.setData(Qt.ItemDataRole.UserRole, row)
                self.table.setItem(row, column, cell)
        self.table.resizeColumnsToContents()
        self._filter()
        self._selection()

    def _filter(self) -> None:
        status, profile = self.status_filter.currentData(), self.profile_filter.currentData()
        needle = self.search.text().strip().lower()
        for row, (p, s, _) in enumerate(self.entries):
            text = " ".join(self.table.item(row, c).text().lower() for c in (4, 5))
            hidden = (status and s != status) or (profile and p != profile) or (needle and needle not in text)
            self.table.setRowHidden(row, bool(hidden))

    def _selected_pair(self):
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        if not rows:
            return None, -1
        row = rows[0].row()
        profile, status, item = self.entries[row]
        return (item if status == "probable" else None), row

    def _selection(self) -> None:
        pair, _ = self._selected_pair()
        self.accept_button.setEnabled(pair is not None)
        self.reject_button.setEnabled(pair is not None)

    def _decide(self, decision: str) -> None:
        pair, row = self._selected_pair()
        if pair is None:
            return
        self.progress_model.decide_pair(pair_key(self.progress_model.school["hash_key"], pair), decision)
        self.table.item(row, 6).setText(tr(DECISIONS[decision]))

    # -- exporting --------------------------------------------------------------------------------
    def _decisions(self) -> list[str]:
        return [tr(DECISIONS.get(decision_of(self.progress_model.school, item), "")) if s in ("certain", "probable", "ambiguous") else ""
                for _, s, item in self.entries]

    def _export_csv(self) -> None:
        from wizard.matching import write_worksheet

        path, _ = QFileDialog.getSaveFileName(self, tr("Feuille de travail du rapprochement"),
                                              str(Path.home() / "rapprochement-comptes.csv"), tr("Fichier CSV (*.csv)"))
        if not path:
            return
        try:
            write_worksheet(self.result, path, self._decisions())
        except OSError:
            self._say(tr("Impossible d'écrire « {path} » : le fichier est peut-être ouvert dans Excel.").format(path=path), "error")
            return
        self._say(tr("Feuille de travail enregistrée : {path}. Elle contient des données personnelles.").format(path=path), "ok")

    def worksheet_html(self) -> str:
        from html import escape

        from wizard.matching.worksheet import COLUMNS as SHEET_COLUMNS, NOTICE, worksheet_rows
        from wizard.records.content import STYLE

        rows = [row + [d] for row, d in zip(worksheet_rows(self.result), self._decisions())]
        head = "".join(f"<th>{escape(h)}</th>" for h in (*SHEET_COLUMNS, "Décision"))
        body = "".join("<tr>" + "".join(f"<td>{escape(c)}</td>" for c in row) + "</tr>" for row in rows)
        return (f"{STYLE}<h1>{escape(tr('Rapprochement des comptes – feuille de travail'))}</h1>"
                f"<p><b>{escape(NOTICE)}</b></p><table border='1' cellspacing='0'><tr>{head}</tr>{body}</table>")

    def _print(self) -> None:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        from wizard.records.pdf import print_html

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageOrientation(printer.pageLayout().Orientation.Landscape)
        if QPrintDialog(printer, self).exec() == QDialog.DialogCode.Accepted:
            print_html(self.worksheet_html(), printer)


def _person(person) -> str:
    if person is None:
        return ""
    when = person.birth_date.strftime("%d/%m/%Y") if person.birth_date else ""
    return " ".join(part for part in (person.last_name, person.first_name, when, f"({person.ident})") if part)
