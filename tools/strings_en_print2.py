"""English for the print-2 branch's texts: the notice offered on the part 2 (pronote.net) page too. For whoever
updates the translations: .venv/bin/python tools/update_translations.py, then
.venv/bin/python tools/apply_translations.py tools/strings_en_print2.py"""
EN = {
    "Conseil : prévenez les familles et les personnels avant « {hosting_publish} ». La notice leur dit avec quels "
    "identifiants se connecter à {ent_name} et comment y ouvrir PRONOTE. La fiche de configuration est proposée à la "
    "dernière page de l'assistant.":
        "Tip: tell families and staff before “{hosting_publish}”. The notice tells them which credentials to log in "
        "to {ent_name} with and how to open PRONOTE there. The configuration record is offered on the assistant's "
        "last page.",
    "&Enregistrer la notice en PDF…": "Sa&ve the notice as PDF…",
    "Avant la publication : prévenir les familles et les personnels": "Before publishing: tell families and staff",
}
