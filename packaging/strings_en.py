"""English for the texts of the crash dialog and « À propos » (wizard/gui/crash.py, wizard/gui/about.py), for whoever
updates the translations: .venv/bin/python tools/update_translations.py, then
.venv/bin/python tools/apply_translations.py packaging/strings_en.py"""
EN = {
    "Erreur inattendue": "Unexpected error",
    "L'assistant a rencontré une erreur inattendue et n'a pas pu terminer cette action.":
        "The assistant ran into an unexpected error and could not finish this action.",
    "Votre progression est enregistrée ; relancez l'assistant : il reprendra à l'étape où vous étiez. "
    "Si l'erreur revient, envoyez le journal à votre référent numérique ou à l'assistance.":
        "Your progress is saved; restart the assistant: it will resume at the step you were on. "
        "If the error comes back, send the log to your IT referent or to support.",
    "Attention : vos dernières modifications n'ont pas pu être enregistrées (voir le message en haut de la page). "
    "Choisissez « Continuer quand même » pour les garder à l'écran et réessayer l'enregistrement. "
    "Si l'erreur revient, envoyez le journal à votre référent numérique ou à l'assistance.":
        "Warning: your latest changes could not be saved (see the message at the top of the page). "
        "Choose “Continue anyway” to keep them on screen and try saving again. "
        "If the error comes back, send the log to your IT referent or to support.",
    "Relancez l'assistant. Si l'erreur revient, envoyez le journal à votre référent numérique ou à l'assistance.":
        "Restart the assistant. If the error comes back, send the log to your IT referent or to support.",
    "Le journal se trouve dans : {path}": "The log is in: {path}",
    "Le journal n'a pas pu être écrit sur ce poste.": "The log could not be written on this computer.",
    "Ouvrir le dossier du journal": "Open the log folder",
    "Quitter l'assistant": "Quit the assistant",
    "Continuer quand même": "Continue anyway",
    "À propos": "About",
    "Assistant d'interconnexion PRONOTE – {ent_name}": "PRONOTE – {ent_name} interconnection assistant",
    "Version {version}": "Version {version}",
    "Logiciel libre sous licence publique de l'Union européenne (EUPL-1.2) : vous pouvez l'utiliser, le copier, "
    "le modifier et le redistribuer selon ses termes.":
        "Free software under the European Union Public Licence (EUPL-1.2): you may use, copy, modify and "
        "redistribute it under its terms.",
    "Aucun nom ni date de naissance n'est conservé ni envoyé : seulement des nombres et des codes.":
        "No name or date of birth is kept or sent: only counts and codes.",
    "Journal : {path}": "Log: {path}",
    "Python {python}, Qt {qt} (PySide6)": "Python {python}, Qt {qt} (PySide6)",
}
