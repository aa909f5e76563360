"""The school's year as data, without widgets: which year a date is for, what is due now, passes that stay as they
were, the ENT's figure read as batch or running total, and the identification failures' trend."""
import copy
import json
from datetime import date, datetime
from pathlib import Path

import pytest

from wizard.core import dates, failures, flow, status
from wizard.core.document import validate
from wizard.core.importcheck import BATCH, DIFFERS, RUNNING_TOTAL, ent_total, read_figure
from wizard.core.migrations import migrate
from wizard.core.progress import ARCHIVED_FINDINGS, CYCLE_STEPS, Progress
from wizard.core.schoolyear import (
    default_mode,
    describe_import,
    is_pre_rentree,
    recap,
    school_year,
    school_year_label,
    year_of_work,
)
from wizard.core.store import ProgressStore
from wizard.core.typography import plain

FIXTURES = Path(__file__).parent / "fixtures" / "progress"


class Clock:
    """The assistant's one clock (dates.clock), moved by the test."""

    def __init__(self, monkeypatch, when: str):
        self.set(when)
        monkeypatch.setattr(dates, "clock", lambda: self.now)

    def set(self, when: str) -> None:
        self.now = datetime.fromisoformat(when).timestamp()


def analysis(total: int, sha: str, mode: str, hashes=(), finding_counts=None) -> dict:
    return {"file_sha256": sha * 64, "mode": mode, "layout": "documented", "layout_label": None, "encoding": "UTF-8",
            "counts": {"eleve": total, "total": total}, "findings": [], "finding_counts": finding_counts or {},
            "errors": 0, "warnings": 0, "mapping": {}, "export_date": None, "id_hashes": list(hashes),
            "language": "fr"}


def file_info(sha: str) -> dict:
    return {"name": "IdPN_To_KOSMOS.xml", "path": f"/tmp/{sha}.xml", "size": 10, "sha256": sha * 64,
            "mtime_ns": None}


def walk_a_pass(progress: Progress, mode: str, total: int, figure: int, sha: str) -> None:
    """What the pages record, from the mode to « fin »."""
    progress.choose_mode(mode)
    for step in ("export_pronote", "import_ent", "rapprochement"):
        for item in flow.checklist(step, mode):
            progress.tick(step, item["id"], True)
    progress.record_analysis(file_info(sha), analysis(total, sha, mode, [f"{ord(sha):032x}"]))
    progress.type_reported_count(figure)
    for step in ("export_mode", "export_pronote", "fichier", "import_ent"):
        progress.complete_step(step)
    progress.record_import()
    progress.complete_step("rapprochement")
    progress.finish_walk()


@pytest.fixture
def progress(data_dir):
    return Progress.open(ProgressStore(data_dir))


# -- the year --------------------------------------------------------------------------------------------------
def test_a_school_year_runs_from_1_september_to_31_august():
    assert school_year(date(2026, 9, 1)) == 2026 and school_year(date(2027, 8, 31)) == 2026
    assert school_year(date(2026, 8, 27)) == 2025


def test_work_done_in_august_is_for_the_coming_year():
    """The pré-rentrée's full import (27/08/2026) is 2026-2027's, not 2025-2026's."""
    assert year_of_work(date(2026, 8, 1)) == 2026 and year_of_work(date(2026, 8, 27)) == 2026
    assert year_of_work(date(2027, 7, 31)) == 2026 and year_of_work(date(2026, 11, 28)) == 2026
    assert school_year_label(date(2026, 8, 27)) == "2026-2027"


def test_pre_rentree_window():
    assert is_pre_rentree(date(2026, 8, 28)) and is_pre_rentree(date(2026, 9, 1))
    assert not is_pre_rentree(date(2026, 11, 28)) and not is_pre_rentree(date(2026, 7, 1))


def test_default_mode_from_history():
    history = [{"date": "2025-08-27T08:39:00", "mode": "complet"}]
    assert default_mode(history, date(2026, 9, 2)) == "complet"  # last full import was last year
    history.append({"date": "2026-08-27T08:39:00", "mode": "complet", "reported_count": 1575})
    assert default_mode(history, date(2026, 11, 28)) == "partiel"
    assert plain(describe_import(history[-1])) == "Dernier import : 27/08/2026 en mode complet, 1575 identifiants"


