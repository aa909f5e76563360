"""Saving can only fail loudly: outside text is made plain where it enters the document, and whatever gets through
anyway fails that save with a sentence instead of every later one in silence.

The property tests feed arbitrary Unicode (lone surrogates, NUL, controls, huge texts) through each way outside
text enters – a server's answer, an identifier file's contents and name, the ENT's CSV, what the admin types –
then save, and read the file back."""
import hashlib
import json
import os
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.probe.pronote import pronote_info
from wizard.core.probe.client import Answer
from wizard.core.probe.judge import judge_answer
from wizard.core.progress import IDENTITY_LIMITS, Progress
from wizard.core.safetext import plain
from wizard.core.store import ProgressStore, SaveFailed, read_document

ROOT = "https://0301746K.index-education.net/pronote/"
# Every code point, lone surrogates and controls included, and texts long enough to pass the limits.
ANY_TEXT = st.text(st.characters(min_codepoint=0, max_codepoint=0x10FFFF, exclude_categories=()), max_size=300)
HUGE = st.integers(0, 5).map(lambda n: "x" * (10 ** n))
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def fresh(tmp_path) -> Progress:
    folder = tmp_path / f"data-{os.urandom(4).hex()}"
    store = ProgressStore(folder)
    store.acquire()
    return Progress.open(store)


def saved_and_read_back(progress: Progress) -> dict:
    progress.choose_language("en" if progress.settings["language"] != "en" else "fr")  # one write more, at least
    assert progress.saved, progress.save_problem
    on_disk = read_document(progress.store.path)
    assert on_disk == json.loads(json.dumps(progress.doc))
    progress.store.release()
    return on_disk


@given(text=ANY_TEXT)
def test_plain_text_always_encodes_and_has_no_control_character(text):
    made = plain(text, 100)
    made.encode("utf-8")
    assert len(made) <= 100
    assert not any(ord(c) < 0x20 or 0x7F <= ord(c) <= 0x9F for c in made)
    if text.isprintable() and len(text) <= 100 and text.encode("utf-8", "surrogatepass") == text.encode(
            "utf-8", "surrogatepass") and all(not 0xD800 <= ord(c) <= 0xDFFF for c in text) \
            and not any(c in text for c in "\u2028\u2029\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff"):
        assert made == text  # ordinary text goes through untouched


@SETTINGS
@given(name=st.one_of(ANY_TEXT, HUGE), host=ANY_TEXT)
def test_a_server_answer_of_any_text_is_saved(tmp_path, name, host):
    """Issue 22, 1: « \\udcff » in the school's name (valid JSON) made every later save raise."""
    body = json.dumps(pronote_info(name=name, cas_url=f"https://{host}/")).encode()
    result = judge_answer(Answer(ROOT + "InfoMobileApp.json", 200, {"content-type": "application/json"}, body),
                          root=ROOT, cas_host="cas.mon-ent-occitanie.fr", ent_name="mon ENT Occitanie")
    progress = fresh(tmp_path)
    progress.record_server_check("address", result)
    progress.type_identity("name", result.school_name or "")  # « Utiliser ce nom »
    saved_and_read_back(progress)


@SETTINGS
@given(values=st.fixed_dictionaries({key: st.one_of(ANY_TEXT, HUGE) for key in IDENTITY_LIMITS}), proxy=ANY_TEXT)
def test_typed_or_pasted_text_of_any_kind_is_saved(tmp_path, values, proxy):
    progress = fresh(tmp_path)
    for key, value in values.items():
        progress.type_identity(key, value)
    progress.settle_identity(values)
    progress.set_proxy(proxy)
    doc = saved_and_read_back(progress)
    school = doc["schools"][doc["current"]]
    assert all(len(school["identity"][key]) <= limit for key, limit in IDENTITY_LIMITS.items())


XML_SAFE = st.text(st.characters(min_codepoint=0x20, max_codepoint=0x10FFFF,
                                 exclude_categories=("Cs",), exclude_characters="\ufffe\uffff"), max_size=60)


# Any name the running system can give a file. POSIX: any bytes but « / » and NUL (those that are not UTF-8 reach
# Python as lone surrogates, os.fsdecode). Windows: names are text, without control characters, <>:"/\|?* nor
# a device's name before the first dot (« CON.xml », « nul.xml »): such a file cannot exist for the admin to pick.
WINDOWS_DEVICES = {"CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$"} | {
    f"{kind}{digit}" for kind in ("COM", "LPT") for digit in "123456789\u00b9\u00b2\u00b3"}
if sys.platform == "win32":
    FILE_NAMES = st.text(st.characters(min_codepoint=0x20, exclude_categories=("Cs",), exclude_characters='<>:"/\\|?*'),
                         min_size=1, max_size=40).filter(
        lambda name: (name + ".xml").split(".")[0].rstrip(" ").upper() not in WINDOWS_DEVICES)
else:
    FILE_NAMES = st.binary(min_size=1, max_size=40)


@SETTINGS
@given(names=st.lists(st.tuples(XML_SAFE, XML_SAFE, XML_SAFE), min_size=1, max_size=5), file_name=FILE_NAMES,
       uai=XML_SAFE)
