"""`reconcile` against hostile inputs and odd consoles (issue 11): refused in one French sentence or read line by
line – never a hang, a traceback, a silent loss, an overwritten input or a name in a message.
Peak memory and time of these inputs are measured in bench/reconcile_hostile.py, not here."""
import codecs
import locale
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.wine import NO_SYMLINKS, wine_limitation
from wizard.core.matching import EntCsvError, entcsv, read_ent_csv, source, write_worksheet

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = Path(__file__).parent / "fixtures"
PRONOTE, ENT = FIXTURES / "pronote.xml", FIXTURES / "ent.csv"
HEADER = "Identifiant;Nom;Prénom;Date de naissance;Profil"


def rows(count: int, start: int = 1) -> list[str]:
    return [f"ent.{n};NOM{n:04d};Emma;14/02/2013;Élève" for n in range(start, start + count)]


def write(tmp_path, lines, name="comptes.csv", encoding="utf-8", end="\r\n"):
    path = tmp_path / name
    path.write_bytes(end.join(lines).encode(encoding) + end.encode(encoding))
    return path


# What a command writes to a pipe: the locale's encoding – UTF-8 on Linux and macOS, the ANSI code page on Windows.
CONSOLE = locale.getpreferredencoding(False)


def command(*args, env_extra=None, timeout=60):
    env = {key: value for key, value in os.environ.items() if key not in ("QT_QPA_PLATFORM", "PYTHONIOENCODING")}
    env.update(env_extra or {})
    return subprocess.run([sys.executable, "main.py", "reconcile", *map(str, args)], cwd=ROOT, env=env,
                          capture_output=True, timeout=timeout)


# ---------------------------------------------------------------- files that are not regular files
@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_is_refused_without_waiting(tmp_path, data_dir):
    fifo = tmp_path / "comptes.csv"
    os.mkfifo(fifo)
    done = command(PRONOTE, fifo, "--data-dir", data_dir, timeout=30)  # a hang would time out
    assert done.returncode == 2
    err = done.stderr.decode(CONSOLE)
    assert "pas un fichier ordinaire" in err and "Traceback" not in err


@pytest.mark.skipif(os.name != "posix", reason="no /dev/zero on Windows")  # Wine maps « /dev/zero » to Z:\dev\zero
def test_dev_zero_is_refused_at_once(data_dir):
    done = command(PRONOTE, "/dev/zero", "--data-dir", data_dir, timeout=30)
    assert done.returncode == 2 and "pas un fichier ordinaire" in done.stderr.decode(CONSOLE)


def test_a_folder_is_named_a_folder_as_windows_refuses_it(tmp_path, monkeypatch):
    """Windows refuses to open a folder with « access denied » (PermissionError), not IsADirectoryError."""
    def windows_open(path, flags, *args):
        raise PermissionError(13, "Accès refusé", str(path))

    monkeypatch.setattr(source.os, "open", windows_open)
    with pytest.raises(EntCsvError, match="dossier"):
        read_ent_csv(tmp_path)
    with pytest.raises(EntCsvError, match="ne peut pas être ouvert"):
        read_ent_csv(tmp_path / "verrouillé.csv")  # a file Windows will not open is not called a folder


def test_a_folder_and_a_missing_file(tmp_path):
    with pytest.raises(EntCsvError, match="dossier"):
        read_ent_csv(tmp_path)
    with pytest.raises(EntCsvError, match="introuvable"):
        read_ent_csv(tmp_path / "absent.csv")


def test_a_file_over_the_size_cap_is_refused_before_it_is_read(tmp_path, monkeypatch):
    path = write(tmp_path, [HEADER, *rows(50)])
    monkeypatch.setattr(source, "MAX_BYTES", 1000)
    with pytest.raises(EntCsvError, match="trop volumineux"):
        read_ent_csv(path)


def test_too_many_rows_are_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(entcsv, "MAX_ROWS", 10)
    with pytest.raises(EntCsvError, match="plus de 10 lignes"):
        read_ent_csv(write(tmp_path, [HEADER, *rows(11)]))


# ---------------------------------------------------------------- quotes, long lines, long fields
def test_a_quote_left_open_is_reported_with_its_line_and_the_rest_is_read(tmp_path):
    lines = [HEADER, *rows(1000)]
    lines[10] = 'ent.10;"NOM0010;Emma;14/02/2013;Élève'  # line 11 of the file
    accounts = read_ent_csv(write(tmp_path, lines))
    assert len(accounts.people) == 999  # before issue 11: 10, the quote swallowed the rest
    [problem] = accounts.unusable
    assert problem.line == 11 and "guillemet" in problem.message


