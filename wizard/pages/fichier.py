"""Part 3: choose (or drop) the exported file; analysis in the background; counts, layout, findings."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import (
    QAbstractItemView, QCheckBox, QComboBox, QFileDialog, QHBoxLayout, QHeaderView, QLabel,
    QPushButton, QTableWidget, QTableWidgetItem, QWidget,
)

from wizard.filecheck import analysis_record, run_analysis
from wizard.idfile.report import MAPPING_LABELS
from wizard.pages.base import StepPage, notice, paragraph, style_notice
from wizard.people import PROFILE_LABELS, PROFILES
from wizard.progress import now_iso
from wizard.pages.task import TaskRunner
from wizard.i18n import tr, tr_noop

LEVEL_LABELS = {"error": tr_noop("Erreur"), "warning": tr_noop("Avertissement")}


class FichierPage(StepPage):
    step_id = "fichier"

    def build(self) -> None:
        self.setAcceptDrops(True)
        self.body.addWidget(paragraph(
            tr("Choisissez le fichier exporté depuis PRONOTE, ou déposez-le sur cette page. L'assistant le lit sur ce "
            "poste, sans l'envoyer nulle part et sans conserver les noms : il compte les personnes par profil et "
            "signale ce qui ferait échouer l'import dans l'ENT.")
        ))
        self.choose = QPushButton(tr("&Choisir le fichier…"))
        self.choose.setObjectName("choose_file")
        self.choose.setAccessibleName(tr("Choisir le fichier des identifiants PRONOTE"))
        self.choose.clicked.connect(self._browse)
        self.task = TaskRunner(self, self.choose, cancel_text=tr("Annuler l'analyse"), cancel_name="cancel_analysis",
                               progress_name=tr("Progression de l'analyse du fichier"),
                               on_busy=lambda on: self.completeChanged.emit())
        self.cancel, self.bar = self.task.cancel, self.task.bar
        self.body.addLayout(self.task.controls())
        self.file_label = paragraph("")
        self.file_label.setObjectName("file_info")
        self.body.addWidget(self.file_label)
        self.status = notice("", "info")
        self.status.setObjectName("analysis_status")
        self.status.setVisible(False)
        self.body.addWidget(self.status)

        self.counts = QTableWidget(0, 2)
        self.counts.setObjectName("counts")
        self.counts.setAccessibleName(tr("Nombre de personnes par profil"))
        self.counts.setHorizontalHeaderLabels([tr("Profil"), tr("Personnes")])
        self.counts.verticalHeader().setVisible(False)
        self.counts.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.counts.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.counts.setMaximumHeight(200)
        self.counts.setTabKeyNavigation(False)  # Tab must leave the table: no keyboard trap
        self.body.addWidget(self.counts)

        filter_row = QWidget()
        filter_layout = QHBoxLayout(filter_row)
        filter_layout.setContentsMargins(0, 0, 0, 0)
        filter_label = QLabel(tr("A&fficher :"))
        self.level_filter = QComboBox()
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
        self.body.addWidget(filter_row)
        self.findings = QTableWidget(0, 3)
        self.findings.setObjectName("findings")
        self.findings.setAccessibleName(tr("Remarques sur le fichier : niveau, ligne, message"))
        self.findings.setHorizontalHeaderLabels([tr("Niveau"), tr("Ligne"), tr("Message")])
        self.findings.verticalHeader().setVisible(False)
        self.findings.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.findings.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.findings.setWordWrap(True)
        self.findings.setMinimumHeight(160)
        self.findings.setTabKeyNavigation(False)
        self.body.addWidget(self.findings)
        self.read_warnings = QCheckBox(tr("J'ai lu les avertissements"))
        self.read_warnings.setObjectName("read_warnings")
        self.read_warnings.setAccessibleName(tr("J'ai lu les avertissements sur le fichier"))
        self.read_warnings.toggled.connect(self._warnings_read)
        self.body.addWidget(self.read_warnings)

    # -- model → widgets -------------------------------------------------------------------------
    def load(self) -> None:
        file = self.progress.cycle.get("file")
        analysis = self.progress.cycle.get("analysis")
        self.read_warnings.setChecked(bool(self.progress.field(self.step_id, "avertissements_lus")))
        self._show_file(file)
        if file and (not analysis or analysis.get("file_sha256") != file.get("sha256")
                     or analysis.get("mode") != self.progress.cycle.get("mode")):
            path = Path(file.get("path", ""))
            if path.is_file():
                self.analyse(path)  # the mode changed or the analysis was interrupted: redo it
                return
        self._show_analysis(analysis)

    def _show_file(self, file: dict | None) -> None:
        if not file:
            self.file_label.setText(tr("Aucun fichier choisi. Le fichier s'appelle normalement {export_file_name}.").format(export_file_name=self.ent.export_file_name))
            return
        size = file.get("size", 0)
        sha = file.get("sha256", "")
        self.file_label.setText(
            tr("Fichier : {name} – {size}\nEmpreinte SHA-256 : {sha}").format(name=file.get("name", ""), size=_human_size(size), sha=sha)
        )

    def _show_analysis(self, analysis: dict | None) -> None:
        has = bool(analysis)
        self.counts.setVisible(has)
        self.findings.setVisible(has and bool(analysis.get("findings")))
        self.level_filter.parentWidget().setVisible(has and bool(analysis.get("findings")))
        self.read_warnings.setVisible(has and bool(analysis.get("warnings")) and not analysis.get("errors"))
        if not has:
            self.status.setVisible(False)
            return
        counts = analysis.get("counts", {})
        rows = [(tr(PROFILE_LABELS[p]), counts.get(p, 0)) for p in PROFILES if counts.get(p)] + [(tr("Total"), counts.get("total", 0))]
        self.counts.setRowCount(len(rows))
        for index, (label, number) in enumerate(rows):
            self.counts.setItem(index, 0, QTableWidgetItem(label))
            item = QTableWidgetItem(str(number))
            item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.counts.setItem(index, 1, item)
        findings = analysis.get("findings", [])
        self.findings.setRowCount(len(findings))
        for index, finding in enumerate(findings):
            level = QTableWidgetItem(tr(LEVEL_LABELS.get(finding.get("level"), finding.get("level", ""))))
            level.setData(Qt.ItemDataRole.UserRole, finding.get("level"))
            self.findings.setItem(index, 0, level)
            self.findings.setItem(index, 1, QTableWidgetItem(str(finding.get("line") or "")))
            self.findings.setItem(index, 2, QTableWidgetItem(finding.get("message", "")))
        self.findings.resizeRowsToContents()
        self._apply_filter()
        layout_text = tr("Format reconnu : {layout}").format(layout=analysis.get('layout_label') or analysis.get('layout', '?'))
        if analysis.get("encoding"):
            layout_text += tr(" ; encodage {encoding}").format(encoding=analysis['encoding'])
        mapping = analysis.get("mapping") or {}
        if mapping:
            layout_text += tr("\nChamps utilisés : ") + ", ".join(
                f"{tr(MAPPING_LABELS.get(k, k))} ← {v}" for k, v in mapping.items())
        if analysis.get("errors"):
            verdict = tr("{errors} erreur(s) bloquante(s) : l'import dans l'ENT échouerait ou serait incomplet.").format(errors=analysis["errors"])
            kind = "error"
        elif analysis.get("warnings"):
            verdict = tr("Aucune erreur bloquante ; {warnings} avertissement(s) à lire.").format(warnings=analysis["warnings"])
            kind = "warning"
        else:
            verdict = tr("Aucune erreur : le fichier peut être importé dans l'ENT.")
            kind = "ok"
        self._set_status(verdict + "\n" + layout_text, kind)

    def _set_status(self, text: str, kind: str) -> None:
        self.status.setText(text)
        self.status.setObjectName(f"analysis_status_{kind}")
        style_notice(self.status, kind)
        self.status.setVisible(True)

    def _apply_filter(self) -> None:
        wanted = self.level_filter.currentData()
        for row in range(self.findings.rowCount()):
            level = self.findings.item(row, 0).data(Qt.ItemDataRole.UserRole)
            self.findings.setRowHidden(row, bool(wanted) and level != wanted)

    # -- choosing and analysing ------------------------------------------------------------------
    def _browse(self) -> None:
        start = str(Path(self.progress.cycle.get("file", {}) and self.progress.cycle["file"].get("path", "") or Path.home()).parent)
        path, _ = QFileDialog.getOpenFileName(self, tr("Fichier des identifiants PRONOTE"), start, tr("Fichier XML (*.xml);;Tous les fichiers (*)"))
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

    @property
    def analysing(self) -> bool:
        return self.built and self.task.running

    def analyse(self, path: Path) -> None:
        school = self.progress.school
        mode = self.progress.cycle.get("mode")
        job = lambda progress, cancelled: run_analysis(path, school, mode, progress=progress, cancelled=cancelled)
        # A new file replaces the one being read.
        self.task.run(job, done=self._analysed, failed=self._failed, cancelled=self._cancelled, replace=True)
        self._set_status(tr("Analyse de {name} en cours…").format(name=path.name), "info")

    def _analysed(self, outcome) -> None:
        file_info, report = outcome
        self.progress.set_field(self.step_id, "avertissements_lus", False)
        self.read_warnings.setChecked(False)
        self.progress.set_cycle("file", {**file_info, "chosen_at": now_iso()})
        self.progress.set_cycle("analysis", analysis_record(report, file_info, self.progress.cycle.get("mode")))
        self._show_file(self.progress.cycle["file"])
        self._show_analysis(self.progress.cycle["analysis"])
        self.changed()

    def _failed(self, message: str) -> None:
        message = message or tr("Le fichier n'a pas pu être lu à cause d'une erreur inattendue ; le détail est dans le journal.")
        self.progress.set_cycle("analysis", None)
        self._show_analysis(None)
        self._set_status(message, "error")
        self.changed()

    def _cancelled(self) -> None:
        self._set_status(tr("Analyse annulée : choisissez à nouveau le fichier pour la relancer."), "warning")

    def _warnings_read(self, on: bool) -> None:
        if not self._loading:
            self.progress.set_field(self.step_id, "avertissements_lus", on)
            self.changed()

    def isComplete(self) -> bool:
        return not self.analysing and super().isComplete()


def _human_size(size: int) -> str:
    for unit in (tr("octets"), tr("Ko"), tr("Mo"), tr("Go")):
        if size < 1024 or unit == tr("Go"):
            return f"{size} {unit}" if unit == tr("octets") else QLocale().toString(float(size), "f", 1) + f" {unit}"
        size /= 1024
    return str(size)
