"""`check` on consoles that cannot show French, and with names that carry escape sequences: exit codes as documented,
French printed or replaced, never a traceback, never a control character from outside on the terminal."""
from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from tests.idfile.conftest import FIXTURES, ROOT

CONSOLES = {
    "C locale, no UTF-8 mode": {"LC_ALL": "C", "LANG": "C", "PYTHONUTF8": "0", "PYTHONIOENCODING": ""},
    "Windows console cp850": {"PYTHONIOENCODING": "cp850", "PYTHONUTF8": "0"},
    "Windows console cp1252": {"PYTHONIOENCODING": "cp1252", "PYTHONUTF8": "0"},
}
ESCAPE = "\x1b[31m"
# Windows refuses control characters in file names: there, only the name that does not exist carries one.
IN_NAMES = "" if sys.platform == "win32" else ESCAPE


def check(env: dict, *args: str) -> subprocess.CompletedProcess:
    full = {key: value for key, value in os.environ.items()
            if key not in ("PYTHONIOENCODING", "PYTHONUTF8", "LC_ALL", "LANG")}
    full.update({key: value for key, value in env.items() if value})
    return subprocess.run([sys.executable, "main.py", "check", *args], cwd=ROOT, capture_output=True, env=full,
                          timeout=120)


@pytest.fixture
def files(tmp_path):
    """A good file, a file with a blocking error (a duplicate), both with an escape sequence and « ’ » in their
    names, and a name that does not exist."""
    good = tmp_path / f"bon’–{IN_NAMES}.xml"
    good.write_bytes((FIXTURES / "documented.xml").read_bytes())
    bad = tmp_path / f"doublon’{IN_NAMES}.xml"
    bad.write_text('<?xml version="1.0"?>\n<eleves>\n<eleve id="1" nom="A" prenom="B"/>\n'
                   '<eleve id="1" nom="C" prenom="D"/>\n'
                   f'<{ESCAPE[1:]}x/>\n</eleves>\n'.replace("[31m", "z31m"), encoding="utf-8")
    return {"good": good, "bad": bad, "absent": tmp_path / f"absent’{ESCAPE}.xml", "data": tmp_path / "data"}


@pytest.mark.parametrize("console", sorted(CONSOLES))
def test_check_on_consoles_that_cannot_show_french(console, files):
    env = CONSOLES[console]
    for name, code in (("good", 0), ("bad", 1), ("absent", 2)):
        done = check(env, str(files[name]), "--data-dir", str(files["data"]))
        output = done.stdout + done.stderr
        assert done.returncode == code, output
        assert b"Traceback" not in output and b"\x1b" not in output
        if name == "absent":
            assert done.stdout == b"" and len(done.stderr.strip().splitlines()) == 1
            assert b"introuvable" in done.stderr and b"\\x1b" in done.stderr  # the escape shown, not obeyed
        else:
            assert b"Personnes" in done.stdout and (b"\\x1b" in done.stdout or not IN_NAMES)
        if console != "C locale, no UTF-8 mode":  # these consoles have « é »: French is printed, not replaced
            encoding = env["PYTHONIOENCODING"]
            assert "ichier".encode(encoding) in output and "é".encode(encoding) in output


@pytest.mark.parametrize("console", sorted(CONSOLES))
def test_check_json_on_consoles_that_cannot_show_french(console, files):
    env = CONSOLES[console]
    done = check(env, str(files["bad"]), "--json", "--data-dir", str(files["data"]))
    assert done.returncode == 1 and b"Traceback" not in done.stderr
    encoding = env.get("PYTHONIOENCODING") or "ascii"
    report = json.loads(done.stdout.decode(encoding, errors="replace"))
    assert report["counts"]["total"] == 2 and [f["code"] for f in report["findings"]] == ["identifiant_duplique"]
    done = check(env, str(files["absent"]), "--json", "--data-dir", str(files["data"]))
    assert done.returncode == 2
    assert json.loads(done.stdout.decode(encoding, errors="replace"))["findings"][0]["code"] == "fichier_introuvable"
