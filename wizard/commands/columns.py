"""`reconcile --colonne CHAMP=COLONNE`: the account list's columns named on the command line, as the page's
column dialog names them (only the columns named are then read)."""
from __future__ import annotations

from wizard.core.errors import UserError
from wizard.core.text import clean
from wizard.core.typography import french

# The French word typed on the command line → the account list's field (wizard/core/matching/entcsv.py).
COLUMN_FIELDS = {"identifiant": "ident", "nom": "last_name", "prenom": "first_name", "naissance": "birth_date",
                 "profil": "profile", "classe": "class_name", "enfants": "children"}


def column_mapping(specs: list[str]) -> dict[str, int | str]:
    """`--colonne nom=2 --colonne "prenom=Prénom usuel"` → {"last_name": 1, "first_name": "Prénom usuel"}.
    Raises UserError with one French sentence for a field or a column that cannot be."""
    mapping: dict[str, int | str] = {}
    for spec in specs:
        field, equals, column = spec.partition("=")
        field, column = field.strip().lower().replace("é", "e"), column.strip()
        if not equals or field not in COLUMN_FIELDS or not column:
            raise UserError(french(f"--colonne « {clean(spec)} » : écrivez CHAMP=COLONNE, CHAMP étant "
                                   + ", ".join(COLUMN_FIELDS) + " (par exemple --colonne nom=2)."))
        if column.isdigit():
            if int(column) < 1:
                raise UserError(french(f"--colonne « {clean(spec)} » : les colonnes se comptent à partir de 1."))
            mapping[COLUMN_FIELDS[field]] = int(column) - 1
        else:
            mapping[COLUMN_FIELDS[field]] = column
    if mapping and not {"ident", "last_name", "first_name"} <= set(mapping):
        raise UserError(french("Avec --colonne, indiquez au moins les colonnes identifiant, nom et prenom."))
    return mapping
