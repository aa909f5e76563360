import pytest

from wizard.core.school import cas_url, check_ent_site, check_uai, identity_values, normalise_pronote_url
from wizard.core.typography import plain


@pytest.mark.parametrize("uai", ["0301746K", "0870003F", "0341794R", "0312289V", "7200583W", "0911028Y", " 0301746k "])
def test_valid_uai(uai):
    result = check_uai(uai)
    assert result.ok and result.value == uai.strip().upper()


@pytest.mark.parametrize("uai, words", [
    ("0740003A", "lettre de contrôle"),
    ("0450000A", "lettre de contrôle"),
    ("0301746L", "« K »"),
    ("030174K", "7 chiffres"),
    ("03017466K", "7 chiffres"),
    ("0301746", "7 chiffres"),
    ("ABCDEFGH", "7 chiffres"),
    ("", "Saisissez"),
])
def test_invalid_uai(uai, words):
    result = check_uai(uai)
    assert not result.ok
    assert words in plain(result.message)


PASTED = {"zero_width_space": "0301746\u200bK", "soft_hyphen": "03017\u00ad46K", "byte_order_mark": "\ufeff0301746K",
          "full_width": "０３０１７４６Ｋ", "narrow_space": "0301746\u202fK"}


@pytest.mark.parametrize("pasted", PASTED.values(), ids=PASTED.keys())
def test_a_uai_pasted_with_what_no_one_sees_is_the_code_it_shows(pasted):
    """Before: « Le code UAI comporte 7 chiffres suivis d'une lettre » about a field showing 0301746K."""
    assert check_uai(pasted) == (True, "0301746K", "", ())


def test_a_uai_is_made_of_ascii_digits_only():
    """Before: `\\d` took Arabic-Indic digits: the code was kept so, and the right file was then « exporté pour
    l'établissement 0301746K, pas pour le vôtre »."""
    assert not check_uai("٠٣٠١٧٤٦K").ok


ROOT = "https://0301746k.index-education.net/pronote/"


@pytest.mark.parametrize("typed, expected", [
    ("https://0301746K.index-education.net/pronote/", ROOT),
    ("http://0301746K.index-education.net/pronote/", ROOT),
    ("HTTPS://0301746K.INDEX-EDUCATION.NET/pronote/", ROOT),
    ("https://0301746K.index-education.net/pronote/eleve.html?login=true", ROOT),
    ("https://0301746K.index-education.net/pronote/mobile.parent.html", ROOT),
    ("https://0301746K.index-education.net/pronote/professeur.html#x", ROOT),
    ("https://0301746K.index-education.net/pronote", ROOT),
    ("0301746K.index-education.net/pronote/viescolaire.html", ROOT),
    ("  https://0301746K.index-education.net/pronote/  ", ROOT),
    ("https://0301746K.index-education.net", ROOT),
    ("https://portail.lycee-exemple.fr/pronote/direction.html", "https://portail.lycee-exemple.fr/pronote/"),
    ("https://portail.lycee-exemple.fr:8443/pronote/", "https://portail.lycee-exemple.fr:8443/pronote/"),
    ("https://portail.lycee-exemple.fr:443/pronote/", "https://portail.lycee-exemple.fr/pronote/"),
])
def test_url_normalised(typed, expected):
    result = normalise_pronote_url(typed)
    assert result.ok, result.message
    assert result.value == expected


@pytest.mark.parametrize("typed, words", [
    ("", "Saisissez"),
    ("pas une adresse", "espace"),
    ("https://0301746K.index-education.net/pro note/", "espace"),
    ("ftp://0301746K.index-education.net/pronote/", "https://"),
    ("javascript:alert(1)", "adresse web"),
    ("https://localhost-typo/", "nom de serveur"),
    ("https://0301746K.index-education.net/autre/page/", "/pronote/"),
    ("https://user:pw@0301746K.index-education.net/pronote/", "mot de passe"),
    ("https://exa_mple.fr/pronote/", "nom de serveur"),
])
def test_url_refused(typed, words):
    result = normalise_pronote_url(typed)
    assert not result.ok
    assert words in plain(result.message)


def test_missing_pronote_root_is_added_with_a_warning():
    result = normalise_pronote_url("https://0301746K.index-education.net/")
    assert result.value == ROOT
    assert any("/pronote/" in w for w in result.warnings)


def test_host_uai_differing_from_school_warns():
    result = normalise_pronote_url(ROOT, school_uai="0870003F")
    assert result.ok
    assert any("0301746K" in w and "0870003F" in w for w in result.warnings)
    assert not normalise_pronote_url(ROOT, school_uai="0301746K").warnings


def test_http_is_kept_only_for_this_computer():
    assert normalise_pronote_url("http://127.0.0.1:8080/pronote/").value == "http://127.0.0.1:8080/pronote/"
    assert normalise_pronote_url("http://localhost:8080/pronote/").value == "http://localhost:8080/pronote/"
    assert normalise_pronote_url("http://example.org/pronote/").value == "https://example.org/pronote/"


def test_cas_url_is_derived():
    assert cas_url(ROOT) == ROOT + "**"
    values = identity_values({"uai": "0301746k", "pronote_url": "0301746K.index-education.net/pronote/eleve.html"})
    assert values["cas_url"] == "https://0301746k.index-education.net/pronote/**"
    assert values["uai"] == "0301746K"


def test_ent_site():
    assert check_ent_site("").ok
    assert check_ent_site("via-domitia.mon-ent-occitanie.fr/page").value == "https://via-domitia.mon-ent-occitanie.fr/"
    assert not check_ent_site("pas une adresse").ok


def test_school_identity_keeps_a_local_demo_server_on_http():
    # Trainers run a demo PRONOTE on this computer over http: leaving the school page must not break it.
    assert identity_values({"pronote_url": "http://127.0.0.1:8080/pronote/eleve.html"})["pronote_url"] == "http://127.0.0.1:8080/pronote/"
    assert identity_values({"pronote_url": "http://0301746K.index-education.net/pronote/"})["pronote_url"].startswith("https://")

