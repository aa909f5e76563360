"""English for the texts of issue 23 (accessibility: the steps list's states, announcements, table sizes, named
icons, names that contain the visible text, the expected formats shown under the fields).
For whoever updates the translations: .venv/bin/python tools/update_translations.py, then
.venv/bin/python tools/apply_translations.py tools/strings_en_issue23.py"""
EN = {
    "Logo de l'assistant": "The assistant's logo",
    "Question": "Question",
    "Statut (filtre des lignes)": "Status (filter of the rows)",
    "Profil (filtre des lignes)": "Profile (filter of the rows)",
    "Tableau « {name} » : {rows} ligne(s).": "Table “{name}”: {rows} row(s).",
    "Proxy à utiliser (facultatif)": "Proxy to use (optional)",
    "Pour la vérification du serveur PRONOTE. Laissez vide pour utiliser celui du poste.":
        "For the check of the PRONOTE server. Leave empty to use this computer's.",
    "fait": "done",
    "étape en cours": "current step",
    "à faire": "to do",
    "{step} : {state}": "{step}: {state}",
    "{rows} ligne(s)": "{rows} row(s)",
    "Copié": "Copied",
    "Copié : {label_text}": "Copied: {label_text}",
    "{label_text} copié dans le presse-papiers.": "{label_text} copied to the clipboard.",
    "Adresse du site ENT (facultatif)": "ENT site address (optional)",
    "Format attendu : 7 chiffres et une lettre, par exemple 0301746K.":
        "Expected format: 7 digits and a letter, for example 0301746K.",
    "Format attendu : l'adresse qui commence par https://, par exemple https://0301746K.index-education.net/pronote/.":
        "Expected format: the address starting with https://, for example "
        "https://0301746K.index-education.net/pronote/.",
    "Nombre annoncé par l'ENT (identifiants importés)": "Number reported by the ENT (identifiers imported)",
}
