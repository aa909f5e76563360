"""What Windows does differently, imitated here: consoles in cp850/cp1252, folders with spaces, accents and
OneDrive's « OneDrive - Organisation » names, a log file that another process holds open, no console at all."""
import json
import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.packaging.conftest import FIXTURE, ROOT, read_logs
from wizard.core import logs

MATCHING = ROOT / "tests" / "matching" / "fixtures"
# The folders an admin's files really sit in on a school PC (Documents redirected by OneDrive's folder backup).
ONEDRIVE = "OneDrive - Académie de Toulouse"


def run_main(*args: str, encoding: str, cwd: Path, log_dir: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONIOENCODING": encoding, "PRONOTE_ENT_WIZARD_LOG_DIR": str(log_dir),
           "QT_QPA_PLATFORM": "offscreen"}
    env.pop("PYTHONUTF8", None)
    done = subprocess.run([sys.executable, str(ROOT / "main.py"), *args], cwd=cwd, env=env, capture_output=True,
                          timeout=120)
    # What the console shows: bytes in its code page. Decoding them strictly proves they are in that code page.
    return subprocess.CompletedProcess(done.args, done.returncode, done.stdout.decode(encoding),
                                       done.stderr.decode(encoding))


@pytest.fixture
def school_pc(tmp_path):
    """Documents under OneDrive, data and log folders with spaces and accents."""
    documents = tmp_path / "Users" / "Hélène Dupré" / ONEDRIVE / "Documents"
    export = documents / "Exports PRONOTE 2025-2026"
    export.mkdir(parents=True)
    (export / "IdPN_To_KOSMOS.xml").write_bytes(FIXTURE.read_bytes())
    (export / "comptes ENT élèves.csv").write_bytes((MATCHING / "ent.csv").read_bytes())
    (export / "export pronote.xml").write_bytes((MATCHING / "pronote.xml").read_bytes())
    return {"export": export, "data": tmp_path / "Données de l'assistant", "logs": tmp_path / "Journal d'été"}


@pytest.mark.slow
@pytest.mark.parametrize("encoding", ["cp850", "cp1252"])
def test_check_on_a_windows_console_and_accented_folders(school_pc, encoding, tmp_path):
    fixture = school_pc["export"] / "IdPN_To_KOSMOS.xml"
    done = run_main("check", str(fixture), "--data-dir", str(school_pc["data"]), encoding=encoding, cwd=tmp_path,
                    log_dir=school_pc["logs"])
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stdout + done.stderr and done.stdout.strip()
    done = run_main("check", str(fixture), "--json", "--data-dir", str(school_pc["data"]), encoding=encoding,
                    cwd=tmp_path, log_dir=school_pc["logs"])
    assert json.loads(done.stdout)["counts"]["total"] > 0
    # A file that is not there: exit 2 and one French sentence in the console's code page.
    done = run_main("check", str(school_pc["export"] / "absent é.xml"), encoding=encoding, cwd=tmp_path,
                    log_dir=school_pc["logs"])
    assert done.returncode == 2 and "Traceback" not in done.stderr and done.stderr.strip()


@pytest.mark.slow
@pytest.mark.parametrize("encoding", ["cp850", "cp1252"])
def test_reconcile_and_probe_on_a_windows_console(school_pc, encoding, tmp_path):
    sheet = school_pc["export"] / "feuille de rapprochement.csv"
    done = run_main("reconcile", str(school_pc["export"] / "export pronote.xml"),
                    str(school_pc["export"] / "comptes ENT élèves.csv"), "--out", str(sheet), encoding=encoding,
                    cwd=tmp_path, log_dir=school_pc["logs"])
    assert done.returncode == 0, done.stderr
    assert sheet.is_file() and "Traceback" not in done.stdout + done.stderr
    done = run_main("probe", "ftp://exemple.invalid/pronote/", encoding=encoding, cwd=tmp_path,
                    log_dir=school_pc["logs"])
    assert done.returncode == 2 and done.stderr.strip() and "Traceback" not in done.stderr


@pytest.mark.slow
def test_the_window_starts_with_accented_data_and_log_folders(school_pc, tmp_path):
    done = run_main("--smoke-test", "--data-dir", str(school_pc["data"]), encoding="cp1252", cwd=tmp_path,
                    log_dir=school_pc["logs"])
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("smoke-test: ok « Assistant d'interconnexion PRONOTE")
    assert "démarrage fenêtre" in (school_pc["logs"] / "assistant.log").read_text(encoding="utf-8")
    assert school_pc["data"].is_dir()


@pytest.mark.slow
def test_a_smoke_test_leaves_nothing_in_the_temporary_folder(tmp_path):
    """Without --data-dir the smoke test works in a folder of its own under %TEMP%: gone when it ends."""
    temp = tmp_path / "Temp"
    temp.mkdir()
    env = {**os.environ, "TMP": str(temp), "TEMP": str(temp), "TMPDIR": str(temp), "QT_QPA_PLATFORM": "offscreen",
           "PRONOTE_ENT_WIZARD_LOG_DIR": str(tmp_path / "logs")}
    done = subprocess.run([sys.executable, str(ROOT / "main.py"), "--smoke-test"], cwd=tmp_path, env=env,
                          capture_output=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(b"smoke-test: ok")
    assert list(temp.iterdir()) == []


def test_log_rotation_blocked_by_another_process_is_not_a_traceback(log_file, monkeypatch, capsys):
    """Windows refuses to rename a file that another process holds open (the window and a command share the log):
    the log goes on in the same file, and the console shows no « --- Logging error --- »."""
    (handler,) = [h for h in logging.getLogger("wizard").handlers if isinstance(h, logs.SharedRotatingFileHandler)]
    handler.maxBytes = 500

    def locked(source, dest):
        raise PermissionError(32, "Le processus ne peut pas accéder au fichier car il est utilisé", source)

    monkeypatch.setattr(handler, "rotate", locked)
    for number in range(30):
        logging.getLogger("wizard.test").info("ligne %d %s", number, "x" * 40)
    assert capsys.readouterr().err == ""
    text = read_logs(log_file.parent)
    assert "ligne 0 " in text and "ligne 29 " in text
    assert not (log_file.parent / "assistant.log.1").exists()
    # Once the other process lets go, rotation works again.
    monkeypatch.undo()
    logging.getLogger("wizard.test").info("après")
    assert (log_file.parent / "assistant.log.1").exists()


def test_a_log_that_cannot_be_written_stays_silent(log_file, monkeypatch, capsys):
    (handler,) = [h for h in logging.getLogger("wizard").handlers if isinstance(h, logs.SharedRotatingFileHandler)]

    def disk_full(record):
        raise OSError(28, "Il n'y a pas assez d'espace sur le disque")

    monkeypatch.setattr(handler, "shouldRollover", disk_full)
    logging.getLogger("wizard.test").warning("rien")
    assert capsys.readouterr().err == ""
