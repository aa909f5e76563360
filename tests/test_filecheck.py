"""The file check's record of the file (core/filecheck.py): where it was, its size, time and fingerprint."""
import hashlib
import os
import shutil
from pathlib import Path

from wizard.core.filecheck import run_analysis

FIXTURE = Path(__file__).parent / "fixtures" / "idfile" / "documented.xml"
SCHOOL = {"identity": {"uai": "0301746K"}, "import_history": [], "hash_key": None}


def test_the_check_records_the_time_the_pages_stat_will_compare(tmp_path):
    """The pages tell a re-export by a stat (gui/files.changed_since_analysed): its time is recorded as that same
    stat gives it, to the nanosecond, beside the size and the fingerprint of the bytes read."""
    path = tmp_path / "IdPN_To_KOSMOS.xml"
    shutil.copy(FIXTURE, path)
    when = 1_788_000_000 * 10**9 + 123_456_700  # to 100 ns: what NTFS keeps
    os.utime(path, ns=(when, when))
    info, _report = run_analysis(path, SCHOOL, "complet", advance=lambda f: None, cancelled=lambda: False)
    assert info["mtime_ns"] == path.stat().st_mtime_ns
    assert info["size"] == path.stat().st_size
    assert info["sha256"] == hashlib.sha256(path.read_bytes()).hexdigest()
