"""One lock that cannot be skipped (issue 22, 3): the store writes only under its lock; a read-only lock file or one
owned by another user still keeps a second window out; a file system without locks is said as such, and the app
opens read-only or on the admin's word that they are alone."""
import errno
import os
import shutil
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

import pytest

from wizard.core import store as store_module
from wizard.core.progress import Progress
from wizard.core.store import (
    AlreadyRunning,
    DataDirUnusable,
    LocksUnavailable,
    ProgressStore,
    SaveFailed,
)

ROOT = Path(__file__).resolve().parents[1]


def second_process_acquires(folder: Path, user: str | None = None) -> subprocess.CompletedProcess:
    code = textwrap.dedent(f"""
        import sys; sys.path.insert(0, {str(ROOT)!r})
        from pathlib import Path
        from wizard.core.store import AlreadyRunning, ProgressStore
        from wizard.core.progress import Progress
        store = ProgressStore(Path({str(folder)!r}))
        try:
            store.acquire()
        except AlreadyRunning:
            print("refused: already open"); sys.exit(7)
        except Exception as problem:
            print("refused:", getattr(problem, "message", problem)); sys.exit(8)
        progress = Progress.open(store)
        progress.type_identity("name", "second")
        print("saved" if progress.saved else "not saved: " + progress.save_problem)
    """)
    command = [sys.executable, "-c", code]
    if user:
        command = ["setpriv", f"--reuid={user}", f"--regid={user}", "--clear-groups", *command]
    return subprocess.run(command, capture_output=True, text=True, timeout=60)


def holder(folder: Path, user: str | None) -> subprocess.Popen:
    """Another window, as `user` (or as this one): takes the folder, saves once, and keeps it until its standard
    input closes."""
    code = textwrap.dedent(f"""
        import sys; sys.path.insert(0, {str(ROOT)!r})
        from pathlib import Path
        from wizard.core.store import ProgressStore
        from wizard.core.progress import Progress
        store = ProgressStore(Path({str(folder)!r}))
        store.acquire()
        progress = Progress.open(store)
        progress.type_identity("name", "first")
        print("ready", progress.saved, flush=True)
        sys.stdin.read()
    """)
    command = [sys.executable, "-c", code]
    if user:
        command = ["setpriv", f"--reuid={user}", f"--regid={user}", "--clear-groups", *command]
    return subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


# Another user: util-linux's setpriv runs the second window as « nobody ». Windows has no such thing (a second
# account and its ACLs would be needed), so there these cases cannot be made.
ANOTHER_USER = pytest.mark.skipif(shutil.which("setpriv") is None,
                                  reason="setpriv (util-linux) runs the second window as another user")


def test_a_read_only_lock_file_still_keeps_a_second_window_out():
    """On POSIX as « nobody » (root ignores permissions); on Windows the read-only attribute binds everyone. The
    read-only lock was opened for appending: refused, so the app ran « read-only »… and saved; two windows, the
    last one wins."""
    folder = Path(tempfile.mkdtemp(prefix="lecture-seule-"))
    user = "65534" if os.name == "posix" else None
    if user and shutil.which("setpriv") is None:
        pytest.skip("setpriv (util-linux) runs the windows as « nobody », whom permissions bind")
    try:
        (folder / ".lock").write_bytes(b"")
        os.chmod(folder / ".lock", 0o444)  # on Windows: the read-only attribute
        if user:
            os.chown(folder, 65534, 65534)
            os.chown(folder / ".lock", 65534, 65534)
        first = holder(folder, user)
        ready = first.stdout.readline()
        if "ready" not in ready:
            first.kill()
            if "setpriv" in first.stderr.read():
                pytest.skip("setpriv cannot change user here")
        assert ready.split() == ["ready", "True"], ready
        run = second_process_acquires(folder, user=user)
        first.communicate("", timeout=30)
        assert run.returncode == 7, run.stdout + run.stderr
    finally:
        os.chmod(folder / ".lock", 0o644)  # Windows deletes no read-only file
        shutil.rmtree(folder)


@ANOTHER_USER
def test_a_lock_file_of_another_user_in_a_shared_folder_still_keeps_a_second_window_out(tmp_path):
    """As « nobody » (root ignores permissions): the shared folder is writable by all, the lock file is root's and
    read-only for others, and root holds it."""
    shared = Path(tempfile.mkdtemp(prefix="partage-"))
    try:
        os.chmod(shared, 0o1777)
        first = ProgressStore(shared)
        first.acquire()
        os.chmod(shared / ".lock", 0o644)
        run = second_process_acquires(shared, user="65534")
        if run.returncode not in (7, 8) and "setpriv" in run.stderr:
            pytest.skip("setpriv cannot change user here")
        assert run.returncode == 7, run.stdout + run.stderr
        assert not (shared / "progress.json").exists() or "second" not in (shared / "progress.json").read_text(
            encoding="utf-8")
        first.release()
        # Not held any more: the other user takes the same lock and works.
        run = second_process_acquires(shared, user="65534")
        assert "saved" in run.stdout, run.stdout + run.stderr
    finally:
        shutil.rmtree(shared)