def test_a_quote_left_open_on_the_last_line(tmp_path):
    path = tmp_path / "comptes.csv"
    path.write_text(HEADER + "\n" + "\n".join(rows(3)) + '\nent.9;"NOM;Emma;;Élève', encoding="utf-8")
    accounts = read_ent_csv(path)
    assert len(accounts.people) == 3 and [(p.line, "guillemet" in p.message) for p in accounts.unusable] == [(5, True)]


def test_quoted_cells_on_one_line_are_still_read(tmp_path):
    accounts = read_ent_csv(write(tmp_path, [HEADER, '"ent.1";"MARTIN; épouse DUPONT";"Anne";"";"Parent"']))
    assert [p.last_name for p in accounts.people] == ["MARTIN; épouse DUPONT"]


@pytest.mark.parametrize("length", [3_000, 200_000])
def test_an_over_long_field_is_refused_in_french_not_by_csv(tmp_path, length):
    lines = [HEADER, *rows(5)]
    lines[3] = f"ent.3;{'X' * length};Emma;;Élève"
    accounts = read_ent_csv(write(tmp_path, lines))
    assert len(accounts.people) == 4
    [problem] = accounts.unusable
    assert problem.line == 4 and ("démesurée" in problem.message or "dépasse" in problem.message)


def test_an_over_long_header_is_refused_by_the_command(tmp_path, data_dir):
    path = write(tmp_path, ["Identifiant;Nom;Prénom;" + "X" * 300_000, *rows(3)])
    done = command(PRONOTE, path, "--data-dir", data_dir)
    err = done.stderr.decode(CONSOLE)
    assert done.returncode == 2 and "Traceback" not in err and "field larger" not in err


def test_empty_lines_by_the_million_are_bounded(tmp_path, monkeypatch):
    """Before: a file of empty lines was read to its end, every line kept in a list (minutes, gigabytes)."""
    blank = tmp_path / "vide.csv"
    blank.write_bytes(b"\n" * 3_000_000)
    with pytest.raises(EntCsvError, match="vides ou illisibles"):
        read_ent_csv(blank)
    monkeypatch.setattr(source, "MAX_LINES", 5000)
    with pytest.raises(EntCsvError, match="plus d'un million de lignes"):
        read_ent_csv(write(tmp_path, [HEADER, *[";;;;"] * 6000]))


def test_a_file_without_line_breaks_is_read_in_bounded_pieces(tmp_path):
    path = tmp_path / "comptes.csv"
    path.write_text("X" * 2_000_000, encoding="utf-8")
    with pytest.raises(EntCsvError):
        read_ent_csv(path)


# ---------------------------------------------------------------- encodings
@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_is_recognised(tmp_path, codec):
    accounts = read_ent_csv(write(tmp_path, [HEADER, "ent.1;LEFÈVRE;Chloé;14/02/2013;Élève"], encoding=codec))
    assert accounts.encoding == codec
    assert [(p.last_name, p.first_name) for p in accounts.people] == [("LEFÈVRE", "Chloé")]


def test_utf16_with_bom_is_read(tmp_path):
    path = tmp_path / "comptes.csv"
    path.write_bytes(codecs.BOM_UTF16_LE + f"{HEADER}\r\nent.1;ROUX;Zoé;;Élève\r\n".encode("utf-16-le"))
    assert [p.first_name for p in read_ent_csv(path).people] == ["Zoé"]


