"""Account matching preview (« rapprochement des comptes »): PRONOTE people against the ENT's account list.

Qt-free. Everything here holds names and birth dates in memory only; nothing is written unless the admin asks
for the worksheet (`write_worksheet`), which says it contains personal data.
"""
from wizard.core.errors import Cancelled
from wizard.core.matching.entcsv import FIELD_LABELS, EntCsvError, EntList, RowProblem, guess_mapping, read_ent_csv
from wizard.core.matching.family import Families, families
from wizard.core.matching.matcher import COUNT_KEYS, STATUSES, Pair, Result, reconcile
from wizard.core.matching.worksheet import write_worksheet

__all__ = ["COUNT_KEYS", "FIELD_LABELS", "STATUSES", "Cancelled", "EntCsvError", "EntList", "Families", "Pair",
           "Result", "RowProblem", "guess_mapping", "read_ent_csv", "families", "reconcile", "write_worksheet"]