@ANOTHER_USER
def test_a_lock_file_nobody_can_read_is_refused_with_its_reason(tmp_path):
    shared = Path(tempfile.mkdtemp(prefix="partage-"))
    try:
        os.chmod(shared, 0o1777)
        (shared / ".lock").write_bytes(b"")
        os.chmod(shared / ".lock", 0o600)  # root's, unreadable to others
        run = second_process_acquires(shared, user="65534")
        if run.returncode not in (7, 8) and "setpriv" in run.stderr:
            pytest.skip("setpriv cannot change user here")
        assert run.returncode == 8, run.stdout + run.stderr
        assert "verrou" in run.stdout and "droit de le lire" in run.stdout and "déjà ouvert" not in run.stdout
    finally:
        shutil.rmtree(shared)


@pytest.mark.skipif(os.name != "posix", reason="symbolic links and FIFOs as POSIX makes them")
@pytest.mark.parametrize("kind", ["symlink", "fifo", "folder"])
def test_a_lock_path_that_is_not_a_plain_file_is_refused_not_followed(data_dir, tmp_path, kind):
    target = tmp_path / "ailleurs"
    if kind == "symlink":
        (data_dir / ".lock").symlink_to(target)
    elif kind == "fifo":
        os.mkfifo(data_dir / ".lock")
    else:
        (data_dir / ".lock").mkdir()
    with pytest.raises(DataDirUnusable) as refused:
        ProgressStore(data_dir).acquire()
    assert "verrou" in refused.value.message
    assert not target.exists()  # nothing created through the link


@pytest.mark.parametrize("code", [errno.ENOLCK, errno.EINVAL, errno.EOPNOTSUPP])
def test_a_file_system_without_locks_is_said_as_such_not_already_open(data_dir, monkeypatch, code):
    def refuse(handle):
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(store_module, "_lock", refuse)
    with pytest.raises(LocksUnavailable) as refused:
        ProgressStore(data_dir).acquire()
    assert "ne permet pas de verrou" in refused.value.message and "déjà ouvert" not in refused.value.message
    # Read-only: opens, never writes, says so from the first page.
    read_only = ProgressStore(data_dir)
    read_only.acquire(without_lock="read_only")
    progress = Progress.open(read_only)
    assert "lecture seule" in progress.save_problem
    progress.type_identity("name", "Collège")
    assert not progress.saved and not (data_dir / "progress.json").exists()
    # « Je suis seul à utiliser ce dossier »: writes.
    alone = ProgressStore(data_dir)
    alone.acquire(without_lock="alone")
    progress = Progress.open(alone)
    progress.type_identity("name", "Collège")
    assert progress.saved and (data_dir / "progress.json").exists()


def test_a_lock_held_elsewhere_is_already_open(data_dir, monkeypatch):
    def held(handle):
        raise OSError(errno.EWOULDBLOCK, "held")

    monkeypatch.setattr(store_module, "_lock", held)
    with pytest.raises(AlreadyRunning):
        ProgressStore(data_dir).acquire()


def test_a_store_that_could_not_take_its_lock_never_writes(data_dir, monkeypatch):
    def refuse(handle):
        raise OSError(errno.ENOLCK, "no locks")

    monkeypatch.setattr(store_module, "_lock", refuse)
    store = ProgressStore(data_dir)
    with pytest.raises(LocksUnavailable):
        store.acquire()
    with pytest.raises(SaveFailed):  # acquire refused: whoever goes on anyway cannot write
        store.save(Progress(store, None).doc)
    assert not (data_dir / "progress.json").exists()


def test_the_window_asks_what_to_do_on_a_file_system_without_locks(qtbot, data_dir, monkeypatch):
    from wizard.gui import window as window_module

    monkeypatch.setattr(store_module, "_lock", lambda handle: (_ for _ in ()).throw(OSError(errno.ENOLCK, "x")))
    asked = []

    def answer(message):
        asked.append(message)
        return "read_only"

    monkeypatch.setattr(window_module, "ask_without_locks", answer)
    from tests.gui.helpers import open_window

    window = open_window(qtbot, data_dir)
    assert asked and "ne permet pas de verrou" in asked[0]
    assert "lecture seule" in window.progress.save_problem
    window.close()

