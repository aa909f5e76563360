"""`files.changed_since_analysed`: the cheap look the pages take, as they open, at the identifier file checked for
the pass – a stat, nothing read."""
import json
import os
import shutil
from pathlib import Path

import pytest

from tests.test_document import v4_document
from wizard.core.store import read_document
from wizard.gui.files import changed_since_analysed

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "idfile" / "documented.xml"
CHECKED_AT = 1_788_000_000 * 10**9  # whole seconds: every file system keeps them as set (FAT: even ones)
LATER = CHECKED_AT + 4 * 10**9


@pytest.fixture
def export(tmp_path):
    path = tmp_path / "IdPN_To_KOSMOS.xml"
    shutil.copy(FIXTURE, path)
    os.utime(path, ns=(CHECKED_AT, CHECKED_AT))
    return path


def recorded(file: Path, **changes) -> dict:
    """What the file check records of `file` (core/filecheck.py), as it is now."""
    info = file.stat()
    return {"name": file.name, "path": str(file), "size": info.st_size, "sha256": "0" * 64,
            "mtime_ns": info.st_mtime_ns, **changes}


def same_size_rewrite(path: Path, mtime_ns: int) -> None:
    """Another export over it, as long as the first, written at `mtime_ns`."""
    data = path.read_bytes()
    other = data.replace(b"DUPONT", b"DUPOND", 1)
    assert len(other) == len(data) and other != data
    path.write_bytes(other)
    os.utime(path, ns=(mtime_ns, mtime_ns))


def test_the_file_as_checked_has_not_changed(export):
    assert not changed_since_analysed(recorded(export))
    assert not changed_since_analysed(None)
    gone = recorded(export, path=str(export.with_name("parti.xml")))
    assert not changed_since_analysed(gone)  # gone: not « changed » (the pages say it otherwise)


def test_a_rewrite_to_the_same_size_is_seen_by_its_time(export):
    """Before: the size only – another export of the very same size went on as the file checked (its verdict on the
    file page, « le fichier vérifié » on the import page)."""
    checked = recorded(export)
    same_size_rewrite(export, LATER)
    assert changed_since_analysed(checked)


def test_a_time_put_back_is_not_seen_here(export):
    """The limit of a stat: a copy that keeps both the size and the time is told by the bytes, where they are read
    (core/matchcheck.run_matching)."""
    checked = recorded(export)
    same_size_rewrite(export, CHECKED_AT)
    assert not changed_since_analysed(checked)


def test_a_file_checked_before_times_were_kept_is_judged_on_its_size(export, tmp_path):
    """A file recorded by format 4 has no time (migrated as None): « unknown », its size alone tells, as before."""
    saved = tmp_path / "progress.json"
    saved.write_text(json.dumps(v4_document(recorded(export))), encoding="utf-8")
    doc = read_document(saved)  # as the store opens it: migrated, then validated
    checked = doc["schools"][doc["current"]]["cycle"]["file"]
    assert checked["mtime_ns"] is None and checked["size"] == export.stat().st_size
    same_size_rewrite(export, LATER)
    assert not changed_since_analysed(checked)
    export.write_bytes(export.read_bytes() + b"\n")
    assert changed_since_analysed(checked)
