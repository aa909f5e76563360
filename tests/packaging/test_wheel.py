"""The wheel carries everything, and an installed copy works from any folder.

Built from a copy of the sources (the build must not leave `build/` in the checkout), installed with its entry
points into a fresh venv whose dependencies (PySide6, lxml…) are borrowed from the running one, then run from a
temporary folder: `wizard` must come from the wheel, not from the checkout.
"""
import json
import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

from tests.packaging.conftest import FIXTURE, ROOT

pytestmark = pytest.mark.slow
BIN = "Scripts" if os.name == "nt" else "bin"


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    src = tmp_path_factory.mktemp("src")
    for name in ("pyproject.toml", "setup.py", "README.md"):
        shutil.copy(ROOT / name, src / name)
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    for name in ("wizard", "resources"):
        shutil.copytree(ROOT / name, src / name, ignore=ignore)
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(out), str(src)],
                   check=True, capture_output=True, text=True, timeout=300)
    (built,) = out.glob("pronote_ent_wizard-*.whl")
    return built


@pytest.fixture(scope="module")
def installed(wheel, tmp_path_factory) -> Path:
    venv = tmp_path_factory.mktemp("venv")
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True, timeout=120)
    python = venv / BIN / ("python.exe" if os.name == "nt" else "python")
    subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "install", "-q", "--no-deps", str(wheel)],
                   check=True, capture_output=True, text=True, timeout=300)
    # Dependencies from the running venv, appended after the wheel's own site-packages.
    purelib = subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                             check=True, capture_output=True, text=True).stdout.strip()
    Path(purelib, "borrowed-deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    return venv


def run(venv: Path, program: str, *args: str, cwd: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PRONOTE_ENT_WIZARD_LOG_DIR": str(cwd / "logs")}
    env.pop("PYTHONPATH", None)
    return subprocess.run([str(venv / BIN / program), *args], cwd=cwd, env=env, capture_output=True, text=True,
                          timeout=120)


def test_wheel_has_every_resource_and_subpackage(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    resources = {p.relative_to(ROOT / "resources").as_posix() for p in (ROOT / "resources").rglob("*") if p.is_file()}
    assert {"ent/mon-ent-occitanie.json", "icons/pronote-ent-wizard.png"} <= resources
    missing = {r for r in resources if f"wizard/resources/{r}" not in names}
    assert not missing
    packages = {p.parent.relative_to(ROOT).as_posix() for p in (ROOT / "wizard").rglob("__init__.py")}
    assert {f"{pkg}/__init__.py" for pkg in packages} <= names
    assert not any(name.startswith(("tests/", "resources/", "packaging/")) for name in names)


def test_entry_points_are_declared(wheel):
    archive = zipfile.ZipFile(wheel)
    (entry_points,) = [n for n in archive.namelist() if n.endswith(".dist-info/entry_points.txt")]
    text = archive.read(entry_points).decode()
    assert "[gui_scripts]\npronote-ent-wizard = wizard.app:gui_main" in text
    assert "[console_scripts]\npronote-ent-wizard-cli = wizard.app:cli_main" in text
    metadata = archive.read(entry_points.replace("entry_points.txt", "METADATA")).decode()
    assert "Provides-Extra: bundle" in metadata
    assert "pyinstaller" not in [line.split(";")[0].split(">")[0].strip().lower()
                                 for line in metadata.splitlines() if line.startswith("Requires-Dist:")
                                 and "extra ==" not in line]


def test_installed_cli_runs_from_any_folder(installed, tmp_path):
    done = run(installed, "pronote-ent-wizard-cli", "--help", cwd=tmp_path)
    assert done.returncode == 0 and "check" in done.stdout
    done = run(installed, "pronote-ent-wizard-cli", cwd=tmp_path)
    assert done.returncode == 2 and done.stderr.startswith("Commande incomplète")
    done = run(installed, "pronote-ent-wizard-cli", "probe", "ftp://exemple.invalid/", cwd=tmp_path)
    assert done.returncode != 0 and "Traceback" not in done.stderr and done.stderr.strip()


def test_installed_check_on_a_fixture(installed, tmp_path):
    done = run(installed, "pronote-ent-wizard-cli", "check", str(FIXTURE), "--json", "--data-dir",
               str(tmp_path / "d"), cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["counts"]["total"] > 0


OPEN_WINDOW = r"""
import json, sys, tempfile
from pathlib import Path
from PySide6.QtWidgets import QApplication
import wizard
from wizard.app import create_window
from wizard.core.entdata import load_ent
from wizard.core.resources import resources_dir
app = QApplication([])
window = create_window(Path(tempfile.mkdtemp()))
window.show(); app.processEvents()
print(json.dumps({"title": window.windowTitle(), "ent": load_ent().name, "package": wizard.__file__,
                  "resources": str(resources_dir()), "icon": not window.windowIcon().isNull(),
                  "help": len(list(resources_dir().glob("help/*/*.html"))),
                  "translations": len(list(resources_dir().glob("translations/*.qm")))}))
window.close()
"""


def test_installed_window_opens_with_its_data(installed, tmp_path):
    python = "python.exe" if os.name == "nt" else "python"
    done = run(installed, python, "-c", OPEN_WINDOW, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    assert seen["title"] == "Assistant d'interconnexion PRONOTE – mon ENT Occitanie"
    assert seen["ent"] == "mon ENT Occitanie" and seen["icon"]
    assert Path(seen["package"]).is_relative_to(installed) and Path(seen["resources"]).is_relative_to(installed)
    assert seen["help"] == len(list((ROOT / "resources").glob("help/*/*.html")))
    assert seen["translations"] == len(list((ROOT / "resources").glob("translations/*.qm")))


def test_installed_gui_script_smoke_test(installed, tmp_path):
    done = run(installed, "pronote-ent-wizard", "--smoke-test", "--data-dir", str(tmp_path / "d"), cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "démarrage fenêtre" in (tmp_path / "logs" / "assistant.log").read_text(encoding="utf-8")
    if os.name != "nt":  # Windows starts a GUI script through pythonw, whose output may go nowhere
        assert done.stdout.startswith("smoke-test: ok")
