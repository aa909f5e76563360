"""The judgement that needs the school: its UAI, its import history and keyed hashes; the command's outputs;
progress and Cancel; and that no name or birth date ever leaves memory."""
from __future__ import annotations

import json

import pytest

from tests.idfile.conftest import FIXTURES, HASH_KEY, listing, plain, run_inprocess, run_process, write_school
from wizard.core.idfile import Cancelled, analyse, load_people
from wizard.core.privacy import keyed_hash

DOCUMENTED = FIXTURES / "documented.xml"


def _hashes(*idents):
    return [keyed_hash(HASH_KEY, ident) for ident in idents]


def test_keyed_hashes_are_those_of_the_privacy_module():
    report = analyse(DOCUMENTED, hash_key=HASH_KEY)
    idents = [p.ident for p in load_people(DOCUMENTED)]
    assert report.id_hashes == _hashes(*idents)
    long_key = "ab" * 80  # longer than a SHA-256 block: HMAC hashes the key first
    assert analyse(DOCUMENTED, hash_key=long_key).id_hashes == [keyed_hash(long_key, ident) for ident in idents]
    assert analyse(DOCUMENTED).id_hashes == []


def test_partial_import_flags_people_already_imported():
    history = [{"date": "2026-06-01T10:00:00", "mode": "complet",
                "id_hashes": _hashes("A8BT6EGHDW3QFPXC", "E5FW1JLMHA7UKTBG")}]
    report = analyse(DOCUMENTED, mode="partiel", history=history, hash_key=HASH_KEY)
    assert [(f.code, f.line, f.level) for f in report.findings] == [("deja_importe", 13, "warning"),
                                                                    ("deja_importe", 21, "warning")]
    assert not analyse(DOCUMENTED, mode="complet", history=history, hash_key=HASH_KEY).findings


def test_export_older_than_last_import_and_same_file():
    sha = analyse(DOCUMENTED).file_sha256
    history = [{"date": "2026-08-20T09:00:00", "file_sha256": "0" * 64},
               {"date": "2026-08-28T09:00:00", "file_sha256": sha}]
    report = analyse(DOCUMENTED, history=history)
    codes = {(f.code, f.line) for f in report.findings}
    assert codes == {("export_ancien", 2), ("fichier_deja_importe", None)}
    assert "27/08/2026 08:30" in next(f.message for f in report.findings if f.code == "export_ancien")
    assert not report.has_errors


def test_command_takes_uai_mode_history_and_key_from_the_current_school(data_dir, capsys):
    history = [{"date": "2026-06-01T10:00:00", "mode": "complet", "id_hashes": _hashes("A8BT6EGHDW3QFPXC")}]
    write_school(data_dir, mode="partiel", history=history)
    before = listing(data_dir)
    result = run_inprocess(capsys, "check", str(DOCUMENTED), "--json", "--data-dir", str(data_dir))
    assert result.code == 0
    assert [f["code"] for f in json.loads(result.out)["findings"]] == ["deja_importe"]
    result = run_inprocess(capsys, "check", str(DOCUMENTED), "--json", "--mode", "complet", "--data-dir", str(data_dir))
    assert json.loads(result.out)["findings"] == []
    write_school(data_dir, uai="0341794R")
    before = listing(data_dir)
    result = run_inprocess(capsys, "check", str(DOCUMENTED), "--json", "--data-dir", str(data_dir))
    assert result.code == 1 and json.loads(result.out)["findings"][0]["code"] == "uai_different"
    assert listing(data_dir) == before


def test_command_without_school_or_data_dir_writes_nothing(tmp_path, capsys):
    data_dir = tmp_path / "nouveau"
    result = run_inprocess(capsys, "check", str(DOCUMENTED), "--data-dir", str(data_dir))
    assert result.code == 0 and not data_dir.exists()
    assert "Personnes : 7" in plain(result.out) and "@ID_Partenaire" in result.out
    # what was checked, and no promise that the ENT accepts a layout nobody published
    assert "Aucune erreur bloquante trouvée." in plain(result.out) and "n'est pas publié" in plain(result.out)
    assert "peut être importé" not in plain(result.out)


def test_main_py_good_file_json_and_no_qt(data_dir):
    write_school(data_dir)
    before = listing(data_dir)
    result = run_process("check", str(FIXTURES / "windows1252_undeclared.xml"), "--json", "--data-dir", str(data_dir))
    assert result.code == 0 and not result.qt_loaded and result.err.strip() == ""
    report = json.loads(result.out)
    assert report["encoding"] == "Windows-1252" and report["counts"]["total"] == 2
    assert listing(data_dir) == before


