"""`record --out FILE.pdf [--school UAI]` and `notice --out FILE.pdf [--school UAI]`: the only headless commands
that load Qt (to draw). Exit 0: written; 1: nothing to write (no school, or not that one) or the file could not be
written; 2: a command-line value that cannot be (an output that is not .pdf, a UAI that is not one)."""
from __future__ import annotations

from pathlib import Path

from wizard.commands.console import err, out
from wizard.commands.outfile import wrong_extension
from wizard.core.errors import UserError
from wizard.core.outputs import OutputFailed, refusal
from wizard.core.records import TITLES, notice_document, record_document
from wizard.core.school import check_uai
from wizard.core.store import read_schools
from wizard.core.text import clean
from wizard.core.typography import french
from wizard.gui.pdf import ensure_gui_application, write_pdf


def run_pdf(args, data_dir: Path) -> int:
    target = Path(args.out)
    if problem := wrong_extension(target, ".pdf"):
        err(problem)
        return 2
    uai = getattr(args, "school", None)
    if uai:
        checked = check_uai(uai)
        if not checked.ok:
            err(french(f"--school « {clean(uai)} » : {checked.message}"))
            return 2
        uai = checked.value
    try:
        school = chosen_school(data_dir, uai)
        document = record_document(school) if args.command == "record" else notice_document(school)
    except UserError as problem:
        err(problem.message)
        return 1
    # Never over the progress file, its backup, anything in the data folder, a folder, a read-only file.
    if problem := refusal(target, data_dir=data_dir):
        err(problem)
        return 1
    ensure_gui_application()
    try:
        write_pdf(document, target, TITLES[args.command])  # whole or not at all (wizard/core/outputs.py)
    except OutputFailed as failure:
        err(failure.message)
        return 1
    out(f"{TITLES[args.command]} enregistrée : {clean(str(target))}")
    return 0


def chosen_school(data_dir: Path, uai: str | None) -> dict | None:
    """The school of that UAI among those kept in `data_dir`, or the current one (None when there is none:
    the records say so themselves). UserError when no school kept has that UAI."""
    schools, current = read_schools(data_dir)
    if not uai:
        return next((school for school in schools if school["id"] == current), None)
    for school in schools:
        if (school["identity"].get("uai") or "").upper() == uai:
            return school
    kept = sorted({school["identity"]["uai"] for school in schools if school["identity"].get("uai")})
    known = (" ; établissements suivis : " + ", ".join(kept)) if kept else ""
    raise UserError(french(f"Aucun établissement de code UAI {uai} n'est suivi dans l'assistant{known}."))
