"""Part 3: choose (or drop) the exported file; analysis in the background; counts and findings, the technical
details (format, encoding, fields used, fingerprint, line numbers) behind « Détails »."""
from __future__ import annotations

from pathlib import Path

from PySide6 import QtCore
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidgetItem,
    QWidget,
)

from wizard.core import i18n
from wizard.core.document import Analysis, FileInfo
from wizard.core.filecheck import NO_ERROR, ForTheCheck, analysis_record, run_analysis
from wizard.core.i18n import tr, tr_noop
from wizard.core.people import PROFILE_LABELS, PROFILES
from wizard.core.progress import GONE, HERE, analysis_is_current
from wizard.gui.accessibility import announce, message_box
from wizard.gui.files import changed_since_analysed, open_file
from wizard.gui.tables import GrownTable
from wizard.gui.wheel import ComboBox
from wizard.gui.widgets import hide_keeping_focus
from wizard.gui.worker import TaskRunner
from wizard.pages.base import StepPage, notice, paragraph

LEVEL_LABELS = {"error": tr_noop("Erreur"), "warning": tr_noop("Avertissement")}
SHOWN_FINDINGS = 200  # enough to act on; the full list comes with `check --json`


def expected_file_name(ent) -> str:
    """What the exported file is called, said as surely as the ENT's data file knows it."""
    fact = ent.facts["export_file_name"]
    if fact.current:
        return tr("Aucun fichier choisi. Le fichier s'appelle normalement {export_file_name}.").format(**ent.words)
    return tr("Aucun fichier choisi. Dans la source de l'assistant ({date}), ce fichier s'appelle "
              "{export_file_name} ; selon la version de PRONOTE, son nom peut différer.").format(
        date=fact.confirmed[:4], **ent.words)


