"""The ENT data file: validated at load with one French sentence naming the bad key, the active ENT of the process,
and its words as placeholders (so that another ENT is one more file)."""
import json
import os
import re
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from wizard.core import entdata, flow
from wizard.core.errors import UserError
from wizard.core.typography import plain

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ROOT / "resources" / "ent" / "mon-ent-occitanie.json"
RENAMED = ROOT / "tests" / "fixtures" / "ent" / "ent-exemple-nord.json"
# The words that name the default ENT itself; none may be written literally in a checklist text.
OWN_WORDS = ("ent_name", "ent_cas_host", "ent_site_domain", "export_file_name",
             "pronote_net_configuration", "service_sso_type", "service_regroupement", "service_bloc", "access_role",
             "access_target", "import_mode_complet", "school_label_example")


@pytest.fixture(autouse=True)
def default_ent_afterwards():
    yield
    entdata.activate(None)


def raw_default() -> dict:
    return json.loads(DEFAULT.read_text(encoding="utf-8"))


def write(tmp_path: Path, raw: dict, name: str = "autre-ent.json") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(raw, ensure_ascii=False), encoding="utf-8")
    return path


def test_the_default_file_is_valid_and_its_words_fill_texts():
    ent = entdata.read(DEFAULT, today=date.today())  # its confirmations judged by the real date, as its author's
    assert ent.name == "mon ENT Occitanie" and ent.cas_host == "cas.mon-ent-occitanie.fr"
    # ENT-LR is gone: no school moves from a previous ENT today (the 2019 past is the fact's note)
    assert ent.previous_ent is None and "ENT-LR" in ent.facts["previous_ent"].note
    assert ent.service["sso_type"] == "SSO Pronote avec CAS"
    words = ent.words
    assert {"ent_name", "ent_cas_host", "ent_site_domain", "ent_site_example", "previous_ent", "socle_ent",
            "export_file_name", "pronote_net_configuration", "login_pupils_parents", "login_staff",
            "hosting_stop", "pronote_failures_menu"} <= set(words)
    # not confirmed for current versions, and said so: « selon la version de PRONOTE : « K-d'école » ou « Skolengo » »
    assert plain(words["socle_ent"]) == "selon la version de PRONOTE : « K-d'école » ou « Skolengo »"
    assert words["export_file_name"] == "IdPN_To_KOSMOS.xml"
    assert "ÉduConnect" in words["login_pupils_parents"] and "académique" in words["login_staff"]
    assert "votre compte ÉduConnect" in ent.login_notices["pupils_parents"]
    assert "Basculer vers {ent_name}".format(**words) == "Basculer vers mon ENT Occitanie"


def test_every_fact_has_its_sources_and_date_beside_it():
    ent = entdata.read(DEFAULT)
    assert len(ent.facts) > 50
    for fact in ent.facts.values():
        assert fact.sources and all(source in ent.sources for source in fact.sources), fact.key
        assert fact.status in entdata.STATUSES and fact.confirmed[:4].isdigit(), fact.key
    # what the 2019 tutorial alone says is not confirmed for current versions; the console's buttons are
    assert ent.facts["labels.pronote_export_checkbox"].status == "unconfirmed"
    assert ent.facts["labels.hosting_stop"].status == "confirmed"
    assert ent.facts["labels.hosting_integration_tab"].status == "inferred"
    for step, items in ent.checklists.items():
        for item in items:
            assert item["sources"] and item["confirmed"], (step, item["id"])


def test_the_active_ent_is_the_default_until_another_is_activated():
    assert entdata.current().name == "mon ENT Occitanie"
    activated = entdata.activate(RENAMED)
    assert activated.name == "ENT Exemple Nord" and activated.source == RENAMED
    assert entdata.current() is activated and entdata.load_ent() is activated
    assert entdata.load_ent().cas_host == "cas.ent-exemple-nord.test"
    assert entdata.activate(None).name == "mon ENT Occitanie"