def test_an_identifier_file_of_any_text_and_any_name_is_saved(tmp_path, names, file_name, uai):
    """The file's text, its field values quoted in findings, and its name (any the system allows)."""
    from xml.sax.saxutils import quoteattr

    from wizard.core.filecheck import analysis_record, run_analysis

    folder = tmp_path / os.urandom(4).hex()
    folder.mkdir()
    if isinstance(file_name, str):
        path = folder / (file_name + ".xml")
    else:
        safe_name = file_name.replace(b"/", b"_").replace(b"\0", b"_")
        path = Path(os.fsdecode(os.path.join(os.fsencode(folder), safe_name + b".xml")))
    people = "".join(f"<Eleve Ident={quoteattr(str(n))} Nom={quoteattr(last)} Prenom={quoteattr(first)} "
                     f"ID_Partenaire={quoteattr(ident)} DateNaissance={quoteattr(last[:10])}/>"
                     for n, (last, first, ident) in enumerate(names, 1))
    path.write_text(f'<?xml version="1.0" encoding="UTF-8"?><PARTENAIRE_INDEX Date={quoteattr(uai)} '
                    f'Partenaire="x"><Etablissements><Etablissement Ident="1" Numero={quoteattr(uai)} '
                    f'Nom="C"/></Etablissements><Eleves>{people}</Eleves></PARTENAIRE_INDEX>', encoding="utf-8")
    progress = fresh(tmp_path)
    info, found = run_analysis(path, progress.school, "complet", advance=lambda f: None, cancelled=lambda: False)
    progress.record_analysis(info, analysis_record(found, "complet"))
    saved_and_read_back(progress)


@SETTINGS
@given(rows=st.lists(st.tuples(ANY_TEXT, ANY_TEXT, ANY_TEXT, ANY_TEXT), min_size=1, max_size=6))
def test_an_ent_account_list_of_any_text_is_saved(tmp_path, rows):
    from wizard.core.matchcheck import run_matching

    pronote = Path(__file__).parent / "matching" / "fixtures" / "pronote.xml"
    csv_path = tmp_path / f"{os.urandom(4).hex()}.csv"
    lines = ["Nom;Prénom;Identifiant;Profil"] + [";".join(cell.replace(";", ",") for cell in row) for row in rows]
    csv_path.write_bytes("\n".join(lines).encode("utf-8", "surrogatepass"))
    progress = fresh(tmp_path)
    checked = {"name": pronote.name, "path": str(pronote), "size": pronote.stat().st_size, "mtime_ns": None,
               "sha256": hashlib.sha256(pronote.read_bytes()).hexdigest()}  # as its check recorded it
    try:
        outcome = run_matching(checked, csv_path, None, advance=lambda f: None, cancelled=lambda: False)
    except Exception as problem:  # noqa: BLE001 - an unreadable list is refused in French, which is fine here
        from wizard.core.errors import UserError

        assert isinstance(problem, UserError)
        progress.store.release()
        return
    if not isinstance(outcome, tuple):
        progress.store.release()
        return
    ent, result = outcome
    progress.record_matching(result.counts, len(ent.people), len(ent.unusable))
    saved_and_read_back(progress)


@SETTINGS
@given(text=ANY_TEXT)
def test_a_hand_edited_progress_file_with_any_text_loads_and_saves_again(tmp_path, text):
    progress = fresh(tmp_path)
    progress.type_identity("name", "Collège")
    path = progress.store.path
    progress.store.release()
    doc = json.loads(path.read_text(encoding="utf-8"))
    doc["schools"][doc["current"]]["identity"]["contact"] = text
    # ensure_ascii: how an editor or a script writes « \udcff » into a file that is valid UTF-8 and valid JSON.
    path.write_text(json.dumps(doc, ensure_ascii=True), encoding="utf-8")
    store = ProgressStore(path.parent)
    store.acquire()
    reopened = Progress.open(store)
    reopened.type_identity("name", "Collège B")
    saved_and_read_back(reopened)


def test_a_value_that_still_cannot_be_written_fails_that_save_loudly(data_dir):
    """Serialisation inside the save's error handling: a SaveFailed with a sentence, « enregistré » withdrawn,
    and the next good save clears it."""
    store = ProgressStore(data_dir)
    store.acquire()
    progress = Progress.open(store)
    progress.type_identity("name", "Collège A")
    assert progress.saved
    progress.school["identity"]["contact"] = "\udcff"  # past every boundary: what a bug would do
    with pytest.raises(SaveFailed) as failed:
        store.save(progress.doc)
    assert "Enregistrement impossible" in failed.value.message
    progress.type_identity("name", "Collège B")
    assert not progress.saved and "ne peut pas être écrite" in progress.save_problem
    assert read_document(store.path)["schools"][progress.school["id"]]["identity"]["name"] == "Collège A"
    progress.school["identity"]["contact"] = ""
    progress.type_identity("name", "Collège C")
    assert progress.saved
    store.release()


def test_any_failure_inside_the_save_is_a_failed_save(data_dir, monkeypatch):
    """A bug in the write itself reaches the crash reporter, and the change stays unsaved: never « enregistré »."""
    store = ProgressStore(data_dir)
    store.acquire()
    progress = Progress.open(store)

    def broken(data, refresh_backup):
        raise RuntimeError("bug")

    monkeypatch.setattr(store, "write", broken)
    with pytest.raises(RuntimeError):
        progress.type_identity("name", "Collège")
    assert not progress.saved
    store.release()
