"""What the assistant states and where it comes from: the caveat under a checklist, the help's « Sources », the
school's name in a sentence (Qt-free)."""
import re
from html import unescape

import pytest

from wizard.core import entdata, facts
from wizard.core.helptext import help_html
from wizard.core.schoolname import of_the_school
from wizard.core.typography import plain

IDENTITY = {"name": "Collège Via Domitia", "uai": "0301746K", "pronote_url": "", "pronote_version": "",
            "ent_site_url": "", "contact": ""}


def text_of(html: str) -> str:
    return plain(re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", html))))


def test_a_page_says_which_of_its_names_no_current_source_confirms():
    ent = entdata.current()
    caveat = plain(facts.caveat(ent, facts.of_step(ent, "ent_service")))
    assert caveat.startswith("Non confirmé pour les versions actuelles (source : « Tutoriel Interconnexion PRONOTE "
                             "de mon ENT Occitanie », 27/06/2019) :")
    assert "« SSO Pronote avec CAS »" in caveat and "Selon votre version, l'écran peut différer." in caveat
    assert "« PRONOTE »" not in caveat  # the service's title is advice, worded as such, not an unconfirmed label
    # the hosting console's buttons are confirmed (Index Éducation, 2026): only the rest is qualified
    console = plain(facts.caveat(ent, facts.of_step(ent, "pronote_net")))
    assert "« Arrêter la publication »" not in console and "« Publier la base »" not in console
    assert "Déduit d'une source voisine (source : « Atrium Sud" in console and "« Intégration dans un ENT »" in console


def test_a_page_resting_on_confirmed_facts_only_has_no_caveat():
    ent = entdata.current()
    confirmed = [fact for fact in ent.facts.values() if fact.status == "confirmed"]
    assert confirmed and facts.caveat(ent, confirmed) == ""


@pytest.mark.parametrize("step", ["ent_service", "pronote_net", "export_pronote", "fin", "pronote_net_avertissement"])
def test_each_help_ends_with_its_sources(step):
    text = text_of(help_html(step, IDENTITY))
    sources = text.split("Sources Ce que cette page affirme, et d'où cela vient :")[1]
    assert "Les sources citées :" in sources and "confirmé" in sources
    assert re.search(r"\d\d/\d\d/\d{4}", sources)  # each with its date


def test_the_welcome_help_lists_every_fact_and_every_source():
    ent = entdata.current()
    text = text_of(help_html("accueil", IDENTITY))
    for source in ent.sources.values():
        assert plain(source.title) in text, source.id
    for link in ("https://github.com/bain3/pronotepy/issues/205", "https://atrium-sud.fr/web/assistance/pronote3"):
        assert link in help_html("accueil", IDENTITY)
    assert "Connexion des élèves et des parents à l'ENT : leur compte ÉduConnect" in text
    assert "relevé le 27/06/2019, non confirmé pour les versions actuelles" in text
    assert "« K-d'école », « Skolengo »" in text  # the Socle entry: both labels, by version
    assert "ENT-LR" in text  # the 2019 past, as the data file's note tells it


def test_the_sources_of_the_help_follow_the_language():
    from wizard.core import i18n
    from wizard.core.i18n import tr

    # an English help, with a translator that knows one sentence, keeps its structure and the ENT's French names
    i18n.install(lambda context, text: {"Sources": "Sources (en)"}.get(text, text), "en")
    try:
        assert "<h2>Sources (en)</h2>" in help_html("fin", IDENTITY, "en")
        assert tr("Sources") == "Sources (en)"
    finally:
        i18n.install(None, "fr")


@pytest.mark.parametrize("name, expected", [
    ("Collège Via Domitia", "du collège Via Domitia"),
    ("Lycée professionnel Jean Mermoz", "du lycée professionnel Jean Mermoz"),
    ("LYCEE JEAN JAURES", "du LYCEE JEAN JAURES"),
    ("LP Charles de Gaulle", "du LP Charles de Gaulle"),
    ("Cité scolaire Albert Camus", "de la cité scolaire Albert Camus"),
    ("École régionale du premier degré", "de l'école régionale du premier degré"),
    ("Établissement régional d'enseignement adapté", "de l'établissement régional d'enseignement adapté"),
    ("Institution Sainte-Marie", "de l'institution Sainte-Marie"),
    ("Jean Jaurès", "de l'établissement Jean Jaurès"),
    ("  ", "de l'établissement"),
])
def test_the_schools_name_in_a_sentence(name, expected):
    assert of_the_school(name) == expected
