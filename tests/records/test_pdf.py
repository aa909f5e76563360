"""The printed records: laid out for A4 (inside the printable area, no lone line, rows and headings kept whole),
their text, whole words in every table column, nothing of another ENT, no personal data, and the `record` /
`notice` commands."""
import os
import subprocess
import sys
import unicodedata
from argparse import Namespace

import pytest
from pypdf import PdfReader

from tests.records.conftest import ROOT, pdf_text, v2_document, v2_school
from tests.records.pdfgeometry import glyphs
from wizard.commands import pdf as command
from wizard.core.printed import Table, column_widths
from wizard.core.records import notice_document, record_document

FIXTURE_NAMES = ["GARNIER", "Sophie", "FABRE", "Laurent", "ROUSSEL", "MARTIN", "Nadia", "Lina", "DUPONT", "Théo",
                 "2013-02-14"]
# Words of the default ENT that must not show when another ENT is active.
ORIGINAL_ENT_WORDS = ["Occitanie", "occitanie", "ENT-LR", "ent-lr", "K-d'école", "KOSMOS", "Kosmos", "Scolarité",
                      "SSO Pronote avec CAS", "Afficher le bloc", "« Accès au service »", "site courant", "CLG-VIA"]


def test_the_record_holds_the_school_values(render):
    _, text = render(record_document(v2_school()))
    for expected in ("0301746K", "Collège Via Domitia", "SSO Pronote avec CAS", "Scolarité", "2024 – 2.5",
                     "vérifié le 27/08/2026", "1575", "27/08/2026", "mon ENT Occitanie", "cas.mon-ent-occitanie.fr"):
        assert expected in text, expected
    assert "https://0301746k.index-education.net/pronote/**" in text.replace(" ", "")


def test_the_notice_is_one_page_with_the_way_in(render):
    path, text = render(notice_document(v2_school()))
    assert "Collège Via Domitia" in text and "Scolarité" in text and "première connexion" in text
    assert "Identification impossible" in text and "le secrétariat" in text
    assert "https://www.mon-ent-occitanie.fr/" in text  # whole, on its own line
    assert len(PdfReader(str(path)).pages) == 1


def _laid_out_words(path) -> list[str]:
    """The PDF's words as they sit on the page (a bold word and its comma stay one word; a word cut across two
    lines of a cell becomes two)."""
    text = " ".join(page.extract_text(extraction_mode="layout") for page in PdfReader(str(path)).pages)
    return unicodedata.normalize("NFKC", text).split()


def _plain_words(printed) -> set[str]:
    from PySide6.QtGui import QTextDocument

    document = QTextDocument()
    document.setHtml(printed.html())
    return set(unicodedata.normalize("NFKC", document.toPlainText()).split())


def test_table_columns_never_cut_a_word(render, tmp_path):
    """Every word the PDF shows is a word of the document: none is cut across lines (« Paren/t », « Annon/cé »)."""
    school = v2_school(server_checks=v2_school()["server_checks"] * 2,
                       import_history=v2_school()["import_history"] * 3)
    for printed, name in ((record_document(school), "record.pdf"), (notice_document(school), "notice.pdf")):
        path, _ = render(printed, name)
        count = len(PdfReader(str(path)).pages)
        footer = {str(number) for number in range(1, count + 1)} | {"page", "sur", "–", "UAI", "0301746K", "Fiche",
                                                                    "de", "configuration"}
        words = _laid_out_words(path)
        cut = set(words) - _plain_words(printed) - footer
        assert not cut, (name, sorted(cut))
    record = _laid_out_words(tmp_path / "record.pdf")
    for word in ("Enseignant", "lecture", "Parent", "d'import", "27/08/2026", "cas.mon-ent-occitanie.fr",
                 "https://0301746k.index-education.net/pronote/**"):
        assert word in record, word


def test_with_another_ent_no_word_of_the_original_is_printed(render, renamed_ent):
    school = v2_school()
    for printed, name in ((record_document(school), "record.pdf"), (notice_document(school), "notice.pdf")):
        path, text = render(printed, name)
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
    school.update(cycle=cycle, import_history=[import_entry(cycle, [])])
    for printed, name in ((record_document(school), "record.pdf"), (notice_document(school), "notice.pdf")):
        _, text = render(printed, name)
        assert not [name for name in FIXTURE_NAMES if name in text]


# -- the commands -----------------------------------------------------------------------------------------------
def run_command(name, out, monkeypatch, school):
    monkeypatch.setattr(command, "chosen_school", lambda data_dir, uai: school)
    return command.run_pdf(Namespace(command=name, out=str(out), school=None), data_dir=None)


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


# -- A4, as a school hands it out and archives it ----------------------------------------------------------------
LONG_NAME = ("Lycée polyvalent régional Jean-Baptiste de La Salle et Marie-Louise Dissard-Françoise – site de "
             "Saint-Jean-du-Falga")
A4_POINTS = (595.0, 842.0)
MARGIN = 15 * 72 / 25.4  # the printable area: 15 mm inside each edge


