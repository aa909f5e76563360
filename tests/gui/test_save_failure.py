"""A save that fails is told at once on the page, the values stay in memory, nothing claims « enregistré »,
and the next change (or « Réessayer l'enregistrement ») writes everything once the disk accepts again."""
import errno
import json
import tempfile

import pytest
from PySide6.QtWidgets import QLabel, QMessageBox

from tests.gui.helpers import open_window, written


def visible_texts(window) -> str:
    page = window.currentPage()
    return " ".join(label.text() for label in page.findChildren(QLabel) if label.isVisibleTo(page))


@pytest.mark.parametrize("code, words", [(errno.EACCES, "protégé en écriture"), (errno.ENOSPC, "disque"),
                                         (errno.EROFS, "protégé en écriture")])
def test_a_failed_save_is_told_on_the_page_and_kept_in_memory(qtbot, data_dir, monkeypatch, code, words):
    window = open_window(qtbot, data_dir)
    window.next()
    written(window.progress)  # the step left is on disk before the disk starts refusing
    page = window.currentPage()
    real = tempfile.mkstemp

    def refuse(*args, **kwargs):
        raise OSError(code, "refused")

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    page.fields["name"].setText("Collège Via Domitia")
    written(window.progress)
    qtbot.waitUntil(lambda: page.save_banner is not None and page.save_banner.isVisible())
    assert words in page.save_banner.message.text()
    assert "en mémoire" in visible_texts(window)
    assert "enregistrée" not in visible_texts(window).replace("n'ont pas pu être enregistrées", "")
    assert window.progress.identity["name"] == "Collège Via Domitia"
    on_disk = json.loads((data_dir / "progress.json").read_text(encoding="utf-8"))
    assert on_disk["schools"][on_disk["current"]]["identity"]["name"] == ""
    # Esc says the last changes would be lost, and offers to stay.
    asked = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: asked.append(box.text()) or 0)
    window.reject()
    assert asked and "pas pu être enregistrées" in asked[0] and window.isVisible()
    # The disk accepts again: « Réessayer l'enregistrement » writes what was kept in memory.
    monkeypatch.setattr(tempfile, "mkstemp", real)
    window.findChild(type(window.button(window.WizardButton.NextButton)), "retry_save").click()
    qtbot.waitUntil(lambda: not page.save_banner.isVisible())
    on_disk = json.loads((data_dir / "progress.json").read_text(encoding="utf-8"))
    assert on_disk["schools"][on_disk["current"]]["identity"]["name"] == "Collège Via Domitia"


def test_quitting_with_everything_saved_says_so(qtbot, data_dir, monkeypatch):
    window = open_window(qtbot, data_dir)
    asked = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: asked.append(box.text()) or 0)
    window.reject()
    assert "progression est enregistrée" in asked[0] and window.isVisible()  # « Rester » by default


def test_a_value_that_cannot_be_written_is_a_failed_save_for_the_window_and_the_crash_dialog(qtbot, data_dir,
                                                                                               monkeypatch):
    """Issue 22, 1: the save raised UnicodeEncodeError outside its error handling; « enregistré » stayed true, and
    the window and the crash dialog still said « Votre progression est enregistrée »."""
    from wizard.gui.crash_dialog import CrashDialog

    window = open_window(qtbot, data_dir)
    window.next()
    page = window.currentPage()
    window.progress.school["identity"]["contact"] = "\udcff"  # a value no boundary should let in, as a bug would
    page.fields["name"].setText("Collège Via Domitia")
    written(window.progress)
    qtbot.waitUntil(lambda: page.save_banner is not None and page.save_banner.isVisible())
    assert not window.progress.saved
    text = CrashDialog(None, saved=window.progress.saved).text()
    assert "pas pu être enregistrées" in text and "progression est enregistrée" not in text
    asked = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: asked.append(box.text()) or 0)
    window.reject()
    assert "pas pu être enregistrées" in asked[0]
