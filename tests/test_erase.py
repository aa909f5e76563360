"""« Effacer les données locales » removes what it says (issue 22, 7): through links, the real files; what could not
be removed is named."""
import errno
import os
from pathlib import Path

import pytest

from wizard.core.progress import Progress
from wizard.core.store import ProgressStore


@pytest.mark.skipif(os.name != "posix", reason="symbolic links as POSIX makes them")
def test_erase_removes_the_files_a_link_points_to_not_only_the_link(data_dir, tmp_path):
    """Issue 22, 7: only the link went; the progress stayed on the other disk."""
    elsewhere = tmp_path / "autre-disque"
    elsewhere.mkdir()
    store = ProgressStore(elsewhere)
    store.acquire()
    progress = Progress.open(store)
    progress.type_identity("name", "Collège A")
    progress.type_identity("name", "Collège B")
    (elsewhere / "progress.json.bak").write_bytes((elsewhere / "progress.json").read_bytes())  # and a backup
    store.release()
    for name in ("progress.json", "progress.json.bak"):
        (data_dir / name).symlink_to(elsewhere / name)
    linked = ProgressStore(data_dir)
    linked.acquire()
    progress = Progress.open(linked)
    assert progress.identity["name"] == "Collège B"
    assert progress.erase_all() == []
    assert not (elsewhere / "progress.json").exists() and not (elsewhere / "progress.json.bak").exists()
    assert "Collège" not in (data_dir / "progress.json").read_text(encoding="utf-8")
    linked.release()


def test_erase_names_what_it_could_not_remove(data_dir, monkeypatch):
    store = ProgressStore(data_dir)
    store.acquire()
    progress = Progress.open(store)
    progress.type_identity("name", "Collège A")
    progress.type_identity("name", "Collège B")
    (data_dir / "progress.json.bak").write_bytes((data_dir / "progress.json").read_bytes())
    real_unlink = Path.unlink

    def refuse_backup(self, *args, **kwargs):
        if self.name.endswith(".bak"):
            raise PermissionError(errno.EACCES, "held")
        return real_unlink(self, *args, **kwargs)

    monkeypatch.setattr(Path, "unlink", refuse_backup)
    left = progress.erase_all()
    assert left == [str(data_dir / "progress.json.bak")]
    store.release()
