"""The CI workflow, read as GitHub reads it (YAML 1.2): pinned actions, least permissions, no template injection,
the matrix the project promises, and the scripts it calls present. GitHub's schema and zizmor run in .ci/run."""
import re
from importlib.metadata import metadata
from pathlib import Path

import pytest
from ruamel.yaml import YAML

ROOT = Path(__file__).resolve().parents[2]
WORKFLOW = ROOT / ".github" / "workflows" / "ci.yml"


@pytest.fixture(scope="module")
def workflow() -> dict:
    return YAML(typ="safe").load(WORKFLOW.read_text(encoding="utf-8"))


def steps(workflow):
    for name, job in workflow["jobs"].items():
        for step in job["steps"]:
            yield name, step


def minor(version: str) -> tuple[int, int]:
    major, minor_ = version.split(".")[:2]
    return int(major), int(minor_)


def test_every_action_is_pinned_to_a_full_commit_with_its_version_named(workflow):
    text = WORKFLOW.read_text(encoding="utf-8")
    uses = [step["uses"] for _, step in steps(workflow) if "uses" in step]
    assert uses
    for ref in uses:
        assert re.fullmatch(r"[\w.-]+/[\w.-]+@[0-9a-f]{40}", ref), ref
        assert re.search(rf"uses: {re.escape(ref)}  # v\d+\.\d+\.\d+\n", text), f"{ref}: version comment"


def test_permissions_are_least_per_job(workflow):
    assert workflow["permissions"] == {}
    for name, job in workflow["jobs"].items():
        expected = {"contents": "write"} if name == "release" else {"contents": "read"}
        assert job["permissions"] == expected, name


def test_checkout_keeps_no_credentials(workflow):
    checkouts = [step for _, step in steps(workflow) if step.get("uses", "").startswith("actions/checkout@")]
    assert len(checkouts) == len(workflow["jobs"])
    assert all(step["with"]["persist-credentials"] is False for step in checkouts)


def test_no_expression_inside_a_shell_script(workflow):
    """Values reach scripts through `env:` only: an expression expanded into a script is an injection path."""
    for name, step in steps(workflow):
        if "run" in step:
            assert "${{" not in step["run"], (name, step.get("name"))


def test_matrix_covers_three_systems_and_the_oldest_and_newest_python(workflow):
    build = workflow["jobs"]["build"]
    matrix = build["strategy"]["matrix"]
    assert {os.split("-")[0] for os in matrix["os"]} == {"windows", "ubuntu", "macos"}
    assert build["strategy"]["fail-fast"] is False
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    oldest = re.search(r'^requires-python = ">=(\d+\.\d+)"$', pyproject, re.MULTILINE).group(1)
    assert min(matrix["python"], key=minor) == oldest
    # The newest Python the installed PySide6 accepts (Requires-Python: <3.15,…) is the newest in the matrix.
    ceiling = re.search(r"<\s*(\d+\.\d+)", metadata("PySide6-Essentials")["Requires-Python"]).group(1)
    newest = max(matrix["python"], key=minor)
    assert minor(newest) == (minor(ceiling)[0], minor(ceiling)[1] - 1)
    assert build["env"]["RELEASE_PYTHON"] == newest
    assert build["env"]["QT_QPA_PLATFORM"] == "offscreen"


def test_the_build_job_runs_the_projects_own_commands(workflow):
    runs = "\n".join(step.get("run", "") for _, step in steps(workflow))
    for command in ("bash scripts/test.sh", "bash packaging/build_bundle.sh --smoke",
                    "packaging/windows/build_installer.py", "packaging/windows/check_installer.py",
                    "packaging/project_version.py"):
        assert command in runs
        path = command.split()[-2] if command.endswith("--smoke") else command.split()[-1]
        assert (ROOT / path).is_file(), path
    build = workflow["jobs"]["build"]
    assert build["defaults"]["run"]["shell"] == "bash"
    # Git for Windows checks files out with CRLF, which bash cannot run: switched off before the checkout.
    first = build["steps"][0]
    assert "core.autocrlf false" in first["run"]
    windows_only = [s for s in build["steps"] if "installer" in s.get("run", "")]
    assert windows_only and all(s["if"] == "runner.os == 'Windows'" for s in windows_only)


def test_a_version_tag_makes_a_release_with_the_three_systems_files(workflow):
    assert workflow["on"]["push"]["tags"] == ["v*"]
    release = workflow["jobs"]["release"]
    assert release["needs"] == "build" and release["if"] == "github.ref_type == 'tag'"
    text = "\n".join(step.get("run", "") for step in workflow["jobs"]["build"]["steps"])
    assert "windows-setup.exe" in text and "ditto -c -k" in text and "tar -C dist -czf" in text
    download = next(s for s in release["steps"] if s.get("uses", "").startswith("actions/download-artifact@"))
    upload = next(s for s in workflow["jobs"]["build"]["steps"] if s.get("uses", "").startswith("actions/upload"))
    assert download["with"]["pattern"].rstrip("*") and upload["with"]["name"].startswith(
        download["with"]["pattern"].rstrip("*"))
    assert any("gh release create" in s.get("run", "") and "--verify-tag" in s["run"] for s in release["steps"])
