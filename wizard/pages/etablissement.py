"""Your school: name, UAI (check letter), PRONOTE address (normalised), PRONOTE version, ENT site."""
from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from wizard.pages.base import StepPage, notice, paragraph
from wizard.pages.server_check import ServerCheck
from wizard.servercheck import record_probe
from wizard.school import check_ent_site, check_uai, normalise_pronote_url
from wizard.i18n import tr, tr_noop


class EtablissementPage(StepPage):
    step_id = "etablissement"
    intro = (
        tr_noop("Ces informations servent à toutes les étapes : l'assistant en déduit les valeurs à saisir dans l'ENT "
        "(dont l'URL CAS de PRONOTE), vérifie les codes et, si vous le souhaitez, interroge votre serveur PRONOTE.")
    )

    def build(self) -> None:
        # Rows in a vertical layout rather than a QFormLayout: a wrapped message inside a QFormLayout keeps the
        # height of its narrow size hint and leaves gaps; in a QVBoxLayout it takes the height its width needs.
        specs = (
            ("name", tr("&Nom de l'établissement"), tr("Nom de l'établissement"), tr("par exemple Collège Via Domitia, Manduel")),
            ("uai", tr("Code &UAI"), tr("Code UAI de l'établissement"), tr("7 chiffres et une lettre, par exemple 0301746K")),
            ("pronote_url", tr("Adresse du serveur P&RONOTE"), tr("Adresse du serveur PRONOTE"), "https://0301746K.index-education.net/pronote/"),
            ("pronote_version", tr("&Version de PRONOTE"), tr("Version de PRONOTE"), tr("par exemple 2024 – 2.5")),
            ("ent_site_url", tr("Adresse du site &ENT (facultatif)"), tr("Adresse du site ENT de l'établissement (facultatif)"), "https://mon-college.mon-ent-occitanie.fr/"),
        )
        form_widget = QWidget()
        rows = QVBoxLayout(form_widget)
        rows.setContentsMargins(0, 0, 0, 0)
        label_width = 0
        self.fields: dict[str, QLineEdit] = {}
        labels = []
        for key, label_text, accessible, placeholder in specs:
            field = QLineEdit()
            field.setObjectName(f"field_{key}")
            field.setPlaceholderText(placeholder)
            field.setAccessibleName(accessible)
            field.textEdited.connect(lambda text, k=key: self._edited(k, text))
            label = QLabel(label_text)
            label.setBuddy(field)
            labels.append(label)
            label_width = max(label_width, label.sizeHint().width())
            row = QHBoxLayout()
            row.addWidget(label)
            row.addWidget(field, 1)
            rows.addLayout(row)
            self.fields[key] = field
            if key in ("uai", "pronote_url"):
                message = paragraph("")
                message.setObjectName(f"{key.split('_')[-1]}_message")
                rows.addWidget(message)
                setattr(self, f"{key.split('_')[-1]}_message", message)
        for label in labels:
            label.setFixedWidth(label_width + 12)
        for message in (self.uai_message, self.url_message):
            message.setContentsMargins(label_width + 18, 0, 0, 0)
        self.body.addWidget(form_widget)
        self.body.addWidget(notice(
            tr("L'adresse PRONOTE est celle de la barre d'adresse quand vous ouvrez PRONOTE dans un navigateur, "
            "sans le nom de l'espace (eleve.html, professeur.html…) : l'assistant l'enlève pour vous. "
            "La version s'affiche dans le titre du client PRONOTE (par exemple « PRONOTE 2024 - 2.5 »)."),
            "info",
        ))
        self.build_probe()

    def build_probe(self) -> None:
        self.server = ServerCheck(tr("Véri&fier le serveur PRONOTE"), self._url_for_probe, self.ent.cas_host)
        self.server.started.connect(self.changed)
        self.server.finished.connect(self._probed)
        self.use_name = QPushButton(tr("Utiliser ce nom"))
        self.use_name.setObjectName("use_server_name")
        self.use_name.setVisible(False)
        self.use_name.clicked.connect(self._use_server_name)
        self.body.addWidget(paragraph(
            tr("Facultatif : l'assistant peut interroger votre serveur PRONOTE (il faut une connexion à Internet) pour "
            "vérifier l'adresse et relever la version. Rien d'autre n'est envoyé.")
        ))
        self.body.addWidget(self.server)
        self.body.addWidget(self.use_name)
        self._server_name = ""

    def _url_for_probe(self) -> str:
        return self.progress.identity.get("pronote_url", "")

    def _probed(self, result) -> None:
        self.use_name.setVisible(False)
        if result is None:
            self.changed()
            return
        record_probe(self.progress, "address", result)
        if result.is_pronote:
            lines = [result.message]
            if result.version and self.progress.identity.get("pronote_version", "").strip() != result.version:
                self.progress.set_identity("pronote_version", result.version)
                self.fields["pronote_version"].setText(result.version)
                lines.append(tr("Version relevée : {version}.").format(version=result.version))
            name = (result.school_name or "").strip()
            if name and name != self.progress.identity.get("name", "").strip():
                if not self.progress.identity.get("name", "").strip():
                    self.progress.set_identity("name", name)
                    self.fields["name"].setText(name)
                else:
                    self._server_name = name
                    self.use_name.setText(tr("Utiliser le nom « {name} »").format(name=name))
                    self.use_name.setAccessibleName(tr("Utiliser le nom annoncé par le serveur : {name}").format(name=name))
                    self.use_name.setVisible(True)
            self.server.show_message("\n".join(lines), "ok")
        else:
            kind = "warning" if result.reachable else "error"
            self.server.show_message(result.message + tr(" Vous pouvez continuer sans cette vérification."), kind)
        self.changed()

    def _use_server_name(self) -> None:
        self.progress.set_identity("name", self._server_name)
        self.fields["name"].setText(self._server_name)
        self.use_name.setVisible(False)
        self.changed()

    def isComplete(self) -> bool:
        # Next waits while the server is being checked, so the filled-in version is the one carried forward.
        return not (self.built and self.server.running) and super().isComplete()

    def load(self) -> None:
        identity = self.progress.identity
        for key, field in self.fields.items():
            field.setText(identity.get(key, ""))
        self._show_checks()

    def _edited(self, key: str, text: str) -> None:
        self.progress.set_identity(key, text)
        self._show_checks()
        self.changed()

    def _show_checks(self) -> None:
        identity = self.progress.identity
        uai = check_uai(identity.get("uai", ""))
        if identity.get("uai", "").strip():
            self.uai_message.setText(tr("✓ Code UAI valide.") if uai.ok else uai.message)
        else:
            self.uai_message.setText("")
        url_text = identity.get("pronote_url", "")
        if url_text.strip():
            url = normalise_pronote_url(url_text, school_uai=uai.value, allow_loopback_http=True)
            if url.ok:
                lines = [tr("Adresse retenue : {value}").format(value=url.value), *url.warnings]
                self.url_message.setText("\n".join(lines))
            else:
                self.url_message.setText(url.message)
        else:
            self.url_message.setText("")

    def validatePage(self) -> bool:
        if not super().validatePage():
            return False
        # What goes forward is the normalised form, so Back shows exactly what the other pages use.
        identity = self.progress.identity
        self.progress.set_identity("uai", check_uai(identity["uai"]).value)
        self.progress.set_identity("pronote_url", normalise_pronote_url(identity["pronote_url"], allow_loopback_http=True).value)
        self.progress.set_identity("ent_site_url", check_ent_site(identity.get("ent_site_url", "")).value)
        self.progress.set_identity("name", identity.get("name", "").strip())
        self.progress.set_identity("pronote_version", identity.get("pronote_version", "").strip())
        return True
