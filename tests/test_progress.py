"""The one writer of the saved document: what each event records, the import bookkeeping, the status board that
says honestly what was verified and what was declared – all without widgets."""
from datetime import date
from types import SimpleNamespace

from wizard.core import dates, status
from wizard.core.document import validate
from wizard.core.importcheck import read_figure
from wizard.core.progress import Progress, declaration_allowed
from wizard.core.store import ProgressStore
from wizard.core.typography import plain

ANALYSIS = {
    "file_sha256": "f" * 64, "mode": "partiel", "layout": "documented", "layout_label": None, "encoding": "UTF-8",
    "counts": {"eleve": 3, "parent": 2, "total": 6},
    "findings": [{"level": "error", "code": "identifiant_manquant", "message": "", "line": 4},
                 {"level": "warning", "code": "identifiant_duplique", "message": "", "line": 9}],
    "finding_counts": {"identifiant_manquant": 1, "identifiant_duplique": 1},
    "errors": 1, "warnings": 1, "mapping": {},
    "id_hashes": ["a" * 32, "b" * 32], "language": "fr",
    "export_date": "2026-08-27T08:30:00",
}
FILE = {"name": "IdPN_To_KOSMOS.xml", "path": "/tmp/IdPN_To_KOSMOS.xml", "size": 10, "sha256": "f" * 64,
        "mtime_ns": None}


def opened(data_dir):
    store = ProgressStore(data_dir)
    store.acquire()  # the store writes only under its lock
    return Progress.open(store)


def reread(data_dir, progress):
    return validate(ProgressStore(data_dir).load())["schools"][progress.school["id"]]


def probe(**values):
    base = dict(outcome="delegated", reachable=True, is_pronote=True, delegated_to_ent=True, cas_active=True,
                cas_host="cas.mon-ent-occitanie.fr", version="2024 – 2.5", message="M.", level="ok", school_name=None)
    return SimpleNamespace(**{**base, **values})


TODAY = date(2026, 11, 28)


def test_equal_count_is_confirmed():
    assert read_figure(ANALYSIS, 6, "complet", []).level == "ok"


def test_fewer_imported_are_explained_by_the_file():
    reading = read_figure(ANALYSIS, 4, "complet", [])
    assert reading.level == "warning" and "2 identifiant(s) de moins" in reading.text
    assert "sans identifiant" in reading.text and "en double" in reading.text


def test_more_imported_than_the_file_points_to_the_wrong_file():
    assert "ancien export" in read_figure(ANALYSIS, 60, "complet", []).text


def test_import_recorded_once_per_pass_and_corrected(data_dir):
    progress = opened(data_dir)
    progress.start_pass("partiel")
    progress.record_analysis(FILE, ANALYSIS)
    progress.type_reported_count(5)
    progress.record_import()
    progress.type_reported_count(6)  # the admin came back and corrected the figure
    progress.record_import()
    history = reread(data_dir, progress)["import_history"]
    assert len(history) == 1
    entry = history[0]
    assert entry["reported_count"] == 6 and entry["mode"] == "partiel" and entry["id_hashes"] == ANALYSIS["id_hashes"]
    assert set(entry) == {"date", "cycle", "mode", "counts", "file_sha256", "reported_count", "reading",
                          "export_date", "id_hashes"}


def test_two_passes_started_in_the_same_second_are_two_history_entries(data_dir, monkeypatch):
    import wizard.core.progress as progress_module

    monkeypatch.setattr(progress_module, "now_iso", lambda: "2026-11-28T10:00:00")
    progress = opened(data_dir)
    for kind, count in (("nouvelle_annee", 5), ("partiel", 2)):
        progress.start_pass(kind)
        progress.type_reported_count(count)
        progress.record_import()
    assert [entry["reported_count"] for entry in progress.school["import_history"]] == [5, 2]