class FichierPage(StepPage):
    step_id = "fichier"

    def build(self) -> None:
        self.setAcceptDrops(True)
        self.body.addWidget(paragraph(
            tr("Choisissez le fichier exporté depuis PRONOTE, ou déposez-le sur cette page. L'assistant le lit sur ce "
               "poste, sans l'envoyer nulle part et sans conserver les noms : il compte les personnes par profil et "
               "signale ce qui pourrait faire échouer l'import ou laisser des comptes sans accès (identifiants "
               "manquants ou en double, fichier d'un autre établissement…).")))
        self.choose = QPushButton(tr("&Choisir le fichier…"))
        self.choose.setObjectName("choose_file")
        self.choose.setAccessibleName(tr("Choisir le fichier des identifiants PRONOTE"))
        self.choose.clicked.connect(self._browse)
        self.task = self.add_runner(TaskRunner(
            self, self.choose, cancel_text=tr("Annuler l'analyse"), cancel_name="cancel_analysis",
            progress_name=tr("Progression de l'analyse du fichier")))
        self.body.addLayout(self.task.controls())
        self.file_label = paragraph("")
        self.file_label.setObjectName("file_info")
        self.body.addWidget(self.file_label)
        self.status = notice("", "info", "analysis_status")
        self.status.setVisible(False)
        self.body.addWidget(self.status)
        # A partial export that lists everybody: refaire l'export, or make this pass a full import.
        self.everybody = QWidget()
        everybody = QHBoxLayout(self.everybody)
        everybody.setContentsMargins(0, 0, 0, 0)
        self.everybody_text = paragraph(tr(
            "Si vous vouliez bien exporter tout le monde, passez à l'import complet : le fichier sera vérifié à "
            "nouveau dans ce mode, et vous l'importerez dans l'ENT en mode « {import_mode_complet} ». Sinon, "
            "refaites l'export en cochant la case, puis choisissez le nouveau fichier.").format(**self.ent.words))
        self.to_full = QPushButton(tr("Passer à l'import co&mplet"))
        self.to_full.setObjectName("switch_to_full")
        self.to_full.setAccessibleName(tr("Passer à l'import complet"))
        self.to_full.setAccessibleDescription(self.everybody_text.text())
        self.to_full.clicked.connect(self._switch_to_full)
        everybody.addWidget(self.everybody_text, 1)
        everybody.addWidget(self.to_full, 0, QtCore.Qt.AlignmentFlag.AlignTop)
        self.everybody.setVisible(False)
        self.body.addWidget(self.everybody)
        self.counts = GrownTable(2, "counts", tr("Nombre de personnes par profil"), [tr("Profil"), tr("Personnes")])
        self.counts.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.body.addWidget(self.counts, 0, QtCore.Qt.AlignmentFlag.AlignLeft)
        self.build_findings()
        self.read_warnings = QCheckBox(tr("J'ai lu les avertissements"))
        self.read_warnings.setObjectName("read_warnings")
        self.read_warnings.setAccessibleName(tr("J'ai lu les avertissements sur le fichier"))
        self.read_warnings.toggled.connect(self._warnings_ticked)
        self.body.addWidget(self.read_warnings)
        self.details_button = QPushButton(tr("&Détails techniques"))
        self.details_button.setObjectName("details")
        self.details_button.setCheckable(True)
        self.details_button.toggled.connect(self._show_details)
        self.details = paragraph("")
        self.details.setObjectName("technical_details")
        self.details.setVisible(False)
        self.body.addWidget(self.details_button, 0, QtCore.Qt.AlignmentFlag.AlignLeft)
        self.body.addWidget(self.details)

    def build_findings(self) -> None:
        self.filter_row = QWidget()
        filter_layout = QHBoxLayout(self.filter_row)
        filter_layout.setContentsMargins(0, 0, 0, 0)
        filter_label = QLabel(tr("A&fficher :"))
        self.level_filter = ComboBox()
        self.level_filter.setObjectName("finding_filter")
        self.level_filter.addItem(tr("Toutes les remarques"), "")
        self.level_filter.addItem(tr("Erreurs seulement"), "error")
        self.level_filter.addItem(tr("Avertissements seulement"), "warning")
        self.level_filter.setAccessibleName(tr("Afficher : filtre des remarques sur le fichier"))
        filter_label.setBuddy(self.level_filter)
        self.level_filter.currentIndexChanged.connect(self._apply_filter)
        filter_layout.addWidget(filter_label)
        filter_layout.addWidget(self.level_filter)
        filter_layout.addStretch(1)
        self.body.addWidget(self.filter_row)
        self.findings = GrownTable(3, "findings", tr("Remarques sur le fichier : niveau, ligne, message"),
                                   [tr("Niveau"), tr("Ligne"), tr("Message")])
        self.findings.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.findings.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.findings.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.findings.setColumnHidden(1, True)  # line numbers are a detail
        self.body.addWidget(self.findings)
        self.more_findings = paragraph("")
        self.more_findings.setObjectName("more_findings")
        self.body.addWidget(self.more_findings)

    def first_to_do(self):
        """Choosing the file (a dialog, nothing starts by itself); then the warnings to acknowledge."""
        analysis = self.progress.cycle["analysis"]
        if not analysis or analysis["errors"]:
            return self.choose
        if self.read_warnings.isVisible() and not self.read_warnings.isChecked():
            return self.read_warnings
        return None

    def _warnings_ticked(self, on: bool) -> None:
        if not self.loading:
            self.progress.read_warnings(on)

    # -- model → widgets -------------------------------------------------------------------------
    def load(self) -> None:
        cycle = self.progress.cycle
        self.read_warnings.setChecked(cycle["warnings_read"])
        self._show_file(cycle["file"])
        analysis = cycle["analysis"]
        in_another_language = analysis is not None and analysis["language"] != i18n.language()
        # A finished pass is history: its analysis is shown as it was recorded, never read again (its result could
        # not be recorded, and the page said the import « no longer exists »).
        changed = changed_since_analysed(cycle["file"])
        if cycle["file"] and not self.progress.pass_finished and (not analysis_is_current(cycle)
                                                                   or in_another_language or changed):
            path = Path(cycle["file"]["path"])
            if path.is_file():
                # The mode changed, the analysis was interrupted, its findings were written in the other language,
                # or the file was exported again since: read the file again.
                self.analyse(path)
                if changed:
                    self.status.show_message(tr("« {name} » a changé depuis sa vérification (exporté de nouveau ?) : "
                                                "l'assistant le vérifie à nouveau.").format(name=path.name), "warning")
                return
        self._show_analysis(analysis)

    def _show_file(self, file: FileInfo | None) -> None:
        if not file:
            self.file_label.setText(expected_file_name(self.ent))
            return
        self.file_label.setText(tr("Fichier : {name} – {size}").format(name=file["name"],
                                                                       size=_human_size(file["size"])))

    def _show_analysis(self, analysis: Analysis | None) -> None:
        findings = analysis["findings"] if analysis else []
        self.counts.setVisible(analysis is not None)
        self.findings.setVisible(bool(findings))
        self.filter_row.setVisible(bool(findings))
        self.more_findings.setVisible(len(findings) > SHOWN_FINDINGS)
        self.read_warnings.setVisible(analysis is not None and bool(analysis["warnings"]) and not analysis["errors"])
        self.details_button.setVisible(analysis is not None)
        self.everybody.setVisible(analysis is not None and self.progress.cycle["mode"] == "partiel"
                                  and bool(analysis["finding_counts"].get("tous_deja_importes")))
        self._show_details(self.details_button.isChecked())
        if analysis is None:
            self.status.setVisible(False)
            return
        counts = analysis["counts"]
        rows = [(tr(PROFILE_LABELS[p]), counts.get(p, 0)) for p in PROFILES if counts.get(p)]
        rows.append((tr("Total"), counts.get("total", 0)))
        self.counts.setRowCount(len(rows))
        for index, (label, number) in enumerate(rows):
            self.counts.setItem(index, 0, QTableWidgetItem(label))
            item = QTableWidgetItem(_grouped(number))
            item.setTextAlignment(QtCore.Qt.AlignmentFlag.AlignRight | QtCore.Qt.AlignmentFlag.AlignVCenter)
            self.counts.setItem(index, 1, item)
        shown = findings[:SHOWN_FINDINGS]
        self.findings.setRowCount(len(shown))
        for index, finding in enumerate(shown):
            level = QTableWidgetItem(tr(LEVEL_LABELS[finding["level"]]))
            level.setData(QtCore.Qt.ItemDataRole.UserRole, finding["level"])
            self.findings.setItem(index, 0, level)
            self.findings.setItem(index, 1, QTableWidgetItem(str(finding["line"] or "")))
            self.findings.setItem(index, 2, QTableWidgetItem(finding["message"]))
        self.more_findings.setText(tr("… et {more} autre(s) remarque(s) : la liste complète s'obtient avec la commande "
                                      "« check --json ».").format(more=len(findings) - len(shown)))
        self._apply_filter()
        if analysis["errors"]:
            verdict, kind = tr("{errors} erreur(s) bloquante(s) : corrigez-les dans PRONOTE et exportez de nouveau "
                               "avant d'importer dans l'ENT.").format(errors=analysis["errors"]), "error"
        elif analysis["warnings"]:
            verdict, kind = tr("Aucune erreur bloquante ; {warnings} avertissement(s) à lire.").format(
                warnings=analysis["warnings"]), "warning"
        else:
            verdict, kind = tr(NO_ERROR), "ok"
        self.status.show_message(verdict, kind)
        if not self.loading:  # a result that arrives away from the focus: said, with what the tables hold
            announce(self.status, " ".join([verdict, *self._table_sizes()]), assertive=kind == "error")
        self.details.setText(self._details_text(analysis))

    def _table_sizes(self) -> list[str]:
        sizes = [tr("Tableau « {name} » : {rows} ligne(s).").format(name=self.counts.accessibleName(),
                                                                  rows=self.counts.rowCount())]
        if self.findings.isVisibleTo(self):
            sizes.append(tr("Tableau « {name} » : {rows} ligne(s).").format(name=self.findings.accessibleName(),
                                                                          rows=self.findings.shown_rows()))
        return sizes

    def _details_text(self, analysis: Analysis) -> str:
        from wizard.core.idfile.report import MAPPING_LABELS  # the file reader loads with its first use

        lines = [tr("Format reconnu : {layout}").format(layout=tr(analysis["layout_label"] or analysis["layout"]))]
        if analysis["encoding"]:
            lines.append(tr("Encodage : {encoding}").format(encoding=analysis["encoding"]))
        if analysis["mapping"]:
            lines.append(tr("Champs utilisés : {fields}").format(fields=", ".join(
                f"{tr(MAPPING_LABELS.get(k, k))} ← {v}" for k, v in analysis["mapping"].items())))
        lines.append(tr("Empreinte SHA-256 du fichier : {sha}").format(sha=analysis["file_sha256"]))
        return "\n".join(lines)

    def _show_details(self, on: bool) -> None:
        self.details.setVisible(on and self.details_button.isVisible())
        self.findings.setColumnHidden(1, not on)
        self.findings.fit()

    def _apply_filter(self) -> None:
        wanted = self.level_filter.currentData()
        for row in range(self.findings.rowCount()):
            item = self.findings.item(row, 0)  # every row has its level (_show_analysis)
            level = item.data(QtCore.Qt.ItemDataRole.UserRole) if item is not None else None
            self.findings.setRowHidden(row, bool(wanted) and level != wanted)
        self.findings.fit()
        self.counts.fit_width()
        self.counts.fit()

    # -- choosing and analysing ------------------------------------------------------------------
    def _browse(self) -> None:
        chosen = self.progress.cycle["file"]
        remembered = chosen["path"] if chosen else None
        path = open_file(self, tr("Fichier des identifiants PRONOTE"),
                         tr("Fichier XML (*.xml);;Tous les fichiers (*)"), remembered)
        if path:
            self.analyse(Path(path))

    def dragEnterEvent(self, event) -> None:
        if event.mimeData().hasUrls() and any(url.isLocalFile() for url in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        for url in event.mimeData().urls():
            if url.isLocalFile():
                self.analyse(Path(url.toLocalFile()))
                event.acceptProposedAction()
                return

    def analyse(self, path: Path) -> None:
        if not path.is_file():
            # A folder dropped by mistake, a file gone since: said, and the analysis kept stands.
            self.status.show_message(tr("« {name} » n'est pas un fichier que l'assistant peut ouvrir : rien n'a été "
                                        "changé.").format(name=path.name or str(path)), "error", announce=True)
            return
        # What the job needs, taken now on this thread: the school and the pass it is for, whatever is shown later.
        target = self.progress.job_target()
        school = self.progress.school
        snapshot: ForTheCheck = {"identity": school["identity"].copy(),
                                 "import_history": list(school["import_history"]),
                                 "hash_key": self.progress.hash_key(school)}
        if self.progress.key_problem:
            message_box(self, "warning", tr("Clé des empreintes"), self.progress.key_problem)
            self.progress.key_problem = ""
        mode = self.progress.cycle["mode"]

        def job(advance, cancelled):
            info, found = run_analysis(path, snapshot, mode, advance=advance, cancelled=cancelled)
            return info, analysis_record(found, mode)  # made plain here, off the window's thread

        # A new file replaces the one being read.
        self.task.run(job, done=lambda outcome: self._analysed(outcome, target),
                      failed=lambda message: self._failed(message, path, target), cancelled=self._cancelled,
                      replace=True)
        self.status.show_message(tr("Analyse de {name} en cours…").format(name=path.name), "info",
                                 announce=not self.loading)

    def _analysed(self, outcome, target) -> None:
        file_info, record = outcome
        where = self.progress.record_analysis(file_info, record, target)
        if where != HERE:
            self.status.show_message(_elsewhere(self.progress, target, where), "warning", announce=True)
            return
        self.loading = True
        try:
            self.read_warnings.setChecked(False)
        finally:
            self.loading = False
        self._show_file(self.progress.cycle["file"])
        self._show_analysis(self.progress.cycle["analysis"])
        if self.read_warnings.isVisible():
            self.scroll_area.ensureWidgetVisible(self.read_warnings)

    def _switch_to_full(self) -> None:
        """The export listed everybody: this pass becomes a full import, and the file is read again in that mode."""
        self.progress.choose_mode("complet")
        hide_keeping_focus(self.everybody, self.choose)
        file = self.progress.cycle["file"]
        if file and Path(file["path"]).is_file():
            self.analyse(Path(file["path"]))
        else:
            self._show_analysis(None)
            self.status.show_message(tr("Import complet choisi : choisissez à nouveau le fichier pour le vérifier "
                                        "dans ce mode."), "info", announce=True)

    def _failed(self, message: str, path: Path, target) -> None:
        if self.progress.where(target) != HERE:
            return  # the page shows another school or pass now; the analysis that stands there is not this one's
        chosen = self.progress.cycle["file"]
        if chosen and Path(chosen["path"]) == path:  # the recorded file itself can no longer be read
            self.progress.forget_analysis()
            self._show_analysis(None)
        self.status.show_message(message or tr("Le fichier n'a pas pu être lu à cause d'une erreur inattendue ; le "
                                               "détail est dans le journal."), "error", announce=True)

    def _cancelled(self) -> None:
        self.status.show_message(tr("Analyse annulée : choisissez à nouveau le fichier pour la relancer."), "warning",
                                 announce=True)


def _elsewhere(progress, target, where: str) -> str:
    """What became of an analysis that ended for a school or a pass no longer shown."""
    if where == GONE:
        return tr("L'analyse s'est terminée pour un établissement ou un import qui n'existe plus : son résultat "
                  "n'a pas été enregistré.")
    name = progress.doc["schools"][target[0]]["identity"]["name"] or tr("Nouvel établissement")
    # « rattaché », not « enregistré »: it is written with the next save, which may fail (the save banner then
    # says so); nothing may claim a write that has not happened.
    return tr("L'analyse lancée pour « {name} » s'est terminée : son résultat est rattaché à cet établissement, pas "
              "à celui affiché.").format(name=name)


def _grouped(number: int) -> str:
    """A count with the language's digit grouping (« 1 575 »), whatever its size: QLocale's own takes 64 bits at
    most, and a progress file edited by hand may hold more (the loader takes any count)."""
    return f"{number:,}".replace(",", QLocale().groupSeparator())


def _human_size(size: int) -> str:
    """« 812 octets », « 1,5 Mo »: in whole numbers, so that no size overflows a float (see _grouped)."""
    units = (tr("octets"), tr("Ko"), tr("Mo"), tr("Go"))
    power = min(len(units) - 1, max(0, (size.bit_length() - 1) // 10))
    if power == 0:
        return f"{size} {units[0]}"
    tenths = (size * 10 + 1024 ** power // 2) // 1024 ** power  # rounded to the nearest tenth
    return f"{_grouped(tenths // 10)}{QLocale().decimalPoint()}{tenths % 10} {units[power]}"
