"""The printable records: their text, their refusal when nothing is configured, and no personal data."""
import os
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from wizard.progress import Progress
from wizard.store import ProgressStore

ROOT = Path(__file__).resolve().parents[2]
FIXTURE_NAMES = ["GARNIER", "Sophie", "FABRE", "Laurent", "ROUSSEL", "MARTIN", "Nadia", "Lina", "DUPONT", "Théo", "2013-02-14"]


def run(*args, data_dir):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([sys.executable, "main.py", *args, "--data-dir", str(data_dir)], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)


def text_of(path: Path) -> str:
    """The PDF's words, spaced simply: Qt writes word gaps as tabs and pypdf keeps ligatures such as « ﬁ »."""
    import re
    import unicodedata

    raw = " ".join(page.extract_text() for page in PdfReader(str(path)).pages)
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", raw))


@pytest.fixture
def configured(data_dir):
    progress = Progress.open(ProgressStore(data_dir))
    for key, value in {"name": "Collège Via Domitia", "uai": "0301746K", "pronote_version": "2024 – 2.5",
                       "pronote_url": "https://0301746k.index-education.net/pronote/", "contact": "le secrétariat"}.items():
        progress.set_identity(key, value)
    progress.mark_completed("ent_service")
    progress.add_server_check({"date": "2026-08-27T09:00:00", "kind": "delegation", "verified": False,
                               "message": "Publication confirmée à la main (non vérifié).", "outcome": "manual"})
    progress.add_import({"date": "2026-08-27T08:39:00", "mode": "complet", "reported_count": 1575,
                         "counts": {"eleve": 600, "parent": 900, "enseignant": 50, "personnel": 25, "total": 1575}})
    return data_dir


def test_record_holds_the_school_values(configured, tmp_path):
    out = tmp_path / "fiche.pdf"
    result = run("record", "--out", str(out), data_dir=configured)
    assert result.returncode == 0, result.stderr
    text = text_of(out)
    for expected in ("0301746K", "Collège Via Domitia", "SSO Pronote avec CAS", "Scolarité", "2024 – 2.5",
                     "non vérifié", "1575", "27/08/2026"):
        assert expected in text, expected
    assert "https://0301746k.index-education.net/pronote/**" in text.replace(" ", "")


def test_notice_holds_the_school_and_the_way_in(configured, tmp_path):
    out = tmp_path / "notice.pdf"
    assert run("notice", "--out", str(out), data_dir=configured).returncode == 0
    text = text_of(out)
    assert "Collège Via Domitia" in text and "Scolarité" in text and "première connexion" in text
    assert "le secrétariat" in text
    assert len(PdfReader(str(out)).pages) == 1


@pytest.mark.parametrize("command", ["record", "notice"])
def test_nothing_configured_is_refused_in_one_sentence(command, data_dir, tmp_path):
    result = run(command, "--out", str(tmp_path / "x.pdf"), data_dir=data_dir)
    assert result.returncode == 1
    assert "Aucun établissement" in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "x.pdf").exists()


def test_records_carry_no_personal_data_after_a_real_analysis(configured, tmp_path):
    from wizard.filecheck import analysis_record, run_analysis
    from wizard.importcheck import record_import

    progress = Progress.open(ProgressStore(configured))
    fixture = ROOT / "tests" / "fixtures" / "walk" / "IdPN_To_KOSMOS.xml"
    info, report = run_analysis(fixture, progress.school, "complet", progress=lambda f: None, cancelled=lambda: False)
    progress.set_cycle("file", info)
    progress.set_cycle("analysis", analysis_record(report, info, "complet"))
    record_import(progress, 7)
    progress.store.release()
    for command in ("record", "notice"):
        out = tmp_path / f"{command}.pdf"
        assert run(command, "--out", str(out), data_dir=configured).returncode == 0
        text = text_of(out)
        assert not [name for name in FIXTURE_NAMES if name in text]
