"""`record --out FILE.pdf` and `notice --out FILE.pdf`: the only headless commands that load Qt (to draw)."""
from __future__ import annotations

from pathlib import Path

from wizard.commands.console import err, out
from wizard.core.errors import UserError
from wizard.core.outputs import OutputFailed, refusal
from wizard.core.records import TITLES, notice_html, record_html
from wizard.core.store import read_current_school
from wizard.core.text import clean
from wizard.gui.pdf import ensure_gui_application, write_pdf


def run_pdf(args, data_dir: Path) -> int:
    school = read_current_school(data_dir)
    try:
        html = record_html(school) if args.command == "record" else notice_html(school)
    except UserError as problem:
        err(problem.message)
        return 1
    target = Path(args.out)
    # Never over the progress file, its backup, anything in the data folder, a folder, a read-only file.
    problem = refusal(target, data_dir=data_dir)
    if problem:
        err(problem)
        return 1
    ensure_gui_application()
    try:
        write_pdf(html, target, TITLES[args.command])
    except OutputFailed as failure:
        err(failure.message)
        return 1
    out(f"{TITLES[args.command]} enregistrée : {clean(str(target))}")
    return 0
