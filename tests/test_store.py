"""The progress store: atomic writes, the .bak fallback, versions, one instance per data dir, and every way a
save can fail or a file can be damaged – nothing lost, nothing claimed « enregistré » that was not."""
import errno
import json
import os
import shutil
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

import pytest

from tests.wine import NO_SYMLINKS, wine_limitation
from wizard.core import store as store_module
from wizard.core.document import FORMAT_VERSION
from wizard.core.progress import Progress
from wizard.core.store import (
    AlreadyRunning,
    DataDirUnusable,
    FutureVersion,
    ProgressStore,
    SaveFailed,
    read_current_school,
    read_schools,
)

ROOT = Path(__file__).resolve().parents[1]


def saved(data_dir, name="Collège A"):
    store = ProgressStore(data_dir)
    store.acquire()
    progress = Progress.open(store)
    progress.type_identity("name", name)
    return store, progress


def names(data_dir):
    return sorted(path.name for path in Path(data_dir).iterdir() if path.name != ".lock")


def test_round_trip(data_dir):
    store, progress = saved(data_dir)
    progress.tick("ent_service", "type_sso", True)
    again = ProgressStore(data_dir).load()
    school = again["schools"][again["current"]]
    assert school["identity"]["name"] == "Collège A"
    assert school["ticks"]["ent_service"]["type_sso"] is True
    assert again["version"] == FORMAT_VERSION


def test_a_failed_write_keeps_the_file_whole_and_the_change_in_memory(data_dir, monkeypatch):
    store, progress = saved(data_dir)
    before = store.path.read_bytes()
    told = []
    progress.listeners.append(lambda: told.append(progress.save_problem))

    def power_cut(*args):
        raise OSError(errno.EIO, "power cut")

    monkeypatch.setattr(os, "replace", power_cut)
    progress.type_identity("name", "Collège B")
    assert progress.identity["name"] == "Collège B"  # kept in memory
    assert not progress.saved and "Enregistrement impossible" in progress.save_problem
    assert told == [progress.save_problem]  # the views hear of it at once
    assert store.path.read_bytes() == before
    assert not [p for p in data_dir.iterdir() if p.name.endswith(".tmp")]
    monkeypatch.undo()
    progress.type_identity("contact", "secrétariat")  # the next change retries, and carries the earlier one
    assert progress.saved
    school = ProgressStore(data_dir).load()["schools"][progress.doc["current"]]
    assert school["identity"]["name"] == "Collège B"


@pytest.mark.parametrize("code, words", [(errno.ENOSPC, "disque"), (errno.EACCES, "protégé en écriture"),
                                         (errno.EROFS, "protégé en écriture")])
def test_the_failure_says_what_failed_and_what_to_do(data_dir, monkeypatch, code, words):
    store, progress = saved(data_dir)

    def refuse(*args, **kwargs):
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    progress.type_identity("name", "B")
    assert words in progress.save_problem and str(data_dir) in progress.save_problem
    assert "en mémoire" in progress.save_problem and "--data-dir" in progress.save_problem


def test_replace_is_retried_while_another_program_holds_the_file(data_dir, monkeypatch):
    store, progress = saved(data_dir)
    real, calls = os.replace, []

    def held_twice(source, target):
        calls.append(target)
        if len(calls) <= 2:
            raise PermissionError(errno.EACCES, "used by another process")
        real(source, target)

    monkeypatch.setattr(os, "replace", held_twice)
    monkeypatch.setattr(time, "sleep", lambda seconds: None)
    progress.type_identity("name", "B")
    assert progress.saved and len(calls) >= 3


def test_a_file_that_refuses_to_be_replaced_is_named_not_its_folder(data_dir, monkeypatch):
    """The new file was written beside the old one: the folder is writable. What refused is the file itself –
    read-only, or held open by another program on Windows – and the sentence says so (it said « the folder is
    write-protected », sending the admin to the wrong place)."""
    store, progress = saved(data_dir)

    def held(source, target):
        raise PermissionError(errno.EACCES, "Access denied")

    monkeypatch.setattr(os, "replace", held)
    monkeypatch.setattr(time, "sleep", lambda seconds: None)
    progress.type_identity("name", "B")
    assert not progress.saved
    assert "le fichier «\xa0" + str(data_dir / "progress.json") + "\xa0»" in progress.save_problem
    assert "ouvert par un autre programme" in progress.save_problem and "protégé" not in progress.save_problem
    assert not [p for p in data_dir.iterdir() if p.name.endswith(".tmp")]