# -- what is due -----------------------------------------------------------------------------------------------
def test_what_is_due_through_a_school_year(progress, monkeypatch):
    clock = Clock(monkeypatch, "2026-09-02T09:00:00")
    walk_a_pass(progress, "complet", 1575, 1575, "a")  # the first walk, at the rentrée
    due = status.due_now(progress.school, dates.today())
    assert due.action == status.PARTIAL and "2026-2027" in due.headline and "02/09/2026" in due.headline
    clock.set("2026-11-20T14:00:00")
    progress.start_pass("partiel")
    progress.arrive_at("fichier")
    due = status.due_now(progress.school, dates.today())
    assert due.action == status.RESUME and "partiel" in due.headline and "Vérifier le fichier" in due.headline
    walk_a_pass(progress, "partiel", 23, 1598, "b")
    assert status.due_now(progress.school, dates.today()).action == status.PARTIAL
    clock.set("2027-09-01T08:00:00")  # the next rentrée
    due = status.due_now(progress.school, dates.today())
    assert due.action == status.FULL
    assert plain(due.headline) == "Année 2027-2028 : l'import complet de la rentrée n'est pas encore fait."
    rows = status.board(progress.school, dates.today())
    assert rows[2].state == status.TODO and "2027-2028" in rows[2].detail  # part 3 is no ✓ any more


def test_a_pass_left_unfinished_last_year_is_not_what_is_due(progress, monkeypatch):
    clock = Clock(monkeypatch, "2026-09-02T09:00:00")
    walk_a_pass(progress, "complet", 1575, 1575, "a")
    clock.set("2027-06-20T09:00:00")
    progress.start_pass("partiel")
    clock.set("2027-08-25T09:00:00")  # the pré-rentrée: the coming year's full import is due
    assert status.due_now(progress.school, dates.today()).action == status.FULL
    assert status.in_progress(progress.school)  # « Reprendre » is still offered, not first


def test_each_entry_says_what_its_pages_are_for(progress, monkeypatch):
    Clock(monkeypatch, "2026-09-02T09:00:00")
    walk_a_pass(progress, "complet", 1575, 1575, "a")
    for action in (status.FULL, status.PARTIAL, status.FAILURES, status.REDO):
        sentence = status.entry_sentence(action, progress.school)
        assert len(sentence) > 40 and sentence.endswith("."), action
    assert "« Import complet »" in plain(status.entry_sentence(status.FULL, progress.school))
    assert "« Partiel »" in plain(status.entry_sentence(status.PARTIAL, progress.school))
    assert "02/09/2026" in status.entry_sentence(status.REDO, progress.school)


# -- a pass is history -----------------------------------------------------------------------------------------
def test_a_finished_pass_never_changes(progress, monkeypatch):
    clock = Clock(monkeypatch, "2026-09-02T09:00:00")
    walk_a_pass(progress, "complet", 1575, 1575, "a")
    before = copy.deepcopy(progress.school)
    clock.set("2026-09-09T09:00:00")  # a week later, the admin passes the pages again
    progress.tick("export_pronote", "spr", False)
    progress.choose_mode("partiel")
    progress.record_analysis(file_info("c"), analysis(3, "c", "partiel"))
    progress.read_warnings(True)
    progress.type_reported_count(2)
    for step in CYCLE_STEPS:
        progress.complete_step(step)
    progress.record_import()
    progress.finish_walk()
    assert progress.school == before


def test_passing_the_import_page_again_keeps_the_import_date(progress, monkeypatch):
    """Issue 19: an import of 02/12 became 09/12 when the page was passed again."""
    clock = Clock(monkeypatch, "2026-12-02T10:00:00")
    progress.choose_mode("partiel")
    progress.record_analysis(file_info("d"), analysis(12, "d", "partiel"))
    progress.type_reported_count(12)
    progress.record_import()
    clock.set("2026-12-09T10:00:00")
    progress.record_import()
    assert progress.school["import_history"][-1]["date"] == "2026-12-02T10:00:00"
    progress.type_reported_count(11)  # a typing mistake corrected: the same import
    progress.record_import()
    entry = progress.school["import_history"][-1]
    assert entry["date"] == "2026-12-02T10:00:00" and entry["reported_count"] == 11
    progress.record_analysis(file_info("e"), analysis(12, "e", "partiel"))  # another file: another import
    progress.record_import()
    assert progress.school["import_history"][-1]["date"] == "2026-12-09T10:00:00"
    assert len(progress.school["import_history"]) == 1


