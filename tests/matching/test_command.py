"""`reconcile` as scripts and trainers use it: JSON shape, summary, worksheet, exit codes, no Qt."""
import csv
import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from wizard.commands.cli import run
from wizard.core.matching import reconcile, write_worksheet
from wizard.core.matching.worksheet import COLUMNS, NOTICE
from wizard.core.people import Person
from wizard.core.typography import plain

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = Path(__file__).parent / "fixtures"
PRONOTE, ENT = str(FIXTURES / "pronote.xml"), str(FIXTURES / "ent.csv")


def main(*args):
    env = {key: value for key, value in os.environ.items() if key != "QT_QPA_PLATFORM"}
    return subprocess.run([sys.executable, "main.py", *args], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=120)


def test_json_in_a_subprocess(data_dir):
    done = main("reconcile", PRONOTE, ENT, "--json", "--data-dir", str(data_dir))
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert {"pairs", "unmatched_pronote", "unmatched_ent", "unusable_rows"} <= set(data)
    for pair in data["pairs"]:
        assert {"pronote_id", "ent_id", "status", "score"} <= set(pair)
        assert pair["status"] in ("certain", "probable", "ambiguous") and 0 <= pair["score"] <= 100
    by_pronote = {}
    for pair in data["pairs"]:
        by_pronote.setdefault(pair["pronote_id"], []).append((pair["ent_id"], pair["status"]))
    assert by_pronote["ELEV0000000000M1"] == [("ent.lmartin", "certain")]  # twins, by first name
    assert by_pronote["ELEV0000000000M2"] == [("ent.lemartin", "certain")]
    assert by_pronote["ELEV0000000000D1"] == [("ent.jpdupont", "certain")]  # « Jean-Pierre » / « Jean Pierre »
    assert by_pronote["RESP0000000000D1"] == [("ent.cdupont", "probable")]  # usage surname
    assert {status for _, status in by_pronote["RESP0000000000G1"]} == {"ambiguous"}  # homonym parents
    assert data["unmatched_pronote"] == ["ELEV0000000000N1"]
    assert data["unmatched_ent"] == ["ent.ancien"]
    assert [row["line"] for row in data["unusable_rows"]] == [12, 13]
    assert list(data_dir.iterdir()) == []  # nothing at rest in the data dir


def test_french_summary(data_dir, capsys):
    assert run(["reconcile", PRONOTE, ENT, "--data-dir", str(data_dir)]) == 0
    out = capsys.readouterr().out
    assert "Élève : 4 sûrs, 0 probable, 0 ambigu, 1 seulement dans PRONOTE, 1 seulement dans l'ENT." in plain(out)
    assert "Parent : 0 sûr, 1 probable, 2 ambigus" in plain(out)
    assert "ligne 12 (identifiant manquant)" in out


@pytest.mark.parametrize("files, words", [
    (("absent.xml", ENT), "absent.xml"),
    ((PRONOTE, "absent.csv"), "absent.csv"),
])
def test_unreadable_file_exits_2_with_one_french_sentence(data_dir, files, words):
    done = main("reconcile", *files, "--data-dir", str(data_dir))
    assert done.returncode == 2
    assert words in done.stderr and "Traceback" not in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1


def test_unclear_csv_exits_2(tmp_path, data_dir, capsys):
    bad = tmp_path / "comptes.csv"
    bad.write_text("Colonne A;Nom\nx;y\n", encoding="utf-8")
    assert run(["reconcile", PRONOTE, str(bad), "--data-dir", str(data_dir)]) == 2
    err = capsys.readouterr().err
    assert "« Colonne A »" in plain(err) and "Traceback" not in err


def test_unwritable_worksheet_exits_2(tmp_path, data_dir, capsys):
    out = str(tmp_path / "absent" / "w.csv")
    assert run(["reconcile", PRONOTE, ENT, "--out", out, "--data-dir", str(data_dir)]) == 2
    assert "n'existe pas" in capsys.readouterr().err


def test_no_qt_on_the_reconcile_path(tmp_path):
    code = ("import sys; sys.path.insert(0, {root!r}); from wizard.commands.cli import run; "
            "code = run(['reconcile', {p!r}, {e!r}, '--json', '--data-dir', {d!r}]); "
            "sys.stderr.write(str(sorted(m for m in sys.modules if m.startswith('PySide6')))); sys.exit(code)")
    done = subprocess.run([sys.executable, "-c", code.format(root=str(ROOT), p=PRONOTE, e=ENT, d=str(tmp_path))],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0 and done.stderr == "[]"


def test_worksheet_format(tmp_path, data_dir):
    out = tmp_path / "feuille.csv"
    assert run(["reconcile", PRONOTE, ENT, "--out", str(out), "--json", "--data-dir", str(data_dir)]) == 0
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw
    rows = list(csv.reader(raw.decode("utf-8-sig").splitlines(), delimiter=";"))
    assert rows[0] == [NOTICE] and "personnelles" in rows[0][0]
    assert rows[1] == list(COLUMNS) and len(COLUMNS) == 12
    assert all(len(row) == 12 for row in rows[2:])
    assert ["Élève", "Sûr", "100", "", "ELEV0000000000M1", "MARTIN", "Lucas", "14/02/2013",
            "ent.lmartin", "martin", "LUCAS", "14/02/2013"] in rows
    statuses = {row[1] for row in rows[2:]}
    assert statuses == {"Sûr", "Probable", "Ambigu", "Seulement dans PRONOTE", "Seulement dans l'ENT"}
    usage = next(row for row in rows if row[:2] == ["Parent", "Probable"])
    assert usage[3] == "nom d'usage" and 90 <= int(usage[2]) <= 100  # the score is the probability, in %


def test_worksheet_never_writes_a_formula(tmp_path):
    result = reconcile([Person("p", "eleve", "=HYPERLINK(\"x\")", "Emma", date(2013, 1, 2))],
                       [Person("e", "eleve", "+33", "Emma", date(2013, 1, 2))])
    write_worksheet(result, tmp_path / "w.csv")
    rows = list(csv.reader((tmp_path / "w.csv").read_text(encoding="utf-8-sig").splitlines(), delimiter=";"))
    cells = {cell for row in rows[2:] for cell in row}
    assert "'=HYPERLINK(\"x\")" in cells and "'+33" in cells
