"""The wizard's own strings and Qt's (buttons « Suivant », « Précédent », « Annuler », the file dialog) in the
chosen language."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from wizard.core import i18n
from wizard.core.resources import resources_dir


def load_translations(app: QApplication, language: str | None) -> str:
    language = language if language in ("fr", "en") else "fr"
    for old in getattr(app, "_wizard_translators", []):
        app.removeTranslator(old)
    translators = []
    sources = [(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))]
    if language != "fr":  # French is the source language of the wizard's strings
        sources.append((f"wizard_{language}", str(resources_dir() / "translations")))
    for name, folder in sources:
        translator = QTranslator(app)
        if translator.load(name, folder):
            app.installTranslator(translator)
            translators.append(translator)
    app._wizard_translators = translators
    i18n.install(QCoreApplication.translate, language)
    QLocale.setDefault(QLocale(QLocale.Language.French if language == "fr" else QLocale.Language.English))
    return language