def test_a_new_pass_has_none_of_the_previous_ticks(progress, monkeypatch):
    Clock(monkeypatch, "2026-09-02T09:00:00")
    walk_a_pass(progress, "complet", 1575, 1575, "a")
    finished = copy.deepcopy(progress.cycle)
    progress.start_pass("partiel")
    assert progress.cycle["ticks"] == {} and progress.cycle["completed"] == {}
    assert not any(progress.ticked(step, item["id"]) for step in CYCLE_STEPS
                   for item in flow.checklist(step, "partiel"))
    kept = progress.school["passes"][-1]
    assert {k: v for k, v in kept.items() if k != "analysis"} == {k: v for k, v in finished.items() if k != "analysis"}
    assert kept["analysis"]["counts"] == finished["analysis"]["counts"] and kept["analysis"]["id_hashes"] == []


def test_an_empty_pass_is_replaced_not_kept(progress):
    progress.finish_walk()
    progress.start_pass("partiel")
    progress.start_pass("nouvelle_annee")  # nothing done in the partial one
    assert [p["kind"] for p in progress.school["passes"]] == ["premiere"]


def test_redo_starts_a_new_pass_of_the_same_mode(progress, monkeypatch):
    Clock(monkeypatch, "2026-11-20T14:00:00")
    progress.finish_walk()
    progress.start_pass("partiel")
    walk_a_pass(progress, "partiel", 23, 23, "b")
    old = progress.cycle["id"]
    progress.redo_pass()
    assert progress.cycle["mode"] == "partiel" and progress.cycle["redo_of"] == old
    assert flow.next_step("accueil", progress.school) == "export_mode"
    assert progress.school["passes"][-1]["id"] == old and progress.school["passes"][-1]["finished_at"]


def test_archived_passes_keep_a_bounded_analysis(progress):
    progress.choose_mode("complet")
    many = analysis(5000, "f", "complet")
    many["findings"] = [{"level": "warning", "code": "nom_manquant", "message": "M.", "line": n} for n in range(5000)]
    progress.record_analysis(file_info("f"), many)
    progress.finish_walk()
    progress.start_pass("partiel")
    assert len(progress.school["passes"][-1]["analysis"]["findings"]) == ARCHIVED_FINDINGS


# -- the ENT's figure ------------------------------------------------------------------------------------------
FULL_1575 = {"mode": "complet", "reported_count": 1575, "reading": BATCH}


@pytest.mark.parametrize("figure, kind", [(23, BATCH), (1598, RUNNING_TOTAL), (1000, DIFFERS), (60, DIFFERS)])
def test_a_partial_figure_is_read_as_batch_or_running_total(figure, kind):
    reading = read_figure(analysis(23, "b", "partiel"), figure, "partiel", [FULL_1575])
    assert reading.kind == kind
    if kind == RUNNING_TOTAL:
        assert reading.level == "ok" and "1575" in reading.text and "23" in reading.text
    if kind == DIFFERS:  # both readings said, with their numbers
        text = plain(reading.text)
        assert reading.level == "warning" and "(23)" in text and "1575 au dernier import + 23 = 1598" in text


def test_the_tutorials_figure_after_a_partial_import_is_the_running_total():
    """The tutorial shows 1575 after the full import and again after a partial one: a batch of 0 newcomers."""
    assert read_figure(analysis(0, "b", "partiel"), 1575, "partiel", [FULL_1575]).kind == RUNNING_TOTAL


def test_people_already_imported_are_not_counted_twice_in_either_reading():
    found = analysis(25, "b", "partiel", finding_counts={"deja_importe": 2})
    assert read_figure(found, 23, "partiel", [FULL_1575]).kind == BATCH
    assert read_figure(found, 1598, "partiel", [FULL_1575]).kind == RUNNING_TOTAL


def test_the_ents_total_follows_the_history():
    history = [FULL_1575, {"mode": "partiel", "reported_count": 23, "reading": BATCH},
               {"mode": "partiel", "reported_count": 1610, "reading": RUNNING_TOTAL},
               {"mode": "partiel", "reported_count": 4, "reading": BATCH}]
    assert ent_total(history) == 1614
    assert ent_total(history + [{"mode": "partiel", "reported_count": 9, "reading": DIFFERS}]) is None
    assert ent_total([]) is None


def test_without_a_known_total_the_running_reading_says_so():
    text = plain(read_figure(analysis(23, "b", "partiel"), 900, "partiel", []).text)
    assert "n'est pas connu" in text


