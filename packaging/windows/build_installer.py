"""Builds the Windows installer dist/pronote-ent-wizard-<version>-windows-setup.exe from the bundle that
packaging/build_bundle.sh made in dist/pronote-ent-wizard/, with Inno Setup 6.3 or later (`ISCC.exe`).

    python packaging/windows/build_installer.py [--install-inno-setup] [--dist DIST] [--default-dir FOLDER]

The version comes from pyproject.toml and goes to the script as /DAppVersion= and /DAppFileVersion=. The arguments
are passed from here rather than from a bash line: Git Bash would rewrite `/DAppVersion=…` as a path.
`--install-inno-setup` installs it with Chocolatey when no ISCC.exe is found (a CI runner without it).
"""
from __future__ import annotations

import argparse
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


# Git Bash drops `ProgramFiles(x86)` from the environment (not a shell name): the usual folders are spelled out too.
USUAL_FOLDERS = (r"C:\Program Files (x86)", r"C:\Program Files")


def find_iscc(environ: Mapping[str, str], which: Callable[[str], str | None] = shutil.which,
              usual: tuple[str, ...] = USUAL_FOLDERS) -> Path | None:
    """ISCC on the PATH, else in the usual install folders (all users, then this user), newest Inno Setup first."""
    found = which("iscc")
    if found:
        return Path(found)
    bases = [environ.get("ProgramFiles(x86)"), environ.get("ProgramFiles"), *usual]
    if environ.get("LOCALAPPDATA"):
        bases.append(str(Path(environ["LOCALAPPDATA"]) / "Programs"))
    for base in filter(None, bases):
        candidates = sorted(Path(base).glob("Inno Setup */ISCC.exe"), reverse=True)
        if candidates:
            return candidates[0]
    return None


def installer_name(version: str) -> str:
    return f"pronote-ent-wizard-{version}-windows-setup.exe"


def iscc_command(iscc: Path, version: str, bundle: Path = BUNDLE, output: Path = OUTPUT,
                 default_dir: str | None = None) -> list[str]:
    r"""`default_dir`: another install folder than the script's {autopf}\… (Wine 8.0 cannot expand {autopf} for a
    per-user install: scripts/test-windows.sh passes {localappdata}\Programs\…, what {autopf} is there)."""
    file_version = ".".join(map(str, numeric_version(version)))
    defines = [f"/DAppVersion={version}", f"/DAppFileVersion={file_version}", f"/DBundleDir={bundle}"]
    if default_dir:
        defines.append(f"/DDefaultDir={default_dir}")
    return [str(iscc), *defines, f"/O{output}", str(ISS)]


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description="Construit l'installateur Windows avec Inno Setup.")
    parser.add_argument("--install-inno-setup", action="store_true",
                        help="installer Inno Setup avec Chocolatey s'il manque")
    parser.add_argument("--dist", type=Path, default=OUTPUT,
                        help="dossier de PyInstaller (contient pronote-ent-wizard\\), où va l'installateur")
    parser.add_argument("--default-dir", help="dossier d'installation par défaut, au lieu de {autopf}\\…")
    args = parser.parse_args(argv)
    version = read_version()
    bundle = args.dist / BUNDLE.name
    if not (bundle / "pronote-ent-wizard.exe").is_file():
        print(f"Construisez d'abord le paquet Windows (bash packaging/build_bundle.sh) : {bundle} manque.",
              file=sys.stderr)
        return 1
    iscc = find_iscc(os.environ)
    if iscc is None and args.install_inno_setup and shutil.which("choco"):
        subprocess.run(["choco", "install", "innosetup", "--yes", "--no-progress"], check=True)
        iscc = find_iscc(os.environ)
    if iscc is None:
        print("Inno Setup 6 introuvable (ISCC.exe) : installez-le, ou relancez avec --install-inno-setup.",
              file=sys.stderr)
        return 1
    subprocess.run(iscc_command(iscc, version, bundle, args.dist, args.default_dir), check=True)
    setup = args.dist / installer_name(version)
    if not setup.is_file():
        print(f"ISCC n'a pas produit {setup}.", file=sys.stderr)
        return 1
    print(f"Installateur : {setup} ({setup.stat().st_size // 1_000_000} Mo)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
