"""Packaging tests: the wheel, the entry points, the crash dialog, the logs, « À propos », the desktop entry."""
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
FIXTURE = ROOT / "tests" / "fixtures" / "walk" / "IdPN_To_KOSMOS.xml"
# Every name and birth date in the fixture: none may reach a log file.
PERSONAL = ("GARNIER", "Sophie", "FABRE", "Laurent", "ROUSSEL", "Anne-Claire", "MARTIN", "Nadia", "Karim", "Lina",
            "DUPONT", "Théo", "1975-04-12", "2013-02-14", "2012-11-03")


def pytest_configure(config):
    config.addinivalue_line("markers", "slow: builds or installs something (a few seconds); still run in CI")


@pytest.fixture
def log_file(tmp_path):
    """The log file of this test (conftest points PRONOTE_ENT_WIZARD_LOG_DIR at tmp_path/logs)."""
    from wizard.core.logs import setup_logging

    path = setup_logging()
    assert path == tmp_path / "logs" / "assistant.log"
    return path


def read_logs(folder: Path) -> str:
    import logging

    for handler in logging.getLogger("wizard").handlers:
        handler.flush()
    return "".join(p.read_text(encoding="utf-8") for p in sorted(folder.glob("assistant.log*")))
