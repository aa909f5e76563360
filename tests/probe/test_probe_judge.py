"""The judgement alone: what an answer means, table-driven over status, headers and body (no network)."""
from __future__ import annotations

import json
from datetime import datetime

import pytest

from tests.probe.pronote import PORTAL_PAGE, info_body, plain, pronote_info
from wizard.core.probe.client import Answer, ProbeFailure
from wizard.core.probe.judge import format_version, judge_answer, judge_failure, parse_info, status_sentence

ROOT = "https://0301746K.index-education.net/pronote/"
CAS_HOST = "cas.mon-ent-occitanie.fr"


def judge(answer: Answer):
    return judge_answer(answer, root=ROOT, cas_host=CAS_HOST, ent_name="mon ENT Occitanie")


def ok(body: bytes, content_type: str = "application/json") -> Answer:
    return Answer(ROOT + "InfoMobileApp.json", 200, {"content-type": content_type}, body)


def as_json(data) -> bytes:
    return json.dumps(data).encode()


@pytest.mark.parametrize("numbers, text", [
    ([2024, 2, 5], "2024 – 2.5"),
    ([2018, 0, 2, 7], "2018 – 0.2.7"),
    ([2020, 0], "2020 – 0"),
    ([2025], "2025"),
])
def test_version_is_written_as_pronote_writes_it(numbers, text):
    assert format_version(numbers) == text


PRONOTE_CASES = [
    # id, body, outcome, cas_active, cas_host, delegated, words in the message
    ("delegated", info_body(), "delegated", True, CAS_HOST, True,
     ["Serveur PRONOTE 2024 – 2.5", "COLLEGE VIA DOMITIA", "déléguée à mon ENT Occitanie"]),
    ("delegated, host in capitals with a path", info_body(cas_url="https://CAS.Mon-ENT-Occitanie.FR/login?x=1"),
     "delegated", True, CAS_HOST, True, ["déléguée"]),
    ("CAS off", info_body(cas_active=False), "cas_inactive", False, None, False, ["CAS inactif", "publication"]),
    ("CAS to the previous ENT", info_body(cas_url="https://cas.ent-lr.fr/cas/"), "cas_other", True, "cas.ent-lr.fr",
     False, ["CAS vers un autre ENT : cas.ent-lr.fr"]),
    ("CAS on a look-alike host", info_body(cas_url="https://cas.mon-ent-occitanie.fr.evil.example/"), "cas_other",
     True, "cas.mon-ent-occitanie.fr.evil.example", False, ["autre ENT"]),
    ("CAS active without its address", info_body(cas_url=""), "cas_other", True, None, False, ["n'indique pas"]),
    ("UTF-8 with a BOM", b"\xef\xbb\xbf" + info_body(), "delegated", True, CAS_HOST, True, ["2024 – 2.5"]),
]


@pytest.mark.parametrize("name, body, outcome, cas_active, cas_host, delegated, words", PRONOTE_CASES,
                         ids=[case[0] for case in PRONOTE_CASES])
def test_pronote_answers(name, body, outcome, cas_active, cas_host, delegated, words):
    result = judge(ok(body))
    assert (result.reachable, result.is_pronote, result.outcome) == (True, True, outcome)
    assert (result.cas_active, result.cas_host, result.delegated_to_ent) == (cas_active, cas_host, delegated)
    assert result.school_name == "COLLEGE VIA DOMITIA"
    assert result.version == "2024 – 2.5"
    for word in words:
        assert word in plain(result.message)


def test_spaces_with_their_kind_and_delegation():
    spaces = judge(ok(info_body())).spaces
    assert [(s.genre, s.genre_code, s.delegation) for s in spaces] == [
        ("eleve", 6, True), ("parent", 7, True), ("professeur", 8, True), ("direction", 17, False)]
    assert spaces[0].nom == "Espace Élèves"
    assert spaces[0].url == ROOT + "mobile.eleve.html"  # relative in the answer, absolute for the admin


def test_names_from_the_server_stay_on_one_line():
    """A school name « … \nCAS : actif (cas.mon-ent-occitanie.fr) » printed a forged line under the check's own
    (the probe command keeps line breaks in what it prints: they are its own)."""
    data = pronote_info(cas_active=False, name="COLLEGE\nCAS : actif (cas.mon-ent-occitanie.fr)\r\n\tX")
    data["espaces"][0]["nom"] = "Espace\nÉlèves"
    result = judge(ok(as_json(data)))
    assert result.school_name == "COLLEGE CAS : actif (cas.mon-ent-occitanie.fr) X"
    assert "\n" not in result.message and "\r" not in result.message
    assert result.spaces[0].nom == "Espace Élèves"


def test_unknown_space_kind_keeps_its_number():
    data = pronote_info()
    data["espaces"] = [{"nom": "Espace Inconnu", "URL": "x.html", "genreEspace": 99}, "junk"]
    (space,) = judge(ok(as_json(data))).spaces
    assert (space.genre, space.genre_code, space.delegation) == ("99", 99, False)


def test_json_has_exactly_the_documented_keys():
    data = judge(ok(info_body())).to_json()
    assert set(data) == {"url", "outcome", "reachable", "school_name", "version", "cas_active", "cas_host",
                         "delegated_to_ent", "spaces", "message", "level", "purpose", "allows_manual_confirmation",
                         "finding", "clock_warning"}
    assert data["spaces"][0] == {"nom": "Espace Élèves", "url": ROOT + "mobile.eleve.html", "genre": "eleve",
                                 "genre_code": 6, "delegation": True}
    json.dumps(data)  # serialisable as is


