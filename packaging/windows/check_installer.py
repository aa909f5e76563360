"""Windows only (CI runs it after build_installer.py): the installer does what it promises, on a real Windows.

1. a silent per-user install, without administrator rights, into a folder with spaces and accents;
2. the program, its console twin, the icon and the uninstaller are there, with a Start-menu shortcut, no desktop
   shortcut unless asked, and Windows' « Applications installées » entry carrying pyproject's version;
3. the installed program opens its window offscreen (`--smoke-test`), both executables give pyproject's version
   (`--version`), and the console one checks a fixture (`check --json`);
4. with --screenshot FILE, the installed program opens as an admin sees it (the native platform, the user's
   fonts) and the screen is saved, then the program is closed as a killed process would be;
5. a silent uninstall removes the program and keeps the admin's data folder (%LOCALAPPDATA%\\pronote-ent-wizard).

    python packaging/windows/check_installer.py [--dist DIST] [--screenshot FILE]
"""
from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from collections.abc import Mapping
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))
from build_installer import ISS, OUTPUT, installer_name  # noqa: E402
from project_version import read_version  # noqa: E402

FIXTURE = HERE.parents[1] / "tests" / "fixtures" / "walk" / "IdPN_To_KOSMOS.xml"

DATA_DIR_NAME = "pronote-ent-wizard"


def iss_define(name: str) -> str:
    """A `#define NAME "value"` of the installer script."""
    match = re.search(rf'^#define {name} "([^"]*)"', ISS.read_text(encoding="utf-8-sig"), re.MULTILINE)
    if not match:
        raise ValueError(f"#define {name} absent de {ISS.name}")
    return match.group(1)


def app_id() -> str:
    """The AppId without Inno Setup's doubled opening brace, as Windows' uninstall key names it."""
    match = re.search(r"^AppId=\{(\{[0-9A-F-]{36}\})$", ISS.read_text(encoding="utf-8-sig"), re.MULTILINE)
    if not match:
        raise ValueError(f"AppId absent de {ISS.name}")
    return match.group(1)


def expected_places(environ: Mapping[str, str]) -> dict[str, Path]:
    """Where a per-user install puts things for the user whose environment this is."""
    name = iss_define("AppName")
    return {
        "start_menu": Path(environ["APPDATA"]) / "Microsoft" / "Windows" / "Start Menu" / "Programs" / f"{name}.lnk",
        "data": Path(environ["LOCALAPPDATA"]) / DATA_DIR_NAME,
    }


def uninstall_entry(key_name: str) -> dict[str, str]:
    import winreg

    path = rf"Software\Microsoft\Windows\CurrentVersion\Uninstall\{key_name}_is1"
    with winreg.OpenKey(winreg.HKEY_CURRENT_USER, path) as key:
        return {name: winreg.QueryValueEx(key, name)[0] for name in ("DisplayName", "DisplayVersion")}


def run(*command: str | Path, timeout: int = 300) -> subprocess.CompletedProcess:
    return subprocess.run([str(part) for part in command], capture_output=True, timeout=timeout)


def wait_until_gone(path: Path, seconds: int = 120) -> None:
    """The uninstaller restarts itself from %TEMP% and returns at once: wait for its work, not for the process."""
    deadline = time.monotonic() + seconds
    while path.exists() and time.monotonic() < deadline:
        time.sleep(1)


def temporary_entries() -> set[str]:
    return set(os.listdir(tempfile.gettempdir()))


def leftovers(before: set[str]) -> list[str]:
    """What appeared in %TEMP% since `before` (the smoke test makes its scratch data folder there)."""
    return sorted(name for name in temporary_entries() - before if name.startswith("pronote-ent"))


def check(condition: bool, message: str) -> None:
    if not condition:
        raise SystemExit(f"Échec de la vérification de l'installateur : {message}")
    print(f"ok : {message}")


def check_programs(target: Path, version: str, env: dict[str, str], work: Path) -> None:
    """The installed executables answer: --version (both), `check` on a fixture (the console one)."""
    for name in ("pronote-ent-wizard.exe", "pronote-ent-wizard-cli.exe"):
        done = subprocess.run([str(target / name), "--version"], env=env, cwd=work, capture_output=True, timeout=120)
        shown = done.stdout.decode("utf-8", "replace").strip()
        check(done.returncode == 0 and shown == f"pronote-ent-wizard {version}", f"{name} --version : {shown!r}")
    done = subprocess.run([str(target / "pronote-ent-wizard-cli.exe"), "check", str(FIXTURE), "--json",
                           "--data-dir", str(work / "données check")], env=env, cwd=work, capture_output=True,
                          timeout=180)
    counts = json.loads(done.stdout)["counts"] if done.returncode == 0 else {}
    check(counts.get("total", 0) > 0, f"check sur un fichier d'exemple : {counts or done.stderr[-300:]!r}")


