"""ruff as configured in pyproject.toml: it does catch a text file opened without an encoding (PLW1514, a preview
rule, so the configuration must enable it explicitly), and the paths .ci/run lints are clean."""
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
# The paths .ci/run lints, in its order.
CLEAN = ["main.py", "setup.py", "wizard", "bench", "tools", "packaging", "scripts", "tests"]


def ruff(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    pytest.importorskip("ruff")
    return subprocess.run([sys.executable, "-m", "ruff", "check", "--no-cache", *args], cwd=cwd,
                          capture_output=True, text=True, encoding="utf-8", timeout=120)


def test_a_file_opened_without_encoding_is_a_finding(tmp_path):
    sample = tmp_path / "exemple.py"
    sample.write_text('from pathlib import Path\n\nopen("f.txt")\nPath("g.txt").read_text()\n'
                      'open("h.bin", "rb")\nopen("i.txt", encoding="utf-8")\n', encoding="utf-8")
    done = ruff("--config", str(ROOT / "pyproject.toml"), "--output-format", "concise", str(sample))
    found = re.findall(r":(\d+):\d+: (?:PLW1514|unspecified-encoding)", done.stdout)
    assert found == ["3", "4"], done.stdout


def test_the_linted_paths_are_clean():
    done = ruff("--output-format", "concise", *CLEAN)
    assert done.returncode == 0, done.stdout + done.stderr


def test_ci_lints_the_same_paths():
    script = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert re.search(r'ruff"? check ' + re.escape(" ".join(CLEAN)) + "\n", script)