def test_a_new_analysis_asks_for_the_warnings_to_be_read_again(data_dir):
    progress = opened(data_dir)
    progress.record_analysis(FILE, ANALYSIS)
    progress.read_warnings(True)
    progress.record_analysis(FILE, {**ANALYSIS, "language": "en"})  # the same file found the same, in English
    assert reread(data_dir, progress)["cycle"]["warnings_read"] is True
    other = {**ANALYSIS, "file_sha256": "e" * 64}
    progress.record_analysis({**FILE, "sha256": "e" * 64}, other)
    assert reread(data_dir, progress)["cycle"]["warnings_read"] is False


def test_status_board_after_a_walk_verified_on_the_server(data_dir):
    progress = opened(data_dir)
    assert [row.state for row in status.board(progress.school, TODAY)] == [status.TODO] * 4
    for step in ("ent_service", "ent_acces", "pronote_net_avertissement", "pronote_net"):
        progress.complete_step(step)
    progress.record_server_check("delegation", probe())
    progress.choose_mode("complet")
    progress.type_reported_count(1575)
    progress.record_import()
    rows = status.board(progress.school, dates.today())
    assert [row.state for row in rows] == [status.DONE, status.VERIFIED, status.DONE, status.TODO]
    assert "vérifiée sur le serveur PRONOTE" in rows[1].detail
    assert "Dernier import" in rows[2].detail and "l'ENT a annoncé 1575" in plain(rows[2].detail)


def test_a_declaration_reads_declared_not_verified_once_and_offers_a_check(data_dir):
    progress = opened(data_dir)
    for step in ("ent_service", "ent_acces", "pronote_net_avertissement", "pronote_net"):
        progress.complete_step(step)
    progress.confirm_by_hand(True)
    row = status.board(progress.school, TODAY)[1]
    assert row.state == status.DECLARED
    assert row.detail.count("non vérifié") == 1  # « (non vérifié). (non vérifié) » no more
    assert status.unverified(progress.school)
    progress.record_server_check("delegation", probe())  # « Vérifier maintenant » on the board
    assert status.board(progress.school, TODAY)[1].state == status.VERIFIED and not status.unverified(progress.school)


def test_a_server_answering_without_the_delegation_withdraws_a_declaration(data_dir):
    progress = opened(data_dir)
    progress.confirm_by_hand(True)
    progress.record_server_check("delegation", probe(outcome="cas_inactive", delegated_to_ent=False,
                                                     cas_active=False, level="warning"))
    assert progress.school["connection"] is None
    progress.confirm_by_hand(True)  # refused: the server contradicts it
    assert progress.school["connection"] is None and not declaration_allowed(progress.school)
    progress.record_server_check("delegation", probe(outcome="unreachable", reachable=False, is_pronote=False,
                                                     delegated_to_ent=False, level="error"))
    progress.confirm_by_hand(True)  # unreachable: the admin's word is all there is
    assert progress.school["connection"]["verified"] is False


def test_already_in_place_verified_or_declared(data_dir):
    progress = opened(data_dir)
    progress.declare_already_connected(verified=True)
    rows = status.board(progress.school, TODAY)
    assert [row.state for row in rows[:2]] == [status.VERIFIED] * 2
    assert "Déjà en place, vérifié" in rows[0].detail
    progress.restart_from_part_1()
    assert progress.school["connection"] is None and progress.school["restart_from_part_1"]
    progress.declare_already_connected(verified=False)
    assert "déclaré" in status.board(progress.school, TODAY)[0].detail and status.unverified(progress.school)
    progress.type_identity("pronote_url", "https://autre.example.org/pronote/")
    assert progress.school["connection"] is None  # it was about the server at the previous address


def test_every_event_leaves_a_valid_document(data_dir):
    progress = opened(data_dir)
    progress.type_identity("uai", "0301746K")
    progress.tick("ent_service", "type_sso", True)
    progress.record_server_check("address", probe(outcome="cas_inactive", delegated_to_ent=False))
    progress.declare_already_connected(verified=False)
    progress.start_pass("partiel")
    progress.choose_mode("partiel")
    progress.record_analysis(FILE, ANALYSIS)
    progress.forget_analysis()
    progress.record_matching({"certain": {"eleve": 2}}, 4, 1)
    progress.decide_pair("a" * 32 + ":" + "b" * 32, "accepte")
    progress.decide_pair("a" * 32 + ":" + "b" * 32, None)
    progress.choose_language("en")
    progress.set_proxy("http://proxy.example:3128")
    progress.finish_walk()
    progress.add_school()
    validate(ProgressStore(data_dir).load())


