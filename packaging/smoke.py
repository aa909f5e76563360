"""The built app run as an admin would run it, on Linux, Windows and macOS alike (CI runs it after each build):

1. the window opens offscreen and closes by itself (`--smoke-test`);
2. `check` reads a fixture and prints its counts as JSON;
3. a refused `probe` ends in a French sentence and a non-zero exit, never a traceback;
4. on Windows, both executables carry the version resource of pyproject.toml's version;
5. the bundle carries none of the packages only the tests or the build use (TEST_ONLY).

Every run happens from a temporary folder outside the checkout, with the data, the log and the fixture under
folder names with spaces and accents (« Données de l'école », a OneDrive-like « OneDrive - Académie »): the bundle
must not lean on the checkout, nor on ASCII paths.

    python packaging/smoke.py [DIST]      (DIST: PyInstaller's output folder, dist/ by default)
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "packaging"))
from project_version import numeric_version, read_version  # noqa: E402

NAME = "pronote-ent-wizard"
MAC_APP = "Assistant PRONOTE ENT.app"
FIXTURE = ROOT / "tests" / "fixtures" / "walk" / "IdPN_To_KOSMOS.xml"
# A first start on a CI runner can be slow (antivirus scan of every DLL on Windows, Gatekeeper on macOS).
TIMEOUT = 180


@dataclass(frozen=True)
class Executables:
    window: Path  # what a double-click starts
    commands: Path  # what prints in a terminal: the same program, except on Windows (no console for the window)


def executables(dist: Path, platform: str = sys.platform) -> Executables:
    if platform == "win32":
        folder = dist / NAME
        return Executables(folder / f"{NAME}.exe", folder / f"{NAME}-cli.exe")
    if platform == "darwin":
        program = dist / MAC_APP / "Contents" / "MacOS" / NAME
        return Executables(program, program)
    program = dist / NAME / NAME
    return Executables(program, program)


# Packages of the `test` extra or of PyInstaller's own dependencies that the app never imports: a hook that pulls one
# in makes the bundle bigger (cryptography alone is 10 MB) and ships code nobody reviewed for it.
TEST_ONLY = ("cryptography", "setuptools", "pkg_resources", "certifi", "charset_normalizer", "requests", "urllib3",
             "pytest", "_pytest", "trustme", "werkzeug", "pytest_httpserver", "pypdf", "PyInstaller")


class SmokeFailure(Exception):
    pass


def decode(output: bytes) -> str:
    """The bundle prints UTF-8, or the console's code page (cp1252 on a Windows runner's pipes)."""
    try:
        return output.decode("utf-8")
    except UnicodeDecodeError:
        return output.decode("cp1252", "replace")


def run(program: Path, *args: str, env: dict[str, str], cwd: Path) -> subprocess.CompletedProcess:
    done = subprocess.run([str(program), *args], env=env, cwd=cwd, capture_output=True, timeout=TIMEOUT)
    return subprocess.CompletedProcess(done.args, done.returncode, decode(done.stdout), decode(done.stderr))


def expect(condition: bool, message: str, done: subprocess.CompletedProcess | None = None) -> None:
    if not condition:
        detail = f"\n--- code {done.returncode}\n--- stdout\n{done.stdout}\n--- stderr\n{done.stderr}" if done else ""
        raise SmokeFailure(message + detail)


def check_window(exe: Executables, env: dict[str, str], work: Path, data: Path, logs: Path) -> None:
    done = run(exe.commands, "--smoke-test", "--data-dir", str(data), env=env, cwd=work)
    expect(done.returncode == 0 and done.stdout.startswith("smoke-test: ok"), "la fenêtre ne s'est pas ouverte", done)
    expect("Assistant d'interconnexion PRONOTE" in done.stdout, "titre de fenêtre inattendu", done)
    print(done.stdout.strip())
    if exe.window != exe.commands:
        # Windows: the windowed executable cannot print; its exit code and its log line say it started.
        done = run(exe.window, "--smoke-test", "--data-dir", str(data), env=env, cwd=work)
        expect(done.returncode == 0, "l'exécutable fenêtré n'a pas ouvert la fenêtre", done)
        log = (logs / "assistant.log").read_text(encoding="utf-8")
        expect(log.count("démarrage fenêtre") >= 2, "l'exécutable fenêtré n'a rien écrit dans le journal")
        print(f"{exe.window.name} : fenêtre ouverte (code 0, journal écrit)")


def check_command(exe: Executables, env: dict[str, str], work: Path, data: Path) -> None:
    export = work / "OneDrive - Académie" / "Export PRONOTE"
    export.mkdir(parents=True)
    fixture = Path(shutil.copy(FIXTURE, export / FIXTURE.name))
    done = run(exe.commands, "check", str(fixture), "--json", "--data-dir", str(data), env=env, cwd=work)
    expect(done.returncode == 0, "check a échoué sur le fichier d'exemple", done)
    counts = json.loads(done.stdout)["counts"]
    expect(counts["total"] > 0, f"check n'a compté personne : {counts}", done)
    print(f"check : {counts}")

    done = run(exe.commands, "probe", "ftp://exemple.invalid/", env=env, cwd=work)
    expect(done.returncode != 0, "probe aurait dû refuser cette adresse", done)
    expect("Traceback" not in done.stdout + done.stderr and done.stderr.strip() != "", "probe : pas une phrase", done)
    print(f"probe refusé (code {done.returncode}) : {done.stderr.strip()[:200]}")


def check_version_resource(exe: Executables, version: str) -> None:
    """Windows: what Explorer shows under « Détails », read back with PyInstaller's own reader."""
    from PyInstaller.utils.win32.versioninfo import read_version_info_from_executable

    for program in sorted({exe.window, exe.commands}):
        info = read_version_info_from_executable(str(program))
        expect(info is not None, f"{program.name} n'a pas de ressource de version")
        shown = (info.ffi.fileVersionMS >> 16, info.ffi.fileVersionMS & 0xFFFF,
                 info.ffi.fileVersionLS >> 16, info.ffi.fileVersionLS & 0xFFFF)
        strings = {s.name: s.val for kid in info.kids if hasattr(kid, "kids") for table in kid.kids
                   if hasattr(table, "kids") for s in table.kids if hasattr(s, "val")}
        expect(shown == numeric_version(version), f"{program.name} : version {shown}, attendu {version}")
        expect(strings.get("ProductVersion") == version, f"{program.name} : ProductVersion {strings}")
        print(f"{program.name} : version {version} ({strings.get('ProductName')})")


