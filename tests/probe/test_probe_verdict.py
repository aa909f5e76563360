"""The verdict, once, in the probe package: level, whole message and the manual-confirmation rule for the school
page's address check and for part 2's delegation check. ENT words come from the ENT data, never literals."""
from __future__ import annotations

from types import SimpleNamespace

import pytest

from tests.probe.pronote import INFO_PATH, INFO_QUERY, PORTAL_PAGE, info_body, plain
from wizard.core.entdata import load_ent
from wizard.core.outcomes import (
    ADDRESS,
    DELEGATION,
    PRONOTE_OUTCOMES,
    manual_confirmation_allowed,
    verdict_level,
)
from wizard.core.probe import probe_server
from wizard.core.probe.result import ProbeResult
from wizard.core.probe.verdict import give_verdict

# What the verdict reads of the ENT data (wizard.core.entdata.EntData): another ENT, so that no word is a literal.
OTHER_ENT = SimpleNamespace(name="Autre ENT Bretagne", cas_host="cas.autre-ent.bzh",
                            pronote_net_configuration="Autre ENT (configuration)",
                            labels={"hosting_publish": "Publier (autre)", "hosting_console": "console (autre)"})
ALL_OUTCOMES = ["delegated", "cas_inactive", "cas_other", "not_pronote", "http_error", "redirected", "unreachable",
                "refused_url"]

LEVELS = {
    # outcome: (address, delegation)
    "delegated": ("ok", "ok"),
    "cas_inactive": ("ok", "warning"),
    "cas_other": ("ok", "warning"),
    "not_pronote": ("warning", "error"),
    "http_error": ("warning", "error"),
    "redirected": ("warning", "error"),
    "unreachable": ("error", "error"),
    "refused_url": ("error", "error"),
}


def finding(outcome: str, **values) -> ProbeResult:
    pronote = outcome in PRONOTE_OUTCOMES
    base = dict(reachable=outcome not in ("unreachable", "refused_url"), is_pronote=pronote, message="CONSTAT.",
                cas_active=outcome != "cas_inactive" if pronote else None,
                cas_host={"delegated": "cas.autre-ent.bzh", "cas_other": "cas.ancien-ent.fr"}.get(outcome),
                delegated_to_ent=outcome == "delegated", version="2024 – 2.5" if pronote else None)
    return ProbeResult("https://x.example/pronote/", outcome, **{**base, **values})


@pytest.mark.parametrize("outcome", ALL_OUTCOMES)
def test_levels_and_manual_confirmation(outcome):
    for purpose, level in zip((ADDRESS, DELEGATION), LEVELS[outcome], strict=True):
        result = give_verdict(finding(outcome), purpose, OTHER_ENT)
        assert (result.purpose, result.level, result.finding) == (purpose, level, "CONSTAT.")
        assert verdict_level(outcome, purpose) == level
        # False exactly when the server answered as PRONOTE without delegating to the ENT.
        expected = not (outcome in PRONOTE_OUTCOMES and outcome != "delegated")
        assert result.allows_manual_confirmation is expected is manual_confirmation_allowed(outcome)


@pytest.mark.parametrize("outcome, words", [
    ("delegated", ["Vérifié", "Autre ENT Bretagne", "cas.autre-ent.bzh"]),
    ("cas_inactive", ["CAS inactif", "« Publier (autre) » dans la console (autre)", "vérifiez à nouveau"]),
    ("cas_other", ["cas.ancien-ent.fr", "« Autre ENT (configuration) »", "publiez la base"]),
    ("unreachable", ["CONSTAT.", "réessayez, ou confirmez vous-même la publication"]),
    ("not_pronote", ["CONSTAT.", "« Votre établissement »"]),
    ("refused_url", ["CONSTAT.", "« Votre établissement »"]),
])
def test_delegation_messages_say_what_to_do(outcome, words):
    message = give_verdict(finding(outcome), DELEGATION, OTHER_ENT).message
    for word in words:
        assert word in plain(message)
    assert "Occitanie" not in plain(message) and "ENT-LR" not in plain(message)


def test_cas_active_without_its_address():
    message = give_verdict(finding("cas_other", cas_host=None), DELEGATION, OTHER_ENT).message
    assert "n'indique pas l'adresse" in plain(message) and "« Autre ENT (configuration) »" in plain(message)


@pytest.mark.parametrize("outcome", ALL_OUTCOMES)
def test_address_messages(outcome):
    message = give_verdict(finding(outcome), ADDRESS, OTHER_ENT).message
    assert plain(message).startswith("CONSTAT.")
    skippable = outcome not in PRONOTE_OUTCOMES and outcome != "refused_url"
    assert ("Vous pouvez continuer sans cette vérification." in plain(message)) is skippable


def test_the_configuration_name_comes_from_the_ent_data():
    ent = load_ent()
    message = give_verdict(finding("cas_other"), DELEGATION, ent).message
    assert f"« {ent.pronote_net_configuration} »" in plain(message)


def test_unknown_purpose_is_a_programming_error():
    with pytest.raises(ValueError):
        give_verdict(finding("delegated"), "autre", OTHER_ENT)


# --- end to end: probe_server(purpose=…) -----------------------------------------------------------------------

def serve(server, body: bytes, content_type: str = "application/json") -> str:
    server.expect_request(INFO_PATH, query_string=INFO_QUERY).respond_with_data(body, content_type=content_type)
    return server.url_for("/pronote/")


def test_delegation_check_of_a_server_still_on_the_previous_ent(serve_fixture):
    url = serve(serve_fixture(), info_body(cas_url="https://cas.ancien-ent.fr/"))
    result = probe_server(url, purpose=DELEGATION, ent=OTHER_ENT)
    assert (result.outcome, result.level, result.allows_manual_confirmation) == ("cas_other", "warning", False)
    assert "« Autre ENT (configuration) »" in plain(result.message)


def test_delegation_check_verified_with_another_ent(serve_fixture):
    url = serve(serve_fixture(), info_body(cas_url="https://cas.autre-ent.bzh/login"))
    result = probe_server(url, purpose=DELEGATION, ent=OTHER_ENT)
    assert (result.outcome, result.level, result.allows_manual_confirmation) == ("delegated", "ok", True)
    assert plain(result.message) == ("Vérifié : le serveur PRONOTE délègue l'authentification à Autre ENT Bretagne "
                              "(cas.autre-ent.bzh).")


def test_address_check_of_a_portal(serve_fixture):
    url = serve(serve_fixture(), PORTAL_PAGE, "text/html")
    result = probe_server(url)
    assert (result.purpose, result.level) == ("address", "warning")
    assert plain(result.message).endswith("Vous pouvez continuer sans cette vérification.")


@pytest.fixture
def serve_fixture(serve):
    return serve