def test_the_labels_read_by_name_are_those_the_readme_lists_and_the_files_give():
    readme = (Path(entdata.__file__).parents[2] / "resources" / "ent" / "README.md").read_text(encoding="utf-8")
    listed = readme[readme.index("The labels the pages use today"):readme.index("## Checklists")]
    assert set(re.findall(r"`([a-z0-9_]+)`", listed)) == set(entdata.LABELS_READ)
    assert set(raw_default()["labels"]) == set(entdata.LABELS_READ)


def test_a_bad_file_is_refused_and_the_active_ent_stays(tmp_path):
    entdata.activate(RENAMED)
    raw = raw_default()
    del raw["cas_host"]
    with pytest.raises(UserError):
        entdata.activate(write(tmp_path, raw))
    assert entdata.current().name == "ENT Exemple Nord"


def _set(raw: dict, dotted: str, value) -> None:
    """`value` at `dotted` (KeyError: remove the key)."""
    *parents, last = dotted.split(".")
    for key in parents:
        raw = raw[key]
    if value is KeyError:
        del raw[last]
    else:
        raw[last] = value


@pytest.mark.parametrize("key, value, expected", [
    ("cas_host", KeyError, "la clé « cas_host » manque"),
    ("service.sso_type", KeyError, "la clé « service.sso_type » manque"),
    ("import_modes.partiel", KeyError, "la clé « import_modes.partiel » manque"),
    # A label the code reads by name (before: the file was taken, then a KeyError in the record and the pages).
    ("labels.pronote_failure_message", KeyError, "la clé « labels.pronote_failure_message » manque"),
    ("labels.pronote_home_failures_panel", KeyError, "la clé « labels.pronote_home_failures_panel » manque"),
    ("name", 3, "la clé « name » doit être un objet JSON : sa valeur (value), ses sources"),
    ("name.value", 3, "la clé « name.value » doit être un texte"),
    ("service", "SSO", "la clé « service » doit être un objet JSON"),
    ("profiles.value", "Élève", "la clé « profiles.value » doit être une liste de textes"),
    ("previous_ent.value", 0, "la clé « previous_ent.value » doit être un texte ou null"),
    ("name.value", "  ", "la clé « name.value » est vide"),
    ("socle_ent.value", [], "la clé « socle_ent.value » est vide"),
    ("summary_profiles.value", ["Eleve", ""], "la clé « summary_profiles.value » est vide ou contient un texte vide"),
    ("cas_host.value", "https://cas.mon-ent-occitanie.fr/", "la clé « cas_host.value » doit être un nom de serveur"),
    ("portal_url.value", "www.mon-ent-occitanie.fr", "la clé « portal_url.value » doit être une adresse complète"),
    ("nom", "mon ENT", "la clé « nom » est inconnue"),
    ("service.intitule", "PRONOTE", "la clé « service.intitule » est inconnue"),
    # each fact carries its sources, known ones, and the date it was confirmed, not one to come
    ("cas_host.sources", KeyError, "la clé « cas_host.sources » manque"),
    ("cas_host.sources", [], "la clé « cas_host.sources » doit être une liste non vide d'identifiants de sources"),
    ("cas_host.sources", ["on-dit"], "la clé « cas_host.sources » cite une source inconnue : « on-dit »"),
    ("cas_host.confirmed", KeyError, "la clé « cas_host.confirmed » manque"),
    ("cas_host.confirmed", "06/12/2026", "la clé « cas_host.confirmed » doit être une date AAAA-MM-JJ"),
    ("cas_host.confirmed", "2026-02-30", "la clé « cas_host.confirmed » doit être une date AAAA-MM-JJ"),
    ("cas_host.confirmed", "2999-01", "la clé « cas_host.confirmed » est une date future"),
    ("cas_host.status", "sûr", "la clé « cas_host.status » doit être « confirmed », « unconfirmed »"),
    ("cas_host.source", ["tutoriel"], "la clé « cas_host.source » est inconnue"),
    ("logins.staff.notice", KeyError, "la clé « logins.staff.notice » manque"),
    ("sources.tutoriel.where", KeyError, "la clé « sources.tutoriel.where » manque"),
    ("sources.inutile", {"title": "x", "where": "y", "date": "2020"}, "« sources.inutile » n'est citée par aucun fait"),
    ("labels.Ent Menu", {"value": "x", "sources": ["tutoriel"], "confirmed": "2019", "status": "unconfirmed"},
     "la clé « labels.Ent Menu » doit être un nom de repère"),
    ("labels.ent_name", {"value": "x", "sources": ["tutoriel"], "confirmed": "2019", "status": "unconfirmed"},
     "la clé « labels.ent_name » doit être un nom de repère"),
])
def test_each_mistake_is_one_sentence_naming_the_key(tmp_path, key, value, expected):
    raw = raw_default()
    _set(raw, key, value)
    with pytest.raises(UserError) as caught:
        entdata.read(write(tmp_path, raw), today=date.today())
    message = plain(caught.value.message)
    assert expected in message, message
    assert message.startswith("Le fichier de l'ENT « autre-ent.json » n'est pas valable") and message.count("\n") == 0


