"""Helpers for the identifier-file tests: fixtures, a school in the store, the command run in-process or as a
process, a listing of the data dir, and a local listener that must never be contacted."""
from __future__ import annotations

import hashlib
import json
import os
import socket
import subprocess
import sys
import threading
from pathlib import Path
from types import SimpleNamespace

import pytest

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures" / "idfile"
HASH_KEY = "5f" * 32
UAI = "0301746K"


def write_school(data_dir: Path, *, uai: str = UAI, mode: str | None = None, history: list | None = None) -> None:
    """A whole, valid progress document (the store refuses anything less) whose current school has this UAI,
    mode and import history; history entries may give only the keys a test cares about."""
    from wizard.core.progress import new_document

    doc = new_document()
    school = doc["schools"][doc["current"]]
    school["identity"].update(uai=uai, name="CLG-VIA DOMITIA-MANDUEL", pronote_url=f"https://{uai}.index-education.net/pronote/")
    from wizard.core.keys import KeyStore, entry_name, key_id

    school["hash_key_id"] = key_id(HASH_KEY)  # the key itself apart, where the window keeps it (keys.py)
    KeyStore(data_dir).put(entry_name(school["id"], school["hash_key_id"]), HASH_KEY)
    school["cycle"]["mode"] = mode
    school["import_history"] = [{"date": "2026-06-01T10:00:00", "cycle": "c0", "mode": None, "counts": {},
                                 "file_sha256": None, "reported_count": 0, "reading": None, "export_date": None,
                                 "id_hashes": [],
                                 **entry}
                                for entry in history or []]
    (data_dir / "progress.json").write_text(json.dumps(doc), encoding="utf-8")


def plain(text: str) -> str:
    """French typography's non-breaking spaces as plain ones, for comparing texts."""
    return text.replace("\u00a0", " ").replace("\u202f", " ")


def listing(folder: Path) -> dict:
    """Every file under the folder with its size, modification time and content hash."""
    if not folder.exists():
        return {}
    result = {}
    for path in sorted(folder.rglob("*")):
        stat = path.stat()
        digest = hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else "dir"
        result[str(path.relative_to(folder))] = (stat.st_size, stat.st_mtime_ns, digest)
    return result


def run_inprocess(capsys, *args: str) -> SimpleNamespace:
    from wizard.commands.cli import run

    code = run(list(args))
    out, err = capsys.readouterr()
    return SimpleNamespace(code=code, out=out, err=err)


def run_process(*args: str, env: dict | None = None) -> SimpleNamespace:
    """`python main.py …` as users run it; also reports whether Qt got imported on the way."""
    probe = (
        "import sys, runpy\n"
        "sys.argv = ['main.py'] + sys.argv[1:]\n"
        "from wizard.app import main\n"
        "code = main(sys.argv[1:])\n"
        "sys.stderr.write('\\nQT_LOADED=%s\\n' % any(m.startswith('PySide6') for m in sys.modules))\n"
        "sys.exit(code)\n"
    )
    done = subprocess.run([sys.executable, "-c", probe, *args], cwd=ROOT, capture_output=True, text=True, timeout=120,
                          env={**os.environ, **(env or {})})
    err, _, flag = done.stderr.rpartition("\nQT_LOADED=")
    return SimpleNamespace(code=done.returncode, out=done.stdout, err=err, qt_loaded=flag.strip() == "True")


def run_main_py(*args: str) -> SimpleNamespace:
    done = subprocess.run([sys.executable, "main.py", *args], cwd=ROOT, capture_output=True, text=True, timeout=120)
    return SimpleNamespace(code=done.returncode, out=done.stdout, err=done.stderr)


@pytest.fixture(autouse=True)
def no_python_network(monkeypatch):
    """Nothing in the reader may open a connection from Python (libxml2's own I/O is watched by `listener`)."""
    def refuse(self, *args, **kwargs):
        raise AssertionError("network access attempted")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)


class Listener:
    """A local TCP server counting the connections it receives; external entities and DTDs point at it."""

    def __init__(self):
        self.server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.server.bind(("127.0.0.1", 0))
        self.server.listen(8)
        self.server.settimeout(0.2)
        self.port = self.server.getsockname()[1]
        self.contacts = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/"

    def _serve(self):
        while not self._stop.is_set():
            try:
                connection, _ = self.server.accept()
            except OSError:
                continue
            self.contacts += 1
            connection.close()

    def close(self):
        self._stop.set()
        self._thread.join(2)
        self.server.close()


@pytest.fixture
def listener():
    server = Listener()
    yield server
    server.close()
