"""English for the sweep branch's texts: the ENT account list's columns named by the admin (the column dialog,
`reconcile --colonne`) that the list does not have; results of a job for another school said « rattaché », not
« enregistré ». For whoever updates the translations:
.venv/bin/python tools/update_translations.py, then .venv/bin/python tools/apply_translations.py
tools/strings_en_sweep.py"""
EN = {
    "La colonne {number} indiquée pour {field} n'existe pas : la liste de l'ENT n'en a que {count}.":
        "Column {number}, given for {field}, does not exist: the ENT's list has only {count}.",
    "La colonne {header} indiquée pour {field} ne peut pas être trouvée : la liste de l'ENT n'a pas de ligne "
    "d'en-tête reconnue ; indiquez le numéro de la colonne.":
        "The column {header} given for {field} cannot be found: the ENT's list has no header row that could be "
        "recognised; give the column's number.",
    "La liste de l'ENT n'a pas de colonne {header} (indiquée pour {field}) ; colonnes lues : {seen}.":
        "The ENT's list has no column {header} (given for {field}); columns read: {seen}.",
    # « rattaché », not « enregistré »: the result is written with the next save, which may fail.
    "La vérification du serveur de « {name} » s'est terminée : son résultat est rattaché à cet établissement, pas "
    "à celui affiché.":
        "The server check of “{name}” has ended: its result belongs to that school, not to the one shown.",
    "L'analyse lancée pour « {name} » s'est terminée : son résultat est rattaché à cet établissement, pas à celui "
    "affiché.":
        "The analysis started for “{name}” has ended: its result belongs to that school, not to the one shown.",
    "Le fichier continue après la fin du document XML (deux exports mis bout à bout, ou un ajout après l'export) : "
    "réexportez-le depuis PRONOTE.":
        "The file goes on after the end of the XML document (two exports put end to end, or something added after "
        "the export): export it again from PRONOTE.",
}
