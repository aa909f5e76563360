"""The warnings the window gives as it opens: a progress file restored from its backup, a PC whose clock is
certainly behind. Over the window for the admin; on stderr in the bundle's smoke test, where no one is there to
answer a dialog (it would wait for ever)."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest

from wizard.core.progress import Progress
from wizard.core.store import ProgressStore

ROOT = Path(__file__).resolve().parents[2]
needs_faketime = pytest.mark.skipif(shutil.which("faketime") is None or sys.platform == "win32",
                                    reason="faketime (Debian's package, installed by scripts/test.sh) sets the clock")


def smoke(tmp_path: Path, data: Path, *clock: str) -> subprocess.CompletedProcess:
    # UTF-8 whatever the console's code page (Windows writes « » in cp1252 otherwise).
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PRONOTE_ENT_WIZARD_LOG_DIR": str(tmp_path / "logs"),
           "PYTHONIOENCODING": "utf-8"}
    return subprocess.run([*clock, sys.executable, str(ROOT / "main.py"), "--smoke-test", "--data-dir", str(data)],
                          env=env, capture_output=True, text=True, encoding="utf-8", timeout=60, cwd=tmp_path)


@needs_faketime
def test_a_clock_behind_the_ent_file_is_told_once_and_logged_without_stopping_the_app(tmp_path):
    done = smoke(tmp_path, tmp_path / "d", "faketime", "2025-01-15 10:00:00")
    assert done.returncode == 0 and done.stdout.startswith("smoke-test: ok"), done.stderr
    assert done.stderr.count("La date de cet ordinateur semble fausse") == 1
    assert "il indique le 15/01/2025" in done.stderr
    log = (tmp_path / "logs" / "assistant.log").read_text(encoding="utf-8")
    assert "2025-01-15 10:00" in log and "horloge de l'ordinateur en retard : averti" in log


@needs_faketime
def test_a_clock_set_back_behind_what_this_pc_recorded_is_told(tmp_path, monkeypatch):
    data = tmp_path / "d"
    monkeypatch.setattr("wizard.core.dates.clock", lambda: datetime(2027, 9, 3, 10, 0).timestamp())
    store = ProgressStore(data)
    store.acquire()
    Progress.open(store).type_identity("name", "Collège A")  # typed in 2027
    store.release()
    done = smoke(tmp_path, data, "faketime", "2027-03-01 10:00:00")  # then the clock went back half a year
    assert "une action datée du 03/09/2027" in done.stderr.replace("\u202f", " ")


def test_the_right_date_says_nothing(tmp_path):
    done = smoke(tmp_path, tmp_path / "d")
    assert done.returncode == 0 and "La date de cet ordinateur" not in done.stderr


def test_a_restored_progress_file_is_told_in_the_smoke_test_instead_of_waiting_on_a_dialog(tmp_path):
    """Before: the recovery warning was a dialog even in the smoke test, which then never ended."""
    data = tmp_path / "d"
    for name in ("Collège A", "Collège B"):  # two sessions: the second keeps the first's file as the backup
        store = ProgressStore(data)
        store.acquire()
        Progress.open(store).type_identity("name", name)
        store.release()
    (data / "progress.json").write_text("{ damaged", encoding="utf-8")
    done = smoke(tmp_path, data)
    assert done.returncode == 0, done.stderr
    assert "sa dernière copie de secours a été rétablie" in done.stderr
