"""The wizard's own strings and Qt's (buttons « Suivant », « Précédent », « Annuler », the file dialog) in the
chosen language."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from wizard.core import i18n
from wizard.core.resources import resources_dir

# The translators installed for the wizard's language (replaced when the admin chooses another).
_installed: list[QTranslator] = []


def load_translations(app: QApplication, language: str | None) -> i18n.Language:
    chosen: i18n.Language = "en" if language == "en" else "fr"
    for old in _installed:
        app.removeTranslator(old)
    translators = []
    sources = [(f"qtbase_{chosen}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))]
    if chosen != "fr":  # French is the source language of the wizard's strings
        sources.append((f"wizard_{chosen}", str(resources_dir() / "translations")))
    for name, folder in sources:
        translator = QTranslator(app)
        if translator.load(name, folder):
            app.installTranslator(translator)
            translators.append(translator)
    _installed[:] = translators
    i18n.install(QCoreApplication.translate, chosen)
    QLocale.setDefault(QLocale(QLocale.Language.French if chosen == "fr" else QLocale.Language.English))
    return chosen
