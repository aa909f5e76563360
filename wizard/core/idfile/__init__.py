"""The PRONOTE identifier file (`IdPN_To_KOSMOS.xml`): safe, tolerant reading and a report without personal data.

Qt-free: the wizard's page runs `analyse` in a worker thread; `python main.py check` runs it directly.
"""
from wizard.core.errors import Cancelled
from wizard.core.idfile.analysis import analyse, load_people, load_people_and_links
from wizard.core.idfile.findings import Finding, IdFileError
from wizard.core.idfile.report import MAPPING_LABELS, Report

__all__ = ["analyse", "load_people", "load_people_and_links", "Report", "Finding", "IdFileError", "Cancelled",
           "MAPPING_LABELS"]