def test_text_summary_lists_findings_with_lines(tmp_path, data_dir):
    path = tmp_path / "f.xml"
    path.write_text('<?xml version="1.0"?>\n<eleves>\n<eleve id="1" nom="A" prenom="B"/>\n'
                    '<eleve id="1" nom="C" prenom="D"/>\n</eleves>\n', encoding="utf-8")
    result = run_process("check", str(path), "--data-dir", str(data_dir))
    assert result.code == 1 and not result.qt_loaded
    assert "[ERREUR] ligne 4 : Identifiant PRONOTE déjà attribué à la personne de la ligne 3" in result.out
    assert "ne l'importez pas" in result.out


def test_no_name_or_birth_date_leaves_memory(tmp_path, data_dir, capsys):
    """After checks with a school (hashes computed) and failures (logs), nothing personal is on disk or in output."""
    write_school(data_dir, mode="partiel", history=[{"date": "2026-06-01T10:00:00", "id_hashes": []}])
    people = load_people(DOCUMENTED)
    personal = {p.last_name for p in people} | {p.first_name for p in people} | {p.ident for p in people}
    personal |= {p.birth_date.isoformat() for p in people if p.birth_date} | {"12/04/1975", "14/02/2013"}
    outputs = []
    for args in (["--json"], [], ["--json", "--uai", "0341794R"]):
        outputs.append(run_inprocess(capsys, "check", str(DOCUMENTED), *args, "--data-dir", str(data_dir)))
    report = analyse(DOCUMENTED, hash_key=HASH_KEY)
    texts = [r.out + r.err for r in outputs] + [json.dumps(report.to_json(), ensure_ascii=False),
                                                json.dumps(report.mapping, ensure_ascii=False)]
    for path in list(data_dir.rglob("*")) + list((tmp_path / "logs").rglob("*")):
        if path.is_file():
            texts.append(path.read_text(encoding="utf-8", errors="replace"))
    for text in texts:
        for value in personal:
            assert value not in text, value


def test_progress_is_reported_and_cancel_stops(tmp_path):
    path = tmp_path / "big.xml"
    rows = "".join(f'<eleve id="ID{i:06d}" nom="N" prenom="P"/>\n' for i in range(20_000))
    path.write_text(f'<?xml version="1.0"?>\n<eleves>\n{rows}</eleves>\n', encoding="utf-8")
    seen = []
    report = analyse(path, advance=seen.append)
    assert report.counts["eleve"] == 20_000
    assert len(seen) > 5 and seen == sorted(seen) and seen[-1] == 1.0
    calls = []
    with pytest.raises(Cancelled):
        analyse(path, advance=calls.append, cancelled=lambda: len(calls) >= 2)
    assert max(calls) < 1.0


# -- a partial export that holds everybody (issue 19) ------------------------------------------------------------
def _school_file(tmp_path, people: int):
    path = tmp_path / "IdPN_To_KOSMOS.xml"
    rows = "\n".join(f'<eleve id="ID{n:06d}" nom="NOM{n}" prenom="Prenom{n}"/>' for n in range(people))
    path.write_text(f'<?xml version="1.0" encoding="UTF-8"?>\n<eleves>\n{rows}\n</eleves>\n', encoding="utf-8")
    return path


def _imported(count: int) -> list[dict]:
    return [{"date": "2026-09-02T10:00:00", "mode": "complet",
             "id_hashes": _hashes(*(f"ID{n:06d}" for n in range(count)))}]


@pytest.mark.parametrize("imported, how", [(1500, "toutes"), (1450, "presque toutes")])
def test_a_partial_export_of_everybody_is_one_blocking_finding(tmp_path, imported, how):
    path = _school_file(tmp_path, 1500)
    report = analyse(path, mode="partiel", history=_imported(imported), hash_key=HASH_KEY)
    assert [(f.code, f.level) for f in report.findings] == [("tous_deja_importes", "error")]
    assert plain(report.findings[0].message) == (
        f"Ce fichier contient {imported} personnes déjà importées ({how}) : dans PRONOTE, la case « Uniquement les "
        "utilisateurs sans identifiants CAS » n'était sans doute pas cochée. Refaites l'export.")
    assert report.finding_counts == {"tous_deja_importes": 1} and report.has_errors
    assert not analyse(path, mode="complet", history=_imported(imported), hash_key=HASH_KEY).findings


@pytest.mark.parametrize("people, imported", [(1500, 1349), (9, 9)])
def test_a_few_already_imported_stay_individual_warnings(tmp_path, people, imported):
    """Below 90 % of the file, or under 10 people, each stays a warning to read (limits.EVERYBODY_SHARE)."""
    report = analyse(_school_file(tmp_path, people), mode="partiel", history=_imported(imported), hash_key=HASH_KEY)
    assert {f.code for f in report.findings} == {"deja_importe"} and not report.has_errors
    assert report.finding_counts["deja_importe"] == imported


