"""A schema-agnostic fuzz of the saved progress: a real document saved by the window, every key to depth 3
deleted or set to null, a number, a string, a list, plus whole-file damage. The window must always open – on the
backup's page when the backup is good, else afresh with the damaged file set aside – and never crash."""
import copy
import json
import shutil
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from tests.gui.test_help import complete_every_step
from wizard.app import create_window
from wizard.core.store import FutureVersion

MUTATIONS = {"deleted": KeyError, "null": None, "number": 7, "string": "x", "list": []}
V1 = Path(__file__).resolve().parents[1] / "fixtures" / "progress" / "v1.json"


@pytest.fixture(scope="module")
def real_document(tmp_path_factory):
    """What the window itself saves, stopped in the middle of part 3 (so that resuming has a page to go to)."""
    folder = tmp_path_factory.mktemp("real")
    window = create_window(folder)
    complete_every_step(window.progress)
    window.go_to("import_ent")
    window.close()
    QApplication.processEvents()
    document = json.loads((folder / "progress.json").read_text(encoding="utf-8"))
    assert document["schools"][document["current"]]["current_step"] == "import_ent"
    return document


def key_paths(document) -> list[tuple]:
    """Every key to depth 3: the document's own, a school's, and the keys of a school's values."""
    paths = []
    for key, value in document.items():
        paths.append((key,))
        if isinstance(value, dict):
            for inner, deeper in value.items():
                paths.append((key, inner))
                if isinstance(deeper, dict):
                    paths.extend((key, inner, third) for third in deeper)
    return paths


def mutated(document, path, mutation):
    damaged = copy.deepcopy(document)
    target = damaged
    for key in path[:-1]:
        target = target[key]
    if mutation is KeyError:
        del target[path[-1]]
    else:
        target[path[-1]] = copy.deepcopy(mutation)
    return damaged


def open_on(qtbot, folder):
    window = create_window(folder)
    qtbot.addWidget(window)
    window.show()
    QApplication.processEvents()
    return window


def cases(document):
    # A version number above the current one is a newer release's file: refused untouched (tested below), not
    # damage to recover from – falling back would let the next save overwrite that release's data.
    return [(path, name) for path in key_paths(document) for name in MUTATIONS
            if (path, name) != (("version",), "number")]


def test_every_key_damaged_in_every_way_still_opens(qtbot, tmp_path, real_document):
    opened, from_backup, fresh, kept = 0, 0, 0, 0
    for number, (path, name) in enumerate(cases(real_document)):
        folder = tmp_path / f"case{number}"
        folder.mkdir()
        damaged = mutated(real_document, path, MUTATIONS[name])
        (folder / "progress.json").write_text(json.dumps(damaged), encoding="utf-8")
        (folder / "progress.json.bak").write_text(json.dumps(real_document), encoding="utf-8")
        window = open_on(qtbot, folder)
        opened += 1
        if window.recovery_message:
            assert "copie de secours" in window.recovery_message, (path, name)
            assert window.current_step() == "import_ent", (path, name)  # the backup's page
            assert [p.name for p in folder.iterdir() if ".illisible-" in p.name], (path, name)
            from_backup += 1
        else:
            kept += 1  # the damage still fits the definition (e.g. a text where a text belongs)
        window.close()
        # Without the backup: a fresh start, the damaged file set aside, never a crash.
        (folder / "progress.json").write_text(json.dumps(damaged), encoding="utf-8")
        for leftover in folder.glob("progress.json.bak*"):
            leftover.unlink()
        window = open_on(qtbot, folder)
        if window.recovery_message:
            assert "repart de zéro" in window.recovery_message and window.current_step() == "accueil"
            fresh += 1
        window.close()
        shutil.rmtree(folder)
    assert opened == len(cases(real_document)) > 90
    assert from_backup == fresh and from_backup > 0.7 * opened, (from_backup, fresh, kept)


@pytest.mark.parametrize("content", [
    b"", b"\x00" * 100, b"garbage {]", b"[1, 2]", b'"progress"', b"[" * 200_000, b'{"version": 0}',
    b'{"version": -1, "schools": {}}', "é".encode("latin-1"), b"\xef\xbb\xbf{}",
])
def test_whole_file_damage_opens_on_the_backup(qtbot, tmp_path, real_document, content):
    (tmp_path / "progress.json").write_bytes(content)
    (tmp_path / "progress.json.bak").write_text(json.dumps(real_document), encoding="utf-8")
    window = open_on(qtbot, tmp_path)
    assert window.current_step() == "import_ent" and "copie de secours" in window.recovery_message
    window.close()


def test_a_previous_format_opens_where_it_was(qtbot, tmp_path):
    shutil.copy(V1, tmp_path / "progress.json")
    window = open_on(qtbot, tmp_path)
    # Resuming walks the flow to the saved step and stops at the first page not complete: in this file, the
    # part 1 form has one tick of eight.
    assert not window.recovery_message and window.current_step() == "ent_service"
    assert window.progress.school["cycle"]["reported_count"] == 4
    window.close()


def test_a_future_format_is_refused_untouched(qtbot, tmp_path, real_document):
    future = {**real_document, "version": 99}
    (tmp_path / "progress.json").write_text(json.dumps(future), encoding="utf-8")
    before = (tmp_path / "progress.json").read_bytes()
    with pytest.raises(FutureVersion) as refused:
        create_window(tmp_path)
    assert "version plus récente" in refused.value.message
    assert (tmp_path / "progress.json").read_bytes() == before
    window = open_on(qtbot, tmp_path / "ailleurs")  # the data folder was released: another one opens
    window.close()
