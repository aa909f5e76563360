"""Your school: name, UAI (check letter), PRONOTE address (normalised), PRONOTE version, ENT site; the server
check, and – when it shows PRONOTE already delegating to the ENT – the way straight to part 3."""
from __future__ import annotations

from functools import partial

from PySide6 import QtCore
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QButtonGroup,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from wizard.core import flow, schoolname
from wizard.core.document import IdentityField, School
from wizard.core.flow import ALREADY, DECLARED, FULL_WALK
from wizard.core.i18n import tr, tr_noop
from wizard.core.outcomes import ADDRESS, past_check_sentence, verdict_level
from wizard.core.progress import IDENTITY_LIMITS, last_check
from wizard.core.school import check_ent_site, check_uai, normalise_pronote_url
from wizard.gui.accessibility import announce
from wizard.gui.widgets import WrappingLabel, hide_keeping_focus
from wizard.pages.base import StepPage, notice, paragraph, wrapping_check


class EtablissementPage(StepPage):
    step_id = "etablissement"
    intro = tr_noop("Ces informations servent à toutes les étapes : l'assistant en déduit les valeurs à saisir dans "
                    "l'ENT (dont l'URL CAS de PRONOTE), vérifie les codes et interroge votre serveur PRONOTE pour "
                    "savoir si l'interconnexion est déjà en place.")

    def build(self) -> None:
        # Rows in a vertical layout rather than a QFormLayout: a wrapped message inside a QFormLayout keeps the
        # height of its narrow size hint and leaves gaps; in a QVBoxLayout it takes the height its width needs.
        specs: tuple[tuple[IdentityField, str, str, str], ...] = (
            ("name", tr("&Nom de l'établissement"), tr("Nom de l'établissement"),
             tr("par exemple Collège Via Domitia, Manduel")),
            ("uai", tr("Code &UAI"), tr("Code UAI de l'établissement"),
             tr("7 chiffres et une lettre, par exemple 0301746K")),
            ("pronote_url", tr("Adresse du serveur P&RONOTE"), tr("Adresse du serveur PRONOTE"),
             "https://0301746K.index-education.net/pronote/"),
            ("pronote_version", tr("&Version de PRONOTE"), tr("Version de PRONOTE"), tr("par exemple 2024 – 2.5")),
            ("ent_site_url", tr("Adresse du site &ENT (facultatif)"), tr("Adresse du site ENT (facultatif)"),
             self.ent.site_example),
        )
        form_widget = QWidget()
        rows = QVBoxLayout(form_widget)
        rows.setContentsMargins(0, 0, 0, 0)
        label_width = 0
        self.fields: dict[IdentityField, QLineEdit] = {}
        verdicts: dict[str, _FieldMessage] = {}  # under the UAI and the address: what the check of each says
        labels = []
        for key, label_text, accessible, placeholder in specs:
            field = QLineEdit()
            field.setObjectName(f"field_{key}")
            field.setPlaceholderText(placeholder)
            field.setMaxLength(IDENTITY_LIMITS[key])  # what the document keeps (safetext.py): no more is taken
            field.setAccessibleName(accessible)
            # textChanged, not textEdited: dictation, screen readers' form modes and UI automation set the text
            # through the accessibility interface, and that counts as typing. The page's own loading is skipped.
            field.textChanged.connect(partial(self._typed, key))
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
                # Under the field: the expected format until something is typed, then the verdict; also the
                # field's accessible description, so a screen reader says it with the field.
                message = _FieldMessage(field)
                rows.addWidget(message)
                verdicts[key] = message
            if key == "uai":
                # One school, one record: a second with the same UAI would split its history in two.
                self.open_existing = QPushButton()
                self.open_existing.setObjectName("open_existing_school")
                self.open_existing.setVisible(False)
                self.open_existing.clicked.connect(self._open_existing)
                self.open_existing_row = QHBoxLayout()
                self.open_existing_row.addWidget(self.open_existing)
                self.open_existing_row.addStretch(1)
                rows.addLayout(self.open_existing_row)
        for label in labels:
            label.setFixedWidth(label_width + 12)
        self.uai_message, self.url_message = verdicts["uai"], verdicts["pronote_url"]
        for message in (self.uai_message, self.url_message):
            message.setContentsMargins(label_width + 18, 0, 0, 0)
        self.open_existing_row.setContentsMargins(label_width + 18, 0, 0, 0)
        self.body.addWidget(form_widget)
        self.body.addWidget(notice(
            tr("L'adresse PRONOTE est celle de la barre d'adresse quand vous ouvrez PRONOTE dans un navigateur, "
               "sans le nom de l'espace (eleve.html, professeur.html…) : l'assistant l'enlève pour vous. "
               "La version s'affiche dans le titre du client PRONOTE (par exemple « PRONOTE 2024 - 2.5 »)."),
            "info"))
        self.build_probe()
        self.build_triage()

    def build_probe(self) -> None:
        from wizard.gui.server_check import ServerCheck  # the network check loads with its page (docs/DEVELOPING.md)

        self.body.addWidget(paragraph(
            tr("L'assistant interroge votre serveur PRONOTE (il faut une connexion à Internet) pour vérifier "
               "l'adresse, relever la version et voir si PRONOTE est déjà relié à {ent_name}. Rien d'autre n'est "
               "envoyé.").format(**self.ent.words)))
        self.server = ServerCheck(tr("Véri&fier le serveur PRONOTE"), "address", self.progress)
        self.server.started.connect(lambda: self.triage.setVisible(False))
        self.server.finished.connect(self._probed)
        self.add_runner(self.server.task)
        self.body.addWidget(self.server)
        self.use_name = QPushButton(tr("Utiliser ce nom"))
        self.use_name.setObjectName("use_server_name")
        self.use_name.setVisible(False)
        self.use_name.clicked.connect(self._use_server_name)
        self.body.addWidget(self.use_name, 0, QtCore.Qt.AlignmentFlag.AlignLeft)
        self._server_name = ""

    def build_triage(self) -> None:
        self.triage = QGroupBox(tr("L'interconnexion avec {ent_name} est-elle "
                                   "déjà en place ?").format(**self.ent.words))
        self.triage.setObjectName("triage")
        layout = QVBoxLayout(self.triage)
        self.triage_group = QButtonGroup(self)
        self.choices: dict[str, QRadioButton] = {}
        for key, text in (
                (ALREADY, tr("L'interconnexion est déjà en place : passer à l'import des identifiants (recommandé)")),
                (DECLARED, tr("L'interconnexion est déjà en place, je le déclare (le serveur n'a pas pu le "
                              "confirmer ; ce sera noté « déclaré, non vérifié ») : passer à l'import des "
                              "identifiants")),
                (FULL_WALK, tr("Tout reprendre depuis la partie 1 (création du service dans l'ENT)"))):
            button = QRadioButton(text)
            button.setObjectName(f"triage_{key}")
            button.toggled.connect(lambda on, k=key: self._triage_toggled(k, on))
            self.triage_group.addButton(button)
            self.choices[key] = button
            layout.addWidget(wrapping_check(button))
        self.triage_note = paragraph("")
        self.triage_note.setObjectName("triage_note")
        layout.addWidget(self.triage_note)
        # The server's own name against the one typed: said here, before anything is skipped on its word.
        self.name_warning = notice("", "warning", "server_name")
        self.name_warning.setVisible(False)
        layout.insertWidget(0, self.name_warning)
        self.triage.setVisible(False)
        self.body.addWidget(self.triage)

    # -- model → widgets -------------------------------------------------------------------------
    def load(self) -> None:
        """Everything from this school's record – also after switching school: nothing of another school's server
        (its verdict, its name, its triage) stays on the page."""
        for key, field in self.fields.items():
            field.setText(self.progress.identity[key])
        self._show_checks()
        check = last_check(self.progress.school, ADDRESS)
        if check and not self.server.running:
            self.server.message.show_message(past_check_sentence(check), verdict_level(check["outcome"], ADDRESS))
        elif not self.server.running:
            self.server.message.setVisible(False)
        self.use_name.setVisible(False)
        self.name_warning.setVisible(False)
        self._show_triage(flow.triage(self.progress.school))

    def _show_triage(self, triage: flow.Triage | None) -> None:
        """The question the flow asks after the server's answer (flow.triage), with only the answers it allows."""
        if triage is None:
            self.triage.setVisible(False)
            return
        for answer, button in self.choices.items():
            holder = button.parentWidget()  # wrapping_check's, which shows its text
            if holder is not None:
                holder.setVisible(answer in triage.offered)
        if ALREADY in triage.offered:
            note = tr("Le serveur PRONOTE confie déjà l'authentification à {ent_name} : les parties 1 et 2 ont été "
                      "faites. Il reste l'import des identifiants (partie 3).")
        else:
            note = tr("Si votre établissement ouvre déjà PRONOTE depuis {ent_name}, vous pouvez passer à la partie 3 ; "
                      "sinon, reprenez depuis la partie 1.")
        self.triage_note.setText(note.format(**self.ent.words))
        self.loading = True
        try:
            if triage.chosen is None:  # nothing chosen for the admin: the server's word is in doubt (its name)
                self.triage_group.setExclusive(False)
                for button in self.choices.values():
                    button.setChecked(False)
                self.triage_group.setExclusive(True)
            else:
                self.choices[triage.chosen].setChecked(True)
        finally:
            self.loading = False
        self.triage.setVisible(True)

    def _show_checks(self) -> None:
        identity = self.progress.identity
        uai = check_uai(identity["uai"])
        other = self._duplicate()
        if other is not None:  # a code another school of this machine has: blocking, said as an error
            self._verdict(self.uai_message, tr("Ce code UAI est déjà celui de « {name} », suivi par l'assistant.")
                          .format(name=_school_name(other)), "error")
            self.open_existing.setText(tr("&Ouvrir l'établissement « {name} »").format(name=_school_name(other)))
            self.open_existing.setAccessibleName(self.open_existing.text().replace("&", ""))
        self.open_existing.setVisible(other is not None)
        if other is None and identity["uai"].strip():
            self._verdict(self.uai_message, *((tr("✓ Code UAI valide."), "ok") if uai.ok else (uai.message, "error")))
        elif other is None:
            self._verdict(self.uai_message, tr("Format attendu : 7 chiffres et une lettre, par exemple 0301746K."),
                          "info")
        url_text = identity["pronote_url"]
        if url_text.strip():
            url = normalise_pronote_url(url_text, school_uai=uai.value)
            if url.ok:
                self._verdict(self.url_message, "\n".join([tr("Adresse retenue : {value}").format(value=url.value),
                                                           *url.warnings]), "warning" if url.warnings else "ok",
                              said="\n".join(url.warnings))
            else:
                self._verdict(self.url_message, url.message, "error")
        else:
            self._verdict(self.url_message, tr("Format attendu : l'adresse qui commence par https://, par exemple "
                                               "https://0301746K.index-education.net/pronote/."), "info")

    def _verdict(self, message: _FieldMessage, text: str, kind: str, said: str | None = None) -> None:
        """Show a field's message and make it the field's description. A changed verdict – valid, an error, a
        different error – is announced; the address retained, which changes with each key, is not."""
        message.setText(text)
        message.setObjectName(f"{message.field.objectName().removeprefix('field_')}_message_{kind}")
        message.field.setAccessibleDescription(text)
        said = text if said is None else said
        verdict = (kind, said if kind in ("error", "warning") else "")
        if verdict != message.verdict:
            if message.verdict is not None and kind != "info" and not self.loading:
                announce(message.field, said, assertive=kind == "error")
            message.verdict = verdict

    # -- widgets → model -------------------------------------------------------------------------
    def _typed(self, key: IdentityField, text: str) -> None:
        if self.loading:
            return
        self.progress.type_identity(key, text)
        if key == "pronote_url":
            self.triage.setVisible(False)  # the choice was about the server checked before
        self._show_checks()

    def _probed(self, result) -> None:
        self.use_name.setVisible(False)
        self.name_warning.setVisible(False)
        if result is None:
            return
        server_name = (result.school_name or "").strip() if result.is_pronote else ""
        typed = self.progress.identity["name"].strip()
        if result.is_pronote:
            self._take_server_values(result)
        # (A server that delegates was recorded as proving parts 1–2 already – unless it names another school:
        # Progress.record_server_check.)
        triage = flow.triage(self.progress.school, result.outcome, server_name)
        if triage is not None and triage.chosen is None:
            self.name_warning.show_message(tr(
                "Le serveur PRONOTE à cette adresse se présente comme « {served} », et non comme « {typed} » : "
                "vérifiez l'adresse PRONOTE avant de passer les parties 1 et 2. S'il s'agit bien de votre "
                "établissement, choisissez ci-dessous.").format(served=server_name, typed=typed), "warning")
        self._show_triage(triage)
        if self.triage.isVisible():
            QTimer.singleShot(0, self, self._bring_triage)  # once the layout has placed it

    def _bring_triage(self) -> None:
        """The choice the check opened, in sight – at 150 % it lands below the fold – and, for the keyboard that
        started the check, the recommended option focused (a screen reader reads it out)."""
        self.scroll_area.ensureWidgetVisible(self.triage, 0, 0)
        chosen = self.triage_group.checkedButton()
        if chosen is not None and self.server.button.hasFocus():
            chosen.setFocus(QtCore.Qt.FocusReason.OtherFocusReason)

    def _take_server_values(self, result) -> None:
        """The version and, when none was typed, the name the server gives; a name written otherwise is offered."""
        version = result.version or ""
        if version and self.progress.identity["pronote_version"].strip() != version:
            self.fields["pronote_version"].setText(version)
        name = (result.school_name or "").strip()
        if not name:
            return
        if not self.progress.identity["name"].strip():
            self.fields["name"].setText(name)
        # « COLLEGE VIA DOMITIA » for « Collège Via Domitia » is the same name as PRONOTE writes it: nothing to offer.
        elif schoolname.compare(self.progress.identity["name"], name) != schoolname.SAME:
            self._server_name = name
            self.use_name.setText(tr("Utiliser le nom « {name} »").format(name=name))
            self.use_name.setAccessibleName(tr("Utiliser le nom annoncé par le serveur : {name}").format(name=name))
            self.use_name.setVisible(True)

    def _use_server_name(self) -> None:
        self.fields["name"].setText(self._server_name)
        hide_keeping_focus(self.use_name, self.fields["name"])  # the keyboard on the name it just filled in

    def _duplicate(self) -> School | None:
        uai = check_uai(self.progress.identity["uai"])
        return self.progress.school_with_uai(uai.value) if uai.ok else None

    def missing(self) -> str:
        why = super().missing()
        if why:
            return why
        other = self._duplicate()
        if other is not None:
            return tr("L'assistant suit déjà un établissement avec ce code UAI ({name}) : ouvrez-le plutôt que d'en "
                      "créer un second, ou corrigez le code UAI.").format(name=_school_name(other))
        return ""

    def _open_existing(self) -> None:
        other = self._duplicate()
        if other is None:
            return
        mistaken = self.progress.school["id"]
        self.progress.switch_school(other["id"])
        self.progress.drop_school(mistaken)  # begun by mistake: only what was typed here is lost
        self.assistant().resume()

    def _triage_toggled(self, choice: str, on: bool) -> None:
        if on:
            self._triaged(choice)

    def _triaged(self, choice: str) -> None:
        if self.loading:
            return
        if choice == FULL_WALK:
            self.progress.restart_from_part_1()
        else:
            self.progress.declare_already_connected(verified=choice == ALREADY)

    def validate(self) -> bool:
        if not super().validate():
            return False
        # What goes forward is the normalised form, so Back shows exactly what the other pages use.
        identity = self.progress.identity
        self.progress.settle_identity({
            "uai": check_uai(identity["uai"]).value,
            "pronote_url": normalise_pronote_url(identity["pronote_url"]).value,
            "ent_site_url": check_ent_site(identity["ent_site_url"]).value,
            "name": identity["name"].strip(),
            "pronote_version": identity["pronote_version"].strip(),
        })
        # And the fields show it: Back does not load the page again, and showed the text as typed (« 0301746k »,
        # …/eleve.html, a pasted line break) while every other page, and this one reopened, used the settled form.
        if self.built and not self.deferred:  # (a page passed by while resuming was never made, nor filled)
            self.loading = True
            try:
                for key, field in self.fields.items():
                    if field.text() != identity[key]:
                        field.setText(identity[key])
                self._show_checks()  # (the page is being left: nothing to announce)
            finally:
                self.loading = False
        return True



class _FieldMessage(WrappingLabel):
    """The message under a field (the UAI, the address): the field it describes, and the verdict it said last (a
    change of verdict is announced)."""

    def __init__(self, field: QLineEdit):
        super().__init__("")
        self.select_with_mouse()  # as widgets.paragraph's
        self.field = field
        self.verdict: tuple[str, str] | None = None


def _school_name(school: School) -> str:
    identity = school["identity"]
    return f"{identity['name'] or tr('Nouvel établissement')} ({identity['uai']})"
