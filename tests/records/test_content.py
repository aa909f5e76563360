"""The records' text (Qt-free): honest about what was verified and what was only declared, the ENT's own words."""
from html import unescape

import pytest

from tests.records.conftest import v2_document, v2_school
from wizard.core import document, typography
from wizard.core.errors import UserError
from wizard.core.records import NothingConfigured, notice_html, record_html


def plain(html: str) -> str:
    return typography.plain(unescape(html))


def test_the_schools_built_here_are_whole_v2_schools():
    """The records are tested on the saved document's real shape (wizard/core/document.py), once migrated."""
    from wizard.core.migrations import migrate

    assert document.validate(migrate(v2_document(v2_school())))


@pytest.mark.parametrize("connection, completed, expected", [
    ({"date": "2026-09-02T10:00:00", "verified": True, "how": "already_in_place"}, {},
     "Déjà en place, vérifié le 02/09/2026"),
    ({"date": "2026-09-02T10:00:00", "verified": False, "how": "already_in_place"}, {},
     "Déjà en place d'après l'établissement : déclaré, non vérifié (le 02/09/2026)"),
    ({"date": "2026-09-02T10:00:00", "verified": True, "how": "walk"}, {},
     "Faites avec l'assistant ; vérifié le 02/09/2026"),
    ({"date": "2026-09-02T10:00:00", "verified": False, "how": "walk"}, {},
     "Faites avec l'assistant ; publication déclarée, non vérifiée (le 02/09/2026)"),
    (None, {}, "Pas encore faites."),
    (None, {"pronote_net": "2026-09-02T10:00:00"}, "publication déclarée, non vérifiée."),
])
def test_the_record_says_what_was_verified_and_what_was_declared(connection, completed, expected):
    school = v2_school(connection=connection, completed=completed, server_checks=[])
    text = plain(record_html(school))
    assert expected in text
    if connection is None or not connection["verified"]:
        assert "vérifié le" not in text


def test_parts_found_in_place_are_not_shown_as_undone():
    school = v2_school(connection={"date": "2026-09-02T10:00:00", "verified": True, "how": "already_in_place"},
                       completed={"etablissement": "2026-09-02T09:58:00"}, ticks={})
    text = plain(record_html(school))
    assert text.count("<td>déjà en place</td>") == 4  # the four steps of parts 1 and 2
    assert "Le service existait avant l'assistant" in text


def test_ticks_are_counted_as_declared_actions():
    text = plain(record_html(v2_school()))
    assert "« Actions cochées » : ce que l'administrateur a déclaré" in text
    assert "<td>2 sur 9</td>" in text  # two of the nine actions of « Nouveau service »


def test_the_part_3_line_names_the_last_import_and_a_pass_under_way():
    school = v2_school()
    school["cycle"] = {**school["cycle"], "id": "c0ffee000002", "mode": "partiel", "finished_at": None,
                       "started_at": "2026-10-05T14:00:00"}
    text = plain(record_html(school))
    assert "Dernier import le 27/08/2026 (« Import complet ») : 1575 identifiant(s) annoncé(s) par l'ENT" in text
    assert "Un import « Partiel » est en cours, commencé le 05/10/2026." in text


def test_the_record_and_the_notice_say_what_to_do_on_identification_impossible():
    record = plain(record_html(v2_school()))
    assert "« Identification impossible »" in record
    assert "Communication > Gestion des identités > Résolution des échecs d'interconnexion" in record
    # « le rapprochement se fait depuis le bilan d'import »: no source says so, the record no longer does
    assert "depuis le bilan" not in record
    notice = plain(notice_html(v2_school()))
    assert "« Identification impossible »" in notice and "Contactez le secrétariat" in notice


def test_the_service_values_include_its_title_and_the_access_levels():
    text = plain(record_html(v2_school()))
    assert "<td>Intitulé (conseil de l'assistant)</td><td>PRONOTE</td>" in text
    assert "« Niveau » et « Sous-niveau » : « Tous »" in text


