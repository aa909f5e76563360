"""The command line speaks French even when argparse complains."""

import pytest


def test_command_line_mistakes_are_told_in_french(capsys):
    from wizard.commands.cli import run

    with pytest.raises(SystemExit) as stopped:
        run(["check"])
    assert stopped.value.code == 2
    err = capsys.readouterr().err
    assert "il manque : file" in err and "required" not in err


def test_another_ent_for_the_commands(capsys, tmp_path):
    from pathlib import Path

    from wizard.commands.cli import run
    from wizard.core import entdata

    renamed = Path(__file__).parent / "fixtures" / "ent" / "ent-exemple-nord.json"
    try:
        assert run(["--ent", str(renamed), "probe", "https://pronote.invalid/a\x01b/pronote/"]) == 2
        assert entdata.current().name == "ENT Exemple Nord"
        assert run(["check", "--ent", str(tmp_path / "absent.json"), str(tmp_path / "x.xml")]) == 2
        assert "absent.json" in capsys.readouterr().err
    finally:
        entdata.activate(None)
