"""Schools as the v2 document saves them (wizard/core/document.py), built by hand, and the PDFs' words."""
import re
import unicodedata
from pathlib import Path

import pytest
from pypdf import PdfReader

from wizard.core import entdata
from wizard.core.document import FORMAT_VERSION

ROOT = Path(__file__).resolve().parents[2]
RENAMED_ENT = ROOT / "tests" / "fixtures" / "ent" / "ent-exemple-nord.json"


def v2_school(**changes) -> dict:
    """A whole v2 school: identity typed, part 1 ticked, parts 1–2 verified on the server, one full import."""
    school = {
        "id": "a1b2c3d4",
        "identity": {"name": "Collège Via Domitia", "uai": "0301746K", "pronote_version": "2024 – 2.5",
                     "pronote_url": "https://0301746k.index-education.net/pronote/", "ent_site_url": "",
                     "contact": "le secrétariat"},
        "hash_key_id": None,  # the key is kept apart (keys.py)
        "current_step": "fin",
        "ticks": {"ent_service": {"nouveau_service": True, "type_sso": True}},
        "completed": {"etablissement": "2026-08-27T08:00:00", "ent_service": "2026-08-27T08:10:00"},
        "setup_finished_at": None,
        "connection": {"date": "2026-08-27T09:00:00", "verified": True, "how": "walk"},
        "restart_from_part_1": False,
        "cycle": {"id": "c0ffee000001", "kind": "premiere", "mode": "complet", "started_at": "2026-08-27T08:00:00",
                  "finished_at": "2026-08-27T10:00:00", "ticks": {}, "completed": {}, "file": None,
                  "analysis": None, "warnings_read": False, "reported_count": 1575, "redo_of": None},
        "passes": [],
        "failures": [],
        "failures_draft": None,
        "import_history": [{"date": "2026-08-27T08:39:00", "cycle": "c0ffee000001", "mode": "complet",
                            "counts": {"eleve": 600, "parent": 900, "enseignant": 50, "personnel": 25, "autre": 0,
                                       "total": 1575},
                            "file_sha256": "f" * 64, "reported_count": 1575, "reading": "batch", "export_date": None,
                            "id_hashes": []}],
        "server_checks": [{"date": "2026-08-27T09:00:00", "kind": "delegation", "outcome": "delegated",
                           "verified": True, "version": "2024.2.5", "cas_host": "",
                           "message": "Délégation constatée."}],
        "matching": None,
    }
    school.update(changes)
    return school


def v2_document(school: dict) -> dict:
    return {"version": FORMAT_VERSION, "current": school["id"], "schools": {school["id"]: school},
            "settings": {"language": "", "proxy": ""}}


@pytest.fixture
def renamed_ent():
    """The fictional « ENT Exemple Nord » is active for the test, the default one again afterwards."""
    yield entdata.activate(RENAMED_ENT)
    entdata.activate(None)


def pdf_text(path: Path) -> str:
    """The PDF's words, spaced simply: Qt writes word gaps as tabs and pypdf keeps ligatures such as « ﬁ »."""
    raw = " ".join(page.extract_text() for page in PdfReader(str(path)).pages)
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", raw))


@pytest.fixture
def render(qapp, tmp_path):
    """html → (PDF path, its text), drawn by the app's own writer."""
    from wizard.gui.pdf import write_pdf

    def draw(html: str, name: str = "document.pdf"):
        path = tmp_path / name
        write_pdf(html, path, "Essai")
        return path, pdf_text(path)

    return draw