def window_of(pid: int) -> bool:
    """Whether process `pid` shows a visible window with a title."""
    import ctypes
    from ctypes import wintypes

    user32 = ctypes.windll.user32
    found = []

    @ctypes.WINFUNCTYPE(wintypes.BOOL, wintypes.HWND, wintypes.LPARAM)
    def each(hwnd, _):
        owner = wintypes.DWORD()
        user32.GetWindowThreadProcessId(hwnd, ctypes.byref(owner))
        if owner.value == pid and user32.IsWindowVisible(hwnd) and user32.GetWindowTextLengthW(hwnd) > 0:
            found.append(hwnd)
        return True

    user32.EnumWindows(each, 0)
    return bool(found)


def take_screenshot(target: Path, env: dict[str, str], work: Path, path: Path) -> None:
    """The installed window as an admin sees it: native platform (no offscreen), then the whole screen saved."""
    from PySide6.QtGui import QGuiApplication

    native = {key: value for key, value in env.items() if key not in ("QT_QPA_PLATFORM", "QT_QPA_FONTDIR")}
    program = subprocess.Popen([str(target / "pronote-ent-wizard.exe"), "--data-dir", str(work / "données écran")],
                               env=native, cwd=work)
    try:
        deadline = time.monotonic() + 120
        while not window_of(program.pid) and time.monotonic() < deadline and program.poll() is None:
            time.sleep(0.5)
        check(window_of(program.pid), "le programme installé ouvre sa fenêtre à l'écran")
        time.sleep(3)  # its first paint, and the fonts' first use
        app = QGuiApplication.instance() or QGuiApplication(["check_installer", "-platform", "windows"])
        image = app.primaryScreen().grabWindow(0)
        path.parent.mkdir(parents=True, exist_ok=True)
        check(image.save(str(path)), f"capture d'écran : {path}")
    finally:
        program.kill()
        program.wait(60)


def main(argv: list[str]) -> int:
    for stream in (sys.stdout, sys.stderr):
        stream.reconfigure(errors="replace")
    parser = argparse.ArgumentParser(description="Installe, lance puis désinstalle l'installateur Windows.")
    parser.add_argument("--dist", type=Path, default=OUTPUT, help="dossier où est l'installateur")
    parser.add_argument("--screenshot", type=Path, help="enregistrer une capture du programme installé")
    args = parser.parse_args(argv)
    version = read_version()
    setup = args.dist / installer_name(version)
    places = expected_places(os.environ)
    with tempfile.TemporaryDirectory(prefix="installateur ") as tmp:
        target = Path(tmp) / "Programmes installés" / "Assistant PRONOTE ENT"
        done = run(setup, "/VERYSILENT", "/SUPPRESSMSGBOXES", "/NORESTART", f"/DIR={target}",
                   f"/LOG={Path(tmp) / 'installation.log'}")
        check(done.returncode == 0, f"installation silencieuse sans droits d'administrateur (code {done.returncode})")
        for name in ("pronote-ent-wizard.exe", "pronote-ent-wizard-cli.exe", "pronote-ent-wizard.ico",
                     "unins000.exe"):
            check((target / name).is_file(), f"{name} installé")
        check(places["start_menu"].is_file(), f"raccourci du menu Démarrer : {places['start_menu'].name}")
        entry = uninstall_entry(app_id())
        check(entry["DisplayVersion"] == version, f"« Applications installées » : {entry}")

        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PRONOTE_ENT_WIZARD_LOG_DIR": str(Path(tmp) / "journal")}
        before = temporary_entries()
        done = subprocess.run([str(target / "pronote-ent-wizard-cli.exe"), "--smoke-test"], env=env, cwd=tmp,
                              capture_output=True, timeout=180)
        check(done.returncode == 0 and done.stdout.startswith(b"smoke-test: ok"),
              f"le programme installé ouvre sa fenêtre ({done.stdout[:120]!r} {done.stderr[-300:]!r})")
        check(not leftovers(before), "rien laissé dans le dossier temporaire par le test de la fenêtre")
        check_programs(target, version, env, Path(tmp))
        if args.screenshot:
            take_screenshot(target, env, Path(tmp), args.screenshot)

        marker = places["data"] / "test-conservation.txt"
        existed = places["data"].exists()
        marker.parent.mkdir(parents=True, exist_ok=True)
        marker.write_text("garder\n", encoding="utf-8")
        try:
            done = run(target / "unins000.exe", "/VERYSILENT", "/SUPPRESSMSGBOXES", "/NORESTART")
            check(done.returncode == 0, f"désinstallation silencieuse lancée (code {done.returncode})")
            wait_until_gone(target / "pronote-ent-wizard.exe")
            wait_until_gone(target / "unins000.exe")  # removed last, once the uninstaller has done its work
            check(not (target / "pronote-ent-wizard.exe").exists(), "programme désinstallé")
            check(not places["start_menu"].exists(), "raccourci du menu Démarrer retiré")
            check(marker.is_file(), f"données de l'utilisateur gardées ({places['data']})")
        finally:
            marker.unlink(missing_ok=True)
            if not existed:
                try:
                    places["data"].rmdir()
                except OSError:
                    pass
    print("Installateur vérifié.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
