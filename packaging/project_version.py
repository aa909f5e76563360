"""The product's version, read from pyproject.toml: the one number that the wheel, the bundles, the Windows version
resource and the installer all show.

    python packaging/project_version.py             prints it (0.1.0)
    python packaging/project_version.py --numeric   prints the four numbers Windows wants (0.1.0.0)

Build scripts only (the spec, the installer build, the smoke test): the app itself has `wizard.__version__`, which a
test keeps equal to this.
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PYPROJECT = ROOT / "pyproject.toml"

# The release segment of a PEP 440 version, at most four numbers (a pre- or post-release suffix may follow).
_RELEASE = re.compile(r"(\d+)(?:\.(\d+))?(?:\.(\d+))?(?:\.(\d+))?(?!\.?\d)")


def read_version(pyproject: Path = PYPROJECT) -> str:
    try:
        import tomllib
    except ModuleNotFoundError:  # Python 3.10: the `bundle` and `test` extras bring tomli
        import tomli as tomllib
    with open(pyproject, "rb") as handle:
        return tomllib.load(handle)["project"]["version"]


def numeric_version(version: str) -> tuple[int, int, int, int]:
    """Windows' version resource and Inno Setup's VersionInfoVersion take four numbers from 0 to 65535: the release
    part of the version, padded with zeros ("1.2rc1" → (1, 2, 0, 0)). Anything else is refused, not guessed."""
    match = _RELEASE.match(version)
    if not match:
        raise ValueError(f"version {version!r}: expected numbers such as 1.2.3")
    numbers = tuple(int(part or 0) for part in match.groups())
    if any(number > 0xFFFF for number in numbers):
        raise ValueError(f"version {version!r}: Windows keeps only numbers up to 65535")
    return numbers  # type: ignore[return-value]  # four groups, four numbers


def main(argv: list[str]) -> int:
    version = read_version()
    print(".".join(map(str, numeric_version(version))) if "--numeric" in argv else version)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
