"""Outputs never overwrite inputs or the app's own data, are written whole or not at all, and a failure is told as a
failure (issue 22, 4 and 9; 11: a 1 MB school name)."""
import errno
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.records.conftest import v2_document, v2_school
from tests.wine import NO_SYMLINKS, wine_limitation
from wizard.core.outputs import is_whole_pdf, refusal
from wizard.core.store import ProgressStore

ROOT = Path(__file__).resolve().parents[1]
PRONOTE = str(ROOT / "tests" / "matching" / "fixtures" / "pronote.xml")
ENT = str(ROOT / "tests" / "matching" / "fixtures" / "ent.csv")


def main_py(*args, data_dir, timeout=120):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([sys.executable, "main.py", *args, "--data-dir", str(data_dir)], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=timeout)


def saved_school(data_dir, **changes):
    store = ProgressStore(data_dir)
    store.acquire()
    store.save(v2_document(v2_school(**changes)))
    store.release()
    return data_dir / "progress.json"


@pytest.mark.parametrize("command", ["record", "notice"])
@pytest.mark.parametrize("how", ["path", "hard_link", pytest.param("symlink", marks=wine_limitation(NO_SYMLINKS)),
                                 "backup", "folder"])
def test_the_pdf_commands_never_write_over_the_progress_or_into_the_data_folder(data_dir, tmp_path, command, how):
    """Issue 22, 4: `record --out progress.json` replaced the progress with a PDF; the next start began from zero."""
    progress = saved_school(data_dir)
    saved_school(data_dir, identity={**v2_school()["identity"], "name": "Autre"})  # makes the .bak
    before = progress.read_bytes()
    target = {"path": progress, "backup": data_dir / "progress.json.bak", "folder": data_dir / "fiche.pdf",
              "hard_link": tmp_path / "lien-dur.pdf", "symlink": tmp_path / "lien.pdf"}[how]
    if how == "hard_link":
        os.link(progress, target)
    elif how == "symlink":
        target.symlink_to(progress)
    result = main_py(command, "--out", str(target), data_dir=data_dir)
    assert result.returncode in (1, 2), result.stdout + result.stderr  # 2: not a .pdf (issue 20's check) first
    assert "enregistrée" not in result.stdout and "Traceback" not in result.stderr
    assert progress.read_bytes() == before
    assert not (data_dir / "fiche.pdf").exists()


def test_an_existing_folder_as_out_is_refused(data_dir, tmp_path):
    """Issue 22, 9: « enregistrée » was printed and no file written."""
    saved_school(data_dir)
    folder = tmp_path / "documents.pdf"  # a folder named as a PDF: the extension alone does not catch it
    folder.mkdir()
    result = main_py("record", "--out", str(folder), data_dir=data_dir)
    assert result.returncode == 1 and "est un dossier" in result.stderr and "enregistrée" not in result.stdout
    assert list(folder.iterdir()) == []


def test_a_read_only_older_pdf_is_not_claimed_replaced(data_dir, tmp_path):
    """Issue 22, 9: the writer failed silently, the old file's size made it « enregistrée »."""
    saved_school(data_dir)
    old = tmp_path / "fiche.pdf"
    old.write_bytes(b"%PDF-1.4 old %%EOF")
    os.chmod(old, 0o444)
    result = main_py("record", "--out", str(old), data_dir=data_dir)
    assert result.returncode == 1 and "protégé en écriture" in result.stderr
    assert old.read_bytes() == b"%PDF-1.4 old %%EOF"


