"""packaging/smoke.py, the bundle's smoke test, run here against stand-in bundles: small launchers at the places
PyInstaller puts the executables on each system, which start main.py (or a broken program)."""
import os
import shutil
import stat
import sys
from pathlib import Path

import pytest

from tests.packaging.conftest import ROOT

sys.path.insert(0, str(ROOT / "packaging"))
import smoke  # noqa: E402

pytestmark = pytest.mark.skipif(os.name == "nt", reason="stand-in launchers are shell scripts")


def launcher(path: Path, body: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"#!/bin/sh\n{body}\n", encoding="utf-8")
    path.chmod(path.stat().st_mode | stat.S_IXUSR)
    return path


def source_app(path: Path) -> Path:
    return launcher(path, f'exec "{sys.executable}" "{ROOT / "main.py"}" "$@"')


def test_executables_where_pyinstaller_puts_them():
    dist = Path("dist")
    assert smoke.executables(dist, "linux") == smoke.Executables(dist / "pronote-ent-wizard" / "pronote-ent-wizard",
                                                                 dist / "pronote-ent-wizard" / "pronote-ent-wizard")
    windows = smoke.executables(dist, "win32")
    assert windows.window == dist / "pronote-ent-wizard" / "pronote-ent-wizard.exe"
    assert windows.commands == dist / "pronote-ent-wizard" / "pronote-ent-wizard-cli.exe"
    mac = smoke.executables(dist, "darwin")
    assert mac.window == mac.commands
    assert mac.window == dist / "Assistant PRONOTE ENT.app" / "Contents" / "MacOS" / "pronote-ent-wizard"


@pytest.mark.slow
@pytest.mark.parametrize("platform", ["linux", "darwin"])
def test_smoke_passes_on_the_app(tmp_path, platform, capsys):
    source_app(smoke.executables(tmp_path, platform).window)
    smoke.smoke(tmp_path, platform)
    out = capsys.readouterr().out
    assert "smoke-test: ok" in out and "check : {" in out and "probe refusé (code 2)" in out


@pytest.mark.slow
def test_windows_branch_runs_the_windowed_and_the_console_executables(tmp_path, capsys):
    exe = smoke.executables(tmp_path, "win32")
    source_app(exe.commands)
    # The windowed executable prints nothing (no console): only its exit code and its log line count.
    launcher(exe.window, f'exec "{sys.executable}" "{ROOT / "main.py"}" "$@" >/dev/null 2>&1')
    logs = tmp_path / "Journal été"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PRONOTE_ENT_WIZARD_LOG_DIR": str(logs)}
    smoke.check_window(exe, env, tmp_path, tmp_path / "Données", logs)
    assert "pronote-ent-wizard.exe : fenêtre ouverte" in capsys.readouterr().out


def test_a_window_that_does_not_open_fails(tmp_path):
    launcher(smoke.executables(tmp_path, "linux").window, 'echo "Erreur" >&2; exit 3')
    with pytest.raises(smoke.SmokeFailure, match="la fenêtre ne s'est pas ouverte"):
        smoke.smoke(tmp_path, "linux")


def test_a_traceback_from_a_command_fails(tmp_path):
    program = smoke.executables(tmp_path, "linux").window
    launcher(program, '''case "$1" in
  --smoke-test) echo "smoke-test: ok « Assistant d'interconnexion PRONOTE »" ;;
  check) echo '{"counts": {"total": 3}}' ;;
  probe) echo "Traceback (most recent call last):" >&2; exit 1 ;;
esac''')
    with pytest.raises(smoke.SmokeFailure, match="probe : pas une phrase"):
        smoke.smoke(tmp_path, "linux")


def test_a_missing_bundle_is_named(tmp_path, capsys):
    assert smoke.main([str(tmp_path)]) == 1
    assert "introuvable" in capsys.readouterr().err


def test_console_output_in_a_windows_code_page_is_read():
    assert smoke.decode("smoke-test: ok « é »".encode("cp1252")) == "smoke-test: ok « é »"
    assert smoke.decode("« é »".encode()) == "« é »"


class FakeArchive:
    """PyInstaller's reader of an executable's archive, for a stand-in bundle: the pure modules it carries."""

    modules = ["wizard", "wizard.app", "truststore", "requests.adapters"]

    def __init__(self, path):
        self.toc = {"main": None, "PYZ.pyz": None}

    def open_embedded_archive(self, name):
        archive = FakeArchive.__new__(FakeArchive)
        archive.toc = dict.fromkeys(self.modules)
        return archive


def test_test_only_packages_in_a_bundle_are_named(tmp_path, monkeypatch):
    import PyInstaller.archive.readers

    monkeypatch.setattr(PyInstaller.archive.readers, "CArchiveReader", FakeArchive)
    folder = tmp_path / "pronote-ent-wizard"
    (folder / "_internal" / "cryptography" / "hazmat").mkdir(parents=True)
    (folder / "_internal" / "charset_normalizer").mkdir()
    (folder / "_internal" / "PySide6").mkdir()
    (folder / "pronote-ent-wizard").write_bytes(b"")
    with pytest.raises(smoke.SmokeFailure, match="charset_normalizer, cryptography, requests$"):
        smoke.check_contents(tmp_path, "linux")
    monkeypatch.setattr(FakeArchive, "modules", ["wizard", "truststore"])
    for name in ("cryptography", "charset_normalizer"):
        shutil.rmtree(folder / "_internal" / name)
    smoke.check_contents(tmp_path, "linux")  # PySide6 and the app's own packages are what a bundle is for
