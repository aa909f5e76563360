"""How the progress reaches the disk (core, no display): compact, the backup refreshed once a session or a step
rather than at every change, a writer thread that writes only the latest document, and `saved` true only once
the latest change is on disk."""
import json
import threading

from wizard.core.progress import Progress
from wizard.core.saving import WriterThread
from wizard.core.store import ProgressStore


def opened(data_dir) -> Progress:
    return Progress.open(ProgressStore(data_dir))


def test_the_file_is_compact_json(data_dir):
    progress = opened(data_dir)
    progress.type_identity("name", "Collège A")
    text = (data_dir / "progress.json").read_text(encoding="utf-8")
    assert "\n" not in text and ": " not in text and json.loads(text)["version"]


def test_the_backup_is_the_last_session_s_state_not_the_last_keystroke(data_dir):
    first = opened(data_dir)
    for name in ("C", "Co", "Col"):
        first.type_identity("name", name)
    backup = data_dir / "progress.json.bak"
    assert not backup.exists()  # nothing to keep a copy of before the first write
    last_session = (data_dir / "progress.json").read_bytes()
    second = opened(data_dir)
    for name in ("Coll", "Collè", "Collège"):
        second.type_identity("name", name)
    assert backup.read_bytes() == last_session
    second.type_identity("contact", "secrétariat")
    second.flush(refresh_backup=True)  # nothing new since the last write: nothing to write, the copy stays
    assert backup.read_bytes() == last_session


class SlowStore:
    """A store whose writes wait until the test lets them go."""

    def __init__(self):
        self.started, self.go = threading.Event(), threading.Event()
        self.writes = []

    def write(self, data, *, refresh_backup):
        self.started.set()
        self.go.wait(5)
        self.writes.append((data, refresh_backup, threading.current_thread()))


def test_the_writer_thread_writes_the_latest_document_and_says_when_each_ended():
    store, outcomes = SlowStore(), []
    writer = WriterThread(store, lambda revision, problem: outcomes.append((revision, problem)))
    writer.submit(1, b'{"n": 1}', False)
    assert store.started.wait(5)
    for n in (2, 3, 4):  # while the first is being written: only the latest is still to write
        writer.submit(n, b'{"n": %d}' % n, n == 2)
    store.go.set()
    writer.wait()
    assert [(data, backup) for data, backup, _ in store.writes] == [(b'{"n": 1}', False), (b'{"n": 4}', True)]
    assert all(thread is not threading.main_thread() for _, _, thread in store.writes)
    assert outcomes == [(1, ""), (4, "")]


def test_saved_only_once_the_latest_change_is_on_disk(data_dir):
    progress = opened(data_dir)
    store = SlowStore()
    progress.writer = WriterThread(store, progress.written)
    progress.write_soon = lambda: None  # the window's pause: here, the test says when
    progress.type_identity("name", "Collège A")
    assert progress.pending() and not progress.saved
    progress.flush()
    assert not progress.saved  # handed over, not written yet
    store.go.set()
    progress.writer.wait()
    assert progress.saved and not progress.pending()


def test_a_late_outcome_of_an_older_write_changes_nothing(data_dir):
    progress = opened(data_dir)
    progress.type_identity("name", "A")
    progress.type_identity("name", "B")
    progress.written(1, "Enregistrement impossible : …")  # the first write's failure, told after the second's success
    assert progress.saved and progress.save_problem == ""