def bundled_packages(folder: Path, program: Path) -> set[str]:
    """The top-level names a bundle carries: folders and extension modules beside the executable, and the pure
    modules of the archive inside it (read with PyInstaller's own reader)."""
    from PyInstaller.archive.readers import CArchiveReader

    names = {path.name.split(".")[0].split("-")[0] for path in folder.rglob("*")
             if path.is_dir() or path.suffix in (".py", ".pyc", ".pyd", ".so")}
    archive = CArchiveReader(str(program))
    for entry in archive.toc:
        if entry.endswith(".pyz"):
            names |= {module.split(".")[0] for module in archive.open_embedded_archive(entry).toc}
    return names


def check_contents(dist: Path, platform: str) -> None:
    folder = dist / NAME  # PyInstaller's folder, on macOS too (the .app is made from it)
    program = folder / (f"{NAME}-cli.exe" if platform == "win32" else NAME)
    extra = sorted(bundled_packages(folder, program) & set(TEST_ONLY))
    expect(not extra, f"le paquet contient des paquets inutiles à l'application : {', '.join(extra)}")
    print("contenu : aucun paquet réservé aux tests ou à la construction")


def smoke(dist: Path, platform: str = sys.platform) -> None:
    exe = executables(dist.resolve(), platform)
    for program in {exe.window, exe.commands}:
        expect(program.is_file(), f"introuvable : {program}")
    with tempfile.TemporaryDirectory(prefix="smoke ") as tmp:
        work = Path(tmp)
        data, logs = work / "Données de l'école", work / "Journal été"
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PRONOTE_ENT_WIZARD_LOG_DIR": str(logs)}
        env.pop("PYTHONPATH", None)
        check_window(exe, env, work, data, logs)
        check_command(exe, env, work, data)
    if platform == "win32":
        check_version_resource(exe, read_version())
    print("Paquet vérifié : la fenêtre s'ouvre et les commandes répondent.")


def main(argv: list[str]) -> int:
    for stream in (sys.stdout, sys.stderr):  # a cp1252 console must not stop the report on « » or an accent
        stream.reconfigure(errors="replace")
    dist = Path(argv[0]) if argv else ROOT / "dist"
    try:
        smoke(dist)
        check_contents(dist.resolve(), sys.platform)
    except (SmokeFailure, subprocess.TimeoutExpired, json.JSONDecodeError) as exc:
        print(f"Échec du test du paquet : {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
