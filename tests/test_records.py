"""The import bookkeeping, the status board and the server-check verdicts, without widgets."""
from types import SimpleNamespace

from wizard import status
from wizard.importcheck import explain_count, record_import
from wizard.progress import Progress
from wizard.servercheck import delegation_verdict
from wizard.store import ProgressStore

ANALYSIS = {
    "counts": {"eleve": 3, "parent": 2, "total": 6},
    "findings": [{"level": "error", "code": "identifiant_manquant", "message": "", "line": 4},
                 {"level": "warning", "code": "identifiant_duplique", "message": "", "line": 9}],
    "id_hashes": ["a" * 32, "b" * 32],
    "export_date": "2026-08-27T08:30:00",
}


def test_equal_count_is_confirmed():
    assert explain_count(ANALYSIS, 6, "complet")[0] == "ok"


def test_fewer_imported_are_explained_by_the_file():
    level, text = explain_count(ANALYSIS, 4, "complet")
    assert level == "warning" and "2 identifiant(s) de moins" in text
    assert "sans identifiant" in text and "en double" in text


def test_more_imported_than_the_file_points_to_the_wrong_file():
    assert "ancien export" in explain_count(ANALYSIS, 60, "complet")[1]


def test_import_recorded_once_per_pass_and_corrected(data_dir):
    progress = Progress.open(ProgressStore(data_dir))
    progress.start_cycle("partiel")
    progress.set_cycle("analysis", ANALYSIS)
    progress.set_cycle("file", {"sha256": "f" * 64})
    progress.set_field("import_ent", "nombre_importe", 5)
    record_import(progress, 5)
    record_import(progress, 6)  # the admin came back and corrected the figure
    history = ProgressStore(data_dir).load()["schools"][progress.school["id"]]["import_history"]
    assert len(history) == 1
    entry = history[0]
    assert entry["reported_count"] == 6 and entry["mode"] == "partiel" and entry["id_hashes"] == ANALYSIS["id_hashes"]
    assert set(entry) == {"date", "cycle", "mode", "counts", "file_sha256", "reported_count", "export_date", "id_hashes"}


def test_status_board_lines(data_dir):
    progress = Progress.open(ProgressStore(data_dir))
    school = progress.school
    assert [done for _, done, _ in status.board(school)] == [False, False, False]
    for step in ("ent_service", "ent_acces", "pronote_net_avertissement", "pronote_net"):
        progress.mark_completed(step)
    progress.add_server_check({"date": "2026-08-27T09:00:00", "kind": "delegation", "verified": True,
                               "message": "délégué", "outcome": "delegated"})
    progress.add_import({"date": "2026-08-27T08:39:00", "mode": "complet", "reported_count": 1575, "counts": {}})
    rows = status.board(school)
    assert [done for _, done, _ in rows] == [True, True, True]
    assert "27/08/2026" in rows[1][2] and "(vérifié)" in rows[1][2]
    assert "Dernier import : 27/08/2026 en mode complet, 1575 identifiants" in rows[2][2]


def probe(**values):
    base = dict(reachable=True, is_pronote=True, delegated_to_ent=False, cas_active=False, cas_host="", message="M.")
    return SimpleNamespace(**{**base, **values})


def test_delegation_verdicts():
    assert delegation_verdict(probe(delegated_to_ent=True, cas_active=True, cas_host="cas.mon-ent-occitanie.fr"), "mon ENT Occitanie")[0] == "ok"
    level, text = delegation_verdict(probe(), "mon ENT Occitanie")
    assert level == "warning" and text.startswith("CAS inactif")
    level, text = delegation_verdict(probe(cas_active=True, cas_host="cas.ent-lr.fr"), "mon ENT Occitanie")
    assert "CAS vers un autre ENT : cas.ent-lr.fr" in text
    assert delegation_verdict(probe(reachable=False, is_pronote=False), "x")[0] == "error"


def test_two_passes_started_in_the_same_second_are_two_history_entries(data_dir, monkeypatch):
    import wizard.progress as progress_module

    monkeypatch.setattr(progress_module, "now_iso", lambda: "2026-11-28T10:00:00")
    progress = Progress.open(ProgressStore(data_dir))
    progress.start_cycle("nouvelle_annee")
    record_import(progress, 5)
    progress.start_cycle("partiel")
    record_import(progress, 2)
    assert [entry["reported_count"] for entry in progress.school["import_history"]] == [5, 2]
