"""The Help dialog (Help button and F1): the current page's extended help, links opening in the browser."""
from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout

from wizard.core.helptext import help_html
from wizard.core.i18n import tr


class HelpDialog(QDialog):
    def __init__(self, title: str, html: str, parent=None):
        super().__init__(parent)
        self.setWindowTitle(tr("Aide – {title}").format(title=title))
        self.resize(640, 520)
        layout = QVBoxLayout(self)
        self.browser = QTextBrowser()
        self.browser.setObjectName("help_text")
        self.browser.setAccessibleName(tr("Aide : {title}").format(title=title))
        self.browser.setOpenExternalLinks(True)  # the ENT site and the PRONOTE address open in the browser
        self.browser.setHtml(html)
        layout.addWidget(self.browser)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)


def show_help(wizard) -> HelpDialog:
    page = wizard.currentPage()
    step = wizard.current_step() or "accueil"
    dialog = HelpDialog(page.title() if page else "", help_html(step, wizard.progress.identity, wizard.language),
                        wizard)
    dialog.setModal(False)
    dialog.show()
    wizard.help_dialog = dialog
    return dialog
