"""English for the cli branch's texts: one column of the ENT account list named for two fields (the column dialog,
`reconcile --colonne`). For whoever updates the translations: .venv/bin/python tools/update_translations.py, then
.venv/bin/python tools/apply_translations.py tools/strings_en_cli.py"""
EN = {
    "La colonne {number}{header} est indiquée pour {first} et pour {second} : une colonne ne contient qu'une "
    "information ; indiquez-en une autre.":
        "Column {number}{header} is given for both {first} and {second}: a column holds one piece of information; "
        "give another one.",
}
