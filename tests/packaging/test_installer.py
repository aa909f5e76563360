"""The Windows installer script, read on Linux: its sections and directives, its version plumbing from pyproject.toml,
and the data folder its uninstaller keeps, which must be the app's own (platformdirs on Windows)."""
import re
import sys
from pathlib import Path, PureWindowsPath

import pytest

from tests.packaging.conftest import ROOT

ISS = ROOT / "packaging" / "windows" / "pronote-ent-wizard.iss"
sys.path.insert(0, str(ROOT / "packaging"))
sys.path.insert(0, str(ROOT / "packaging" / "windows"))
import build_installer  # noqa: E402
import check_installer  # noqa: E402
from project_version import numeric_version, read_version  # noqa: E402


def parse_iss(text: str) -> dict:
    """Sections → their lines; [Setup] as directives; ISPP `#define`s. Comments (`;` lines) dropped."""
    sections: dict[str, list[str]] = {}
    defines: dict[str, str] = {}
    current = None
    for raw in text.splitlines():
        line = raw.strip()
        if not line or (line.startswith(";") and current != "Code"):
            continue
        if re.fullmatch(r"\[[A-Za-z]+\]", line):
            current = line[1:-1]
            assert current not in sections, f"section [{current}] twice"
            sections[current] = []
        elif line.startswith("#"):
            match = re.fullmatch(r'#define (\w+) "([^"]*)"', line)
            if match:
                defines[match.group(1)] = match.group(2)
        else:
            assert current is not None, f"line outside any section: {line}"
            sections[current].append(line)
    setup = {}
    for line in sections["Setup"]:
        key, sep, value = line.partition("=")
        assert sep, f"not a directive: {line}"
        assert key not in setup, f"{key} twice"
        setup[key] = value
    return {"sections": sections, "setup": setup, "defines": defines}


def entries(lines: list[str]) -> list[dict[str, str]]:
    """`Name: "x"; Flags: y` lines as dicts (values unquoted)."""
    parsed = []
    for line in lines:
        fields = {}
        for part in re.findall(r'(\w+):\s*("(?:[^"]|"")*"|[^;]*)', line):
            fields[part[0]] = part[1].strip().strip('"')
        parsed.append(fields)
    return parsed


@pytest.fixture(scope="module")
def iss():
    raw = ISS.read_bytes()
    # Inno Setup reads a script without a byte order mark as ANSI: « – » and the accents would be garbled.
    assert raw.startswith(b"\xef\xbb\xbf")
    return parse_iss(raw.decode("utf-8-sig"))


def test_the_script_has_the_sections_an_installer_needs(iss):
    assert {"Setup", "Languages", "CustomMessages", "Tasks", "Files", "Icons", "Run", "Code"} <= set(iss["sections"])
    setup = iss["setup"]
    for key in ("AppId", "AppName", "AppVersion", "DefaultDirName", "OutputBaseFilename", "SetupIconFile",
                "UninstallDisplayIcon", "VersionInfoVersion"):
        assert setup.get(key), key
    assert re.fullmatch(r"\{\{[0-9A-F]{8}(-[0-9A-F]{4}){3}-[0-9A-F]{12}\}", setup["AppId"])


def test_per_user_install_without_administrator_rights(iss):
    setup = iss["setup"]
    assert setup["PrivilegesRequired"] == "lowest"
    assert "PrivilegesRequiredOverridesAllowed" not in setup  # never a prompt for elevation
    # {autopf} is %LOCALAPPDATA%\Programs for a per-user install; never a machine-wide folder spelled out. The
    # folder is a define so that the Wine stage can spell out what {autopf} means there (build_installer.py).
    assert setup["DefaultDirName"] == "{#DefaultDir}"
    assert iss["defines"]["DefaultDir"] == "{autopf}\\Assistant PRONOTE ENT"
    assert not any(const in text for text in setup.values() for const in ("{commonpf}", "{pf}", "{commondesktop}"))


