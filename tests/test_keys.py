"""Keys apart from hashes (issue 22, 8): the key of the keyed hashes never sits in the progress file; an older file's
key is moved out (and its backup rewritten); a lost key is said, and the hashes nothing can compare any more go.
Core dumps are off for the process."""
import json
import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from tests.records.conftest import v2_document, v2_school
from wizard.core.document import FORMAT_VERSION
from wizard.core.keys import FILE_NAME, KeyStore, KeyUnavailable, entry_name, key_id
from wizard.core.privacy import keyed_hash
from wizard.core.progress import Progress
from wizard.core.store import ProgressStore

ROOT = Path(__file__).resolve().parents[1]
KEY = "ab" * 32


def opened(data_dir) -> Progress:
    store = ProgressStore(data_dir)
    store.acquire()
    return Progress.open(store)


def test_a_new_school_keeps_its_key_out_of_the_progress_file(data_dir):
    progress = opened(data_dir)
    key = progress.hash_key()
    assert len(key) == 64 and progress.school["hash_key_id"] == key_id(key)
    for name in ("progress.json", "progress.json.bak"):
        if (data_dir / name).exists():
            assert key.encode() not in (data_dir / name).read_bytes()
    keys_file = data_dir / FILE_NAME
    assert json.loads(keys_file.read_text(encoding="utf-8"))["keys"] == {
        entry_name(progress.school["id"], key_id(key)): key}
    if os.name == "posix":
        assert stat.S_IMODE(keys_file.stat().st_mode) == 0o600
    assert progress.hash_key() == key  # asked once
    progress.store.release()
    again = opened(data_dir)
    assert again.hash_key() == key
    again.store.release()


def test_an_older_file_has_its_key_moved_out_and_its_hashes_still_match(data_dir):
    """Decisions and the import history were keyed with the key that sat beside them: moved, they still match."""
    ident = "A8BT6EGHDW3QFPXC"
    school = v2_school()
    del school["hash_key_id"]
    school["hash_key"] = KEY  # format 3 kept the key beside the hashes
    school["import_history"][0]["id_hashes"] = [keyed_hash(KEY, ident)]
    (data_dir / "progress.json").write_text(json.dumps({**v2_document(school), "version": 3}), encoding="utf-8")
    shutil.copy(data_dir / "progress.json", data_dir / "progress.json.bak")
    progress = opened(data_dir)
    for name in ("progress.json", "progress.json.bak"):  # written again at once, the backup too
        raw = (data_dir / name).read_bytes()
        assert KEY.encode() not in raw and b'"hash_key"' not in raw and f'"version":{FORMAT_VERSION}'.encode() in raw
    assert progress.hash_key() == KEY
    assert progress.school["import_history"][0]["id_hashes"] == [keyed_hash(KEY, ident)]
    assert progress.key_problem == ""
    progress.store.release()


def test_a_lost_key_is_said_and_the_hashes_it_made_go(data_dir):
    progress = opened(data_dir)
    key = progress.hash_key()
    progress.school["import_history"].append({"date": "2026-06-01T10:00:00", "cycle": "c0", "mode": "complet",
                                              "counts": {}, "file_sha256": None, "reported_count": 1,
                                              "export_date": None, "id_hashes": [keyed_hash(key, "X")],
                                              "reading": None})
    progress.choose_language("fr")  # a change, so that the history above is written with it
    progress.store.release()
    (data_dir / FILE_NAME).unlink()
    progress = opened(data_dir)
    new = progress.hash_key()
    assert new != key and "introuvable" in progress.key_problem
    assert progress.school["import_history"][0]["id_hashes"] == []
    assert progress.saved
    progress.store.release()


@pytest.mark.parametrize("damaged", ["zz", "ab" * 31, "ab" * 33, "é" * 64],
                         ids=["not_hex", "short", "long", "accented"])
def test_a_key_file_damaged_by_hand_is_a_lost_key_not_a_crash(data_dir, damaged, capsys):
    """Before: `key_id` failed on a key that is not 64 hexadecimal digits – « Erreur inattendue » (exit 3) from
    `check --mode partiel`, a ValueError on the window's thread when the file page made its snapshot."""
    from wizard.commands.cli import run

    progress = opened(data_dir)
    progress.type_identity("uai", "0301746K")
    progress.start_pass("partiel", "partiel")
    key = progress.hash_key()
    progress.store.release()
    keys_file = data_dir / FILE_NAME
    keys_file.write_text(keys_file.read_text(encoding="utf-8").replace(key, damaged), encoding="utf-8")
    assert run(["check", str(ROOT / "tests" / "fixtures" / "idfile" / "documented.xml"), "--data-dir",
                str(data_dir)]) == 0
    assert "inattendue" not in capsys.readouterr().err
    progress = opened(data_dir)
    assert progress.hash_key() not in (key, damaged) and "introuvable" in progress.key_problem
    progress.store.release()


def test_a_key_store_that_refuses_for_now_changes_nothing(data_dir, monkeypatch):
    progress = opened(data_dir)
    progress.hash_key()
    progress.store.release()
    progress = opened(data_dir)
    before = json.dumps(progress.doc)

    def refuse(self, name):
        raise KeyUnavailable("verrouillé")

    monkeypatch.setattr(KeyStore, "get", refuse)
    assert progress.hash_key() is None and progress.key_problem
    assert json.dumps(progress.doc) == before
    progress.store.release()


def test_erase_forgets_the_keys_too(data_dir):
    progress = opened(data_dir)
    progress.hash_key()
    assert (data_dir / FILE_NAME).exists()
    assert progress.erase_all() == []
    assert not (data_dir / FILE_NAME).exists()
    progress.store.release()


def test_no_key_beside_hashes_after_a_whole_walk_of_the_window(qtbot, data_dir, tmp_path):
    """The progress file and its backup hold hashes, never the key that made them."""
    from tests.gui.helpers import written
    from tests.gui.test_jobs import two_schools_on_the_file_page

    window, progress, first, second, copy = two_schools_on_the_file_page(qtbot, data_dir, tmp_path)
    page = window.currentPage()
    page.analyse(copy)
    qtbot.waitUntil(lambda: not page.task.running, timeout=20000)
    assert progress.cycle["analysis"]["id_hashes"]
    written(progress)
    keys = json.loads((data_dir / FILE_NAME).read_text(encoding="utf-8"))["keys"].values()
    assert keys
    for name in ("progress.json", "progress.json.bak"):
        if not (data_dir / name).exists():
            continue
        raw = (data_dir / name).read_bytes()
        assert not [key for key in keys if key.encode() in raw]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="prctl and /proc are Linux's")
def test_core_dumps_are_off_for_the_commands_too(tmp_path):
    code = ("import sys, resource, ctypes; sys.path.insert(0, {root!r});"
            "from wizard.core.hardening import before_personal_data; before_personal_data();"
            "print(resource.getrlimit(resource.RLIMIT_CORE), ctypes.CDLL(None).prctl(3, 0, 0, 0, 0))")
    done = subprocess.run([sys.executable, "-c", code.format(root=str(ROOT))], capture_output=True, text=True,
                          timeout=60)
    assert done.stdout.split() == ["(0,", "0)", "0"], done.stdout + done.stderr
    source = (ROOT / "wizard" / "app.py").read_text(encoding="utf-8")
    assert source.count("no_core_dumps()") == 2  # the window and the commands, from the start
    for module in ("core/filecheck.py", "core/matchcheck.py", "commands/check.py", "commands/reconcile.py"):
        assert "before_personal_data()" in (ROOT / "wizard" / module).read_text(encoding="utf-8"), module
