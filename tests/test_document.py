"""The saved document's one definition: what validates, what is refused (naming the key), and the migration
of a file written by the previous release."""
import copy
import json
from pathlib import Path

import pytest

from wizard.core import document
from wizard.core.document import FORMAT_VERSION, InvalidDocument, validate
from wizard.core.migrations import migrate
from wizard.core.progress import CYCLE_STEPS, new_document

V1 = Path(__file__).parent / "fixtures" / "progress" / "v1.json"


def school_of(doc):
    return doc["schools"][doc["current"]]


def test_the_pass_steps_are_the_models():
    assert document.PASS_STEP_IDS == CYCLE_STEPS  # what a pass keeps, what the model writes into it


def test_a_new_document_validates():
    assert validate(new_document())["version"] == FORMAT_VERSION


def test_a_file_of_the_previous_format_is_migrated_with_everything_in_its_place():
    old = json.loads(V1.read_text(encoding="utf-8"))
    assert old["version"] == 1
    doc = validate(migrate(copy.deepcopy(old)))
    school, old_school = school_of(doc), school_of(old)
    assert doc["settings"] == {"language": "en", "proxy": ""}
    assert school["identity"]["name"] == old_school["identity"]["name"]
    assert school["ticks"]["ent_service"] == {"type_sso": True}
    assert school["ticks"]["pronote_net"] == {"publier": True}  # the confirmation is no tick any more
    assert school["connection"]["verified"] is False and school["connection"]["how"] == "walk"
    assert school["cycle"]["warnings_read"] is True and school["cycle"]["reported_count"] == 4
    assert school["import_history"][-1]["reported_count"] == 4
    assert school["matching"]["decisions"] == old_school["matching"]["decisions"]
    assert all(check["cas_host"] == "" or check["cas_host"] for check in school["server_checks"])


def test_an_older_document_without_matching_or_contact_migrates():
    old = json.loads(V1.read_text(encoding="utf-8"))
    school = school_of(old)
    school["matching"] = {}
    school["identity"].pop("contact")
    school["cycle"].pop("id")
    doc = validate(migrate(old))
    assert school_of(doc)["matching"] is None and school_of(doc)["identity"]["contact"] == ""


def v4_document(file: dict) -> dict:
    """A document as format 4 wrote it: its files without a modification time, the current pass's and an earlier
    one's."""
    doc = new_document()
    school = school_of(doc)
    school["cycle"]["file"] = {**file, "chosen_at": "2026-09-02T10:00:00"}
    school["passes"] = [{**copy.deepcopy(school["cycle"]), "id": "earlier", "finished_at": "2026-09-03T10:00:00"}]
    for one_pass in (school["cycle"], *school["passes"]):
        one_pass["file"].pop("mtime_ns", None)
    return {**doc, "version": 4}


def test_a_v4_document_migrates_with_its_files_times_unknown():
    """Format 5 keeps the file's modification time at its check; a file checked before has none (None: judged on
    its size alone, files.changed_since_analysed)."""
    old = v4_document({"name": "IdPN_To_KOSMOS.xml", "path": "/tmp/IdPN_To_KOSMOS.xml", "size": 10,
                       "sha256": "f" * 64})
    with pytest.raises(InvalidDocument, match=r"cycle\.file"):
        validate({**copy.deepcopy(old), "version": FORMAT_VERSION})  # as it is: a key missing
    school = school_of(validate(migrate(old)))
    assert school["cycle"]["file"]["mtime_ns"] is None and school["passes"][0]["file"]["mtime_ns"] is None
    assert school["cycle"]["file"]["size"] == 10 and school["cycle"]["file"]["sha256"] == "f" * 64
    for wrong in (True, "1733580000000000000", 1.5):
        school["cycle"]["file"]["mtime_ns"] = wrong
        with pytest.raises(InvalidDocument, match=r"cycle\.file"):
            validate({**old, "schools": {school["id"]: school}})


