"""Account matching preview (« rapprochement des comptes »): PRONOTE people against the ENT's account list.

Qt-free. Everything here holds names and birth dates in memory only; nothing is written unless the admin asks
for the worksheet (`write_worksheet`), which says it contains personal data.
"""
from wizard.matching.entcsv import EntCsvError, EntList, RowProblem, guess_mapping, read_ent_csv
from wizard.matching.matcher import Cancelled, Pair, Result, reconcile
from wizard.matching.worksheet import write_worksheet

__all__ = ["Cancelled", "EntCsvError", "EntList", "Pair", "Result", "RowProblem", "guess_mapping", "read_ent_csv",
           "reconcile", "write_worksheet"]
