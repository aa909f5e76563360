"""The matching preview on the « rapprochement » page: load the ENT's account list, see who will match, who is
ambiguous, who is missing; accept or reject each probable pair; export the worksheet (CSV or printed).

The table grows with its rows inside the page's one scrolling area (at most SHOWN_ROWS at a time: the filters
narrow it, the worksheet has everything); the score and the reasons are technical details, behind « Détails ».
Names live only in this widget's memory (the Result); the progress keeps counts and hashed decisions.

200,000 rows and a search box: the rows are made in the worker with the matching (core/matching/preview.py), the
table is a model that shows at most SHOWN_ROWS of them, and each filter scans the rows a slice of 10 ms at a time
between the window's events – the first matches show at once, the count when the scan ends (bench/preview.py)."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, QTimer
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
    QVBoxLayout,
    QWidget,
)

from wizard.core.document import Decision
from wizard.core.i18n import tr, tr_noop
from wizard.core.matchcheck import MappingNeeded, changed_since_check, decision_of, pair_key, run_matching
from wizard.core.matching.entcsv import one_name_finding
from wizard.core.matching.matcher import STATUS_LABELS, STATUS_PLURALS, Pair, Result
from wizard.core.matching.preview import (
    TO_REVIEW,
    Filter,
    PreviewRow,
    no_collector_pauses,
    preview_rows,
    release_in_slices,
)
from wizard.core.people import FIELD_LABELS, PROFILE_LABELS, PROFILES
from wizard.core.records import worksheet_html
from wizard.gui.accessibility import announce
from wizard.gui.files import changed_since_analysed, open_file, save_file
from wizard.gui.tables import GrownTableView
from wizard.gui.wheel import ComboBox
from wizard.gui.widgets import FlowRow, notice, paragraph
from wizard.gui.worker import TaskRunner

STATUS_FILTERS = STATUS_PLURALS
FILTER_SLICE = 0.01  # seconds of scanning between two turns of the event loop
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
        mapping = self.mapping()
        if not {"last_name", "first_name", "ident"} <= set(mapping):
            self.problem.setText(tr("Il faut au moins les colonnes Nom, Prénom et Identifiant."))
            return
        if len(set(mapping.values())) < len(mapping):  # the reader would refuse it too (matching/entcsv.py)
            self.problem.setText(tr("Une même colonne est choisie pour deux informations : choisissez une colonne "
                                    "différente pour chacune."))
            return
        self.accept()


class MatchingPreview(QGroupBox):
    def __init__(self, page):
        super().__init__(tr("Prévoir le rapprochement (facultatif)"))
        self.page = page
        self.progress_model = page.progress
        self.result: Result | None = None
        self.rows: list[PreviewRow] = []  # all of them
        self.csv_path: Path | None = None
        self.shown_for: tuple[str, str] | None = None  # the school and pass the list loaded last is for
        self._scan: Filter | None = None
        self._announce_after_scan: list[str] | None = None
        self._scan_timer = QTimer(self)
        self._scan_timer.setInterval(0)
        self._scan_timer.timeout.connect(self._scan_step)
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
        self.model = MatchingModel(self)
        self.table = _MatchingTable(self.model, "matching_table", tr("Aperçu du rapprochement des comptes"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.selectionModel().selectionChanged.connect(self._selection)
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
                (0, 0, tr("S&tatut :"), self.status_filter, tr("Statut (filtre des lignes)")),
                (0, 2, tr("Pro&fil :"), self.profile_filter, tr("Profil (filtre des lignes)")),
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
        checked = self.progress_model.cycle["file"]  # a later check records another: the job keeps this one
        target = self.progress_model.job_target()  # its counts belong to this school and pass
        self.shown_for = target
        if checked and changed_since_analysed(checked):
            # Matched as it is now, it would not be the file checked and imported – nor the counts shown. Told by
            # a stat, before the account list is read; the same size and time are told by the bytes (run_matching).
            self._say(changed_since_check(checked["name"]), "error")
            return

        def job(advance, cancelled):
            with no_collector_pauses():
                outcome = run_matching(checked, csv_path, mapping, advance=advance, cancelled=cancelled)
                if isinstance(outcome, MappingNeeded):
                    return outcome
                ent, result = outcome
                return ent, result, preview_rows(result, cancelled)  # the table's texts, made here, not on screen

        if self.task.run(job, done=lambda outcome: self._done(outcome, target), failed=self._failed,
                         cancelled=lambda: self._say(tr("Rapprochement annulé."), "warning")):
            self._say(tr("Comparaison des deux listes en cours…"), "info")

    def _done(self, outcome, target) -> None:
        from wizard.core.progress import HERE

        if self.progress_model.where(target) != HERE:
            # Another school or pass is shown: names of one school never appear on another's page, and counts are
            # kept only where they were asked for.
            if not isinstance(outcome, MappingNeeded):
                ent, result, _rows = outcome
                self.progress_model.record_matching(result.counts, len(ent.people), len(ent.unusable), target)
            self._say(tr("Le rapprochement s'est terminé pour un autre établissement ou un autre import que celui "
                         "affiché : il n'est pas montré ici."), "warning")
            return
        if isinstance(outcome, MappingNeeded):
            dialog = ColumnMappingDialog(outcome.headers, outcome.message, self)
            if dialog.exec() == QDialog.DialogCode.Accepted:
                if self.csv_path is not None:
                    self.start(self.csv_path, dialog.mapping())
            else:
                self._say(outcome.message, "error")
            return
        previous = (self.rows, *(self._result_lists() if self.result is not None else ()))
        ent, result, self.rows = outcome
        self.result = result
        self._scan = None
        self.model.set_rows(self.rows)
        release_in_slices(*previous)  # the rows and pairs of the result shown before, freed a slice at a time
        self.progress_model.record_matching(result.counts, len(ent.people), len(ent.unusable), target)
        counts = result.counts
        total = {key: sum(counts.get(key, {}).values()) for key in STATUS_LABELS}
        lines = [tr("Comptes rapprochés par l'assistant, tous profils :")]
        lines += [tr("• {status} : {count}").format(status=tr(STATUS_FILTERS[key]), count=count)
                  for key, count in total.items()]
        if ent.unusable:
            lines.append(tr("{n} ligne(s) de la liste de l'ENT inutilisable(s), par exemple ligne {line} : "
                            "{message}").format(n=len(ent.unusable), line=ent.unusable[0].line,
                                                message=ent.unusable[0].message))
        if ent.one_name:
            lines.append(one_name_finding(ent))
        self.status.show_message("\n".join(lines), "ok" if not total["ambiguous"] else "warning")
        # What needs a look comes first; the sure pairs are one choice away.
        self.status_filter.setCurrentIndex(self.status_filter.findData(TO_REVIEW if total["certain"] < sum(
            total.values()) else ""))
        self._show_result()
        # Said with the result once the first scan has counted its rows: the counts, the table's size, and the
        # warning that comes with the table.
        self._announce_after_scan = lines

    def forget(self) -> None:
        """The page now shows another school or another pass: nothing of the list loaded before stays – its table
        of names, its counts, its messages, its file offered again."""
        previous = (self.rows, *self._result_lists())
        self.result, self.rows, self._scan, self.csv_path, self.shown_for = None, [], None, None, None
        self._announce_after_scan = None
        self.model.set_rows([])
        release_in_slices(*previous)
        self.status.show_message("", "info")
        self._show_result()

    def _result_lists(self) -> tuple[list, ...]:
        if self.result is None:
            return ()
        return self.result.pairs, self.result.unmatched_pronote, self.result.unmatched_ent

    def _failed(self, message: str) -> None:
        self._say(message or tr("Le rapprochement a échoué à cause d'une erreur inattendue ; le détail est dans "
                                "le journal."), "error")

    def _say(self, text: str, kind: str) -> None:
        self.status.show_message(text, kind, announce=True)

    # -- showing ----------------------------------------------------------------------------------
    def _show_result(self) -> None:
        has = self.result is not None
        self.result_part.setVisible(has)
        if not has:
            return
        self.model.set_rows(self.rows)
        self._show_details(self.details_button.isChecked())
        self._filter()
        self._selection()

    def _show_details(self, on: bool) -> None:
        # The same rows, two columns more or less: no new scan (a model reset tells assistive tools every cell
        # again).
        for column in DETAIL_COLUMNS:
            self.table.setColumnHidden(column, not on)
        self.table.fit()

    def _filter(self) -> None:
        """A new scan for the filters now set; the one under way (a keystroke ago) is dropped."""
        self._scan = Filter(self.rows, self.status_filter.currentData() or "", self.profile_filter.currentData() or "",
                            self.search.text(), SHOWN_ROWS)
        self._scan_shown = False
        self._scan_timer.start()  # at the next turn of the event loop: filters set in a row make one scan

    def _scan_step(self) -> None:
        scan = self._scan
        if scan is None:
            self._scan_timer.stop()
            return
        done = scan.step(FILTER_SLICE)
        if not self._scan_shown and (done or len(scan.found) >= scan.limit):
            self._scan_shown = True  # the first rows as soon as there are enough of them; the count follows
            self.model.show(scan.rows, scan.found)
            self.table.fit()
            self._selection()
        if done:
            self._scan_timer.stop()
            if self._announce_after_scan is not None:
                lines, self._announce_after_scan = self._announce_after_scan, None
                announce(self.status, " ".join([*lines, tr("Tableau « {name} » : {rows} ligne(s).").format(
                    name=self.table.accessibleName(), rows=self.table.shown_rows()), self.personal.text()]))
            more = scan.count - len(scan.found)
            self.more_rows.setText(tr("… et {more} autre(s) ligne(s) : affinez avec les filtres, ou exportez la "
                                      "feuille de travail qui les contient toutes.").format(more=more))
            self.more_rows.setVisible(more > 0)

    @property
    def filtering(self) -> bool:
        return self._scan is not None and not self._scan.done

    def _selected_pair(self) -> tuple[Pair | None, int]:
        """The probable pair selected (the only ones to decide on) and its row; (None, -1) when none is."""
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        if not rows:
            return None, -1
        row = rows[0].row()
        entry = self.model.row(row)
        return (entry.pair if entry.status == "probable" else None), row

    def _selection(self) -> None:
        pair, _ = self._selected_pair()
        self.accept_button.setEnabled(pair is not None)
        self.reject_button.setEnabled(pair is not None)
        self.decide_hint.setVisible(pair is None)

    def _decide(self, decision: Decision) -> None:
        pair, row = self._selected_pair()
        if pair is None:
            return
        key = self._key()
        if key is None:
            return
        self.progress_model.decide_pair(pair_key(key, pair), decision)
        self.model.decided(row)

    def _key(self) -> str | None:
        key = self.progress_model.hash_key()
        if self.progress_model.key_problem:
            self._say(self.progress_model.key_problem, "warning")
            self.progress_model.key_problem = ""
        return key

    # -- exporting --------------------------------------------------------------------------------
    def decision_text(self, entry) -> str:
        pair = entry.pair
        if pair is None or not (self.progress_model.school["matching"] or {}).get("decisions"):
            return ""
        return tr(DECISIONS.get(decision_of(self.progress_model.school, pair, self._key()), ""))

    def _decisions(self) -> list[str]:
        return [self.decision_text(entry) for entry in self.rows]

    def _export_csv(self) -> None:
        from wizard.core.matching import write_worksheet

        path = save_file(self, tr("Feuille de travail du rapprochement"), "rapprochement-comptes.csv",
                         tr("Fichier CSV (*.csv)"))
        if not path or self.result is None:
            return
        from wizard.core.outputs import failed_message, refusal

        # « Remplacer ? » in the dialog does not make the files being read, or the app's own, fair game.
        problem = refusal(Path(path), data_dir=self.progress_model.store.data_dir,
                          inputs=((self.progress_model.cycle["file"] or {}).get("path"), self.csv_path))
        if problem:
            self._say(problem, "error")
            return
        try:
            write_worksheet(self.result, path, self._decisions())
        except OSError as failure:  # what happened: a full disk is not a file « ouvert dans Excel »
            self._say(failed_message(Path(path), failure), "error")
            return
        self._say(tr("Feuille de travail enregistrée : {path}. Elle contient des "
                     "données personnelles.").format(path=path), "ok")

    def worksheet_html(self) -> str:
        """The worksheet to print ("" before any result)."""
        return worksheet_html(self.result, self._decisions()) if self.result is not None else ""

    def _print(self) -> None:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        from wizard.gui.pdf import print_html

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageOrientation(printer.pageLayout().Orientation.Landscape)
        if QPrintDialog(printer, self).exec() == QDialog.DialogCode.Accepted:
            print_html(self.worksheet_html(), printer)


class MatchingModel(QAbstractTableModel):
    """The rows the filters let through, at most SHOWN_ROWS: the view asks only for what it paints."""

    def __init__(self, preview: MatchingPreview):
        super().__init__(preview)
        self.preview = preview
        self.rows: list[PreviewRow] = []
        self.shown: list[int] = []
        self._decisions: dict[int, str] = {}  # shown row → its decision's text, computed once

    def set_rows(self, rows: list) -> None:
        self.beginResetModel()
        self.rows, self.shown, self._decisions = rows, [], {}
        self.endResetModel()

    def show(self, rows: list, indices: list[int]) -> None:
        self.beginResetModel()
        self.rows, self.shown, self._decisions = rows, list(indices), {}
        self.endResetModel()

    def row(self, number: int):
        return self.rows[self.shown[number]]

    def decided(self, number: int) -> None:
        self._decisions.pop(number, None)
        self.dataChanged.emit(self.index(number, 6), self.index(number, 6))

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's own
        return 0 if parent.isValid() else len(self.shown)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole) or not index.isValid():
            return None
        number, column = index.row(), index.column()
        if column == 6:
            if number not in self._decisions:
                self._decisions[number] = self.preview.decision_text(self.row(number))
            return self._decisions[number]
        return self.row(number).cells[column]

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return tr(COLUMNS[section])
        return None


class _MatchingTable(GrownTableView):
    """The two people side by side get the room; status, profile and reasons take their share. One line per row,
    cut with « … » when narrow, the whole text in its tooltip and for assistive tools: measuring 200 wrapped rows
    took 0.35 s at each keystroke (bench/preview.py), so no row is measured – each has one line's height."""

    SHARES = {0: 0.16, 1: 0.12, 3: 0.2}  # status, profile, reasons (when shown)

    def __init__(self, *args):
        super().__init__(*args)
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = self.horizontalHeader()
        for column in range(len(COLUMNS)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        for column in (4, 5):  # PRONOTE, ENT
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        metrics = self.fontMetrics()
        for column, widest in ((2, "100"), (6, max((tr(text) for text in DECISIONS.values()), key=len))):
            label = tr(COLUMNS[column])
            self.setColumnWidth(column, max(metrics.horizontalAdvance(widest), metrics.horizontalAdvance(label)) + 24)

    def share_width(self) -> None:
        width = self.viewport().width()
        for column, share in self.SHARES.items():
            self.setColumnWidth(column, int(width * share))

    def fit(self) -> None:
        self.share_width()
        rows = self.model().rowCount()
        self.setAccessibleDescription(tr("{rows} ligne(s)").format(rows=rows))  # as GrownTable says it
        self.setFixedHeight(self.horizontalHeader().height() + 2 * self.frameWidth()
                            + rows * self.verticalHeader().defaultSectionSize())
