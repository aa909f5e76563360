"""Types, checked by mypy as pyproject.toml configures it ([tool.mypy]: the Qt-free core and the headless commands
strictly, the Qt packages in basic mode), for each system the assistant runs on: a branch written for one system
only (the Windows file lock and registry, macOS' proxy exceptions) is read only by a check made for that system.
The checker catches a mistyped key of the saved document, and nothing is left out of it wholesale."""
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

# sys.platform of Linux, Windows and macOS, as mypy's --platform takes it.
PLATFORMS = ("linux", "win32", "darwin")


def mypy(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    # A cache of its own per run: a check never reads another's, nor leaves one in the checkout.
    return subprocess.run([sys.executable, "-m", "mypy", "--no-incremental", "--cache-dir", os.devnull, *args],
                          cwd=cwd, capture_output=True, text=True, encoding="utf-8", timeout=600)


def config() -> dict:
    try:
        import tomllib
    except ModuleNotFoundError:  # Python 3.10
        import tomli as tomllib
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["mypy"]


@pytest.mark.parametrize("platform", PLATFORMS)
def test_the_code_has_no_type_error(platform):
    done = mypy("--platform", platform)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Success: no issues found" in done.stdout


def test_a_mistyped_key_of_the_document_is_a_type_error(tmp_path):
    sample = tmp_path / "exemple.py"
    sample.write_text("from wizard.core.document import School\n\n\n"
                      "def uai(school: School) -> str:\n"
                      "    return school['identity']['uia']\n\n\n"
                      "def step(school: School) -> str:\n"
                      "    return school['current_step']\n", encoding="utf-8")
    done = mypy("--config-file", str(ROOT / "pyproject.toml"), str(sample))
    found = re.findall(r"exemple\.py:(\d+): error: (.*)  \[(\S+)\]", done.stdout)
    assert ("5", 'TypedDict "Identity" has no key "uia"', "typeddict-item") in found, done.stdout + done.stderr
    assert {line for line, _, _ in found} == {"5"}, done.stdout  # the right key is no error


def test_nothing_is_left_out_of_the_check_wholesale():
    """The whole package is checked; the only relaxed part is the Qt packages' basic mode; no module is skipped,
    no error silenced by configuration, no import left untyped."""
    settings = config()
    assert settings["files"] == ["wizard"] and settings["strict"] is True
    assert not {"exclude", "ignore_errors", "ignore_missing_imports", "follow_imports"} & set(settings)
    assert "ignore-without-code" in settings["enable_error_code"]
    (qt,) = settings["overrides"]
    assert qt["module"] == ["wizard.gui.*", "wizard.pages.*", "wizard.app"]
    assert not {"ignore_errors", "ignore_missing_imports", "follow_imports"} & set(qt)


def test_each_ignore_names_its_error_and_says_why():
    """`# type: ignore` with its error code (mypy refuses one without: ignore-without-code) and a comment that says
    why, on its line or the line above."""
    bare = []
    for path in sorted((ROOT / "wizard").rglob("*.py")):
        lines = path.read_text(encoding="utf-8").splitlines()
        for number, line in enumerate(lines):
            if "type: ignore" not in line:
                continue
            after = line.split("type: ignore", 1)[1]
            reason = re.sub(r"^\[[\w,\s-]+\]", "", after).strip(" #") or lines[number - 1].strip().startswith("#")
            if not after.startswith("[") or not reason:
                bare.append(f"{path.relative_to(ROOT)}:{number + 1}: {line.strip()}")
    assert not bare, "\n".join(bare)


def test_ci_runs_the_checker():
    script = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert re.search(r'mypy"?( --platform \w+)*\n', script)