@pytest.mark.skipif(shutil.which("setpriv") is None, reason="setpriv (util-linux) runs the check as another user")
def test_a_read_only_folder_is_told_not_claimed(tmp_path):
    """As a user who is not root (root ignores permissions): the folder cannot be written at all."""
    folder = Path(tempfile.mkdtemp(prefix="ro-"))
    try:
        os.chmod(folder, 0o755)  # owned by root: read-only for « nobody »
        script = textwrap.dedent(f"""
            import sys; sys.path.insert(0, {str(ROOT)!r})
            from pathlib import Path
            from wizard.core.progress import Progress
            from wizard.core.store import ProgressStore
            store = ProgressStore(Path({str(folder)!r}))
            store.acquire()
            progress = Progress.open(store)
            print("before:", progress.save_problem[:40])
            progress.type_identity("name", "Collège")
            print("saved:", progress.saved, "kept:", progress.identity["name"])
            print(progress.save_problem)
        """)
        run = subprocess.run(["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", sys.executable, "-c",
                              script], capture_output=True, text=True, timeout=60)
    finally:
        shutil.rmtree(folder)
    if run.returncode != 0 and "setpriv" in run.stderr:
        pytest.skip("setpriv cannot change user here")
    assert run.returncode == 0, run.stderr
    assert "before: Enregistrement impossible" in run.stdout  # said from the first page
    assert "saved: False kept: Collège" in run.stdout
    assert "protégé en écriture" in run.stdout


def test_process_killed_mid_save_leaves_a_readable_file_and_no_leftover(data_dir):
    # A child saves in a loop and is killed at random moments: the file must still load, whole, and the temp
    # files a killed save leaves behind are gone at the next start.
    script = textwrap.dedent(f"""
        import sys; sys.path.insert(0, {str(ROOT)!r})
        from pathlib import Path
        from wizard.core.progress import Progress
        from wizard.core.store import ProgressStore
        s = ProgressStore(Path({str(data_dir)!r})); s.acquire(); p = Progress.open(s)
        i = 0
        print("ready", flush=True)
        while True:
            i += 1
            p.type_identity("name", "x" * (i % 5000))
    """)
    for delay in (0.05, 0.2, 0.37):
        child = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE)
        assert child.stdout.readline().strip() == b"ready"
        time.sleep(delay)
        child.kill()
        child.wait()
        child.stdout.close()
    fresh = ProgressStore(data_dir)
    fresh.acquire()
    doc = fresh.load()
    fresh.release()
    assert set(doc["schools"][doc["current"]]["identity"]["name"]) <= {"x", "…"}  # a name is 200 at most
    assert not [name for name in names(data_dir) if name.endswith(".tmp")]


def test_corrupt_main_file_falls_back_to_bak_and_says_which_file(data_dir):
    store, _ = saved(data_dir)
    later = Progress.open(ProgressStore(data_dir))  # a later session: its first write keeps « Collège A » in .bak
    later.type_identity("name", "Collège B")
    store.path.write_text("{ tronqué", encoding="utf-8")
    fresh = ProgressStore(data_dir)
    doc = fresh.load()
    assert doc["schools"][doc["current"]]["identity"]["name"] == "Collège A"
    assert "copie de secours" in fresh.recovery_message and str(store.path) in fresh.recovery_message
    assert [name for name in names(data_dir) if name.startswith("progress.json.illisible-")]


def test_both_files_corrupt_start_afresh_with_a_message(data_dir):
    store, progress = saved(data_dir)
    progress.type_identity("name", "B")
    store.path.write_text("[]", encoding="utf-8")
    store.bak_path.write_bytes(b"\x00\xff")
    fresh = ProgressStore(data_dir)
    assert fresh.load() is None
    assert "repart de zéro" in fresh.recovery_message
    assert len([n for n in names(data_dir) if ".illisible-" in n]) == 2  # both kept aside, neither lost


