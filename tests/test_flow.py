"""The flow without widgets: paths, branches, resume targets and what completes each step."""
import pytest

from wizard.core import flow, steps
from wizard.core.progress import CYCLE_STEPS, new_school
from wizard.core.typography import plain

FULL = ["accueil", "etablissement", "ent_service", "ent_acces", "pronote_net_avertissement", "pronote_net",
        "export_mode", "export_pronote", "fichier", "import_ent", "rapprochement", "echecs", "fin"]


def finished_school(kind):
    school = new_school()
    school["setup_finished_at"] = "2026-08-27T10:00:00"
    school["cycle"]["kind"] = kind
    return school


def test_first_walk_goes_through_every_step():
    assert flow.path_to("fin", new_school()) == FULL
    assert [s.id for s in steps.STEPS] == FULL


def test_partial_pass_starts_at_part_three():
    assert flow.path_to("fin", finished_school("partiel")) == ["accueil", "export_mode", "export_pronote", "fichier",
                                                               "import_ent", "rapprochement", "echecs", "fin"]


def test_new_school_year_passes_by_the_school_page_and_skips_parts_one_and_two():
    path = flow.path_to("fin", finished_school("nouvelle_annee"))
    assert path[:3] == ["accueil", "etablissement", "export_mode"]
    assert not {"ent_service", "ent_acces", "pronote_net_avertissement", "pronote_net"} & set(path)


@pytest.mark.parametrize("step", FULL)
def test_resume_path_at_each_step_of_the_first_walk(step):
    path = flow.path_to(step, new_school())
    assert path == FULL[: FULL.index(step) + 1]


@pytest.mark.parametrize("step", ["export_mode", "export_pronote", "fichier", "import_ent", "rapprochement", "echecs",
                                  "fin"])
def test_resume_path_in_a_partial_pass(step):
    path = flow.path_to(step, finished_school("partiel"))
    assert path[0] == "accueil" and path[1] == "export_mode" and path[-1] == step


def test_resume_target_no_longer_on_the_path_starts_over():
    assert flow.path_to("ent_service", finished_school("partiel")) == ["accueil"]


def test_once_and_recurring_steps():
    once = {s.id for s in steps.STEPS if s.recurrence == "once"}
    assert once == {"ent_service", "ent_acces", "pronote_net_avertissement", "pronote_net"}
    assert {s.id for s in steps.STEPS if s.recurrence == "each_import"} == set(FULL[6:12])


def test_school_step_needs_valid_uai_and_url():
    school = new_school()
    assert "UAI" in flow.missing("etablissement", school)
    school["identity"]["uai"] = "0301746K"
    assert "PRONOTE" in flow.missing("etablissement", school)
    school["identity"]["pronote_url"] = "https://0301746K.index-education.net/pronote/eleve.html"
    assert flow.missing("etablissement", school) == ""
    school["identity"]["ent_site_url"] = "n'importe quoi"
    assert flow.missing("etablissement", school)


@pytest.mark.parametrize("step", ["ent_service", "ent_acces", "export_pronote", "rapprochement"])
def test_tick_steps_complete_only_with_every_tick(step):
    school = new_school()
    school["cycle"]["mode"] = "complet"
    items = flow.checklist(step, "complet")
    assert items
    holder = school["cycle"] if step in CYCLE_STEPS else school  # a pass's ticks are the pass's own
    for item in items[:-1]:
        holder["ticks"].setdefault(step, {})[item["id"]] = True
    assert "1 restante" in flow.missing(step, school)
    holder["ticks"][step][items[-1]["id"]] = True
    assert flow.missing(step, school) == ""


def test_ent_access_lists_the_five_profiles_then_valider():
    ids = [item["id"] for item in flow.checklist("ent_acces", None)]
    assert ids == ["profil_eleve", "profil_parent", "profil_enseignant", "profil_non_enseignant", "profil_autre",
                   "valider"]


def test_export_checkbox_follows_the_mode():
    full = " ".join(i["text"] for i in flow.checklist("export_pronote", "complet"))
    partial = " ".join(i["text"] for i in flow.checklist("export_pronote", "partiel"))
    assert "DÉCOCHÉE" in full and "COCHÉE" in partial and "DÉCOCHÉE" not in partial
    assert "« Import complet »" in plain(" ".join(i["text"] for i in flow.checklist("import_ent", "complet")))
    assert "« Partiel »" in plain(" ".join(i["text"] for i in flow.checklist("import_ent", "partiel")))


def test_part_two_needs_the_check_or_a_manual_confirmation():
    school = new_school()
    for item in flow.checklist("pronote_net", None):
        school["ticks"].setdefault("pronote_net", {})[item["id"]] = True
    assert "Vérifiez la délégation" in flow.missing("pronote_net", school)
    school["connection"] = {"date": "2026-08-27T10:00:00", "verified": False, "how": "walk"}
    assert flow.missing("pronote_net", school) == ""


