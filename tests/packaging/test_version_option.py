"""`--version` on both executables (the window's and the commands'), as installers and IT scripts ask it: the
version of pyproject.toml, printed before Qt or a data folder is touched."""
import subprocess
import sys

import pytest

from tests.packaging.conftest import ROOT
from wizard import __version__
from wizard.app import main
from wizard.commands.cli import run

sys.path.insert(0, str(ROOT / "packaging"))
from project_version import read_version  # noqa: E402


def test_the_package_version_is_pyprojects():
    assert __version__ == read_version(ROOT / "pyproject.toml")


def test_window_executable_prints_its_version_without_qt(capsys, tmp_path):
    with pytest.raises(SystemExit) as done:
        main(["--version", "--data-dir", str(tmp_path / "absent")])
    assert done.value.code == 0
    assert capsys.readouterr().out == f"pronote-ent-wizard {__version__}\n"
    assert not (tmp_path / "absent").exists()


def test_commands_executable_prints_its_version(capsys):
    with pytest.raises(SystemExit) as done:
        run(["--version"])
    assert done.value.code == 0
    assert capsys.readouterr().out == f"pronote-ent-wizard {__version__}\n"


def test_version_loads_no_qt(tmp_path):
    code = ("import sys\nfrom wizard.app import main\ntry:\n    main(['--version'])\nexcept SystemExit:\n    pass\n"
            "print(any('PySide6' in name for name in sys.modules))")
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert done.stdout.splitlines() == [f"pronote-ent-wizard {__version__}", "False"], done.stderr
