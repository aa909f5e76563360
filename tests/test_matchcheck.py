"""The matching's glue (core/matchcheck.py): only the very bytes the file check recorded are matched."""
import hashlib
import os
import shutil
from pathlib import Path

import pytest

from wizard.core.errors import UserError
from wizard.core.matchcheck import run_matching

MATCHING = Path(__file__).parent / "matching" / "fixtures"
CHECKED_AT = 1_788_000_000 * 10**9  # whole seconds: every file system keeps them as set (FAT: even ones)


def checked_copy(tmp_path: Path) -> tuple[Path, dict]:
    """A copy of the matching fixture, and what its file check recorded (core/filecheck.py)."""
    pronote = tmp_path / "IdPN_To_KOSMOS.xml"
    shutil.copy(MATCHING / "pronote.xml", pronote)
    os.utime(pronote, ns=(CHECKED_AT, CHECKED_AT))
    info = pronote.stat()
    return pronote, {"name": pronote.name, "path": str(pronote), "size": info.st_size, "mtime_ns": info.st_mtime_ns,
                     "sha256": hashlib.sha256(pronote.read_bytes()).hexdigest()}


def run(checked: dict):
    return run_matching(checked, MATCHING / "ent.csv", None, advance=lambda f: None, cancelled=lambda: False)


def test_the_file_checked_is_matched(tmp_path):
    _pronote, checked = checked_copy(tmp_path)
    _ent, result = run(checked)
    assert result.pairs


def test_a_file_rewritten_at_the_same_size_and_time_since_its_check_is_refused(tmp_path):
    """Before: the size (and, since, the time) told a re-export; a copy of another export over it, with the same
    size and the time kept, was matched – people never checked nor imported shown as the school's."""
    pronote, checked = checked_copy(tmp_path)
    data = pronote.read_bytes()
    other = data.replace(b"ROUSSEL", b"ROUSSET", 1)  # another export: the same number of bytes, one name differs
    assert len(other) == len(data) and other != data
    pronote.write_bytes(other)
    os.utime(pronote, ns=(CHECKED_AT, CHECKED_AT))  # copied with its time (Explorer, robocopy, cp -p do)
    assert pronote.stat().st_size == checked["size"] and pronote.stat().st_mtime_ns == checked["mtime_ns"]
    with pytest.raises(UserError) as refused:
        run(checked)
    message = refused.value.message.replace("\N{NO-BREAK SPACE}", " ")  # French typography (core/typography.py)
    assert message.startswith("« IdPN_To_KOSMOS.xml » a changé depuis sa vérification")
    assert "« Vérifier le fichier des identifiants »" in message and "ROUSSE" not in message
