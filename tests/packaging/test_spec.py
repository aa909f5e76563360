"""The PyInstaller spec's platform branches, run on Linux with stand-ins for PyInstaller's build classes, and the
Windows version resource it generates, read back by PyInstaller's own reader."""
import importlib
import sys
import types
from pathlib import Path

import pytest

from tests.packaging.conftest import ROOT

SPEC = ROOT / "packaging" / "pronote-ent-wizard.spec"
sys.path.insert(0, str(ROOT / "packaging"))
from project_version import numeric_version, read_version  # noqa: E402
from version_resource import version_file_text, write_version_file  # noqa: E402


class Recorded:
    """A PyInstaller build step that only remembers how the spec called it."""

    made: list = []

    def __init__(self, *args, **kwargs):
        self.args, self.kwargs = args, kwargs
        self.binaries, self.datas, self.pure, self.scripts = [], [], [], []
        Recorded.made.append(self)


def run_spec(platform: str, workpath: Path, monkeypatch) -> dict[str, list[Recorded]]:
    hooks = types.ModuleType("PyInstaller.utils.hooks")
    hooks.collect_submodules = lambda name: [name]
    for name, module in (("PyInstaller", types.ModuleType("PyInstaller")),
                         ("PyInstaller.utils", types.ModuleType("PyInstaller.utils")),
                         ("PyInstaller.utils.hooks", hooks)):
        monkeypatch.setitem(sys.modules, name, module)
    monkeypatch.setattr(sys, "platform", platform)
    monkeypatch.setattr(sys, "path", list(sys.path))  # the spec inserts its folders
    Recorded.made = []
    kinds = {name: type(name, (Recorded,), {}) for name in ("Analysis", "PYZ", "EXE", "COLLECT", "BUNDLE")}
    namespace = {**kinds, "SPECPATH": str(SPEC.parent), "workpath": str(workpath), "DISTPATH": str(workpath)}
    exec(compile(SPEC.read_text(encoding="utf-8"), str(SPEC), "exec"), namespace)
    made: dict[str, list[Recorded]] = {name: [] for name in kinds}
    for step in Recorded.made:
        made[type(step).__name__].append(step)
    return made


def test_windows_two_executables_with_icon_and_version_resource(tmp_path, monkeypatch):
    made = run_spec("win32", tmp_path, monkeypatch)
    gui, cli = made["EXE"]
    assert (gui.kwargs["name"], gui.kwargs["console"]) == ("pronote-ent-wizard", False)
    assert (cli.kwargs["name"], cli.kwargs["console"]) == ("pronote-ent-wizard-cli", True)
    for exe in (gui, cli):
        assert exe.kwargs["icon"].endswith("pronote-ent-wizard.ico") and Path(exe.kwargs["icon"]).is_file()
        assert exe.kwargs["upx"] is False
        version_file = Path(exe.kwargs["version"])
        assert version_file.parent == tmp_path
        text = version_file.read_text(encoding="utf-8")
        assert f"filevers={numeric_version(read_version())}" in text
        assert f"StringStruct('OriginalFilename', '{exe.kwargs['name']}.exe')" in text
    assert gui.kwargs["strip"] is False and made["BUNDLE"] == []
    (collect,) = made["COLLECT"]
    assert collect.args[:2] == (gui, cli)


def test_macos_app_with_the_pyproject_version(tmp_path, monkeypatch):
    made = run_spec("darwin", tmp_path, monkeypatch)
    (exe,) = made["EXE"]
    assert exe.kwargs["console"] is False and exe.kwargs["icon"].endswith(".icns") and exe.kwargs["version"] is None
    (bundle,) = made["BUNDLE"]
    assert bundle.kwargs["name"] == "Assistant PRONOTE ENT.app"
    assert bundle.kwargs["version"] == read_version()
    assert exe.kwargs["strip"] is False  # stripping would break macOS code signatures
    assert list(tmp_path.iterdir()) == []


def test_linux_console_executable_stripped(tmp_path, monkeypatch):
    made = run_spec("linux", tmp_path, monkeypatch)
    (exe,) = made["EXE"]
    assert exe.kwargs["console"] is True and exe.kwargs["icon"] is None and exe.kwargs["version"] is None
    assert exe.kwargs["strip"] is True and made["BUNDLE"] == []


@pytest.fixture
def versioninfo(monkeypatch):
    """PyInstaller's reader of version files. It imports pefile and win32api at the top, for what it does on
    Windows only; reading text needs neither, so off Windows they are stood in for."""
    pytest.importorskip("PyInstaller")
    if sys.platform != "win32":
        import PyInstaller.compat

        monkeypatch.setitem(sys.modules, "pefile", types.ModuleType("pefile"))
        monkeypatch.setattr(PyInstaller.compat, "win32api", types.ModuleType("win32api"), raising=False)
        monkeypatch.delitem(sys.modules, "PyInstaller.utils.win32.versioninfo", raising=False)
    return importlib.import_module("PyInstaller.utils.win32.versioninfo")


def test_version_file_read_by_pyinstaller_carries_the_version(tmp_path, versioninfo):
    version = read_version()
    path = write_version_file(tmp_path / "Version é" / "gui.txt", version, "pronote-ent-wizard.exe")
    info = versioninfo.load_version_info_from_text_file(str(path))
    ffi = info.ffi
    numbers = (ffi.fileVersionMS >> 16, ffi.fileVersionMS & 0xFFFF, ffi.fileVersionLS >> 16, ffi.fileVersionLS & 0xFFFF)
    assert numbers == numeric_version(version)
    assert (ffi.productVersionMS, ffi.productVersionLS) == (ffi.fileVersionMS, ffi.fileVersionLS)
    (strings, translation) = info.kids
    (table,) = strings.kids
    assert table.name == "040C04B0"
    values = {s.name: s.val for s in table.kids}
    assert values["ProductVersion"] == values["FileVersion"] == version
    assert values["ProductName"] == "Assistant d'interconnexion PRONOTE – mon ENT Occitanie"
    assert values["OriginalFilename"] == "pronote-ent-wizard.exe" and values["InternalName"] == "pronote-ent-wizard"
    assert translation.kids[0].kids == [0x040C, 1200]
    # The binary resource PyInstaller writes into the .exe holds the strings in UTF-16 (its fixed part packs C longs,
    # 4 bytes on Windows only: it is read back whole by packaging/smoke.py on the Windows runner).
    raw = info.toRaw()
    assert "Assistant d'interconnexion PRONOTE – mon ENT Occitanie".encode("utf-16-le") in raw
    assert version.encode("utf-16-le") in raw


def test_version_file_of_another_version(versioninfo, tmp_path):
    path = tmp_path / "v.txt"
    path.write_text(version_file_text("2026.10.3rc1", "pronote-ent-wizard-cli.exe"), encoding="utf-8")
    info = versioninfo.load_version_info_from_text_file(str(path))
    assert (info.ffi.fileVersionMS, info.ffi.fileVersionLS) == ((2026 << 16) | 10, 3 << 16)
    assert {s.name: s.val for s in info.kids[0].kids[0].kids}["ProductVersion"] == "2026.10.3rc1"
