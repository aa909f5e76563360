"""The proxy for the server check: by default the system's (shown), or one typed for networks that need it."""
from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QVBoxLayout

from wizard.core.i18n import tr
from wizard.core.probe import check_proxy, system_proxy
from wizard.gui.widgets import notice, paragraph


class NetworkSettings(QDialog):
    def __init__(self, progress, parent=None):
        super().__init__(parent)
        self.progress = progress
        self.check_proxy = check_proxy
        self.setObjectName("network_settings_dialog")
        self.setWindowTitle(tr("Proxy pour la vérification du serveur"))
        layout = QVBoxLayout(self)
        url = progress.identity["pronote_url"]
        # On the GUI thread: an automatic configuration script gets two seconds here (the check itself waits more).
        used = system_proxy(url, timeout=2.0) if url else None
        layout.addWidget(paragraph(
            tr("Par défaut, l'assistant passe par le proxy réglé sur ce poste : {proxy}.").format(
                proxy=used or tr("aucun (connexion directe)"))))
        label = QLabel(tr("&Proxy à utiliser (facultatif) :"))
        self.field = QLineEdit(progress.session_proxy or progress.settings["proxy"])
        self.field.setObjectName("proxy_field")
        self.field.setPlaceholderText("http://proxy.mon-etablissement.fr:3128")
        self.field.setAccessibleName(tr("Proxy à utiliser (facultatif)"))
        self.field.setAccessibleDescription(tr("Pour la vérification du serveur PRONOTE. Laissez vide pour utiliser "
                                               "celui du poste."))
        label.setBuddy(self.field)
        layout.addWidget(label)
        layout.addWidget(self.field)
        layout.addWidget(paragraph(tr(
            "Laissez vide pour utiliser celui du poste. Un identifiant et un mot de passe du proxy "
            "(http://identifiant:motdepasse@proxy:3128) servent jusqu'à la fermeture de l'assistant et ne sont "
            "jamais enregistrés.")))
        self.problem = notice("", "error", "proxy_problem")
        self.problem.setVisible(False)
        layout.addWidget(self.problem)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)

    def _accept(self) -> None:
        checked = self.check_proxy(self.field.text())
        if not checked.ok:
            self.problem.show_message(checked.message, "error", announce=True)
            return
        self.progress.set_proxy(checked.value)
        self.accept()
