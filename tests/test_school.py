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



# -- an accented server name: its IDNA form (xn--) -------------------------------------------------------------
ACCENTED = "https://collège-exemple.index-education.net/pronote/eleve.html"
ACCENTED_ROOT = "https://xn--collge-exemple-yjb.index-education.net/pronote/"


@pytest.mark.parametrize("typed", [ACCENTED, "COLLÈGE-EXEMPLE.index-education.net/pronote", ACCENTED_ROOT])
def test_an_accented_host_is_kept_in_its_idna_form(typed):
    """Before: « collège-exemple.index-education.net » refused (« pas de nom de serveur valide ») while its xn--
    form was accepted. The address retained is the ASCII one; a warning shows the admin both forms."""
    result = normalise_pronote_url(typed)
    assert result.ok, result.message
    assert result.value == ACCENTED_ROOT
    if typed == ACCENTED_ROOT:
        assert not result.warnings
    else:
        [warning] = result.warnings
        assert plain(warning) == ("Le nom du serveur « collège-exemple.index-education.net » s'écrit "
                                  "« xn--collge-exemple-yjb.index-education.net » dans une adresse web : c'est sous "
                                  "cette forme que l'assistant l'utilise (contrôle du serveur, URL CAS).")


def test_an_accented_host_gives_the_ascii_cas_url_and_probe_address(monkeypatch):
    from wizard.core import probe
    from wizard.core.probe.answer import ProbeFailure
    from wizard.core.probe.target import check_target

    assert identity_values({"pronote_url": ACCENTED})["cas_url"] == ACCENTED_ROOT + "**"
    assert check_target(ACCENTED).value == ACCENTED_ROOT
    asked = []

    def fetch(url, **_):
        asked.append(url)
        raise ProbeFailure("dns", host="xn--collge-exemple-yjb.index-education.net")

    monkeypatch.setattr(probe, "choose_proxy", lambda host, *_, **__: asked.append(host))
    monkeypatch.setattr(probe, "fetch", fetch)  # nothing leaves the machine
    result = probe.probe_server(ACCENTED)
    assert asked[0] == "xn--collge-exemple-yjb.index-education.net"  # the proxy chosen for the ASCII name
    assert asked[1].startswith(ACCENTED_ROOT + "InfoMobileApp.json")  # and the request sent to it
    assert result.url == ACCENTED_ROOT and result.outcome != "refused_url"
    assert any("xn--collge-exemple-yjb" in warning for warning in result.warnings)


@pytest.mark.parametrize("typed", ["https://a..collège.fr/pronote/", "https://" + "é" * 60 + ".fr/pronote/",
                                   "https://collège_exemple.fr/pronote/", "https://é/pronote/"])
def test_an_accented_host_that_cannot_be_a_server_name_is_refused_in_one_sentence(typed):
    result = normalise_pronote_url(typed)
    assert not result.ok and not result.warnings
    assert plain(result.message) == ("L'adresse ne contient pas de nom de serveur valide, par exemple "
                                     "0301746K.index-education.net.")