def test_the_record_says_which_names_no_current_source_confirms():
    text = plain(record_html(v2_school()))
    assert "Non confirmé pour les versions actuelles (source : « Tutoriel Interconnexion PRONOTE de mon ENT " in text
    assert "« SSO Pronote avec CAS »" in text.split("Non confirmé")[1]


def test_the_notice_answers_first_with_which_credentials():
    notice = plain(notice_html(v2_school()))
    headings = [part.split("</h2>")[0] for part in notice.split("<h2>")[1:]]
    assert headings[0] == "Avec quels identifiants ?"
    assert "<b>élèves et parents</b> : votre compte ÉduConnect" in notice
    assert "<b>personnels de l'Éducation nationale</b> : votre compte académique" in notice
    for gone in ("ATEN", "ARENA", "ENT-LR"):
        assert gone not in notice and gone not in plain(record_html(v2_school()))


@pytest.mark.parametrize("name, expected", [
    ("Lycée Jean Jaurès", "le référent numérique du lycée Jean Jaurès"),
    ("Collège Via Domitia", "le référent numérique du collège Via Domitia"),
    ("Cité scolaire Albert Camus", "le référent numérique de la cité scolaire Albert Camus"),
    ("EREA Jean Lagarde", "le référent numérique de l'EREA Jean Lagarde"),
    ("Jean Jaurès", "le référent numérique de l'établissement Jean Jaurès"),
    ("", "le référent numérique de l'établissement"),
])
def test_the_notice_names_the_school_in_good_french(name, expected):
    school = v2_school(identity={**v2_school()["identity"], "name": name, "contact": ""})
    notice = plain(notice_html(school))
    assert expected in notice
    assert "de Lycée" not in notice and "de Collège" not in notice


def test_desormais_is_not_said_and_since_when_only_to_a_school_that_just_switched():
    from datetime import date

    recent = plain(notice_html(v2_school(), today=date(2026, 12, 6)))
    assert "Depuis le 27/08/2026, PRONOTE du collège Via Domitia s'ouvre depuis mon ENT Occitanie." in recent
    years_later = plain(notice_html(v2_school(), today=date(2029, 9, 1)))
    in_place = plain(notice_html(v2_school(connection={"date": "2026-08-27T09:00:00", "verified": True,
                                                       "how": "already_in_place"}), today=date(2026, 12, 6)))
    for text in (recent, years_later, in_place):
        assert "désormais" not in text
    assert "Depuis le" not in years_later and "Depuis le" not in in_place


def test_the_ents_words_come_from_the_active_ent(renamed_ent):
    record = plain(record_html(v2_school()))
    for word in ("ENT Exemple Nord", "CAS PRONOTE Exemple", "Vie de l'élève", "Montrer la vignette PRONOTE",
                 "Configuration Exemple Nord", "cas.ent-exemple-nord.test", "Complet (Exemple)",
                 "Utilisateur du service", "Mon établissement", "« Tous niveaux »"):
        assert word in record, word
    notice = plain(notice_html(v2_school()))
    assert "https://www.ent-exemple-nord.test/" in notice  # no school site typed: the ENT's portal
    assert "Dans le menu <b>Vie de l'élève</b>, cliquez sur <b>PRONOTE</b>" in notice


def test_the_notice_prefers_the_schools_own_ent_site():
    school = v2_school()
    school["identity"] = {**school["identity"], "ent_site_url": "https://via-domitia.mon-ent-occitanie.fr/"}
    notice = plain(notice_html(school))
    assert "https://via-domitia.mon-ent-occitanie.fr/" in notice and "www.mon-ent-occitanie.fr" not in notice


@pytest.mark.parametrize("school", [None, v2_school(identity={**v2_school()["identity"], "uai": ""})])
def test_nothing_configured_is_a_user_error(school):
    for build in (record_html, notice_html):
        with pytest.raises(NothingConfigured) as caught:
            build(school)
        assert isinstance(caught.value, UserError)
        assert caught.value.message.startswith("Aucun établissement n'est encore configuré")