@pytest.mark.parametrize("content", [
    b"[" * 100_000 + b"]" * 100_000,  # nested far past the recursion limit
    b'{"version": 2, "schools": ' + b"[" * 5000 + b"]" * 5000 + b"}",
    b"",
    b"\xef\xbb\xbf",
    b"null",
    b'"texte"',
    b'{"version": 0}',
    b'{"version": -3, "schools": {}}',
    b'{"version": true}',
    b'{"version": 2, "current": "x", "schools": {}, "settings": {"language": "", "proxy": ""}}',
])
def test_damaged_files_never_crash_the_load(data_dir, content):
    (data_dir / "progress.json").write_bytes(content)
    fresh = ProgressStore(data_dir)
    assert fresh.load() is None
    assert "repart de zéro" in fresh.recovery_message


def test_a_file_far_too_big_is_not_read(data_dir, monkeypatch):
    monkeypatch.setattr(store_module, "MAX_BYTES", 1000)
    (data_dir / "progress.json").write_bytes(b'{"a": "' + b"x" * 2000 + b'"}')
    assert ProgressStore(data_dir).load() is None


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on Windows")
def test_a_fifo_in_place_of_the_file_does_not_block(data_dir):
    os.mkfifo(data_dir / "progress.json")
    fresh = ProgressStore(data_dir)
    assert fresh.load() is None and "repart de zéro" in fresh.recovery_message


def test_future_version_is_refused_and_left_untouched(data_dir):
    path = data_dir / "progress.json"
    doc = {"version": FORMAT_VERSION + 1, "current": None, "schools": {}}
    path.write_text(json.dumps(doc), encoding="utf-8")
    with pytest.raises(FutureVersion) as refused:
        ProgressStore(data_dir).load()
    assert "version plus récente" in refused.value.message and str(path) in refused.value.message
    assert json.loads(path.read_text(encoding="utf-8")) == doc


