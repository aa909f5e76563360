"""The file a command writes, named by `--out`: its extension must say what it holds."""
from __future__ import annotations

from pathlib import Path

from wizard.core.text import clean
from wizard.core.typography import french

KINDS = {".pdf": "un document PDF", ".csv": "un tableau CSV"}


def wrong_extension(target: Path, suffix: str) -> str | None:
    """The French refusal when `target` does not end with `suffix` (any case): `--out notice.txt` would
    otherwise write a PDF that no program opens as text, and `--out fiche` a file no program recognises."""
    if target.suffix.lower() == suffix:
        return None
    return french(f"--out « {clean(target.name)} » : le fichier écrit est {KINDS[suffix]}, son nom doit finir par "
                  f"{suffix} (par exemple « {clean(target.stem or 'document')}{suffix} »).")