def test_the_history_keeps_what_the_figure_meant(progress, monkeypatch):
    Clock(monkeypatch, "2026-09-02T09:00:00")
    walk_a_pass(progress, "complet", 1575, 1575, "a")
    progress.start_pass("partiel")
    walk_a_pass(progress, "partiel", 23, 1598, "b")
    entries = progress.school["import_history"]
    assert [(e["mode"], e["counts"]["total"], e["reported_count"], e["reading"]) for e in entries] == [
        ("complet", 1575, 1575, BATCH), ("partiel", 23, 1598, RUNNING_TOTAL)]
    line = plain(recap(entries[-1]))
    assert line == ("Dernier import : 02/09/2026, partiel ; 23 personne(s) dans le fichier ; l'ENT a annoncé 1598 "
                    "(son total après cet import).")


# -- identification failures -----------------------------------------------------------------------------------
def test_failure_counts_are_checked_then_noted_one_per_day(progress, monkeypatch):
    Clock(monkeypatch, "2026-09-20T09:00:00")
    today = dates.today()
    for day, count in (("20/09/2026", ""), ("20/09/2026", "douze"), ("20/09/2026", "١٢"),  # digits, not ours
                       ("21/09/2026", "3"),  # a day to come
                       ("", "3"), ("31/02/2026", "3"), ("2026-09-20", "3"), ("20/09/26", "3"),
                       ("20/09/2026", "9999999")):
        assert isinstance(failures.check_count(day, count, today), str), (day, count)
    assert failures.check_count("20/09/2026", "49", today) == (date(2026, 9, 20), 49)
    assert failures.check_count(" 3/9/2026 ", " 0 ", today) == (date(2026, 9, 3), 0)
    for day, count in (("2026-09-03", 49), ("2026-09-10", 12), ("2026-09-10", 13), ("2026-09-20", 0)):
        progress.note_failures(day, count)
    assert [(e["day"], e["count"]) for e in progress.school["failures"]] == [
        ("2026-09-03", 49), ("2026-09-10", 13), ("2026-09-20", 0)]
    assert failures.trend(progress.school["failures"]) == "49 le 03/09 → 13 le 10/09 → 0 le 20/09"
    row = status.board(progress.school, today)[3]
    assert row.state == status.DONE and "49 le 03/09 → 13 le 10/09 → 0 le 20/09" in row.detail
    progress.unnote_failures("2026-09-20")
    assert status.board(progress.school, today)[3].state == status.TODO
    validate(ProgressStore(progress.store.data_dir).load())


def test_last_years_failures_are_not_this_years_trend(progress, monkeypatch):
    Clock(monkeypatch, "2027-09-02T09:00:00")
    progress.note_failures("2027-06-01", 3)
    assert "Aucun nombre noté cette année" in plain(status.board(progress.school, dates.today())[3].detail)


# -- the format, migrated --------------------------------------------------------------------------------------
def test_a_v2_document_migrates_into_passes():
    old = json.loads((FIXTURES / "v2.json").read_text(encoding="utf-8"))
    doc = validate(migrate(copy.deepcopy(old)))
    school, old_school = doc["schools"][doc["current"]], old["schools"][old["current"]]
    # The pass in progress keeps its own ticks and dates; the school keeps only its own steps'.
    assert school["cycle"]["ticks"]["export_pronote"] == old_school["ticks"]["export_pronote"]
    assert set(school["ticks"]) <= {"accueil", "etablissement", "ent_service", "ent_acces",
                                    "pronote_net_avertissement", "pronote_net"}
    assert school["cycle"]["completed"] == {"import_ent": old_school["completed"]["import_ent"]}
    assert school["completed"] == {"accueil": old_school["completed"]["accueil"],
                                   "etablissement": old_school["completed"]["etablissement"]}
    # The first walk, which v2 forgot but for its import, is a pass of the history again.
    assert [(p["kind"], p["mode"], p["reported_count"]) for p in school["passes"]] == [("premiere", "complet", 1575)]
    # Dates and figures as they were; each figure now says what it meant.
    assert [(e["date"], e["reported_count"], e["reading"]) for e in school["import_history"]] == [
        ("2026-08-27T08:39:00", 1575, BATCH), ("2026-11-27T10:00:00", 1598, RUNNING_TOTAL)]
    assert school["failures"] == []


def test_a_v1_document_migrates_through_v2():
    old = json.loads((FIXTURES / "v1.json").read_text(encoding="utf-8"))
    doc = validate(migrate(old))
    school = doc["schools"][doc["current"]]
    assert school["cycle"]["ticks"] and school["passes"] == [] and school["import_history"][-1]["reading"] == BATCH


