"""The progress store: atomic writes, the .bak fallback, versions, one instance per data dir."""
import json
import os
import subprocess
import sys
import textwrap

import pytest

from wizard import migrations
from wizard.progress import Progress
from wizard.store import AlreadyRunning, FutureVersion, ProgressStore, read_current_school


def saved(data_dir, name="Collège A"):
    store = ProgressStore(data_dir)
    progress = Progress.open(store)
    progress.set_identity("name", name)
    return store, progress


def test_round_trip(data_dir):
    store, progress = saved(data_dir)
    progress.set_field("ent_service", "type_sso", True)
    again = ProgressStore(data_dir).load()
    school = again["schools"][again["current"]]
    assert school["identity"]["name"] == "Collège A"
    assert school["fields"]["ent_service"]["type_sso"] is True


def test_crash_during_write_keeps_the_previous_file_whole(data_dir, monkeypatch):
    store, progress = saved(data_dir)
    before = store.path.read_bytes()

    def crash(*args):
        raise OSError("power cut")

    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(OSError):
        progress.set_identity("name", "Collège B")
    monkeypatch.undo()
    assert store.path.read_bytes() == before
    assert not [p for p in data_dir.iterdir() if p.name.endswith(".tmp")]
    assert ProgressStore(data_dir).load()["schools"][progress.doc["current"]]["identity"]["name"] == "Collège A"


def test_process_killed_mid_save_leaves_a_readable_file(data_dir):
    # A child saves in a loop and is killed at a random moment: the file must still load, whole.
    script = textwrap.dedent(f"""
        import sys; sys.path.insert(0, {str(os.getcwd())!r})
        from pathlib import Path
        from wizard.progress import Progress
        from wizard.store import ProgressStore
        p = Progress.open(ProgressStore(Path({str(data_dir)!r})))
        i = 0
        print("ready", flush=True)
        while True:
            i += 1
            p.set_identity("name", "x" * (i % 5000))
    """)
    child = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE)
    assert child.stdout.readline().strip() == b"ready"
    import time
    time.sleep(0.3)
    child.kill()
    child.wait()
    doc = ProgressStore(data_dir).load()
    name = doc["schools"][doc["current"]]["identity"]["name"]
    assert set(name) <= {"x"}


def test_corrupt_main_file_falls_back_to_bak(data_dir):
    store, progress = saved(data_dir)
    progress.set_identity("name", "Collège B")  # the .bak now holds « Collège A »
    store.path.write_text("{ tronqué", encoding="utf-8")
    fresh = ProgressStore(data_dir)
    doc = fresh.load()
    assert doc["schools"][doc["current"]]["identity"]["name"] == "Collège A"
    assert "copie de secours" in fresh.recovery_message
    assert (data_dir / "progress.json.illisible").exists()


def test_both_files_corrupt_start_afresh_with_a_message(data_dir):
    store, progress = saved(data_dir)
    progress.set_identity("name", "B")
    store.path.write_text("[]", encoding="utf-8")
    store.bak_path.write_bytes(b"\x00\xff")
    fresh = ProgressStore(data_dir)
    assert fresh.load()["schools"] == {}
    assert "repart de zéro" in fresh.recovery_message


def test_future_version_is_refused_and_left_untouched(data_dir):
    path = data_dir / "progress.json"
    doc = {"version": migrations.CURRENT_VERSION + 1, "current": None, "schools": {}}
    path.write_text(json.dumps(doc), encoding="utf-8")
    with pytest.raises(FutureVersion) as refused:
        ProgressStore(data_dir).load()
    assert "version plus récente" in str(refused.value)
    assert json.loads(path.read_text(encoding="utf-8")) == doc


def test_migration_runs_each_step_in_order(data_dir, monkeypatch):
    path = data_dir / "progress.json"
    path.write_text(json.dumps({"version": 1, "current": None, "schools": {}}), encoding="utf-8")
    monkeypatch.setattr(migrations, "CURRENT_VERSION", 3)
    monkeypatch.setattr(migrations, "_STEPS", {1: lambda d: {**d, "a": 1}, 2: lambda d: {**d, "b": d["a"] + 1}})
    doc = ProgressStore(data_dir).load()
    assert doc["version"] == 3 and doc["b"] == 2


def test_second_instance_is_refused(data_dir):
    first = ProgressStore(data_dir)
    first.acquire()
    with pytest.raises(AlreadyRunning) as refused:
        ProgressStore(data_dir).acquire()
    assert "déjà ouvert" in str(refused.value)
    first.release()
    second = ProgressStore(data_dir)
    second.acquire()
    second.release()


def test_second_instance_in_another_process_is_refused(data_dir):
    first = ProgressStore(data_dir)
    first.acquire()
    code = (f"import sys; sys.path.insert(0, {os.getcwd()!r});"
            "from pathlib import Path; from wizard.store import ProgressStore, AlreadyRunning\n"
            f"try:\n    ProgressStore(Path({str(data_dir)!r})).acquire()\nexcept AlreadyRunning:\n    sys.exit(7)")
    assert subprocess.run([sys.executable, "-c", code]).returncode == 7
    first.release()


def test_erase_removes_everything(data_dir):
    store, progress = saved(data_dir)
    progress.set_identity("name", "B")
    progress.erase_all()
    assert not store.bak_path.exists()
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


def test_several_schools_one_current(data_dir):
    store, progress = saved(data_dir)
    first = progress.school["id"]
    progress.add_school()
    progress.set_identity("name", "Lycée B")
    assert progress.school["id"] != first
    progress.switch_school(first)
    assert ProgressStore(data_dir).load()["current"] == first