@pytest.mark.parametrize("path, value, where", [
    (("identity",), KeyError, "identity"),
    (("identity", "uai"), 7, "identity.uai"),
    (("hash_key_id",), "zz", "hash_key_id"),
    (("current_step",), "nulle_part", "current_step"),
    (("ticks", "ent_service", "type_sso"), "oui", "ticks.ent_service.type_sso"),
    (("cycle", "mode"), "moitié", "cycle.mode"),
    (("cycle", "reported_count"), True, "cycle.reported_count"),
    (("cycle", "reported_count"), -1, "cycle.reported_count"),
    (("completed", "fichier"), "hier", "completed.fichier"),
    (("import_history",), {}, "import_history"),
    (("surprise",), 1, "surprise"),
])
def test_a_wrong_key_or_type_is_refused_naming_the_key(path, value, where):
    doc = new_document()
    target = school_of(doc)
    for key in path[:-1]:
        target = target.setdefault(key, {})
    if value is KeyError:
        del target[path[-1]]
    else:
        target[path[-1]] = value
    with pytest.raises(InvalidDocument) as refused:
        validate(doc)
    assert refused.value.where.endswith(where)


def test_current_must_name_a_school():
    doc = new_document()
    doc["current"] = "inconnu"
    with pytest.raises(InvalidDocument, match="current"):
        validate(doc)


@pytest.mark.parametrize("version", [0, -1, "1", None, 1.0])
def test_impossible_versions_are_refused(version):
    with pytest.raises(InvalidDocument):
        migrate({"version": version, "schools": {}})


def test_a_damaged_v1_document_is_refused_not_crashed():
    old = json.loads(V1.read_text(encoding="utf-8"))
    del school_of(old)["fields"]
    with pytest.raises(InvalidDocument):
        migrate(old)


def test_hex_digits_accepts_exactly_that_many_lowercase_hexadecimal_digits():
    thirty_two = document.hex_digits(32)
    assert thirty_two("0123456789abcdef" * 2)
    for wrong in ("0123456789abcdef" * 2 + "0", "0123456789abcdef", "0123456789ABCDEF" * 2, "", "g" * 32,
                  "0123456789abcdef0123456789abcde ", "０" * 32, "0123456789abcdef0123456789abcde\n"):
        assert not thirty_two(wrong), wrong


def _with_history(hashes: list) -> dict:
    doc = new_document()
    school_of(doc)["import_history"] = [
        {"date": "2026-08-27T10:00:00", "cycle": "a1b2c3d4e5f6", "mode": "complet", "counts": {"total": len(hashes)},
         "file_sha256": None, "reported_count": len(hashes), "reading": None, "export_date": None,
         "id_hashes": hashes}]
    return doc


GOOD_HASHES = [f"{number:032x}" for number in range(3000)]


def test_thousands_of_keyed_hashes_validate_in_bulk():
    assert validate(_with_history(GOOD_HASHES))
    assert validate(_with_history([]))


@pytest.mark.parametrize("bad", ["0" * 31, "0" * 33, "A" * 32, "０" * 32, "g" * 32, " " + "0" * 31, 7, None, True,
                                 ["0" * 32]])
@pytest.mark.parametrize("at", [0, 1234, 2999])
def test_one_bad_hash_among_thousands_is_refused_and_named(bad, at):
    """The bulk check of a list (document._all_fit) lets nothing through that one-by-one would refuse, and the
    refusal still names the element."""
    hashes = list(GOOD_HASHES)
    hashes[at] = bad
    with pytest.raises(InvalidDocument) as refused:
        validate(_with_history(hashes))
    assert refused.value.where.endswith(f"id_hashes[{at}]")


def test_a_list_of_good_hashes_is_not_walked_one_by_one(monkeypatch):
    """Six years of imports hold thousands of hashes: walked one by one they took 8 ms of every start."""
    from typing import get_args

    rule = get_args(document.Hash)[1]
    walked = []
    monkeypatch.setattr(rule, "test", lambda text: walked.append(text) or True)
    validate(_with_history(GOOD_HASHES))
    assert walked == []


def test_a_v5_document_without_a_failures_draft_loads_with_none(data_dir):
    """v6 added the failures count typed and not noted (`failures_draft`): a file of the previous format,
    which has none, opens whole with no draft."""
    from wizard.core.store import ProgressStore

    doc = new_document()
    del school_of(doc)["failures_draft"]
    doc["version"] = 5
    (data_dir / "progress.json").write_text(json.dumps(doc), encoding="utf-8")
    loaded = ProgressStore(data_dir).load()
    assert loaded is not None and loaded["version"] == FORMAT_VERSION == 6
    assert school_of(loaded)["failures_draft"] is None and school_of(loaded)["failures"] == []