def test_file_step_rules():
    school = new_school()
    school["cycle"]["mode"] = "complet"
    assert "Choisissez" in flow.missing("fichier", school)
    school["cycle"]["file"] = {"sha256": "abc"}
    assert "analysé" in flow.missing("fichier", school)
    school["cycle"]["analysis"] = {"file_sha256": "abc", "mode": "complet", "errors": 1, "warnings": 0}
    assert "erreurs bloquantes" in flow.missing("fichier", school)
    school["cycle"]["analysis"] = {"file_sha256": "abc", "mode": "complet", "errors": 0, "warnings": 2}
    assert "J'ai lu les avertissements" in flow.missing("fichier", school)
    school["cycle"]["warnings_read"] = True
    assert flow.missing("fichier", school) == ""
    school["cycle"]["mode"] = "partiel"  # the analysis was for another mode: redo it
    assert "analysé" in flow.missing("fichier", school)


def test_import_step_needs_the_reported_count():
    school = new_school()
    school["cycle"]["mode"] = "partiel"
    for item in flow.checklist("import_ent", "partiel"):
        school["cycle"]["ticks"].setdefault("import_ent", {})[item["id"]] = True
    assert "nombre" in flow.missing("import_ent", school)
    school["cycle"]["reported_count"] = 0
    assert flow.missing("import_ent", school) == ""


def test_welcome_and_end_are_always_complete():
    assert flow.missing("accueil", new_school()) == "" and flow.missing("fin", new_school()) == ""


def test_a_school_already_connected_goes_from_its_page_straight_to_part_three():
    school = new_school()
    school["connection"] = {"date": "2026-09-01T09:00:00", "verified": True, "how": "already_in_place"}
    assert flow.next_step("etablissement", school) == "export_mode"
    assert not {"ent_service", "ent_acces", "pronote_net_avertissement", "pronote_net"} & set(flow.route(school))
    school["connection"] = {"date": "2026-09-01T09:00:00", "verified": True, "how": "walk"}
    assert flow.next_step("etablissement", school) == "ent_service"  # a walk's own part 2 does not skip part 1


def test_route_follows_the_pass():
    assert flow.route(new_school()) == FULL
    assert flow.route(finished_school("partiel")) == ["accueil", *FULL[FULL.index("export_mode"):]]


def in_place(verified: bool) -> dict:
    school = new_school()
    school["connection"] = {"date": "2026-08-27T10:00:00", "verified": verified, "how": "already_in_place"}
    return school


@pytest.mark.parametrize(("school", "outcome", "expected"), [
    (new_school(), "delegated", (("already", "full_walk"), "already")),  # the server proves parts 1–2
    ({**new_school(), "restart_from_part_1": True}, "delegated", (("already", "full_walk"), "full_walk")),
    (new_school(), "unreachable", (("declared", "full_walk"), "full_walk")),  # nothing verified: no preselection
    (new_school(), "refused_url", (("declared", "full_walk"), "full_walk")),
    (in_place(False), "unreachable", (("declared", "full_walk"), "declared")),
    (new_school(), "cas_inactive", None),  # PRONOTE without the delegation: the whole walk, nothing to ask
    (new_school(), "cas_other", None),
    # A check that cannot tell offers the declared path too (issue 19: no dead end for an answer that is not
    # PRONOTE's, an error or a redirection).
    (new_school(), "not_pronote", (("declared", "full_walk"), "full_walk")),
    (new_school(), "http_error", (("declared", "full_walk"), "full_walk")),
    (new_school(), "redirected", (("declared", "full_walk"), "full_walk")),
    (in_place(True), None, (("already", "full_walk"), "already")),  # back on the page: what was chosen
    (in_place(False), None, (("declared", "full_walk"), "declared")),
    (new_school(), None, None),
    (finished_school("nouvelle_annee"), "delegated", None),  # parts 1–2 are behind: nothing to choose
], ids=lambda value: value if isinstance(value, str) else None)
def test_the_school_page_s_question_is_decided_by_the_flow(school, outcome, expected):
    assert flow.triage(school, outcome) == (flow.Triage(*expected) if expected else None)


def test_a_server_naming_another_school_chooses_nothing_for_the_admin():
    school = new_school()
    school["identity"]["name"] = "Collège Via Domitia"
    assert flow.triage(school, "delegated", "LYCEE JEAN MOULIN") == flow.Triage(("already", "full_walk"), None)
    assert flow.triage(school, "delegated", "CLG-VIA DOMITIA-MANDUEL").chosen == "already"
    assert flow.triage(school, "delegated", "").chosen == "already"  # no name given: nothing contradicts it
