"""English for the cli branch's texts: one column of the ENT account list named for two fields (the column dialog,
`reconcile --colonne`); an undeclared identifier file read as Latin-1; an accented PRONOTE server name. For whoever
updates the translations: .venv/bin/python tools/update_translations.py, then .venv/bin/python
tools/apply_translations.py tools/strings_en_cli.py"""
EN = {
    "La colonne {number}{header} est indiquée pour {first} et pour {second} : une colonne ne contient qu'une "
    "information ; indiquez-en une autre.":
        "Column {number}{header} is given for both {first} and {second}: a column holds one piece of information; "
        "give another one.",
    "Le fichier ne déclare pas son encodage et n'est ni en UTF-8 ni en Windows-1252 : il a été lu en ISO-8859-1 "
    "(Latin-1). Vérifiez les accents des noms.":
        "The file does not declare its encoding and is neither UTF-8 nor Windows-1252: it was read as ISO-8859-1 "
        "(Latin-1). Check the accents in the names.",
    "Le nom du serveur « {typed} » s'écrit « {host} » dans une adresse web : c'est sous cette forme que "
    "l'assistant l'utilise (contrôle du serveur, URL CAS).":
        "The server name “{typed}” is written “{host}” in a web address: that is the form the assistant uses "
        "(server check, CAS URL).",
    "Une même colonne est choisie pour deux informations : choisissez une colonne différente pour chacune.":
        "The same column is chosen for two pieces of information: choose a different column for each.",
}
