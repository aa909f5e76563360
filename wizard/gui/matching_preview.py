"""The matching preview on the « rapprochement » page: load the ENT's account list, see who will match, who is
ambiguous, who is missing; accept or reject each probable pair; export the worksheet (CSV or printed).

The table grows with its rows inside the page's one scrolling area (at most SHOWN_ROWS at a time: the filters
narrow it, the worksheet has everything); the score and the reasons are technical details, behind « Détails ».
Names live only in this widget's memory (the Result); the progress keeps counts and hashed decisions."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from wizard.core.dates import day
from wizard.core.i18n import tr, tr_noop
from wizard.core.matchcheck import MappingNeeded, decision_of, pair_key, run_matching
from wizard.core.matching.matcher import STATUS_LABELS, STATUS_PLURALS
from wizard.core.people import FIELD_LABELS, PROFILE_LABELS, PROFILES
from wizard.gui.files import open_file, save_file
from wizard.gui.tables import GrownTable
from wizard.gui.wheel import ComboBox
from wizard.gui.widgets import FlowRow, notice, paragraph
from wizard.gui.worker import TaskRunner

STATUS_FILTERS = STATUS_PLURALS
TO_REVIEW = "to_review"  # every status but « Sûrs »: what the admin has to look at, shown first
DECISIONS = {"accepte": tr_noop("Accepté"), "rejete": tr_noop("Rejeté")}
SHOWN_ROWS = 200  # enough to work through; the worksheet has every row
DETAIL_COLUMNS = (2, 3)  # score and reasons
# The columns the admin can point at (the family columns settle homonym parents).
FIELDS = tuple((key, FIELD_LABELS[key]) for key in ("last_name", "first_name", "ident", "birth_date", "profile",
                                                    "class_name", "children"))
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
            combo = ComboBox()
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
            "Si vous avez la liste des comptes ENT de l'établissement en fichier CSV (l'assistant ne sait pas quel "
            "menu de l'ENT la produit), chargez-la ici : l'assistant la compare au fichier PRONOTE et montre, profil "
            "par profil, les comptes qui seront rapprochés, ceux qui sont ambigus (jumeaux, parents homonymes) et "
            "ceux qui manquent d'un côté. "
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
        # What appears with a result: filters, table, decisions, worksheet.
        self.result_part = QWidget()
        self.result_part.setObjectName("matching_result")
        result_layout = QVBoxLayout(self.result_part)
        result_layout.setContentsMargins(0, 0, 0, 0)
        result_layout.addWidget(self._build_filters())
        self.table = _MatchingTable(len(COLUMNS), "matching_table", tr("Aperçu du rapprochement des comptes"),
                                    [tr(c) for c in COLUMNS])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.itemSelectionChanged.connect(self._selection)
        result_layout.addWidget(self.table)
        self.more_rows = paragraph("")
        self.more_rows.setObjectName("more_rows")
        result_layout.addWidget(self.more_rows)
        result_layout.addLayout(self._build_actions())
        self.personal = notice(tr("La feuille de travail contient des données personnelles (noms, dates de "
                                  "naissance) : gardez-la dans l'établissement et supprimez-la une fois le "
                                  "rapprochement terminé."), "warning")
        result_layout.addWidget(self.personal)
        layout.addWidget(self.result_part)
        self._show_result()

    def _build_filters(self) -> QWidget:
        filters = QWidget()
        grid = QGridLayout(filters)
        grid.setContentsMargins(0, 0, 0, 0)
        self.status_filter = ComboBox()
        self.status_filter.setObjectName("status_filter")
        self.status_filter.addItem(tr("Tous les statuts"), "")
        self.status_filter.addItem(tr("À examiner (tous sauf les sûrs)"), TO_REVIEW)
        for key, label_text in STATUS_FILTERS.items():
            self.status_filter.addItem(tr(label_text), key)
        self.profile_filter = ComboBox()
        self.profile_filter.setObjectName("profile_filter")
        self.profile_filter.addItem(tr("Tous les profils"), "")
        for key in PROFILES:
            self.profile_filter.addItem(tr(PROFILE_LABELS[key]), key)
        self.search = QLineEdit()
        self.search.setObjectName("matching_search")
        self.search.setPlaceholderText(tr("nom, prénom ou identifiant"))
        # Two lines, not one: three labelled filters side by side do not fit a window at 150 % scaling.
        for row, column, label_text, widget, accessible in (
                (0, 0, tr("S&tatut :"), self.status_filter, tr("Filtrer par statut")),
                (0, 2, tr("Pro&fil :"), self.profile_filter, tr("Filtrer par profil")),
                (1, 0, tr("&Rechercher :"), self.search, tr("Rechercher un nom, un prénom ou un identifiant"))):
            label = QLabel(label_text)
            label.setBuddy(widget)
            widget.setAccessibleName(accessible)
            grid.addWidget(label, row, column)
            grid.addWidget(widget, row, column + 1, 1, 2 if widget is self.search else 1)
        for combo in (self.status_filter, self.profile_filter):
            # Sized by the room there is, not by the longest choice (the list itself still shows it whole).
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(10)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        self.details_button = QPushButton(tr("&Détails (score, raisons)"))
        self.details_button.setObjectName("matching_details")
        self.details_button.setCheckable(True)
        self.details_button.toggled.connect(self._show_details)
        grid.addWidget(self.details_button, 1, 3)
        self.status_filter.currentIndexChanged.connect(self._filter)
        self.profile_filter.currentIndexChanged.connect(self._filter)
        self.search.textChanged.connect(self._filter)
        return filters

    def _build_actions(self) -> QVBoxLayout:
        # Deciding on the selected pair and keeping the worksheet: two short lines rather than one too wide.
        self.accept_button = QPushButton(tr("A&ccepter la paire"))
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
        lines = QVBoxLayout()
        for buttons in ((self.accept_button, self.reject_button), (self.export_button, self.print_button)):
            for button in buttons:
                button.setAccessibleName(button.text().replace("&", "").rstrip("…"))
                button.setAutoDefault(False)  # Enter stays « Suivant » (see StepPage.ensure_built)
            lines.addLayout(FlowRow(*buttons))
            if buttons[0] is self.accept_button:  # why they are greyed, while they are (issue 19)
                self.decide_hint = paragraph(tr("Pour accepter ou rejeter une paire, sélectionnez dans le tableau une "
                                                "ligne au statut « probable »."))
                self.decide_hint.setObjectName("decide_hint")
                lines.addWidget(self.decide_hint)
        return lines

    # -- running ----------------------------------------------------------------------------------
    def _browse(self) -> None:
        path = open_file(self, tr("Liste des comptes de l'ENT"), tr("Fichier CSV (*.csv *.txt);;Tous les fichiers (*)"),
                         self.csv_path)
        if path:
            self.start(Path(path))

    @property
    def running(self) -> bool:
        return self.task.running

    def start(self, csv_path: Path, mapping: dict | None = None) -> None:
        self.csv_path = csv_path
        pronote_file = (self.progress_model.cycle["file"] or {}).get("path")

        def job(advance, cancelled):
            return run_matching(pronote_file, csv_path, mapping, advance=advance, cancelled=cancelled)

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
        lines = [tr("Comptes rapprochés par l'assistant, tous profils :")]
        lines += [tr("• {status} : {count}").format(status=tr(STATUS_FILTERS[key]), count=count)
                  for key, count in total.items()]
        if ent.unusable:
            lines.append(tr("{n} ligne(s) de la liste de l'ENT inutilisable(s), par exemple ligne {line} : "
                            "{message}").format(n=len(ent.unusable), line=ent.unusable[0].line,
                                                message=ent.unusable[0].message))
        self._say("\n".join(lines), "ok" if not total["ambiguous"] else "warning")
        # What needs a look comes first; the sure pairs are one choice away.
        self.status_filter.setCurrentIndex(self.status_filter.findData(TO_REVIEW if total["certain"] < sum(
            total.values()) else ""))
        self._show_result()

    def _failed(self, message: str) -> None:
        self._say(message or tr("Le rapprochement a échoué à cause d'une erreur inattendue ; le détail est dans "
                                "le journal."), "error")

    def _say(self, text: str, kind: str) -> None:
        self.status.show_message(text, kind)

    # -- showing ----------------------------------------------------------------------------------
    def _show_result(self) -> None:
        from wizard.core.matching.worksheet import worksheet_entries

        has = self.result is not None
        self.result_part.setVisible(has)
        if not has:
            return
        self.entries = worksheet_entries(self.result)
        self.table.setRowCount(len(self.entries))
        for row, (profile, status, item) in enumerate(self.entries):
            pair = item if status in ("certain", "probable", "ambiguous") else None
            pronote = pair.pronote if pair else (item if status == "unmatched_pronote" else None)
            ent = pair.ent if pair else (item if status == "unmatched_ent" else None)
            reasons = ", ".join(tr(r) for r in pair.reasons) if pair else ""
            cells = [tr(STATUS_LABELS[status]), tr(PROFILE_LABELS.get(profile, profile)),
                     str(pair.score) if pair else "", reasons[:1].upper() + reasons[1:],
                     _person(pronote), _person(ent),
                     tr(DECISIONS.get(decision_of(self.progress_model.school, pair), "")) if pair else ""]
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                cell.setData(Qt.ItemDataRole.UserRole, row)
                self.table.setItem(row, column, cell)
        self._show_details(self.details_button.isChecked())
        self._selection()

    def _show_details(self, on: bool) -> None:
        for column in DETAIL_COLUMNS:
            self.table.setColumnHidden(column, not on)
        self._filter()

    def _filter(self) -> None:
        status, profile = self.status_filter.currentData(), self.profile_filter.currentData()
        needle = self.search.text().strip().lower()
        shown = matching = 0
        for row, (p, s, _) in enumerate(self.entries):
            text = " ".join(self.table.item(row, c).text().lower() for c in (4, 5))
            wanted = (not status or s == status or (status == TO_REVIEW and s != "certain")) \
                and (not profile or p == profile) and (not needle or needle in text)
            matching += wanted
            self.table.setRowHidden(row, not (wanted and shown < SHOWN_ROWS))
            shown += wanted and shown < SHOWN_ROWS
        self.more_rows.setText(tr("… et {more} autre(s) ligne(s) : affinez avec les filtres, ou exportez la feuille "
                                  "de travail qui les contient toutes.").format(more=matching - shown))
        self.more_rows.setVisible(matching > shown)
        self.table.fit()

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
        self.decide_hint.setVisible(pair is None)

    def _decide(self, decision: str) -> None:
        pair, row = self._selected_pair()
        if pair is None:
            return
        self.progress_model.decide_pair(pair_key(self.progress_model.school["hash_key"], pair), decision)
        self.table.item(row, 6).setText(tr(DECISIONS[decision]))

    # -- exporting --------------------------------------------------------------------------------
    def _decisions(self) -> list[str]:
        return [tr(DECISIONS.get(decision_of(self.progress_model.school, item), ""))
                if s in ("certain", "probable", "ambiguous") else ""
                for _, s, item in self.entries]

    def _export_csv(self) -> None:
        from wizard.core.matching import write_worksheet

        path = save_file(self, tr("Feuille de travail du rapprochement"), "rapprochement-comptes.csv",
                         tr("Fichier CSV (*.csv)"))
        if not path:
            return
        try:
            write_worksheet(self.result, path, self._decisions())
        except OSError:
            self._say(tr("Impossible d'écrire « {path} » : le fichier est peut-être "
                         "ouvert dans Excel.").format(path=path), "error")
            return
        self._say(tr("Feuille de travail enregistrée : {path}. Elle contient des "
                     "données personnelles.").format(path=path), "ok")

    def worksheet_html(self) -> str:
        from html import escape

        from wizard.core.matching.worksheet import COLUMNS as SHEET_COLUMNS
        from wizard.core.matching.worksheet import NOTICE, worksheet_rows
        from wizard.core.records import STYLE

        rows = [row + [d] for row, d in zip(worksheet_rows(self.result), self._decisions(), strict=True)]
        head = "".join(f"<th>{escape(h)}</th>" for h in (*SHEET_COLUMNS, "Décision"))
        body = "".join("<tr>" + "".join(f"<td>{escape(c)}</td>" for c in row) + "</tr>" for row in rows)
        return (f"{STYLE}<h1>{escape(tr('Rapprochement des comptes – feuille de travail'))}</h1>"
                f"<p><b>{escape(NOTICE)}</b></p><table border='1' cellspacing='0'><tr>{head}</tr>{body}</table>")

    def _print(self) -> None:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        from wizard.gui.pdf import print_html

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageOrientation(printer.pageLayout().Orientation.Landscape)
        if QPrintDialog(printer, self).exec() == QDialog.DialogCode.Accepted:
            print_html(self.worksheet_html(), printer)


def _person(person) -> str:
    if person is None:
        return ""
    when = day(person.birth_date)
    return " ".join(part for part in (person.last_name, person.first_name, when, f"({person.ident})") if part)


class _MatchingTable(GrownTable):
    """The two people side by side get the room; status, profile and reasons take their share and wrap, so the
    table fits the page's width instead of scrolling sideways."""

    SHARES = {0: 0.2, 1: 0.15, 3: 0.22}  # status, profile, reasons (when shown)

    def __init__(self, *args):
        super().__init__(*args)
        header = self.horizontalHeader()
        for column in self.SHARES:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        for column in (2, 6):  # score, decision
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        for column in (4, 5):  # PRONOTE, ENT
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)

    def share_width(self) -> None:
        width = self.viewport().width()
        for column, share in self.SHARES.items():
            self.setColumnWidth(column, min(self.sizeHintForColumn(column) + 8, int(width * share)))

    def fit(self) -> None:
        self.share_width()
        super().fit()