def test_a_pdf_the_writer_could_not_write_is_a_failure_and_leaves_nothing(qapp, data_dir, tmp_path, monkeypatch):
    """QPdfWriter never reports failure: a writer that wrote nothing is caught before the target is touched."""
    from wizard.core.outputs import OutputFailed
    from wizard.core.printed import Paragraph, Printed
    from wizard.gui import pdf
    from wizard.gui.pdf import write_pdf

    target = tmp_path / "fiche.pdf"
    target.write_bytes(b"%PDF-1.4 previous %%EOF")
    monkeypatch.setattr(pdf, "render", lambda document, device: None)  # draws nothing: no page, no PDF
    with pytest.raises(OutputFailed) as failed:
        write_pdf(Printed("Fiche", [Paragraph("x")]), target, "Fiche")
    assert "rien n'a été enregistré" in failed.value.message
    assert target.read_bytes() == b"%PDF-1.4 previous %%EOF"
    assert not [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")]  # no temporary file left


@pytest.mark.skipif(os.name != "posix", reason="POSIX permission bits (Windows: the folder's ACL decides)")
def test_a_pdf_gets_the_permissions_of_any_new_file_and_a_replaced_one_keeps_its_own(qapp, tmp_path):
    """A record saved to a shared folder was created owner-only (mkstemp's 0600): colleagues could not open it. The
    record and the notice hold no personal data: a new one follows the umask, a replaced one keeps its mode."""
    from wizard.core.printed import Paragraph, Printed
    from wizard.gui.pdf import write_pdf

    document = Printed("Fiche", [Paragraph("Texte de la fiche.")])
    previous = os.umask(0o022)
    try:
        write_pdf(document, tmp_path / "fiche.pdf", "Fiche")
        (tmp_path / "notice.pdf").write_bytes(b"%PDF-1.4 previous %%EOF")
        os.chmod(tmp_path / "notice.pdf", 0o640)
        write_pdf(document, tmp_path / "notice.pdf", "Notice")
    finally:
        os.umask(previous)
    assert oct((tmp_path / "fiche.pdf").stat().st_mode & 0o777) == oct(0o644)
    assert oct((tmp_path / "notice.pdf").stat().st_mode & 0o777) == oct(0o640)
    assert is_whole_pdf(tmp_path / "notice.pdf")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["fiche.pdf", "notice.pdf"]


@pytest.mark.skipif(sys.platform in ("win32", "darwin"), reason="only Linux names files with bytes that are not text")
def test_a_pdf_in_a_folder_whose_name_is_not_utf8_is_written(qapp, tmp_path):
    """A USB stick's « Collège » folder written in Latin-1: Python names it (surrogate escapes), Qt could not, and
    the record was « Impossible d'écrire … (le fichier n'a pas pu être écrit en entier) »."""
    from wizard.core.printed import Paragraph, Printed
    from wizard.gui.pdf import write_pdf

    folder = tmp_path / os.fsdecode(b"Coll\xe8ge")
    folder.mkdir()
    target = folder / os.fsdecode(b"fiche-\xe9t\xe9.pdf")
    write_pdf(Printed("Fiche", [Paragraph("Texte de la fiche.")]), target, "Fiche")
    assert is_whole_pdf(target)
    assert os.listdir(os.fsencode(folder)) == [b"fiche-\xe9t\xe9.pdf"]  # no temporary file left beside it


def test_a_one_megabyte_school_name_makes_a_whole_pdf_in_seconds(data_dir, tmp_path):
    """Issue 22, 11: a hand-edited 1 MB name made the PDF commands run past 20 s and leave a partial PDF."""
    saved_school(data_dir, identity={**v2_school()["identity"], "name": "Collège Via " * 90_000})  # 1 MB, in words
    out = tmp_path / "fiche.pdf"
    started = time.monotonic()
    result = main_py("record", "--out", str(out), data_dir=data_dir, timeout=60)
    assert result.returncode == 0, result.stderr
    assert time.monotonic() - started < 15
    assert is_whole_pdf(out)


def test_the_worksheet_command_refuses_the_data_folder(data_dir, tmp_path):
    from wizard.commands.cli import run

    saved_school(data_dir)
    assert run(["reconcile", PRONOTE, ENT, "--out", str(data_dir / "progress.json"), "--data-dir",
                str(data_dir)]) == 2
    assert (data_dir / "progress.json").read_bytes().startswith(b"{")


@wine_limitation(NO_SYMLINKS)
def test_the_worksheet_command_refuses_a_link_to_its_inputs(data_dir, tmp_path):
    from wizard.commands.cli import run

    saved_school(data_dir)
    link = tmp_path / "lien.csv"
    link.symlink_to(ENT)
    before = Path(ENT).read_bytes()
    assert run(["reconcile", PRONOTE, ENT, "--out", str(link), "--data-dir", str(data_dir)]) == 2
    assert Path(ENT).read_bytes() == before


def test_refusal_compares_the_file_itself(tmp_path):
    source = tmp_path / "IdPN_To_KOSMOS.xml"
    source.write_text("<x/>", encoding="utf-8")
    os.link(source, tmp_path / "autre-nom.xml")
    assert refusal(tmp_path / "autre-nom.xml", inputs=[source])
    assert refusal(tmp_path / "." / "IdPN_To_KOSMOS.xml", inputs=[source])
    assert refusal(tmp_path / "nouveau.csv", inputs=[source]) is None


def test_the_window_refuses_to_export_the_worksheet_over_its_own_inputs(qtbot, data_dir, tmp_path, monkeypatch):
    """Issue 22, 4: after « Remplacer ? » the window's export replaced the ENT list it had just read."""
    import shutil

    from tests.gui.helpers import open_window
    from tests.gui.test_help import as_checked, complete_every_step
    from wizard.gui import matching_preview

    window = open_window(qtbot, data_dir)
    complete_every_step(window.progress)
    pronote = tmp_path / "IdPN_To_KOSMOS.xml"
    shutil.copy(PRONOTE, pronote)
    ent = tmp_path / "comptes.csv"
    shutil.copy(ENT, ent)
    as_checked(window.progress.cycle, pronote)
    window.go_to("rapprochement")
    preview = window.currentPage().preview
    preview.start(ent)
    qtbot.waitUntil(lambda: not preview.running and preview.result is not None, timeout=30000)
    before = ent.read_bytes(), pronote.read_bytes()
    for target in (ent, pronote, data_dir / "progress.json"):
        monkeypatch.setattr(matching_preview, "save_file", lambda *args, t=target: str(t))
        preview._export_csv()
        assert preview.status.kind == "error" if hasattr(preview.status, "kind") else True
        assert "enregistrée" not in preview.status.text()
    assert (ent.read_bytes(), pronote.read_bytes()) == before
    assert (data_dir / "progress.json").read_bytes().startswith(b"{")


def _disk_full(monkeypatch):
    from wizard.core.matching import worksheet

    def failing_writerows(self, rows):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(worksheet.csv, "writer", lambda *a, **k: type("W", (), {"writerows": failing_writerows})())


def test_a_full_disk_under_the_worksheet_command_is_told_as_a_full_disk(data_dir, tmp_path, monkeypatch, capsys):
    """Before: « ne peut pas être écrit (ouvert dans un tableur, ou dossier protégé) » for a full disk."""
    from wizard.commands.cli import run

    _disk_full(monkeypatch)
    out = tmp_path / "feuille.csv"
    assert run(["reconcile", PRONOTE, ENT, "--out", str(out), "--data-dir", str(data_dir)]) == 2
    captured = capsys.readouterr()
    assert "le disque est plein" in captured.err and "rien n'a été enregistré" in captured.err
    assert "tableur" not in captured.err and captured.out == "" and not out.exists()


def test_a_full_disk_under_the_window_s_worksheet_is_told_as_a_full_disk(qtbot, data_dir, tmp_path, monkeypatch):
    """Before: « le fichier est peut-être ouvert dans Excel » for a full disk."""
    import shutil

    from tests.gui.helpers import open_window
    from tests.gui.test_help import as_checked, complete_every_step
    from wizard.gui import matching_preview

    window = open_window(qtbot, data_dir)
    complete_every_step(window.progress)
    pronote = tmp_path / "IdPN_To_KOSMOS.xml"
    shutil.copy(PRONOTE, pronote)
    as_checked(window.progress.cycle, pronote)
    window.go_to("rapprochement")
    preview = window.currentPage().preview
    preview.start(Path(ENT))
    qtbot.waitUntil(lambda: not preview.running and preview.result is not None, timeout=30000)
    _disk_full(monkeypatch)
    target = tmp_path / "feuille.csv"
    monkeypatch.setattr(matching_preview, "save_file", lambda *args: str(target))
    preview._export_csv()
    shown = preview.status.text()
    assert "le disque est plein" in shown and "Excel" not in shown and "enregistrée" not in shown
    assert not target.exists()