def six_years_of_imports() -> list[dict]:
    """A full import each rentrée and a partial one each November, 2021–2026: twelve rows. The ENT's figure after
    a partial import is the batch in even years, its running total (1575 + 35) in odd ones."""
    history = []
    for year in range(2021, 2027):
        for day, mode, counts in ((f"{year}-08-27T08:39:00", "complet", (600, 900, 50, 25, 0)),
                                  (f"{year}-11-03T15:01:00", "partiel", (12, 20, 2, 1, 0))):
            total = sum(counts)
            running = mode == "partiel" and year % 2 == 1
            history.append({"date": day, "cycle": f"c{year}{mode[0]}", "mode": mode,
                            "counts": dict(zip(("eleve", "parent", "enseignant", "personnel", "autre"), counts,
                                               strict=True)) | {"total": total},
                            "file_sha256": "f" * 64, "reported_count": 1575 + total if running else total,
                            "reading": "running_total" if running else "batch", "export_date": None,
                            "id_hashes": []})
    return history


def six_years_of_failures() -> list[dict]:
    """Three counts of identification failures noted after each rentrée, 2021–2026."""
    return [{"day": f"{year}-{day}", "count": count, "recorded_at": f"{year}-{day}T17:00:00"}
            for year in range(2021, 2027) for day, count in (("09-03", 49), ("09-17", 12), ("10-08", 0))]


def a4_school(how: str) -> dict:
    school = v2_school(import_history=six_years_of_imports(), failures=six_years_of_failures(),
                       connection={"date": "2026-08-27T09:00:00", "verified": True, "how": how},
                       server_checks=v2_school()["server_checks"] * 3)
    school["identity"] = {**school["identity"], "name": LONG_NAME, "contact": ""}
    return school


@pytest.mark.parametrize("how", ["walk", "already_in_place"])
def test_the_records_stay_inside_the_printable_area_with_no_lone_line(render, how):
    """Every glyph of both documents – a long school name, six years of imports, the two ways parts 1–2 came to be
    – lies inside the 15 mm margins of an A4 page (the former record ran its imports table past the right margin
    and cut rows across pages), and no page holds fewer than five lines."""
    school = a4_school(how)
    for printed, name in ((record_document(school), "record.pdf"), (notice_document(school), "notice.pdf")):
        path, _ = render(printed, name)
        found, pages, size = glyphs(path)
        assert size == A4_POINTS, name
        assert found, name
        outside = [g for g in found if g.left < MARGIN - 0.5 or g.right > size[0] - MARGIN + 0.5
                   or g.bottom < MARGIN - 0.5 or g.top > size[1] - MARGIN + 0.5]
        assert not outside, (name, outside[:3])
        for page in range(pages):
            lines = {round(g.baseline) for g in found if g.page == page}
            assert len(lines) >= 5, (name, page, len(lines))
    record_pages = glyphs(path.with_name("record.pdf"))[1]
    assert record_pages >= 2  # long enough to be cut: the test means something


def test_a_heading_is_never_the_last_line_of_a_page(qapp, tmp_path):
    """Each page's last lines are never a heading alone: the heading went to the next page with what follows."""
    from PySide6.QtGui import QPdfWriter

    from wizard.core.printed import Heading
    from wizard.gui.pdf import _a4, _Pager, _units

    writer = QPdfWriter(str(tmp_path / "x.pdf"))
    _a4(writer)
    printed = record_document(a4_school("walk"))
    pager = _Pager(writer, writer.width(), writer.height() * 0.95, printed.css)
    pages = pager.paginate(printed.blocks)
    assert len(pages) >= 2
    for units in pages:
        last = units[-1][-1].block
        assert not isinstance(last, Heading) and not last.keep_with_next
    # every row of every table is on exactly one page, each table slice starting with its header
    rows = [(id(piece.block), row) for units in pages for unit in units for piece in unit
            if isinstance(piece.block, Table) for row in range(piece.start, piece.end)]
    assert len(rows) == len(set(rows)) == sum(len(b.rows) for b in printed.blocks if isinstance(b, Table))
    assert _units(printed.blocks)


@pytest.mark.parametrize("columns", [2, 4, 9, 30])
def test_column_widths_always_fill_the_page_and_never_more(columns):
    """Widths sum to 100 % whatever the content – even columns whose longest words alone would pass the page
    (the former code gave up and let Qt push the table past the margin)."""
    for word in ("x", "Enseignant", "https://0301746k.index-education.net/pronote/**" * 2):
        widths = column_widths([word] * columns, [[word] * columns] * 3)
        assert sum(widths) == 100 and min(widths) >= 1, (columns, word, widths)
    widths = column_widths(["Date", "Mode d'import", "Personnes dans le fichier vérifié", "Annoncé par l'ENT"],
                           [["27/08/2026", "Import complet", "1575 : 600 élèves, 900 parents", "1575"]])
    assert widths[2] == max(widths)  # the long text gets the room


def test_a_table_cut_by_a_page_repeats_its_header_and_its_group():
    table = Table(["Étape", "Faite le"], [["a", "1"], ["b", "2"], ["c", "3"]], {0: "Partie 1", 2: "Partie 2"})
    second = table.html(1, 3)
    assert "<th" in second and "Partie 1 (suite)" in second and "Partie 2" in second