def test_a_delegation_seen_from_the_school_page_records_parts_1_2_as_already_in_place(data_dir):
    progress = opened(data_dir)
    progress.record_server_check("address", probe())
    connection = reread(data_dir, progress)["connection"]
    assert connection["how"] == "already_in_place" and connection["verified"] is True
    assert reread(data_dir, progress)["server_checks"][-1]["verified"] is True


def test_a_delegation_seen_after_choosing_the_whole_walk_keeps_the_whole_walk(data_dir):
    progress = opened(data_dir)
    progress.restart_from_part_1()
    progress.record_server_check("address", probe())
    assert progress.school["connection"] is None and progress.school["restart_from_part_1"]


def test_an_address_check_once_the_walk_is_over_changes_nothing_of_parts_1_2(data_dir):
    progress = opened(data_dir)
    progress.finish_walk()
    progress.record_server_check("address", probe())  # a new school year passes by the school page
    assert progress.school["connection"] is None


def test_recording_a_check_or_a_declaration_never_loads_the_network_code():
    """The model reads what an outcome means from wizard.core.outcomes: ticking « je déclare » used to load the
    whole probe package (ssl, http.client) to compare two outcome codes."""
    import grimp

    graph = grimp.build_graph("wizard")
    assert not graph.chain_exists(importer="wizard.core.progress", imported="wizard.core.probe", as_packages=True)
    assert not graph.chain_exists(importer="wizard.core.status", imported="wizard.core.probe", as_packages=True)


def test_a_failures_count_typed_is_a_draft_saved_never_a_noted_count(data_dir):
    """Typed on the failures page and not noted: written as a draft (headless: at once), read back as typed;
    the board and the trend read only what was noted; noting it, or emptying it, leaves no draft."""
    progress = opened(data_dir)
    progress.type_failures("49", "01/12/2026")
    school = reread(data_dir, progress)
    assert school["failures_draft"] == {"count": "49", "day": "01/12/2026"} and school["failures"] == []
    assert status.board(school, TODAY)[-1].detail.startswith("Aucun nombre noté cette année")
    progress.type_failures("", "01/12/2026")
    assert reread(data_dir, progress)["failures_draft"] is None
    progress.type_failures("49", "01/12/2026")
    progress.note_failures("2026-12-01", 49)
    school = reread(data_dir, progress)
    assert school["failures_draft"] is None and [entry["count"] for entry in school["failures"]] == [49]
    progress.type_failures("1\x00\ud800", "x" * 5000)  # outside text fit for the document, as any typing
    draft = reread(data_dir, progress)["failures_draft"]
    assert draft is not None and "\x00" not in draft["count"] and len(draft["day"]) <= 200


def test_the_board_says_a_count_typed_and_not_noted_is_waiting_and_does_not_count_it(data_dir):
    """The assistant closed before « Noter ce nombre »: the board says a count waits, where to note it, and neither
    counts it nor changes the row's state."""
    progress = opened(data_dir)
    progress.note_failures("2026-11-02", 12)
    before = status.board(progress.school, TODAY)[-1]
    progress.type_failures("3", "27/11/2026")
    row = status.board(progress.school, TODAY)[-1]
    assert row.state == before.state and row.detail.startswith(before.detail + "\n")
    assert plain(row.detail.splitlines()[-1]) == ("Un nombre saisi (3, relevé le 27/11/2026) n'est pas encore noté : "
                                                  "à l'étape « Suivre les échecs d'identification », choisissez "
                                                  "« Noter ce nombre ».")
    progress.note_failures("2026-11-27", 3)
    assert "n'est pas encore noté" not in status.board(progress.school, TODAY)[-1].detail