@pytest.mark.parametrize("change, expected", [
    (lambda items: items[0].update(text="Choisissez {ent_nom}."), "utilise un mot inconnu : {ent_nom}"),
    (lambda items: items[0].update(text="Une accolade { seule."), "contient une accolade seule"),
    (lambda items: items[0].pop("id"), "checklists.pronote_net[0].id » manque"),
    (lambda items: items[1].update(id=items[0]["id"]), "répète l'identifiant"),
    (lambda items: items[0].update(modes=["complete"]), "checklists.pronote_net[0].modes"),
    # Before: TypeError (unhashable list), « Erreur inattendue » from the commands.
    (lambda items: items[0].update(modes=[["complet"]]), "checklists.pronote_net[0].modes"),
    (lambda items: items[0].update(modes=[{"complet": 1}]), "checklists.pronote_net[0].modes"),
    (lambda items: items[0].update(valeur="x"), "checklists.pronote_net[0].valeur » est inconnue"),
    (lambda items: items.clear(), "checklists.pronote_net » doit être une liste non vide"),
    (lambda items: items[0].pop("sources"), "checklists.pronote_net[0].sources » manque"),
    (lambda items: items[0].update(sources=["blog"]), "cite une source inconnue : « blog »"),
    (lambda items: items[0].update(confirmed="hier"), "checklists.pronote_net[0].confirmed » doit être une date"),
])
def test_checklist_mistakes_are_named(tmp_path, change, expected):
    raw = raw_default()
    change(raw["checklists"]["pronote_net"])
    with pytest.raises(UserError) as caught:
        entdata.read(write(tmp_path, raw))
    assert expected in plain(caught.value.message), caught.value.message


def test_unreadable_files_are_told_in_french(tmp_path):
    with pytest.raises(UserError, match="«\u00a0absent.json\u00a0» est introuvable"):
        entdata.activate(tmp_path / "absent.json")
    broken = tmp_path / "casse.json"
    broken.write_text('{\n  "name": "x",\n  oups\n}', encoding="utf-8")
    with pytest.raises(UserError, match=r"n'est pas du JSON valable \(ligne 3\)"):
        entdata.activate(broken)
    latin = tmp_path / "latin.json"
    latin.write_bytes(json.dumps(raw_default(), ensure_ascii=False).encode("latin-1", errors="replace"))
    with pytest.raises(UserError, match="en UTF-8"):
        entdata.activate(latin)


@pytest.mark.parametrize("text", ['{"id": ' + "9" * 5000 + "}", "[" * 100_000 + "]" * 100_000,
                                  '{"name": ' + "[" * 100_000 + "]" * 100_000 + "}"])
def test_json_that_python_cannot_hold_is_told_in_french(tmp_path, text):
    """A number of 5,000 digits (Python's limit on ints) or lists nested 100,000 deep (its recursion limit) is
    valid JSON: it used to escape as a ValueError or a RecursionError, a crash report instead of a sentence."""
    path = tmp_path / "enorme.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(UserError, match="«\u00a0enorme.json\u00a0» n'est pas du JSON valable\u00a0: un nombre"):
        entdata.activate(path)
    assert entdata.current().name == "mon ENT Occitanie"