def test_broken_utf16_and_binaries_are_refused_with_an_encoding_message(tmp_path):
    broken = tmp_path / "broken.csv"
    lone_surrogate = b"\x00\xd8A\x00"
    broken.write_bytes(f"{HEADER}\r\nent.1;ROUX;Zoé;;Élève\r\n".encode("utf-16-le") + lone_surrogate)
    with pytest.raises(EntCsvError, match="UTF-16"):
        read_ent_csv(broken)
    sheet = tmp_path / "comptes.xlsx.csv"
    sheet.write_bytes(b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00" + bytes(range(256)) * 20)
    with pytest.raises(EntCsvError, match="pas un fichier texte"):
        read_ent_csv(sheet)


def test_windows_1252_found_late_in_the_file(tmp_path):
    lines = [HEADER, *rows(3000), "ent.x;LEFÈVRE;Chloé;;Élève"]
    accounts = read_ent_csv(write(tmp_path, lines, encoding="cp1252"))
    assert accounts.encoding == "cp1252" and accounts.people[-1].last_name == "LEFÈVRE"


# ---------------------------------------------------------------- no personal data in messages
def test_a_file_without_header_quotes_none_of_its_cells(tmp_path):
    path = write(tmp_path, ["ent.lmartin;MARTIN;Lucas;14/02/2013;Élève", "ent.x;ROUX;Emma;01/01/2012;Élève"])
    with pytest.raises(EntCsvError) as caught:
        read_ent_csv(path)
    message = caught.value.message
    assert not [word for word in ("MARTIN", "Lucas", "14/02/2013", "lmartin") if word in message]
    assert caught.value.headers == ["", "", "", "", ""]  # the mapping dialog shows « colonne 1 », …


def test_a_mapping_on_a_file_without_header_reads_its_first_row(tmp_path):
    path = write(tmp_path, ["ent.lmartin;MARTIN;Lucas;14/02/2013", "ent.x;ROUX;Emma;01/01/2012"])
    accounts = read_ent_csv(path, mapping={"ident": 0, "last_name": 1, "first_name": 2, "birth_date": 3})
    assert [p.ident for p in accounts.people] == ["ent.lmartin", "ent.x"]


def test_header_cells_are_quoted_cleaned_of_control_characters(tmp_path, data_dir):
    path = write(tmp_path, ["Nom;\x1b[31mCompte\x1b[0m;Profil", "MARTIN;x;Élève"])
    done = command(PRONOTE, path, "--data-dir", data_dir)
    err = done.stderr.decode(CONSOLE)
    assert done.returncode == 2 and "\x1b" not in err and "\\x1b[31mCompte" in err


# ---------------------------------------------------------------- --out
def test_out_refused_when_it_is_an_input(tmp_path, data_dir):
    pronote, ent = tmp_path / "p.xml", tmp_path / "e.csv"
    pronote.write_bytes(PRONOTE.read_bytes())
    ent.write_bytes(ENT.read_bytes())
    link = tmp_path / "lien.csv"
    os.link(ent, link)
    before = (pronote.read_bytes(), ent.read_bytes())
    for out in (pronote, ent, link, tmp_path / "." / "p.xml"):
        done = command(pronote, ent, "--out", out, "--data-dir", data_dir)
        assert done.returncode == 2, out
        assert "un des fichiers lus" in done.stderr.decode(CONSOLE)
    assert (pronote.read_bytes(), ent.read_bytes()) == before


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symbolic links here")
@wine_limitation(NO_SYMLINKS)
def test_out_refused_when_it_is_a_link_to_an_input(tmp_path, data_dir):
    pronote, ent = tmp_path / "p.xml", tmp_path / "e.csv"
    pronote.write_bytes(PRONOTE.read_bytes())
    ent.write_bytes(ENT.read_bytes())
    symlink = tmp_path / "symbolique.xml"
    symlink.symlink_to(pronote)
    assert command(pronote, ent, "--out", symlink, "--data-dir", data_dir).returncode == 2
    assert pronote.read_bytes() == PRONOTE.read_bytes()


def test_the_worksheet_is_written_whole_or_not_at_all(tmp_path, monkeypatch):
    from wizard.core.matching import read_ent_csv as read
    from wizard.core.matching import reconcile, worksheet

    out = tmp_path / "feuille.csv"
    out.write_text("ancienne feuille", encoding="utf-8")
    result = reconcile([], read(ENT).people)

    def failing_writerows(self, rows):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(worksheet.csv, "writer", lambda *a, **k: type("W", (), {"writerows": failing_writerows})())
    with pytest.raises(OSError):
        write_worksheet(result, out)
    assert out.read_text(encoding="utf-8") == "ancienne feuille"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["feuille.csv"]  # no temporary file left


# ---------------------------------------------------------------- consoles that cannot show French
@pytest.mark.parametrize("env", [{"LC_ALL": "C", "LANG": "C", "PYTHONUTF8": "0"}, {"PYTHONIOENCODING": "cp850"}])
def test_odd_consoles_never_end_the_command(tmp_path, data_dir, env):
    done = command(PRONOTE, ENT, "--data-dir", data_dir, env_extra=env)
    assert done.returncode == 0, done.stderr
    assert b"Traceback" not in done.stderr and b"Rapprochement" in done.stdout
    accented = tmp_path / "élèves–liste.csv"
    done = command(PRONOTE, accented, "--data-dir", data_dir, env_extra=env)
    assert done.returncode == 2 and b"Traceback" not in done.stderr and b"introuvable" in done.stderr
