"""Pictures of the printed record and notice, page by page, for the README and reviews: the school of the A4 test
(`tests/records/test_pdf.py`: a long name, six years of full and partial imports), drawn by the app's own PDF
writer, then rendered by poppler's `pdftoppm` (Debian package `poppler-utils`) into
`docs/screenshots/fiche-configuration-N.png` and `docs/screenshots/notice-N.png`.

Usage: .venv/bin/python tools/record_screenshots.py [--out DOSSIER] [--resolution DPI]"""
from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from tests.records.test_pdf import a4_school  # noqa: E402 - the test's school: the pictures show what it checks
from wizard.core.records import notice_document, record_document  # noqa: E402
from wizard.gui.pdf import ensure_gui_application, write_pdf  # noqa: E402


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--resolution", type=int, default=80)
    args = parser.parse_args(argv)
    pdftoppm = shutil.which("pdftoppm")
    if pdftoppm is None:
        sys.stderr.write("pdftoppm est introuvable : installez le paquet poppler-utils.\n")
        return 1
    ensure_gui_application()
    school = a4_school("walk")
    today = date(2026, 12, 6)  # the pictures do not change with the day they are made
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as work:
        for name, printed in (("fiche-configuration", record_document(school, today)),
                              ("notice", notice_document(school, today))):
            for old in args.out.glob(f"{name}-*.png"):
                old.unlink()
            pdf = Path(work) / f"{name}.pdf"
            write_pdf(printed, pdf, printed.title)
            subprocess.run([pdftoppm, "-png", "-r", str(args.resolution), str(pdf), str(args.out / name)], check=True)
    for picture in sorted(args.out.glob("*.png")):
        if picture.name.startswith(("fiche-configuration-", "notice-")):
            print(picture.relative_to(ROOT) if picture.is_relative_to(ROOT) else picture)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
