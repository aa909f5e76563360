"""The printed records: their text, whole words in every table column, nothing of another ENT, no personal data,
and the `record` / `notice` commands."""
import os
import subprocess
import sys
import unicodedata
from argparse import Namespace

import pytest
from pypdf import PdfReader

from tests.records.conftest import ROOT, pdf_text, v2_document, v2_school
from wizard.commands import pdf as command
from wizard.core.records import notice_html, record_html

FIXTURE_NAMES = ["GARNIER", "Sophie", "FABRE", "Laurent", "ROUSSEL", "MARTIN", "Nadia", "Lina", "DUPONT", "Théo",
                 "2013-02-14"]
# Words of the default ENT that must not show when another ENT is active.
ORIGINAL_ENT_WORDS = ["Occitanie", "occitanie", "ENT-LR", "ent-lr", "K-d'école", "KOSMOS", "Kosmos", "Scolarité",
                      "SSO Pronote avec CAS", "Afficher le bloc", "« Accès au service »", "site courant", "CLG-VIA"]


def test_the_record_holds_the_school_values(render):
    _, text = render(record_html(v2_school()))
    for expected in ("0301746K", "Collège Via Domitia", "SSO Pronote avec CAS", "Scolarité", "2024 – 2.5",
                     "vérifié le 27/08/2026", "1575", "27/08/2026", "mon ENT Occitanie", "cas.mon-ent-occitanie.fr"):
        assert expected in text, expected
    assert "https://0301746k.index-education.net/pronote/**" in text.replace(" ", "")


def test_the_notice_is_one_page_with_the_way_in(render):
    path, text = render(notice_html(v2_school()))
    assert "Collège Via Domitia" in text and "Scolarité" in text and "première connexion" in text
    assert "Identification impossible" in text and "le secrétariat" in text
    assert "https://www.mon-ent-occitanie.fr/" in text  # whole, on its own line
    assert len(PdfReader(str(path)).pages) == 1


def _laid_out_words(path) -> list[str]:
    """The PDF's words as they sit on the page (a bold word and its comma stay one word; a word cut across two
    lines of a cell becomes two)."""
    text = " ".join(page.extract_text(extraction_mode="layout") for page in PdfReader(str(path)).pages)
    return unicodedata.normalize("NFKC", text).split()


def _plain_words(html: str) -> set[str]:
    from PySide6.QtGui import QTextDocument

    document = QTextDocument()
    document.setHtml(html)
    return set(unicodedata.normalize("NFKC", document.toPlainText()).split())


def test_table_columns_never_cut_a_word(render, tmp_path):
    """Every word the PDF shows is a word of the document: none is cut across lines (« Paren/t », « Annon/cé »)."""
    school = v2_school(server_checks=v2_school()["server_checks"] * 2,
                       import_history=v2_school()["import_history"] * 3)
    for html, name in ((record_html(school), "record.pdf"), (notice_html(school), "notice.pdf")):
        path, _ = render(html, name)
        pages = {str(number) for number in range(1, len(PdfReader(str(path)).pages) + 1)}  # page numbers
        words = _laid_out_words(path)
        cut = set(words) - _plain_words(html) - pages
        assert not cut, (name, sorted(cut))
    record = _laid_out_words(tmp_path / "record.pdf")
    for word in ("Enseignant", "Annoncé", "Parent", "d'import", "27/08/2026", "cas.mon-ent-occitanie.fr",
                 "https://0301746k.index-education.net/pronote/**"):
        assert word in record, word


def test_with_another_ent_no_word_of_the_original_is_printed(render, renamed_ent):
    school = v2_school()
    for html, name in ((record_html(school), "record.pdf"), (notice_html(school), "notice.pdf")):
        path, text = render(html, name)
        found = [word for word in ORIGINAL_ENT_WORDS if word in text]
        assert not found, (name, found)
        assert "ENT Exemple Nord" in text
        metadata = PdfReader(str(path)).metadata
        assert "Occitanie" not in (metadata.creator or "") and "ENT Exemple Nord" in (metadata.creator or "")


def test_no_personal_data_after_a_real_analysis(render, data_dir):
    from wizard.core.filecheck import analysis_record, run_analysis
    from wizard.core.progress import import_entry

    school = v2_school()
    fixture = ROOT / "tests" / "fixtures" / "walk" / "IdPN_To_KOSMOS.xml"
    info, report = run_analysis(fixture, school, "complet", advance=lambda f: None, cancelled=lambda: False)
    cycle = {**school["cycle"], "file": info, "analysis": analysis_record(report, "complet"), "reported_count": 7}
    school.update(cycle=cycle, import_history=[import_entry(cycle)])
    for html, name in ((record_html(school), "record.pdf"), (notice_html(school), "notice.pdf")):
        _, text = render(html, name)
        assert not [name for name in FIXTURE_NAMES if name in text]


# -- the commands -----------------------------------------------------------------------------------------------
def run_command(name, out, monkeypatch, school):
    monkeypatch.setattr(command, "read_current_school", lambda data_dir: school)
    return command.run_pdf(Namespace(command=name, out=str(out)), data_dir=None)


@pytest.mark.parametrize("name, title", [("record", "Fiche de configuration"),
                                          ("notice", "Notice pour les familles et les personnels")])
def test_the_commands_write_the_pdf_and_say_where(name, title, qapp, tmp_path, monkeypatch, capsys):
    out = tmp_path / f"{name}.pdf"
    assert run_command(name, out, monkeypatch, v2_school()) == 0
    printed = capsys.readouterr()
    assert printed.out == f"{title} enregistrée : {out}\n" and printed.err == ""
    assert PdfReader(str(out)).metadata.title == title


def test_a_missing_folder_is_one_french_sentence(qapp, tmp_path, monkeypatch, capsys):
    assert run_command("record", tmp_path / "absent" / "x.pdf", monkeypatch, v2_school()) == 1
    err = capsys.readouterr().err.replace("\u00a0", " ").replace("\u202f", " ")  # French typography's spaces
    assert err.startswith("Le dossier « ") and err.endswith("n'existe pas : choisissez un autre emplacement.\n")


def test_a_control_character_in_the_path_is_not_sent_to_the_terminal(qapp, tmp_path, monkeypatch, capsys):
    folder = tmp_path / "dossier\x1b[2J"
    assert run_command("notice", folder / "x.pdf", monkeypatch, v2_school()) == 1
    err = capsys.readouterr().err
    assert "\x1b" not in err and "\\x1b[2J" in err


def main_py(*args, data_dir):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([sys.executable, "main.py", *args, "--data-dir", str(data_dir)], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)


def test_the_record_command_reads_the_saved_document(data_dir, tmp_path):
    from wizard.core.store import ProgressStore

    school = v2_school(connection={"date": "2026-09-02T10:00:00", "verified": False, "how": "already_in_place"})
    store = ProgressStore(data_dir)
    store.acquire()
    store.save(v2_document(school))
    store.release()
    out = tmp_path / "fiche.pdf"
    result = main_py("record", "--out", str(out), data_dir=data_dir)
    assert result.returncode == 0, result.stderr
    text = pdf_text(out)
    assert "Collège Via Domitia" in text and "déclaré, non vérifié (le 02/09/2026)" in text


@pytest.mark.parametrize("name", ["record", "notice"])
def test_nothing_configured_is_refused_in_one_sentence(name, data_dir, tmp_path):
    result = main_py(name, "--out", str(tmp_path / "x.pdf"), data_dir=data_dir)
    assert result.returncode == 1
    assert result.stderr.startswith("Aucun établissement") and "Traceback" not in result.stderr
    assert not (tmp_path / "x.pdf").exists()
