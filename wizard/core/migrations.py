"""Forward migrations of the saved document, one function per format step (`document.FORMAT_VERSION` is the last).

A migration takes a document of its version as it was written by that release and returns the next version; the
keys it takes out of the document (v2 → v3) go into `found_keys`, for the store to put in their own place.
It may meet a damaged file: any error it raises is turned into `InvalidDocument` by `migrate`, and the store then
falls back to the backup, as for any other damage.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from wizard.core.document import FORMAT_VERSION, InvalidDocument
from wizard.core.figures import FileCounts, figure_kind

# A document as an older release wrote it: JSON, checked against the definition once brought forward.
RawDocument = dict[str, Any]

# The v1 values of `fields` that were not ticks, and where v2 keeps them.
_V1_NOT_TICKS = {("fichier", "avertissements_lus"), ("import_ent", "nombre_importe"),
                 ("pronote_net", "delegation_verifiee"), ("pronote_net", "confirmation_manuelle")}


def _v1_to_v2(doc: RawDocument) -> RawDocument:
    """v1 kept every page value in `fields`; v2 gives each its place (ticks, the pass, the connection) and
    gathers the settings."""
    schools = {key: _school_v1_to_v2(school, doc) for key, school in doc["schools"].items()}
    current = doc.get("current")
    if current is None and len(schools) == 1:
        current = next(iter(schools))
    return {"version": 2, "current": current, "schools": schools,
            "settings": {"language": doc.get("language") or "", "proxy": ""}}


def _school_v1_to_v2(school: dict[str, Any], doc: RawDocument) -> dict[str, Any]:
    fields = school["fields"]
    ticks = {step: {key: value for key, value in values.items() if (step, key) not in _V1_NOT_TICKS}
             for step, values in fields.items()}
    cycle = dict(school["cycle"])
    if cycle.get("analysis"):
        counts: dict[str, int] = {}
        for finding in cycle["analysis"]["findings"]:
            counts[finding["code"]] = counts.get(finding["code"], 0) + 1
        cycle["analysis"] = {**cycle["analysis"], "finding_counts": counts, "language": doc.get("language") or "fr"}
    cycle.setdefault("finished_at", None)
    cycle["id"] = cycle.get("id") or cycle["started_at"]
    cycle["warnings_read"] = bool(fields.get("fichier", {}).get("avertissements_lus"))
    cycle["reported_count"] = fields.get("import_ent", {}).get("nombre_importe")
    part2 = fields.get("pronote_net", {})
    connection = None
    if part2.get("delegation_verifiee") or part2.get("confirmation_manuelle"):
        verified = bool(part2.get("delegation_verifiee"))
        dates = [check["date"] for check in school["server_checks"]
                 if check.get("kind") == "delegation" and bool(check.get("verified")) == verified]
        date = dates[-1] if dates else school["completed"].get("pronote_net") or cycle["started_at"]
        connection = {"date": date, "verified": verified, "how": "walk"}
    matching = school.get("matching") or None
    if matching:
        matching = {"date": matching.get("date"), "counts": matching.get("counts", {}),
                    "ent_rows": matching.get("ent_rows", 0), "unusable_rows": matching.get("unusable_rows", 0),
                    "decisions": matching.get("decisions", {})}
    return {
        "id": school["id"],
        "identity": {"contact": "", **school["identity"]},
        "hash_key": school["hash_key"],
        "current_step": school["current_step"],
        "ticks": ticks,
        "completed": school["completed"],
        "setup_finished_at": school["setup_finished_at"],
        "connection": connection,
        "restart_from_part_1": False,
        "cycle": cycle,
        "import_history": [{**entry, "cycle": entry.get("cycle") or ""} for entry in school["import_history"]],
        "server_checks": [{"version": "", "cas_host": "", **check} for check in school["server_checks"]],
        "matching": matching,
    }


# The steps whose ticks and dates v3 keeps in the pass (document.PASS_STEP_IDS, as v3 wrote it: a later format
# that changes that list has its own migration).
_V3_PASS_STEPS = ("export_mode", "export_pronote", "fichier", "import_ent", "rapprochement", "echecs", "fin")


def _v2_to_v3(doc: RawDocument) -> RawDocument:
    """v3 keeps a school's passes: the current one holds its own ticks and dates (v2 kept them with the school's);
    the earlier ones, which v2 forgot but for their import entries, are rebuilt from those entries; each entry
    says what the ENT's figure meant; the identification failures noted start empty.

    v2 rewrote an import's date each time the import page was passed again: a v2 entry's date is the last such
    passage, and stays so (nothing tells the first one)."""
    for school in doc["schools"].values():
        _school_v2_to_v3(school)
    return {**doc, "version": 3}


def _school_v2_to_v3(school: dict[str, Any]) -> None:
    cycle = school["cycle"]
    for key in ("ticks", "completed"):
        kept = school[key]
        cycle[key] = {step: kept.pop(step) for step in list(kept) if step in _V3_PASS_STEPS}
    cycle["redo_of"] = None
    history = school["import_history"]
    for index, entry in enumerate(history):
        analysis: FileCounts = {"counts": entry["counts"], "finding_counts": {}}
        # v2 recorded a figure typed without an analysed file with empty counts: nothing to read it against.
        entry["reading"] = figure_kind(analysis, entry["reported_count"], entry["mode"], history[:index]) \
            if entry["counts"] else None
    passes = []
    for index, entry in enumerate(history):
        if entry["cycle"] and entry["cycle"] == cycle["id"]:
            continue
        kind = "premiere" if index == 0 else "partiel" if entry["mode"] == "partiel" else "nouvelle_annee"
        passes.append({"id": entry["cycle"] or f"v2-{index}", "kind": kind, "mode": entry["mode"],
                       "started_at": entry["date"], "finished_at": entry["date"], "ticks": {}, "completed": {},
                       "file": None, "analysis": None, "warnings_read": False,
                       "reported_count": entry["reported_count"], "redo_of": None})
    school["passes"] = passes
    school["failures"] = []


def _v3_to_v4(doc: RawDocument, found_keys: dict[str, str]) -> RawDocument:
    """v3 kept each school's hash key beside its hashes; v4 keeps only the key's fingerprint (keys.py), the key
    going to the user's key store (issue 22; chained after issue 19's v2 → v3)."""
    from wizard.core.keys import entry_name, key_id

    schools = {}
    for school_id, school in doc["schools"].items():
        school = dict(school)
        key = school.pop("hash_key")
        bytes.fromhex(key)  # ValueError for a damaged one: the backup then
        school["hash_key_id"] = key_id(key)
        found_keys[entry_name(school["id"], school["hash_key_id"])] = key
        schools[school_id] = school
    return {**doc, "version": 4, "schools": schools}


def _v4_to_v5(doc: RawDocument) -> RawDocument:
    """v5 keeps the identifier file's modification time beside its size, so that a re-export to the very same size
    is seen too; a file checked before has none (None: « unknown », judged on its size alone, as before)."""
    for school in doc["schools"].values():
        for one_pass in (school["cycle"], *school["passes"]):
            if one_pass["file"] is not None:
                one_pass["file"]["mtime_ns"] = None
    return {**doc, "version": 5}


def _v5_to_v6(doc: RawDocument) -> RawDocument:
    """v6 keeps a count of failures typed and not noted yet (`failures_draft`); v5 had none: None."""
    schools = {key: {**school, "failures_draft": None} for key, school in doc["schools"].items()}
    return {**doc, "version": 6, "schools": schools}


# version N -> the function turning a version-N document into version N+1 (the keys a step takes out of the
# document go into found_keys)
_STEPS: dict[int, Callable[[RawDocument, dict[str, str]], RawDocument]] = {1: lambda doc, found_keys: _v1_to_v2(doc),
                                                   2: lambda doc, found_keys: _v2_to_v3(doc), 3: _v3_to_v4,
                                                   4: lambda doc, found_keys: _v4_to_v5(doc),
                                                   5: lambda doc, found_keys: _v5_to_v6(doc)}


def migrate(doc: RawDocument, found_keys: dict[str, str] | None = None) -> RawDocument:
    """`doc` brought to FORMAT_VERSION; InvalidDocument when it is too damaged to be carried forward."""
    version = doc.get("version")
    if type(version) is not int or version < 1:
        raise InvalidDocument("version", "numéro de format absent ou impossible")
    while version < FORMAT_VERSION:
        try:
            doc = _STEPS[version](doc, found_keys if found_keys is not None else {})
        except (KeyError, TypeError, AttributeError, ValueError) as problem:
            raise InvalidDocument("", f"format {version} endommagé ({type(problem).__name__})") from None
        version += 1
        doc["version"] = version
    return doc
