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
    Raises UserError with one French sentence for a field or a column that cannot be, a field given twice, or two
    fields given the same column (the same number, or headers that read the same); a header and a number that
    name the same column are refused once the list's header is read (matching/entcsv.py)."""
    mapping: dict[str, int | str] = {}
    given: dict[str, str] = {}  # field → its --colonne as typed, to quote it back
    for spec in specs:
        field, equals, column = spec.partition("=")
        field, column = field.strip().lower().replace("é", "e"), column.strip()
        if not equals or field not in COLUMN_FIELDS or not column:
            raise UserError(french(f"--colonne « {clean(spec)} » : écrivez CHAMP=COLONNE, CHAMP étant "
                                   + ", ".join(COLUMN_FIELDS) + " (par exemple --colonne nom=2)."))
        number = column.isdecimal()  # not isdigit: « ² » is a digit that int() refuses
        if number and int(column) < 1:
            raise UserError(french(f"--colonne « {clean(spec)} » : les colonnes se comptent à partir de 1."))
        name, value = COLUMN_FIELDS[field], int(column) - 1 if number else column
        if name in given:
            raise UserError(french(f"--colonne « {clean(given[name])} » et « {clean(spec)} » : le champ {field} est "
                                   "indiqué deux fois ; indiquez une seule colonne par champ."))
        if (other := next((known for known, taken in mapping.items() if _same_column(taken, value)), None)):
            raise UserError(french(f"--colonne « {clean(given[other])} » et « {clean(spec)} » désignent la même "
                                   "colonne : une colonne ne contient qu'un champ ; indiquez-en une autre."))
        mapping[name], given[name] = value, spec
    if mapping and not {"ident", "last_name", "first_name"} <= set(mapping):
        raise UserError(french("Avec --colonne, indiquez au moins les colonnes identifiant, nom et prenom."))
    return mapping


def _same_column(first: int | str, second: int | str) -> bool:
    """Two numbers that are equal, or two headers that the account list would read as the same column."""
    if isinstance(first, int) or isinstance(second, int):
        return first == second
    # Imported here: cli.py imports this module for --help, which must not load the matching (rapidfuzz).
    from wizard.core.matching.entcsv import header_key

    return header_key(first) == header_key(second)
