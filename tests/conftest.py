"""Every test gets a fresh data dir and log dir under tmp_path; Qt runs offscreen (no display needed)."""
import os
import sys
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
if sys.platform == "win32":
    # Windows' offscreen platform finds fonts only in this folder (or <Qt>/fonts, absent from PySide's wheel):
    # without it no text is drawn at all – PDFs without text, measures of empty labels.
    os.environ.setdefault("QT_QPA_FONTDIR", os.path.join(os.environ.get("WINDIR", r"C:\Windows"), "Fonts"))
# The test modules import `wizard` and `tests` from this checkout; pytest itself needs no path, so its import stays
# at the top with the others.
ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


@pytest.fixture(autouse=True)
def isolated_dirs(tmp_path, monkeypatch):
    monkeypatch.setenv("PRONOTE_ENT_WIZARD_LOG_DIR", str(tmp_path / "logs"))
    # The keys of keyed hashes go to a file in the data dir, never to the developer's own key store (keys.py).
    monkeypatch.setenv("PRONOTE_ENT_WIZARD_KEY_STORE", "file")
    return tmp_path


@pytest.fixture(autouse=True)
def french_and_the_default_ent_again():
    """A window opened in English (a saved choice, or --lang) or with another ENT changes the process's language
    and active ENT; the next test starts as a first launch does."""
    yield
    from wizard.core import entdata, i18n

    i18n.install(None, "fr")
    entdata.activate(None)


@pytest.fixture
def data_dir(tmp_path):
    path = tmp_path / "data"
    path.mkdir()
    return path