def test_check_partiel_exits_1_with_the_everybody_finding(tmp_path, data_dir, capsys):
    path = _school_file(tmp_path, 40)
    write_school(data_dir, mode="complet", history=_imported(40))
    result = run_inprocess(capsys, "check", str(path), "--mode", "partiel", "--data-dir", str(data_dir))
    assert result.code == 1
    assert "[ERREUR] fichier : Ce fichier contient 40 personnes déjà importées (toutes)" in plain(result.out)
    assert "ne l'importez pas" in result.out and plain(result.out).count("déjà importée") == 1
    result = run_inprocess(capsys, "check", str(path), "--json", "--mode", "partiel", "--data-dir", str(data_dir))
    assert [f["code"] for f in json.loads(result.out)["findings"]] == ["tous_deja_importes"]
    assert run_inprocess(capsys, "check", str(path), "--mode", "complet", "--data-dir", str(data_dir)).code == 0


# -- undeclared Latin-1: bytes Windows-1252 leaves undefined -----------------------------------------------------
def _latin1(tmp_path, body: bytes, name: str = "latin1.xml"):
    path = tmp_path / name
    path.write_bytes(b"<eleves>\n" + body + b"</eleves>\n")  # no declaration, no BOM
    return path


@pytest.mark.parametrize("byte", [b"\x81", b"\x8d", b"\x8f", b"\x90", b"\x9d"])
def test_undeclared_latin1_with_a_byte_cp1252_leaves_undefined_is_read_as_latin1(tmp_path, byte):
    """Before: refused, « des caractères qui ne correspondent pas à son encodage (windows-1252) » (exit 2). The
    file is read as ISO-8859-1, said so, and the name holding a C1 control character is told as mis-decoded."""
    path = _latin1(tmp_path, b'<eleve id="1" nom="Ren\xe9" prenom="Lo\xefc"/>\n'
                             b'<eleve id="2" nom="Mar' + byte + b'tin" prenom="Zo\xe9"/>\n')
    report = analyse(path)
    assert report.encoding == "ISO-8859-1" and report.counts["total"] == 2
    codes = [(finding.code, finding.line) for finding in report.findings]
    assert codes == [("encodage_latin1", None), ("texte_mal_decode", 3)], codes
    assert [(p.last_name, p.first_name) for p in load_people(path)] == [
        ("René", "Loïc"), ("Mar" + byte.decode("latin-1") + "tin", "Zoé")]


def test_a_byte_cp1252_leaves_undefined_outside_names_is_no_mis_decoded_name(tmp_path):
    report = analyse(_latin1(tmp_path, b'<!-- export \x90 -->\n<eleve id="1" nom="Ren\xe9" prenom="Lo\xefc"/>\n'))
    assert report.encoding == "ISO-8859-1" and [f.code for f in report.findings] == ["encodage_latin1"]


def test_the_byte_cp1252_leaves_undefined_may_come_before_what_shows_the_file_is_not_utf8(tmp_path):
    """« Á » in UTF-8 is C3 81: a chunk that is still UTF-8 may hold the byte 0x81, and only a later chunk show
    that the file is not UTF-8 – Windows-1252 would then refuse that 0x81."""
    first = b'<eleve id="1" nom="\xc3\x81lvarez" prenom="Ana"/>\n'
    padding = b"".join(b'<eleve id="p%d" nom="Nom" prenom="Pr\xc3\xa9nom"/>\n' % n for n in range(3000))
    path = _latin1(tmp_path, first + padding + b'<eleve id="2" nom="Ren\xe9" prenom="Lo\xefc"/>\n')
    assert path.stat().st_size > 2 * 64 * 1024  # the 0x81 and the Latin-1 « é » in different chunks
    report = analyse(path)
    assert report.encoding == "ISO-8859-1" and report.counts["total"] == 3002
    assert "encodage_latin1" in {f.code for f in report.findings}


def test_undeclared_windows1252_is_still_read_as_windows1252(tmp_path):
    path = _latin1(tmp_path, b'<eleve id="1" nom="O\x92Neil" prenom="Ren\xe9"/>\n')  # « ’ », cp1252's 0x92
    report = analyse(path)
    assert report.encoding == "Windows-1252" and [f.code for f in report.findings] == ["encodage_windows1252"]
    assert load_people(path)[0].last_name == "O’Neil"


def test_main_py_reads_undeclared_latin1(tmp_path, data_dir):
    path = _latin1(tmp_path, b'<eleve id="1" nom="Mar\x81tin" prenom="Zo\xe9"/>\n')
    result = run_process("check", str(path), "--json", "--data-dir", str(data_dir))
    assert result.code == 0 and result.err.strip() == ""
    report = json.loads(result.out)
    assert report["encoding"] == "ISO-8859-1"
    assert [f["code"] for f in report["findings"]] == ["encodage_latin1", "texte_mal_decode"]