def _without(key):
    data = pronote_info()
    del data[key]
    return as_json(data)


NOT_PRONOTE_CASES = [
    ("HTML portal page", ok(PORTAL_PAGE, "text/html; charset=utf-8"), "page web"),
    ("HTML sent as JSON", ok(PORTAL_PAGE), "page web"),
    ("other JSON", ok(as_json({"status": "ok", "version": "1.2"})), "en JSON, mais pas comme"),
    ("JSON array", ok(as_json([2024, 2, 5])), "en JSON, mais pas comme"),
    ("version as text", ok(as_json(pronote_info(version=["2024", "2", "5"]))), "en JSON, mais pas comme"),
    ("version of booleans", ok(as_json(pronote_info(version=[True, False]))), "en JSON, mais pas comme"),
    ("empty version", ok(as_json(pronote_info(version=[]))), "en JSON, mais pas comme"),
    ("no version", ok(_without("version")), "en JSON, mais pas comme"),
    ("truncated JSON", ok(info_body()[:120]), "incomplète ou invalide"),
    ("empty body", ok(b""), "vide"),
    ("binary", ok(b"\x00\x01\xff\xfe garbage", "application/octet-stream"), "n'est pas celle d'un serveur PRONOTE"),
    ("over the size limit", Answer(ROOT, 200, {}, b"{", over_limit=True), "trop volumineuse"),
]


@pytest.mark.parametrize("name, answer, words", NOT_PRONOTE_CASES, ids=[case[0] for case in NOT_PRONOTE_CASES])
def test_not_pronote(name, answer, words):
    result = judge(answer)
    assert (result.reachable, result.is_pronote, result.outcome) == (True, False, "not_pronote")
    assert words in plain(result.message)
    assert (result.version, result.cas_active, result.cas_host, result.delegated_to_ent) == (None, None, None, False)


def test_name_or_spaces_are_enough_but_one_is_needed():
    assert parse_info(_without("nomEtab")) is not None
    assert parse_info(_without("espaces")) is not None
    data = pronote_info()
    del data["nomEtab"], data["espaces"]
    assert parse_info(as_json(data)) is None
    result = judge(ok(_without("nomEtab")))
    assert result.is_pronote and result.school_name is None and "Serveur PRONOTE 2024 – 2.5 ;" in plain(result.message)


@pytest.mark.parametrize("status, text", [
    (404, "Le serveur a répondu 404 (page introuvable). Ce n'est sans doute pas"),
    (500, "Le serveur a répondu 500 (erreur interne du serveur). Le serveur PRONOTE est peut-être en maintenance"),
    (503, "Le serveur a répondu 503 (service indisponible)."),
    (403, "Le serveur a répondu 403 (accès interdit)."),
    (418, "Le serveur a répondu 418 (requête refusée)."),
    (599, "Le serveur a répondu 599 (erreur du serveur)."),
    (304, "Le serveur a répondu 304 (réponse inattendue)."),
])
def test_http_error_statuses(status, text):
    result = judge(Answer(ROOT, status, {"content-type": "application/json"}, info_body()))
    assert (result.reachable, result.is_pronote, result.outcome) == (True, False, "http_error")
    assert plain(result.message).startswith(text)
    assert status_sentence(status).startswith(text)


def test_redirect_elsewhere_names_the_target_host():
    answer = Answer(ROOT, 302, {"location": "https://portail.example.org/login"},
                    redirect="https://portail.example.org/login")
    result = judge(answer)
    assert (result.reachable, result.is_pronote, result.outcome) == (True, False, "redirected")
    assert "portail.example.org" in plain(result.message)


def test_too_many_redirects():
    answer = Answer(ROOT, 302, {"location": "/pronote/x"}, redirect=ROOT + "x", redirects_exhausted=True)
    assert "trop de redirections" in plain(judge(answer).message)


@pytest.mark.parametrize("reason, words", [
    ("dns", "introuvable"),
    ("refused", "refuse la connexion"),
    ("timeout", "ne répond pas (délai de 1,5 s dépassé)"),
    ("dns_timeout", "n'a pas abouti (délai de 1,5 s dépassé)"),
    ("closed", "fermé la connexion"),
    ("network", "Impossible de joindre"),
    ("cert_untrusted", "n'est pas reconnu comme sûr"),
    ("cert_expired", "a expiré"),
    ("cert_wrong_host", "n'est pas celui de pronote.example.org"),
    ("tls", "connexion sécurisée"),
])
def test_transport_failures_are_unreachable_with_a_french_reason(reason, words):
    result = judge_failure(ProbeFailure(reason, "pronote.example.org", 1.5), root=ROOT)
    assert (result.reachable, result.is_pronote, result.outcome, result.reason) == (False, False, "unreachable", reason)
    assert words in plain(result.message)
    assert "pronote.example.org" in plain(result.message)


def test_an_expired_certificate_asks_to_check_this_pc_s_date_and_gives_it(monkeypatch):
    """Validity is judged by this PC's clock: a clock years off makes a good certificate look expired."""
    monkeypatch.setattr("wizard.core.dates.clock", lambda: datetime(2031, 3, 2, 10, 0).timestamp())
    result = judge_failure(ProbeFailure("cert_expired", "pronote.example.org", 1.5), root=ROOT)
    assert "Vérifiez aussi la date de cet ordinateur (le 02/03/2031)" in plain(result.message)


def test_protocol_garbage_means_something_answered_but_not_pronote():
    result = judge_failure(ProbeFailure("protocol", "127.0.0.1"), root=ROOT)
    assert (result.reachable, result.is_pronote, result.outcome) == (True, False, "not_pronote")