def test_a_migrated_returning_school_is_offered_what_is_due(monkeypatch):
    old = json.loads((FIXTURES / "v2.json").read_text(encoding="utf-8"))
    school = validate(migrate(old))["schools"][old["current"]]
    Clock(monkeypatch, "2026-12-01T09:00:00")
    assert status.due_now(school, dates.today()).action == status.RESUME
    Clock(monkeypatch, "2027-09-01T09:00:00")
    assert status.due_now(school, dates.today()).action == status.FULL


def test_redo_is_offered_for_this_years_finished_import_only(progress, monkeypatch):
    clock = Clock(monkeypatch, "2026-11-20T14:00:00")
    progress.finish_walk()
    progress.start_pass("partiel")
    assert not status.redo_offered(progress.school, dates.today())  # nothing finished in this pass yet
    walk_a_pass(progress, "partiel", 23, 23, "b")
    assert status.redo_offered(progress.school, dates.today())
    clock.set("2027-09-01T08:00:00")  # last November's import is not to be done again at the next rentrée
    assert not status.redo_offered(progress.school, dates.today())


# -- the steps panel: what is done this school year -------------------------------------------------------------
def panel_states(progress: Progress, current: str = "accueil") -> dict[str, str]:
    """Each step's kind in the panel's rows, by its title."""
    return {plain(text): kind for kind, text in status.panel_rows(progress.school, current, dates.today())
            if kind not in ("part", "skipped")}


PASS_TITLES = ["Import complet ou partiel", "Exporter les identifiants depuis PRONOTE",
               "Vérifier le fichier des identifiants", "Importer le fichier dans l'ENT", "Rapprocher les comptes",
               "Terminé"]


def test_at_the_next_rentree_the_panel_shows_last_years_pass_as_to_do(progress, monkeypatch):
    """Issue 19's left-out item: on the board at the next school year the panel showed last year's finished pass
    ticked, though the board says the full import is due; this year's pass has not started."""
    clock = Clock(monkeypatch, "2026-09-02T09:00:00")
    progress.complete_step("etablissement")
    walk_a_pass(progress, "complet", 1575, 1575, "a")
    assert all(panel_states(progress)[title] == "done" for title in PASS_TITLES)
    clock.set("2027-06-30T09:00:00")  # the same school year: still done
    assert all(panel_states(progress)[title] == "done" for title in PASS_TITLES)
    clock.set("2027-09-01T08:00:00")
    assert status.due_now(progress.school, dates.today()).action == status.FULL
    states = panel_states(progress)
    assert {title: states[title] for title in PASS_TITLES} == dict.fromkeys(PASS_TITLES, "todo")
    assert states["Bienvenue"] == "current" and states["Votre établissement"] == "done"  # set up once
    progress.start_pass("complet")  # « Nouvelle année scolaire : import complet »
    progress.complete_step("export_mode")
    states = panel_states(progress, "export_pronote")
    assert states["Import complet ou partiel"] == "done" and states["Exporter les identifiants depuis PRONOTE"] \
        == "current" and states["Terminé"] == "todo"


def test_a_pass_finished_in_august_counts_for_the_coming_year(progress, monkeypatch):
    """The pré-rentrée's full import (finished 27/08/2027) is 2027-2028's: done on 1 September, as the board says."""
    clock = Clock(monkeypatch, "2027-08-27T09:00:00")
    walk_a_pass(progress, "complet", 1575, 1575, "a")
    clock.set("2027-09-01T08:00:00")
    assert status.board(progress.school, dates.today())[2].state == status.DONE
    assert all(panel_states(progress)[title] == "done" for title in PASS_TITLES)


def test_a_pass_in_progress_shows_its_steps_whenever_it_began(progress, monkeypatch):
    """A pass left unfinished last year is still what « Reprendre » goes on with: its pages show its ticks, and so
    does the panel."""
    clock = Clock(monkeypatch, "2026-09-02T09:00:00")
    walk_a_pass(progress, "complet", 1575, 1575, "a")
    clock.set("2027-06-20T09:00:00")
    progress.start_pass("partiel")
    progress.complete_step("export_mode")
    clock.set("2027-09-01T08:00:00")
    assert status.in_progress(progress.school)
    states = panel_states(progress)
    assert states["Import complet ou partiel"] == "done" and states["Terminé"] == "todo"
