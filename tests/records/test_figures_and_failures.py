"""The record says, per import, the file's people, the ENT's figure and how it was read (after a partial import
the ENT's report may give the batch or its running total), and the identification failures the admin noted, by
school year – read back from the PDF itself, and nothing said that the document does not hold."""
import pytest

from tests.records.conftest import v2_school
from tests.records.test_pdf import a4_school
from wizard.core.records import figure_meaning, record_document


def entry(day: str, mode: str, people: int, figure: int, reading: str | None) -> dict:
    return {"date": f"{day}T14:00:00", "cycle": f"c{day}", "mode": mode,
            "counts": {"eleve": people, "parent": 0, "enseignant": 0, "personnel": 0, "autre": 0, "total": people},
            "file_sha256": "f" * 64, "reported_count": figure, "reading": reading, "export_date": None,
            "id_hashes": []}


# The year of issue 19's walk, and what a school may meet besides: a full import of 40; 3 newcomers the ENT
# counted as its total (43); 2 newcomers counted as the batch; a file of 5 of whom 1 was already imported, the
# ENT saying 4; a figure that is neither; an import with nothing to compare its figure with.
YEAR = [entry("2026-09-02", "complet", 40, 40, "batch"),
        entry("2026-11-20", "partiel", 3, 43, "running_total"),
        entry("2027-03-10", "partiel", 2, 2, "batch"),
        entry("2027-04-02", "partiel", 5, 4, "batch"),
        entry("2027-05-12", "partiel", 3, 20, "differs"),
        entry("2027-06-01", "partiel", 2, 7, None)]
FAILURES = [{"day": day, "count": count, "recorded_at": f"{day}T17:00:00"}
            for day, count in (("2025-09-15", 8), ("2026-09-02", 49), ("2026-11-20", 12), ("2027-03-10", 0))]


def test_each_import_says_the_files_people_the_ents_figure_and_how_it_was_read(render):
    _, text = render(record_document(v2_school(import_history=YEAR)))
    assert "Chiffre de l'ENT et sa lecture" in text
    for expected in ("40 : le nombre de personnes du fichier",
                     "3 nouveaux (l'ENT affichait 43 au total, après 40 à l'import d'avant)",
                     "2 nouveaux : les personnes du fichier",
                     "4 nouveaux : les personnes du fichier, moins la personne déjà importée",
                     "l'ENT affichait 20 : ni le nombre du fichier (3), ni le total attendu (52) ; écart non expliqué",
                     "l'ENT affichait 7 (non comparé : aucun fichier vérifié pour cet import)",
                     "ce bilan peut donner le lot importé ou le total de l'ENT ; aucune source ne dit lequel"):
        assert expected in text, expected
    # Part 3's state line names the last import's reading only when it had one.
    assert "l'ENT a affiché" not in text


def test_the_state_line_says_what_the_last_figure_meant(render):
    _, text = render(record_document(v2_school(import_history=YEAR[:2])))
    assert ("Dernier import le 20/11/2026 (« Partiel ») : 43 identifiant(s) annoncé(s) par l'ENT, 3 dans le fichier "
            "vérifié ; l'ENT a affiché son total après cet import.") in text


@pytest.mark.parametrize("figure, people, expected", [
    (1, 1, "1 nouveau : les personnes du fichier"),
    (3, 5, "3 nouveaux : les personnes du fichier, moins les 2 personnes déjà importées"),
])
def test_newcomers_in_good_french(figure, people, expected):
    assert figure_meaning(entry("2026-11-20", "partiel", people, figure, "batch"), YEAR[:1]) == expected


def test_a_running_total_with_no_known_total_before_says_only_what_it_was():
    """An unexplained figure before it: the ENT's total before is unknown, so no « nouveaux » is made up."""
    history = [YEAR[0], entry("2026-10-01", "partiel", 3, 99, "differs")]
    assert figure_meaning(entry("2026-11-20", "partiel", 3, 46, "running_total"), history) == (
        "l'ENT affichait 46 au total (son total après cet import, pas le nombre du fichier)")
    assert figure_meaning(entry("2026-09-02", "complet", 40, 38, "differs"), []) == (
        "l'ENT affichait 38, pas le nombre du fichier (40) : écart non expliqué")


def test_the_failures_noted_are_printed_by_school_year(render):
    _, text = render(record_document(v2_school(import_history=YEAR, failures=FAILURES)))
    assert "Échecs d'identification relevés" in text
    assert "2025-2026 8 le 15/09/2025" in text
    assert "2026-2027 49 le 02/09/2026 → 12 le 20/11/2026 → 0 le 10/03/2027" in text
    assert "volet « Interconnexion avec l'ENT » de la page d'accueil" in text
    assert "Aucun relevé" not in text


def test_no_failure_noted_is_said_and_nothing_invented(render):
    _, text = render(record_document(v2_school(import_history=YEAR)))
    assert "Échecs d'identification relevés Aucun relevé noté dans l'assistant." in text
    assert "→" not in text and "Utilisateurs en échec" not in text


def test_the_a4_school_holds_readings_and_failures(render):
    """The A4 test's school (test_pdf.py: every glyph inside the margins, no lone line) has both readings and six
    years of failures: the new column and section are laid out under the same rules."""
    _, text = render(record_document(a4_school("walk")))
    assert "35 nouveaux (l'ENT affichait 1610 au total, après 1575 à l'import d'avant)" in text
    assert "35 nouveaux : les personnes du fichier" in text
    assert "2021-2022 49 le 03/09/2021 → 12 le 17/09/2021 → 0 le 08/10/2021" in text
    assert "2026-2027 49 le 03/09/2026" in text


def test_a_count_typed_and_not_noted_is_never_printed_as_noted(render):
    """A draft (`failures_draft`, typed on the failures page and not noted) is no reading: the record says what
    was noted, and only that."""
    draft = {"count": "4242", "day": "01/12/2026"}
    _, text = render(record_document(v2_school(import_history=YEAR, failures_draft=draft)))
    assert "Échecs d'identification relevés Aucun relevé noté dans l'assistant." in text and "4242" not in text
    _, text = render(record_document(v2_school(import_history=YEAR, failures=FAILURES, failures_draft=draft)))
    assert "2026-2027 49 le 02/09/2026 → 12 le 20/11/2026 → 0 le 10/03/2027" in text and "4242" not in text