def test_a_file_saved_with_a_byte_order_mark_is_read(tmp_path):
    path = tmp_path / "bom.json"
    path.write_bytes(b"\xef\xbb\xbf" + DEFAULT.read_bytes())
    assert entdata.read(path).name == "mon ENT Occitanie"


def test_a_previous_ent_of_null_is_valid_and_its_word_is_empty():
    raw = json.loads(RENAMED.read_text(encoding="utf-8"))
    assert raw["previous_ent"]["value"] == "Portail Ancien Exemple"
    ent = entdata.read(DEFAULT)
    assert ent.previous_ent is None and ent.words["previous_ent"] == ""


def test_the_renamed_copy_shares_every_checklist_text_and_no_word_of_the_original():
    """Checklist texts carry ENT words as placeholders: the same French sources (and translations) serve any ENT."""
    original, renamed = entdata.read(DEFAULT), entdata.read(RENAMED)

    def texts(ent):
        return {step: [(item["id"], item["text"]) for item in items] for step, items in ent.checklists.items()}

    assert texts(renamed) == texts(original)
    for key in ("ent_name", "ent_cas_host", "ent_site_domain", "ent_site_example", "previous_ent", "socle_ent",
                "export_file_name", "pronote_net_configuration", "service_sso_type", "service_regroupement",
                *original.labels):
        assert renamed.words[key] != original.words[key], key
    text = RENAMED.read_text(encoding="utf-8").lower()
    for word in ("occitanie", "ent-lr", "kosmos", "k-d'école", "scolarité", "skolengo", "éduconnect"):
        assert word not in text, word


def test_no_checklist_text_writes_an_ent_word_literally():
    ent = entdata.read(DEFAULT)
    for step, items in ent.checklists.items():
        for item in items:
            for key in (*OWN_WORDS, *ent.labels):
                if ent.words[key]:
                    assert ent.words[key] not in item["text"], (step, item["id"], key)


def test_every_checklist_belongs_to_a_step_of_the_flow():
    for path in (DEFAULT, RENAMED):
        entdata.read(path, today=date.today())  # no confirmation in the future
        assert set(entdata.read(path).checklists) <= set(flow.STEP_IDS)


def test_the_flow_shows_checklists_with_the_active_ent_words():
    """flow.checklist() fills the placeholders: `tr(item["text"]).format(**ent.words)`."""
    entdata.activate(RENAMED)
    texts = [item["text"] for step in flow.STEP_IDS for mode in ("complet", "partiel")
             for item in flow.checklist(step, mode)]
    assert not [text for text in texts if "{" in text]
    joined = " ".join(texts)
    assert "Socle Exemple" in joined and "Identifiants_Exemple.xml" in joined and "Occitanie" not in joined


def test_translations_of_ent_texts_keep_their_placeholders():
    """An English checklist text without `{socle_ent}` (or with a mistyped one) would fail at `.format(**words)`."""
    import sys

    sys.path.insert(0, str(ROOT / "tools"))
    try:
        import update_translations
    finally:
        sys.path.remove(str(ROOT / "tools"))
    assert update_translations.mismatched({"Socle : « {socle_ent} ».": "Socle: « {socle} »."}) == [
        "Socle : « {socle_ent} »."]
    assert update_translations.mismatched({"Accolade {{ {x} }}.": "Brace {{ {x} }}."}) == []
    done = update_translations.read_ts(ROOT / "resources" / "translations" / "wizard_en.ts")
    sources = [item["text"] for items in entdata.read(DEFAULT).checklists.values() for item in items]
    translated = {source: done[source] for source in sources if source in done}
    assert len(translated) == len(sources)  # every checklist text has its English
    assert update_translations.mismatched(translated) == []


