"""Builds the Windows installer dist/pronote-ent-wizard-<version>-windows-setup.exe from the bundle that
packaging/build_bundle.sh made in dist/pronote-ent-wizard/, with Inno Setup 6.3 or later (`ISCC.exe`).

    python packaging/windows/build_installer.py [--install-inno-setup]

The version comes from pyproject.toml and goes to the script as /DAppVersion= and /DAppFileVersion=. The arguments
are passed from here rather than from a bash line: Git Bash would rewrite `/DAppVersion=…` as a path.
`--install-inno-setup` installs it with Chocolatey when no ISCC.exe is found (a CI runner without it).
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Mapping
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(ROOT / "packaging"))
from project_version import numeric_version, read_version  # noqa: E402

ISS = HERE / "pronote-ent-wizard.iss"
BUNDLE = ROOT / "dist" / "pronote-ent-wizard"
OUTPUT = ROOT / "dist"


def find_iscc(environ: Mapping[str, str], which: Callable[[str], str | None] = shutil.which) -> Path | None:
    """ISCC on the PATH, else in the usual install folders (all users, then this user), newest Inno Setup first."""
    found = which("iscc")
    if found:
        return Path(found)
    # Git Bash drops `ProgramFiles(x86)` from the environment (not a shell name): the usual folders are spelled out too.
    bases = [environ.get("ProgramFiles(x86)"), environ.get("ProgramFiles"), r"C:\Program Files (x86)",
             r"C:\Program Files"]
    if environ.get("LOCALAPPDATA"):
        bases.append(str(Path(environ["LOCALAPPDATA"]) / "Programs"))
    for base in filter(None, bases):
        candidates = sorted(Path(base).glob("Inno Setup */ISCC.exe"), reverse=True)
        if candidates:
            return candidates[0]
    return None


def installer_name(version: str) -> str:
    return f"pronote-ent-wizard-{version}-windows-setup.exe"


def iscc_command(iscc: Path, version: str, bundle: Path = BUNDLE, output: Path = OUTPUT) -> list[str]:
    file_version = ".".join(map(str, numeric_version(version)))
    return [str(iscc), f"/DAppVersion={version}", f"/DAppFileVersion={file_version}", f"/DBundleDir={bundle}",
            f"/O{output}", str(ISS)]


def main(argv: list[str]) -> int:
    version = read_version()
    if not (BUNDLE / "pronote-ent-wizard.exe").is_file():
        print(f"Construisez d'abord le paquet Windows (bash packaging/build_bundle.sh) : {BUNDLE} manque.",
              file=sys.stderr)
        return 1
    iscc = find_iscc(os.environ)
    if iscc is None and "--install-inno-setup" in argv and shutil.which("choco"):
        subprocess.run(["choco", "install", "innosetup", "--yes", "--no-progress"], check=True)
        iscc = find_iscc(os.environ)
    if iscc is None:
        print("Inno Setup 6 introuvable (ISCC.exe) : installez-le, ou relancez avec --install-inno-setup.",
              file=sys.stderr)
        return 1
    subprocess.run(iscc_command(iscc, version), check=True)
    setup = OUTPUT / installer_name(version)
    if not setup.is_file():
        print(f"ISCC n'a pas produit {setup}.", file=sys.stderr)
        return 1
    print(f"Installateur : {setup} ({setup.stat().st_size // 1_000_000} Mo)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