@wine_limitation(NO_SYMLINKS)
def test_a_symlinked_progress_file_is_written_through(data_dir, tmp_path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    store, progress = saved(elsewhere)
    store.release()
    (data_dir / "progress.json").symlink_to(elsewhere / "progress.json")
    linked = ProgressStore(data_dir)
    linked.acquire()
    progress = Progress.open(linked)
    progress.type_identity("name", "Par le lien")
    assert (data_dir / "progress.json").is_symlink()
    assert json.loads((elsewhere / "progress.json").read_text(encoding="utf-8"))["schools"][
        progress.doc["current"]]["identity"]["name"] == "Par le lien"


@pytest.mark.parametrize("kind", ["file", "under_file"])
def test_a_data_folder_that_cannot_be_one_says_which_and_how_to_choose(tmp_path, kind):
    blocker = tmp_path / "donnees"
    blocker.write_text("un fichier", encoding="utf-8")
    folder = blocker if kind == "file" else blocker / "sous-dossier"
    with pytest.raises(DataDirUnusable) as refused:
        ProgressStore(folder).acquire()
    assert str(folder) in refused.value.message and "--data-dir" in refused.value.message


def test_second_instance_is_refused(data_dir):
    first = ProgressStore(data_dir)
    first.acquire()
    with pytest.raises(AlreadyRunning) as refused:
        ProgressStore(data_dir).acquire()
    assert "déjà ouvert" in refused.value.message
    first.release()
    second = ProgressStore(data_dir)
    second.acquire()
    second.release()


def test_second_instance_in_another_process_is_refused(data_dir):
    first = ProgressStore(data_dir)
    first.acquire()
    code = (f"import sys; sys.path.insert(0, {str(ROOT)!r});"
            "from pathlib import Path; from wizard.core.store import ProgressStore, AlreadyRunning\n"
            f"try:\n    ProgressStore(Path({str(data_dir)!r})).acquire()\nexcept AlreadyRunning:\n    sys.exit(7)")
    assert subprocess.run([sys.executable, "-c", code]).returncode == 7
    first.release()


def test_erase_removes_every_file_the_app_made(data_dir):
    store, progress = saved(data_dir)
    progress.type_identity("name", "B")
    (data_dir / "progress.json.illisible-20260101-000000").write_text("x", encoding="utf-8")
    (data_dir / "progress.json.abc123.tmp").write_text("x", encoding="utf-8")
    (data_dir / "progress.json.bak.illisible-20260101-000000").write_text("x", encoding="utf-8")
    progress.erase_all()
    assert names(data_dir) == ["progress.json"]  # only the fresh start, just saved
    doc = ProgressStore(data_dir).load()
    assert len(doc["schools"]) == 1
    assert all(s["identity"]["name"] == "" for s in doc["schools"].values())


def test_read_current_school_never_writes(data_dir):
    assert read_current_school(data_dir) is None
    assert list(data_dir.iterdir()) == []
    saved(data_dir)
    listing = sorted((p.name, p.stat().st_mtime_ns) for p in data_dir.iterdir())
    assert read_current_school(data_dir)["identity"]["name"] == "Collège A"
    assert sorted((p.name, p.stat().st_mtime_ns) for p in data_dir.iterdir()) == listing


def test_read_current_school_skips_a_damaged_file(data_dir):
    store, _ = saved(data_dir)
    Progress.open(ProgressStore(data_dir)).type_identity("name", "Collège B")  # a later session: .bak is « A »
    store.path.write_text('{"version": 2}', encoding="utf-8")
    assert read_current_school(data_dir)["identity"]["name"] == "Collège A"  # the .bak


def test_the_read_only_readers_refuse_a_newer_version_rather_than_read_its_older_backup(data_dir):
    store, _ = saved(data_dir)
    Progress.open(ProgressStore(data_dir)).type_identity("name", "Collège B")  # a later session: .bak is « A »
    doc = json.loads(store.path.read_text(encoding="utf-8"))
    store.path.write_text(json.dumps({**doc, "version": FORMAT_VERSION + 1}), encoding="utf-8")
    with pytest.raises(FutureVersion):
        read_current_school(data_dir)
    with pytest.raises(FutureVersion):
        read_schools(data_dir)


def test_several_schools_one_current(data_dir):
    store, progress = saved(data_dir)
    first = progress.school["id"]
    progress.add_school()
    progress.type_identity("name", "Lycée B")
    assert progress.school["id"] != first
    progress.switch_school(first)
    assert ProgressStore(data_dir).load()["current"] == first


def test_save_failed_is_a_user_error():
    from wizard.core.errors import UserError

    assert issubclass(SaveFailed, UserError)


def test_the_temp_files_of_a_killed_save_go_at_the_next_start_and_nothing_else(data_dir):
    leftovers = ["progress.json.k3j_x9.tmp", "progress.json.bak.a1b2c3.tmp"]
    kept = ["progress.json.notes.txt", "autre.tmp", "Progress.json.x.TMP"]
    for name in leftovers + kept:
        (data_dir / name).write_text("x", encoding="utf-8")
    store = ProgressStore(data_dir)
    store.acquire()
    try:
        assert names(data_dir) == sorted(kept)
    finally:
        store.release()


def test_a_folder_that_cannot_be_listed_still_opens(data_dir, monkeypatch):
    """Written to but not listed (an odd share): the leftovers stay, and the app opens."""
    def refused(_path):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(store_module.os, "scandir", refused)
    store = ProgressStore(data_dir)
    store.acquire()
    store.release()


def test_a_progress_file_saved_again_with_a_byte_order_mark_loads(data_dir):
    """Opened and saved in Notepad: one mark in front is dropped, as before; a second is not JSON."""
    saved(data_dir)
    path = data_dir / "progress.json"
    original = path.read_bytes()
    path.write_bytes(b"\xef\xbb\xbf" + original)
    assert ProgressStore(data_dir).load()["schools"]
    path.write_bytes(b"\xef\xbb\xbf" * 2 + original)
    fresh = ProgressStore(data_dir)
    assert fresh.load() is None and "repart de zéro" in fresh.recovery_message
