"""The benchmarks still run: each `bench/` script, at its smallest setting, ends without error and prints its
figures. Nothing here is timed – a bench that no test runs rots unseen (bench/startup.py read a widget renamed by
a later change and failed before printing anything)."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="the benchmarks are run on the developers' Linux")


def bench(*args: str) -> str:
    """The bench's output. Exit 1 is its verdict « target missed » (bench/check.py: a ratio above 3), which a run
    this small on a busy machine may give – a figure, not a failure of the script; a traceback is."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode in (0, 1) and "Traceback" not in done.stderr, done.stderr[-3000:]
    return done.stdout


def test_startup_prints_every_program_against_both_baselines():
    out = bench("bench/startup.py", "--runs", "1")
    lines = {line.split(":")[0].strip(): line for line in out.splitlines() if " ms CPU" in line}
    assert list(lines) == ["bare QWizard", "plain Qt page", "plain page + app's modules", "first launch",
                           "yearly board", "resumed part 3", "window only"]
    for name, line in lines.items():
        if name != "bare QWizard":
            assert "to a bare QWizard" in line
        if name not in ("bare QWizard", "plain Qt page"):
            assert "to the plain page" in line


@pytest.mark.parametrize("args, said", [
    (["bench/check.py", "--people", "200", "--runs", "1"], "ratio (whole processes)"),
    (["bench/keystroke.py", "--keys", "205"], "serialising the document"),  # past the name's 200 characters
    (["bench/preview.py", "--sizes", "200"], "200 rows: made in a worker"),
    (["bench/probe.py", "--runs", "1"], "proxy / direct"),
    (["bench/gui_heartbeat.py", "--people", "200"], "analysing   : longest heartbeat gap"),
])
def test_each_bench_runs_at_its_smallest(args, said):
    assert said in bench(*args)
