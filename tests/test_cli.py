"""The command line speaks French throughout: argparse's own words, every option described, no metavar leaking, the
commands listed by `main.py --help` too; `--school`, `--out`'s extension, `reconcile --colonne`."""
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from wizard.commands.cli import COMMANDS, build_parser, run, window_parser
from wizard.core.typography import plain

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "matching" / "fixtures"
# What argparse writes by itself, in English.
ENGLISH = ("usage:", "options:", "positional arguments", "optional arguments", "show this help message",
           "the following arguments", "DATA_DIR", "ENT_SUB", "_SUB", "{check,", "error:")


def main_py(*args: str, columns: int = 100) -> subprocess.CompletedProcess:
    env = {**os.environ, "COLUMNS": str(columns), "PYTHONIOENCODING": "utf-8"}
    env.pop("QT_QPA_PLATFORM", None)
    return subprocess.run([sys.executable, "main.py", *args], cwd=ROOT, env=env, capture_output=True, text=True,
                          encoding="utf-8", timeout=120)


@pytest.fixture(autouse=True)
def narrow_terminal(monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")  # the narrowest console: one line per command even there


def help_of(parser) -> str:
    return plain(parser.format_help())


def test_command_line_mistakes_are_told_in_french(capsys):
    with pytest.raises(SystemExit) as stopped:
        run(["check"])
    assert stopped.value.code == 2
    err = plain(capsys.readouterr().err)
    assert "il manque : FICHIER" in err and "required" not in err and "check --help" in err
    with pytest.raises(SystemExit):
        run(["check", "--mode", "tout", "x.xml"])
    err = plain(capsys.readouterr().err)
    assert "option --mode : choix impossible" in err and "invalid choice" not in err


def test_another_ent_for_the_commands(capsys, tmp_path):
    from wizard.core import entdata

    renamed = Path(__file__).parent / "fixtures" / "ent" / "ent-exemple-nord.json"
    try:
        assert run(["--ent", str(renamed), "probe", "https://pronote.invalid/a\x01b/pronote/"]) == 2
        assert entdata.current().name == "ENT Exemple Nord"
        assert run(["check", "--ent", str(tmp_path / "absent.json"), str(tmp_path / "x.xml")]) == 2
        assert "absent.json" in capsys.readouterr().err
    finally:
        entdata.activate(None)


# -- --help ---------------------------------------------------------------------------------------------------
def _every_parser():
    parser = build_parser("pronote-ent-wizard-cli")
    yield "pronote-ent-wizard-cli", parser
    yield from parser.commands.choices.items()
    yield "window", window_parser("pronote-ent-wizard")


@pytest.mark.parametrize("name, parser", list(_every_parser()), ids=lambda value: value if isinstance(value, str)
                         else "")
def test_every_help_is_french_and_describes_every_option(name, parser):
    text = help_of(parser)
    assert text.startswith("Usage : "), name
    assert not [word for word in ENGLISH if word in text], (name, text)
    for action in parser._actions:  # noqa: SLF001 - reading what the parser holds, changing nothing
        if action.help == "==SUPPRESS==" or action.dest == "command":
            continue
        assert action.help and action.help.strip(), (name, action.option_strings or action.dest)
        if action.nargs != 0:  # a value to type: named by us (DOSSIER, FICHIER.pdf…), never by argparse
            assert action.metavar or action.choices, (name, action.dest)
    assert "Options :" in text


def test_the_commands_list_one_line_each():
    cli = help_of(build_parser("pronote-ent-wizard-cli"))
    for command, (line, _) in COMMANDS.items():
        assert re.search(rf"^\s+{command}\s+{re.escape(plain(line))}$", cli, re.MULTILINE), command
    window = help_of(window_parser("python main.py"))
    assert "--data-dir DOSSIER" in window and "--lang fr|en" in window and "--ent FICHIER" in window
    for command, (line, _) in COMMANDS.items():
        assert re.search(rf"^\s+{command}\s+{re.escape(plain(line))}$", window, re.MULTILINE), command
    assert "--smoke-test" not in window


def test_main_py_help_lists_the_window_options_and_the_commands_without_loading_qt():
    done = main_py("--help")
    assert done.returncode == 0 and done.stderr == ""
    text = plain(done.stdout)
    assert text.startswith("Usage : python main.py [--data-dir DOSSIER]") and "Commandes (sans fenêtre) :" in text
    assert not [word for word in ENGLISH if word in text]
    script = ("import runpy, sys\nsys.argv = ['main.py', '--help']\ntry:\n    runpy.run_path('main.py', "
              "run_name='__main__')\nexcept SystemExit:\n    pass\nprint('QT' if any(n.startswith('PySide6') for n in "
              "sys.modules) else 'sans Qt')\n")
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert done.stdout.strip().endswith("sans Qt")


def test_the_command_helps_in_a_subprocess():
    done = main_py("record", "--help")
    text = plain(done.stdout)
    assert done.returncode == 0 and text.startswith("Usage : python main.py record [options]")
    assert "--school UAI" in text and "--out FICHIER.pdf" in text and "Options :" in text
    probe = " ".join(plain(main_py("probe", "--help").stdout).split())
    assert "0 si le serveur est un PRONOTE qui confie l'authentification à l'ENT" in probe


# -- record / notice: --school, --out ----------------------------------------------------------------------------
def _two_schools(data_dir: Path) -> None:
    from tests.records.conftest import v2_school
    from wizard.core.document import FORMAT_VERSION
    from wizard.core.store import ProgressStore

    first = v2_school()
    second = v2_school(id="b2c3d4e5", identity={**first["identity"], "name": "Lycée Jean Jaurès", "uai": "0341794R"})
    ProgressStore(data_dir).save({"version": FORMAT_VERSION, "current": first["id"],
                                  "schools": {first["id"]: first, second["id"]: second},
                                  "settings": {"language": "", "proxy": ""}})


@pytest.mark.parametrize("name", ["record", "notice"])
def test_school_chooses_whose_document_is_written(name, data_dir, tmp_path):
    _two_schools(data_dir)
    out = tmp_path / f"{name}.pdf"
    done = main_py(name, "--out", str(out), "--school", "0341794r", "--data-dir", str(data_dir))
    assert done.returncode == 0, done.stderr
    from tests.records.conftest import pdf_text

    assert "Jean Jaurès" in pdf_text(out) and "Via Domitia" not in pdf_text(out)
    done = main_py(name, "--out", str(out), "--data-dir", str(data_dir))  # by default: the current school
    assert done.returncode == 0 and "Via Domitia" in pdf_text(out)


def test_an_unknown_or_invalid_school_is_one_sentence(data_dir, tmp_path):
    _two_schools(data_dir)
    out = tmp_path / "x.pdf"
    done = main_py("record", "--out", str(out), "--school", "0870003F", "--data-dir", str(data_dir))
    assert done.returncode == 1 and not out.exists()
    assert plain(done.stderr) == ("Aucun établissement de code UAI 0870003F n'est suivi dans l'assistant ; "
                                  "établissements suivis : 0301746K, 0341794R.\n")
    done = main_py("notice", "--out", str(out), "--school", "0301746A", "--data-dir", str(data_dir))
    assert done.returncode == 2 and plain(done.stderr).startswith("--school « 0301746A » : La lettre de contrôle")


@pytest.mark.parametrize("command", ["record", "notice", "check"])
def test_data_from_a_newer_version_is_refused_not_read_from_its_older_backup(command, data_dir, tmp_path, capsys):
    """A newer assistant wrote progress.json; its .bak is an older state. The window refuses the file; the commands
    read the .bak as if current (before: a record of the old state « enregistrée », a file checked against the old
    school) or, without a .bak, said « Aucun établissement n'est encore configuré »."""
    from wizard.core.document import FORMAT_VERSION

    _two_schools(data_dir)
    main = data_dir / "progress.json"
    shutil.copy(main, data_dir / "progress.json.bak")
    main.write_text(json.dumps({**json.loads(main.read_text(encoding="utf-8")), "version": FORMAT_VERSION + 1}),
                    encoding="utf-8")
    before = {path.name: path.read_bytes() for path in data_dir.iterdir()}
    out = tmp_path / "x.pdf"
    argv = ["check", str(ROOT / "tests" / "fixtures" / "idfile" / "documented.xml")] if command == "check" \
        else [command, "--out", str(out)]
    code = run([*argv, "--data-dir", str(data_dir)])
    captured = capsys.readouterr()
    assert code == (2 if command == "check" else 1) and not out.exists() and captured.out == ""
    assert "version plus récente" in plain(captured.err) and len(captured.err.strip().splitlines()) == 1
    assert {path.name: path.read_bytes() for path in data_dir.iterdir()} == before  # both left as they were
    (data_dir / "progress.json.bak").unlink()
    assert run([*argv, "--data-dir", str(data_dir)]) == code
    assert "version plus récente" in plain(capsys.readouterr().err)


@pytest.mark.parametrize("name, out", [("record", "fiche.txt"), ("notice", "notice"), ("record", "fiche.pdf.csv")])
def test_out_refuses_an_extension_that_is_not_pdf(name, out, data_dir, tmp_path):
    _two_schools(data_dir)
    done = main_py(name, "--out", str(tmp_path / out), "--data-dir", str(data_dir))
    assert done.returncode == 2 and not (tmp_path / out).exists()
    assert "son nom doit finir par .pdf" in plain(done.stderr) and len(done.stderr.strip().splitlines()) == 1


def test_out_takes_pdf_in_capitals(data_dir, tmp_path):
    _two_schools(data_dir)
    assert main_py("notice", "--out", str(tmp_path / "NOTICE.PDF"), "--data-dir", str(data_dir)).returncode == 0


# -- reconcile: --out, --colonne -------------------------------------------------------------------------------
def test_reconcile_out_must_be_csv(data_dir, tmp_path):
    done = main_py("reconcile", str(FIXTURES / "pronote.xml"), str(FIXTURES / "ent.csv"), "--out",
                   str(tmp_path / "feuille.xlsx"), "--data-dir", str(data_dir))
    assert done.returncode == 2 and "son nom doit finir par .csv" in plain(done.stderr)
    assert not (tmp_path / "feuille.xlsx").exists()


def _headerless(tmp_path: Path) -> Path:
    lines = (FIXTURES / "ent.csv").read_text(encoding="utf-8-sig").splitlines()[1:]
    path = tmp_path / "sans-entete.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_reconcile_without_header_says_which_option_names_the_columns(data_dir, tmp_path):
    done = main_py("reconcile", str(FIXTURES / "pronote.xml"), str(_headerless(tmp_path)), "--data-dir",
                   str(data_dir))
    assert done.returncode == 2
    assert "indiquez les colonnes" in plain(done.stderr) and "--colonne identifiant=1" in plain(done.stderr)


def test_reconcile_columns_named_on_the_command_line(data_dir, tmp_path):
    headerless = _headerless(tmp_path)
    done = main_py("reconcile", str(FIXTURES / "pronote.xml"), str(headerless), "--json", "--data-dir", str(data_dir),
                   "--colonne", "identifiant=1", "--colonne", "nom=2", "--colonne", "prénom=3",
                   "--colonne", "naissance=4", "--colonne", "profil=5")
    assert done.returncode == 0, done.stderr
    import json

    with_header = main_py("reconcile", str(FIXTURES / "pronote.xml"), str(FIXTURES / "ent.csv"), "--json",
                          "--data-dir", str(data_dir))
    pairs = {(p["pronote_id"], p["ent_id"], p["status"]) for p in json.loads(done.stdout)["pairs"]}
    assert ("ELEV0000000000M1", "ent.lmartin", "certain") in pairs
    assert len(pairs) >= len(json.loads(with_header.stdout)["pairs"]) - 1


def test_a_misspelt_column_header_is_refused_and_nothing_written(data_dir, tmp_path, capsys):
    """Before: « --colonne nom=Nomm » was left out without a word: every account kept with one name, 0 « sûr »,
    exit 0 and a worksheet written."""
    out = tmp_path / "feuille.csv"
    code = run(["reconcile", str(FIXTURES / "pronote.xml"), str(FIXTURES / "ent.csv"), "--colonne", "identifiant=1",
                "--colonne", "nom=Nomm", "--colonne", "prenom=3", "--out", str(out), "--data-dir", str(data_dir)])
    captured = capsys.readouterr()
    assert code == 2 and not out.exists() and captured.out == ""
    assert "n'a pas de colonne « Nomm » (indiquée pour Nom)" in plain(captured.err)
    assert len(captured.err.strip().splitlines()) == 1


@pytest.mark.parametrize("spec, expected", [
    ("nom", "écrivez CHAMP=COLONNE"), ("age=2", "écrivez CHAMP=COLONNE"), ("nom=0", "à partir de 1"),
])
def test_a_bad_column_is_one_sentence(spec, expected, data_dir):
    done = main_py("reconcile", str(FIXTURES / "pronote.xml"), str(FIXTURES / "ent.csv"), "--colonne", spec,
                   "--data-dir", str(data_dir))
    assert done.returncode == 2 and expected in plain(done.stderr) and "Traceback" not in done.stderr


def test_columns_need_at_least_the_three_that_identify(data_dir):
    done = main_py("reconcile", str(FIXTURES / "pronote.xml"), str(FIXTURES / "ent.csv"), "--colonne", "nom=2",
                   "--data-dir", str(data_dir))
    assert done.returncode == 2 and "au moins les colonnes identifiant, nom et prenom" in plain(done.stderr)


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_each_help_gives_every_exit_code_the_command_can_end_with(name, tmp_path, capsys):
    """A usage mistake exits 2 for every command (argparse's code), so each help says so; `record` and `notice`
    said no code at all. The codes said are checked against what the command does."""
    said = plain(COMMANDS[name][1])
    assert "Code de sortie : 0" in said and ("2 si" in said or "2 sinon" in said) and "commande est incorrecte" in said
    with pytest.raises(SystemExit) as stopped:
        run([name, "--option-inconnue"])
    assert stopped.value.code == 2
    if name in ("record", "notice"):
        assert "1 s'il n'y a rien à écrire" in said
        assert run([name, "--data-dir", str(tmp_path / "vide"), "--out", str(tmp_path / "x.pdf")]) == 1
        assert "Aucun établissement" in plain(capsys.readouterr().err)


@pytest.mark.parametrize("columns, said", [
    (["nom=2", "prenom=2"], "« nom=2 » et « prenom=2 » désignent la même colonne"),
    (["nom=Nom", "prénom=NOM "], "« nom=Nom » et « prénom=NOM » désignent la même colonne"),
    (["nom=2", "prenom=3", "nom=4"], "« nom=2 » et « nom=4 » : le champ nom est indiqué deux fois"),
    (["nom=2", "prenom=Nom"], "La colonne 2 « Nom » est indiquée pour Nom et pour Prénom"),
    (["nom=²", "prenom=3"], "La liste de l'ENT n'a pas de colonne « ² »"),
])
def test_one_column_for_two_fields_or_a_field_twice_is_refused(columns, said, data_dir, tmp_path, capsys):
    """Before: `--colonne nom=2 --colonne prenom=2` read one column as both names and wrote the worksheet (exit 0),
    `--colonne nom=2 … --colonne nom=4` kept the last one without a word, and `nom=²` (a digit int() refuses)
    ended in « Erreur inattendue » (exit 3)."""
    out = tmp_path / "feuille.csv"
    argv = ["reconcile", str(FIXTURES / "pronote.xml"), str(FIXTURES / "ent.csv"), "--colonne", "identifiant=1"]
    for column in columns:
        argv += ["--colonne", column]
    code = run([*argv, "--out", str(out), "--data-dir", str(data_dir)])
    captured = capsys.readouterr()
    assert code == 2 and not out.exists() and captured.out == ""
    assert said in plain(captured.err) and len(captured.err.strip().splitlines()) == 1, captured.err


# -- --json: one object on stdout whatever the outcome -----------------------------------------------------------
def _newer_data(data_dir: Path) -> None:
    from wizard.core.document import FORMAT_VERSION

    _two_schools(data_dir)
    main = data_dir / "progress.json"
    main.write_text(json.dumps({**json.loads(main.read_text(encoding="utf-8")), "version": FORMAT_VERSION + 1}),
                    encoding="utf-8")


IDFILE = str(ROOT / "tests" / "fixtures" / "idfile" / "documented.xml")
REFUSALS = {
    "check, a wrong --uai": (["check", IDFILE, "--json", "--uai", "0301746A"], "La lettre de contrôle"),
    "check, data of a newer version": (["check", IDFILE, "--json"], "version plus récente"),
    "check, an unknown --mode": (["check", IDFILE, "--json", "--mode", "tout"], "choix impossible"),
    "check, an abbreviated --json and an unknown option": (["check", IDFILE, "--js", "--bof"], "arguments inconnus"),
    "check, --ent not found": (["check", IDFILE, "--json", "--ent", "absent.json"], "absent.json"),
    "reconcile, a file not found": (["reconcile", "absent.xml", str(FIXTURES / "ent.csv"), "--json"],
                                    "absent.xml"),
    "reconcile, a wrong --colonne": (["reconcile", str(FIXTURES / "pronote.xml"), str(FIXTURES / "ent.csv"),
                                      "--json", "--colonne", "age=2"], "écrivez CHAMP=COLONNE"),
    "probe, a wrong --proxy": (["probe", "https://pronote.invalid/pronote/", "--json", "--proxy", "ftp://x"],
                               "proxy"),
    "probe, an unknown option": (["probe", "https://pronote.invalid/pronote/", "--json", "--bof"],
                                 "arguments inconnus"),
}


@pytest.mark.parametrize("case", list(REFUSALS))
def test_json_prints_one_object_when_the_command_is_refused(case, data_dir, capsys):
    """Before: with --json, the refusals that are not about the file (a wrong --uai, data of a newer version, an
    unknown option, a wrong --proxy, any refusal of reconcile) printed nothing on stdout: a script reading it met
    an empty output instead of an object. Now one object, the shape of that command's own refusals: for check an
    unreadable file's (the sentence as its one error finding), for probe a refused address's, for reconcile
    `{"error": sentence}`."""
    argv, said = REFUSALS[case]
    if "version plus récente" in said:
        _newer_data(data_dir)
    try:
        code = run([*argv, "--data-dir", str(data_dir)])
    except SystemExit as stopped:  # argparse's own refusals
        code = stopped.code
    captured = capsys.readouterr()
    assert code == 2
    data = json.loads(captured.out)  # exactly one object: json.loads refuses anything after it
    sentence = {"check": lambda: data["findings"][0]["message"], "probe": lambda: data["message"],
                "reconcile": lambda: data["error"]}[argv[0]]()
    assert isinstance(data, dict) and said in plain(sentence), data
    if argv[0] == "check":
        assert set(data) == {"layout", "encoding", "counts", "findings"} and data["counts"]["total"] == 0
        assert [finding["level"] for finding in data["findings"]] == ["error"]
    if argv[0] == "probe":
        assert data["reachable"] is False and data["outcome"].startswith("refused_")
    if argv[0] != "probe" or "--bof" in argv:
        assert said in plain(captured.err) and len(captured.err.strip().splitlines()) == 1


@pytest.mark.parametrize("command", ["check", "reconcile", "probe"])
def test_json_prints_one_object_after_an_unexpected_error_too(command, data_dir, capsys, monkeypatch):
    """A bug (exit 3) is one sentence on stderr and, with --json, one object on stdout, not an empty output."""
    import importlib

    def broken(*_):
        raise RuntimeError("bug")

    module = importlib.import_module(f"wizard.commands.{command}")
    monkeypatch.setattr(module, f"run_{command}", broken)
    monkeypatch.setattr("wizard.commands.cli.log_exception", lambda exc: "assistant.log")
    argv = {"check": [IDFILE], "reconcile": [str(FIXTURES / "pronote.xml"), str(FIXTURES / "ent.csv")],
            "probe": ["https://pronote.invalid/pronote/"]}[command]
    assert run([command, *argv, "--json", "--data-dir", str(data_dir)]) == 3
    captured = capsys.readouterr()
    data = json.loads(captured.out)
    assert "Erreur inattendue" in json.dumps(data, ensure_ascii=False)
    assert plain(captured.err).startswith("Erreur inattendue") and "bug" not in captured.out + captured.err
