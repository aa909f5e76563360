"""English for issue 25's texts: accounts with one name cell empty, another first name or surname weighed, the
evidence per pair in the worksheet. For whoever updates the translations: .venv/bin/python
tools/update_translations.py, then .venv/bin/python tools/apply_translations.py tools/strings_en_issue25.py"""
EN = {
    "{count} compte(s) de l'ENT avec un seul nom (nom ou prénom vide, lignes {lines}) : rapprochés sur ce nom et la "
    "date de naissance, au mieux comme « Probable ».":
        "{count} ENT account(s) with a single name (last or first name empty, lines {lines}): matched on that name "
        "and the birth date, at best as “Probable”.",
    "nom vide : comparé sur le prénom et la date de naissance, jamais comme « Sûr ».":
        "last name empty: compared on the first name and the birth date, never as “Sure”.",
    "prénom vide : comparé sur le nom et la date de naissance, jamais comme « Sûr ».":
        "first name empty: compared on the last name and the birth date, never as “Sure”.",
    "nom différent : mariage ou nom d'usage ?": "different last name: marriage or name in use?",
    "prénom différent : prénom usuel, surnom ou erreur de saisie ?":
        "different first name: usual first name, nickname or typing error?",
    "même nom": "same last name",
    "même prénom": "same first name",
    "même date de naissance": "same birth date",
    "nom différent": "different last name",
    "prénom différent": "different first name",
    "Éléments (pour + / contre −)": "Evidence (for + / against −)",
    " ; ": "; ",
}
