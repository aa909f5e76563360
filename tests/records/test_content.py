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
     "publication de pronote.net déclarée, non vérifiée (le 02/09/2026)"),
    (None, {}, "Pas encore faites."),
    (None, {"pronote_net": "2026-09-02T10:00:00"}, "publication de pronote.net déclarée, non vérifiée."),
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
    assert "« Résultat d'import des identifiants Pronote »" in record
    notice = plain(notice_html(v2_school()))
    assert "« Identification impossible »" in notice and "Contactez le secrétariat" in notice


def test_the_service_values_include_its_title_and_the_access_levels():
    text = plain(record_html(v2_school()))
    assert "<td>Intitulé</td><td>PRONOTE</td>" in text
    assert "niveau et sous-niveau « Tous »" in text


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