def test_start_menu_entry_and_optional_desktop_shortcut_with_the_icon(iss):
    icons = entries(iss["sections"]["Icons"])
    tasks = entries(iss["sections"]["Tasks"])
    assert [t["Name"] for t in tasks] == ["desktopicon"] and "unchecked" in tasks[0]["Flags"]
    start, desktop = icons
    assert start["Name"].startswith("{autoprograms}\\") and "Tasks" not in start
    assert desktop["Name"].startswith("{autodesktop}\\") and desktop["Tasks"] == "desktopicon"
    for icon in icons:
        assert icon["Filename"] == "{app}\\{#AppExe}"
        assert icon["IconFilename"] == "{app}\\pronote-ent-wizard.ico"
    files = entries(iss["sections"]["Files"])
    assert any(f["Source"] == "..\\icons\\pronote-ent-wizard.ico" for f in files)
    assert iss["setup"]["SetupIconFile"] == "..\\icons\\pronote-ent-wizard.ico"
    assert (ISS.parent / "../icons/pronote-ent-wizard.ico").resolve().is_file()
    assert iss["defines"]["AppExe"] == "pronote-ent-wizard.exe"


def test_french_and_english_texts(iss):
    languages = entries(iss["sections"]["Languages"])
    assert [(lang["Name"], lang["MessagesFile"]) for lang in languages] == [
        ("french", "compiler:Languages\\French.isl"), ("english", "compiler:Default.isl")]
    messages = {}
    for line in iss["sections"]["CustomMessages"]:
        key, _, text = line.partition("=")
        language, _, name = key.partition(".")
        messages.setdefault(name, {})[language] = text
    # Every custom message exists in both languages, and every one the script uses is defined.
    assert all(set(by_language) == {"french", "english"} for by_language in messages.values())
    text = ISS.read_text(encoding="utf-8-sig")
    used = set(re.findall(r"\{cm:(\w+)", text)) | set(re.findall(r"CustomMessage\('(\w+)'\)", text))
    inno_own = {"CreateDesktopIcon", "AdditionalIcons", "LaunchProgram"}
    assert used - inno_own <= set(messages)
    assert "Supprimer aussi les données" in messages["DeleteDataQuestion"]["french"]


def test_the_uninstaller_keeps_the_data_unless_asked(iss):
    code = "\n".join(iss["sections"]["Code"])
    # Only after the files are gone, only when not silent, only on « Oui » (default button « Non »).
    assert "usPostUninstall" in code and "(not UninstallSilent)" in code
    assert re.search(r"MsgBox\([^;]*MB_YESNO or MB_DEFBUTTON2\)\s*=\s*IDYES\s*then\s*DelTree\(DataDir", code)
    assert "ExpandConstant('{localappdata}') + '\\{#DataDirName}'" in code
    # Nothing else deletes outside the app's folder.
    delete = entries(iss["sections"].get("InstallDelete", []) + iss["sections"].get("UninstallDelete", []))
    assert all(entry["Name"].startswith("{app}\\") for entry in delete)


def test_the_data_folder_is_the_apps_own_on_windows(iss, monkeypatch):
    """platformdirs' Windows rules, run here: the uninstaller's folder is where the app keeps data and log, and
    it is not the install folder (an uninstall must not take the data along)."""
    import platformdirs
    import platformdirs.windows

    from wizard.core import paths

    local = r"C:\Users\Hélène Dupré\AppData\Local"
    folders = {"CSIDL_LOCAL_APPDATA": local, "CSIDL_APPDATA": r"C:\Users\Hélène Dupré\AppData\Roaming"}
    monkeypatch.setattr(platformdirs.windows, "get_win_folder", folders.__getitem__)  # Windows' answer, here
    monkeypatch.setattr(platformdirs, "PlatformDirs", platformdirs.windows.Windows)
    data = PureWindowsPath(str(paths.default_data_dir()))
    assert data == PureWindowsPath(local) / iss["defines"]["DataDirName"]
    assert PureWindowsPath(str(paths.default_log_dir())) == data / "Logs"
    assert iss["defines"]["DefaultDir"].startswith("{autopf}\\")  # never the data folder
    env = {"APPDATA": r"C:\Users\Hélène Dupré\AppData\Roaming", "LOCALAPPDATA": local}
    assert PureWindowsPath(str(check_installer.expected_places(env)["data"])) == data


