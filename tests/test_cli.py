"""The command line speaks French even when argparse complains."""

import pytest


def test_command_line_mistakes_are_told_in_french(capsys):
    from wizard.cli import run

    with pytest.raises(SystemExit) as stopped:
        run(["check"])
    assert stopped.value.code == 2
    err = capsys.readouterr().err
    assert "il manque : file" in err and "required" not in err