@pytest.mark.parametrize(("key", "value", "valid"), [
    ("cas_host", "cas.mon-ent-occitanie.fr", True), ("cas_host", "x1.y-2.z3", True), ("cas_host", "a.b", True),
    ("cas_host", "localhost", False), ("cas_host", "-a.b", False), ("cas_host", "a-.b", False),
    ("cas_host", "a..b", False), ("cas_host", "a.b.", False), ("cas_host", "A.b", False), ("cas_host", "a_b.c", False),
    ("cas_host", "a.b\n", False), ("cas_host", "é.fr", False), ("cas_host", "https://a.b", False),
    ("cas_host", "1.2.3.4", False), ("portal_url", "https://ent.example.fr/", True),
    ("portal_url", "https://a/b/c?d=e", True), ("portal_url", "https://a", False), ("portal_url", "http://a/", False),
    ("portal_url", "https://a/b c", False), ("portal_url", "https://a/\u00a0", False),
    ("portal_url", " https://a/", False), ("portal_url", "HTTPS://a/", False),
])
def test_hosts_and_addresses_of_the_ent_file(tmp_path, key, value, valid):
    raw = json.loads(DEFAULT.read_text(encoding="utf-8"))
    raw[key]["value"] = value
    path = tmp_path / "ent.json"
    path.write_text(json.dumps(raw), encoding="utf-8")
    if valid:
        assert getattr(entdata.read(path), key) == value
    else:
        with pytest.raises(UserError, match=key):
            entdata.read(path)


def test_no_text_names_the_past_logins_or_ent_unless_the_data_file_says_so():
    """ATEN and ARENA (the 2019 logins) and ENT-LR (the ENT replaced in 2019) are the past: only the ENT data file
    may name them – as the past, in its notes – and the translations of its notes."""
    import re

    past = re.compile(r"\bATEN\b|\bARENA\b|ENT-LR")
    texts = [*ROOT.glob("wizard/**/*.py"), *ROOT.glob("resources/help/**/*.html"), ROOT / "README.md",
             ROOT / "resources" / "ent" / "README.md", *ROOT.glob("tools/strings_en_*.py")]
    named = [path.relative_to(ROOT).as_posix() for path in texts if past.search(path.read_text(encoding="utf-8"))]
    assert named == ["tools/strings_en_issue20.py"]  # the English of the data file's notes
    ent = entdata.read(DEFAULT)
    in_values = [fact.key for fact in ent.facts.values() if past.search(str(fact.value))]
    assert in_values == []  # no value states them: notes only
    assert [fact.key for fact in ent.facts.values() if past.search(fact.note)] == [
        "previous_ent", "logins.pupils_parents", "logins.staff"]


def test_a_pc_whose_clock_is_behind_still_reads_the_ent_file(monkeypatch):
    """A school PC's clock can be years behind (a flat clock battery): the file's confirmations, dated after it,
    once made every launch fail with « … est une date future » – the app never opened."""
    class Behind(date):
        @classmethod
        def today(cls):
            return cls(2020, 1, 1)

    monkeypatch.setattr(entdata, "date", Behind)
    assert entdata.read(DEFAULT).name == "mon ENT Occitanie"
    with pytest.raises(UserError, match="date future"):  # the data file's tests still catch a typed future date
        entdata.read(DEFAULT, today=date(2020, 1, 1))


@pytest.mark.skipif(shutil.which("faketime") is None or sys.platform == "win32",
                    reason="faketime (Debian's package, installed by scripts/test.sh) moves a process's clock")
def test_the_window_opens_on_a_pc_whose_clock_is_behind(tmp_path):
    """The whole process with its clock set back (faketime): the window opens on its first page – before, the app
    stopped on « Le fichier de l'ENT … n'est pas valable : la clé « name.confirmed » est une date future »."""
    code = (f"import sys; sys.path.insert(0, {str(ROOT)!r})\n"
            "from pathlib import Path\n"
            "from PySide6.QtWidgets import QApplication\n"
            "app = QApplication([])\n"
            "from wizard.app import create_window\n"
            f"window = create_window(Path({str(tmp_path)!r}))\n"
            "print(window.current_step())\n")
    done = subprocess.run(["faketime", "2025-01-15 10:00:00", sys.executable, "-c", code], capture_output=True,
                          text=True, encoding="utf-8", timeout=120, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert (done.returncode, done.stdout.strip()) == (0, "accueil"), done.stderr[-2000:]