def test_version_plumbing_from_pyproject(iss):
    version = read_version()
    setup = iss["setup"]
    assert setup["AppVersion"] == "{#AppVersion}"
    assert setup["VersionInfoVersion"] == "{#AppFileVersion}"
    assert setup["OutputBaseFilename"] == "pronote-ent-wizard-{#AppVersion}-windows-setup"
    text = ISS.read_text(encoding="utf-8-sig")
    for name in ("AppVersion", "AppFileVersion"):  # a build without the version stops instead of guessing one
        assert re.search(rf"#ifndef {name}\n\s*#error ", text)
    command = build_installer.iscc_command(Path("ISCC.exe"), version, Path("C:/b"), Path("C:/o"))
    assert not any(part.startswith("/DDefaultDir=") for part in command)  # the script's own, {autopf}
    wine = build_installer.iscc_command(Path("ISCC.exe"), version, Path("C:/b"), Path("C:/o"),
                                        default_dir="{localappdata}\\Programs\\Assistant PRONOTE ENT")
    assert "/DDefaultDir={localappdata}\\Programs\\Assistant PRONOTE ENT" in wine
    assert f"/DAppVersion={version}" in command
    assert f"/DAppFileVersion={'.'.join(map(str, numeric_version(version)))}" in command
    assert command[-1] == str(ISS) and f"/O{Path('C:/o')}" in command and f"/DBundleDir={Path('C:/b')}" in command
    expected = setup["OutputBaseFilename"].replace("{#AppVersion}", version) + ".exe"
    assert build_installer.installer_name(version) == expected


def test_pyproject_and_the_package_agree_on_the_version():
    import wizard

    assert read_version() == wizard.__version__


@pytest.mark.parametrize(("version", "numbers"), [
    ("0.1.0", (0, 1, 0, 0)), ("2", (2, 0, 0, 0)), ("1.2.3.4", (1, 2, 3, 4)), ("1.2rc1", (1, 2, 0, 0)),
    ("1.2.3.post1", (1, 2, 3, 0)), ("2026.10.1.dev3", (2026, 10, 1, 0)),
])
def test_numeric_version(version, numbers):
    assert numeric_version(version) == numbers


@pytest.mark.parametrize("version", ["", "v1.0", "1.2.3.4.5", "70000.1"])
def test_numeric_version_refuses_what_windows_cannot_show(version):
    with pytest.raises(ValueError):
        numeric_version(version)


def test_iscc_found_on_the_path_or_in_program_files(tmp_path):
    assert build_installer.find_iscc({}, which=lambda name: "C:/tools/ISCC.exe") == Path("C:/tools/ISCC.exe")
    x86, user = tmp_path / "Program Files (x86)", tmp_path / "Users" / "Élodie" / "AppData" / "Local"
    for folder in (x86 / "Inno Setup 5", x86 / "Inno Setup 6", user / "Programs" / "Inno Setup 6"):
        folder.mkdir(parents=True)
        (folder / "ISCC.exe").write_bytes(b"")
    environ = {"ProgramFiles(x86)": str(x86), "LOCALAPPDATA": str(user)}
    assert build_installer.find_iscc(environ, which=lambda name: None, usual=()) == x86 / "Inno Setup 6" / "ISCC.exe"
    environ = {"LOCALAPPDATA": str(user)}  # a per-user Inno Setup
    found = build_installer.find_iscc(environ, which=lambda name: None, usual=())
    assert found == user / "Programs" / "Inno Setup 6" / "ISCC.exe"
    # Only the folders it is told of: the machine's own Inno Setup (GitHub's Windows runners have one) is not one.
    assert build_installer.find_iscc({}, which=lambda name: None, usual=()) is None


def test_the_installer_check_knows_the_uninstall_key_and_the_shortcut(iss):
    assert "{" + check_installer.app_id() == iss["setup"]["AppId"]
    places = check_installer.expected_places({"APPDATA": r"C:\Users\a\AppData\Roaming",
                                              "LOCALAPPDATA": r"C:\Users\a\AppData\Local"})
    assert places["start_menu"].name == iss["defines"]["AppName"] + ".lnk"
    start = entries(iss["sections"]["Icons"])[0]
    assert start["Name"] == "{autoprograms}\\{#AppName}"
