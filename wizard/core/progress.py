"""The progress model: the one writer of the saved document (`document.py`).

Pages and glue read the document freely (`progress.school`, `progress.cycle`…) but change it only through the
methods below, each named after what happened – the admin typed, ticked, chose; a file was analysed; the ENT
reported an import; the server was checked; a matching ran. Every change is told to the listeners (the views
refresh from there, one path) and written: at once by default; in the window, after a pause in typing and at once
when a step is left, the window closes or a bug is reported (gui/autosave.py), by a writer thread (saving.py).
`saved` is true only once the latest change is on disk: nothing may claim « enregistré » before. A write that
fails leaves the change in memory, sets `save_problem` to the French sentence that says so, and is tried again
at the next change. Qt-free.
"""
from __future__ import annotations

import os
import threading
from collections.abc import Callable
from typing import Protocol

from wizard.core import outcomes
from wizard.core.dates import now_iso
from wizard.core.document import (
    FORMAT_VERSION,
    Analysis,
    ChosenFile,
    Decision,
    Document,
    FailureCount,
    FailureDraft,
    Identity,
    IdentityField,
    ImportEntry,
    Mode,
    Pass,
    PassKind,
    Purpose,
    School,
    ServerCheck,
    Settings,
)
from wizard.core.figures import figure_kind
from wizard.core.i18n import Language
from wizard.core.keys import KeyStore, KeyUnavailable, entry_name, key_id, lost_message
from wizard.core.safetext import ADDRESS, MESSAGE, NAME, plain
from wizard.core.saving import WriteNow, Writer
from wizard.core.schoolname import DIFFERENT, compare
from wizard.core.steps import PASS_STEP_IDS
from wizard.core.store import ProgressStore, encode, log_unwritable, unwritable_message

# The steps of a pass through part 3, and the end: their ticks and completion dates belong to the pass.
CYCLE_STEPS = PASS_STEP_IDS
SERVER_CHECKS_KEPT = 20  # the latest ones tell the story; keep the file small
# An earlier pass keeps its analysis's counts and the findings a page shows, not the full lists (thousands of
# findings, keyed hashes that its import entry keeps anyway): the file stays small and quick to open.
ARCHIVED_FINDINGS = 200
FAILURE_COUNTS_KEPT = 100
HERE, ELSEWHERE, GONE = "here", "elsewhere", "gone"
# How long each typed value of the school may be (safetext.py): the fields refuse more as they are typed.
IDENTITY_LIMITS = {"name": NAME, "uai": NAME, "pronote_url": ADDRESS, "pronote_version": NAME,
                   "ent_site_url": ADDRESS, "contact": ADDRESS}


def random_hex(size: int) -> str:
    """`size` random bytes from the system's cryptographic source, in hex: the ids of schools and passes, and each
    school's key for its keyed hashes (privacy.keyed_hash, kept apart: keys.py)."""
    return os.urandom(size).hex()


class CheckResult(Protocol):
    """What the model keeps of a server check (`probe.ProbeResult`, which the model never imports: the network
    code loads with its page)."""

    @property
    def outcome(self) -> str: ...
    @property
    def version(self) -> str | None: ...
    @property
    def cas_host(self) -> str | None: ...
    @property
    def message(self) -> str: ...
    @property
    def school_name(self) -> str | None: ...


def new_pass(kind: PassKind, mode: Mode | None, redo_of: str | None = None) -> Pass:
    # The id tells passes apart: two passes can start within the same second (the history is keyed on it).
    return {"id": random_hex(6), "kind": kind, "mode": mode, "started_at": now_iso(), "finished_at": None,
            "ticks": {}, "completed": {}, "file": None, "analysis": None, "warnings_read": False,
            "reported_count": None, "redo_of": redo_of}


def archived(cycle: Pass) -> Pass:
    """The pass as history keeps it (see ARCHIVED_FINDINGS)."""
    analysis = cycle["analysis"]
    if analysis is None:
        return cycle
    return {**cycle, "analysis": {**analysis, "findings": analysis["findings"][:ARCHIVED_FINDINGS], "id_hashes": []}}


def pass_is_empty(cycle: Pass) -> bool:
    """Nothing was done in this pass: no tick, no file, no figure (replaced by a new one, it is not history)."""
    return not (cycle["finished_at"] or cycle["file"] or cycle["reported_count"] is not None
                or any(any(ticks.values()) for ticks in cycle["ticks"].values()))


def ticks_of(school: School, step: str) -> dict[str, bool]:
    """The ticks of `step`: the current pass's for a step of part 3, the school's for the others."""
    holder: Pass | School = school["cycle"] if step in CYCLE_STEPS else school
    return holder["ticks"].get(step, {})


def completed_at(school: School, step: str) -> str | None:
    """When the admin last went past `step` complete (in the current pass, for a step of part 3)."""
    holder: Pass | School = school["cycle"] if step in CYCLE_STEPS else school
    return holder["completed"].get(step)


def new_school() -> School:
    return {
        "id": random_hex(4),
        "identity": {"name": "", "uai": "", "pronote_url": "", "pronote_version": "", "ent_site_url": "",
                     "contact": ""},
        "hash_key_id": None,  # the key is made with the first hash, and kept apart (Progress.hash_key)
        "current_step": "accueil",
        "ticks": {},
        "completed": {},
        "setup_finished_at": None,
        "connection": None,
        "restart_from_part_1": False,
        "cycle": new_pass("premiere", None),
        "passes": [],
        "import_history": [],
        "failures": [],
        "failures_draft": None,
        "server_checks": [],
        "matching": None,
    }


def school_is_draft(school: School) -> bool:
    """Only the school page was filled in: nothing walked, checked, imported or noted."""
    return (not school["setup_finished_at"] and not school["connection"] and not school["import_history"]
            and not school["passes"] and not school["server_checks"] and not school["failures"]
            and pass_is_empty(school["cycle"])
            and not any(any(ticks.values()) for ticks in school["ticks"].values()))


def new_document() -> Document:
    school = new_school()
    return {"version": FORMAT_VERSION, "current": school["id"], "schools": {school["id"]: school},
            "settings": {"language": "", "proxy": ""}}


def without_credentials(proxy: str) -> str:
    """`http://user:secret@host:3128` → `http://host:3128`: what may be kept on disk."""
    scheme, sep, rest = proxy.partition("://")
    if not sep:
        scheme, rest = "", proxy
    host = rest.rsplit("@", 1)[-1]
    return f"{scheme}{sep}{host}"


def import_entry(cycle: Pass, history: list[ImportEntry], date: str | None = None) -> ImportEntry:
    """What an import leaves in the history: its date, the ENT's figure and what it meant (figures.py), the file's
    counts, keyed hashes of the ids. `history`: the imports before this pass; `date`: kept when the entry corrects
    this pass's own (the import happened then)."""
    analysis, file, reported = cycle["analysis"], cycle["file"], cycle["reported_count"]
    if reported is None:  # Progress.record_import records nothing before the figure is typed
        raise ValueError("an import is recorded with the ENT's figure")
    return {
        "date": date or now_iso(),
        "cycle": cycle["id"],
        "mode": cycle["mode"],
        "counts": analysis["counts"] if analysis else {},
        "file_sha256": file["sha256"] if file else None,
        "reported_count": reported,
        "reading": figure_kind(analysis, reported, cycle["mode"], history) if analysis else None,
        "export_date": analysis["export_date"] if analysis else None,
        "id_hashes": analysis["id_hashes"] if analysis else [],
    }


def last_check(school: School, purpose: Purpose) -> ServerCheck | None:
    """The school's latest server check made for `purpose` (address or delegation)."""
    checks = [check for check in school["server_checks"] if check["kind"] == purpose]
    return checks[-1] if checks else None


def declaration_allowed(school: School) -> bool:
    """Part 2 may be declared by hand, unless the server was last seen answering as PRONOTE without the
    delegation: that would record a switch the server itself contradicts."""
    check = last_check(school, outcomes.DELEGATION)
    return check is None or outcomes.manual_confirmation_allowed(check["outcome"])


def analysis_is_current(cycle: Pass) -> bool:
    """The pass's analysis judged the file now chosen, in the mode now chosen (else it must be made again)."""
    file, analysis = cycle["file"], cycle["analysis"]
    return bool(file and analysis and analysis["file_sha256"] == file["sha256"] and analysis["mode"] == cycle["mode"])


class Progress:
    def __init__(self, store: ProgressStore, doc: Document | None):
        self.store = store
        self.doc = doc if doc is not None else new_document()
        self.listeners: list[Callable[[], None]] = []
        # The folder cannot be written at all: say so from the first page, before anything is lost.
        self.save_problem = store.read_only_message
        self.session_proxy = ""
        # Changes are counted; the file holds `on_disk` of them. The window replaces `writer` (a thread) and sets
        # `write_soon` (its pause timer); without them every change is written before the method returns.
        self.revision = self.on_disk = self._handed = 0
        self.writer: Writer = WriteNow(store, self.written)
        self.write_soon: Callable[[], None] | None = None
        self._backup_refreshed = False
        self._outcomes = threading.Lock()  # `written` may come from the writer thread
        self._last_outcome = 0
        self.keys = KeyStore(store.data_dir)
        self._hash_keys: dict[str, str] = {}  # school id → key, once found (the key store is asked once)
        self.key_problem = ""  # a key lost or out of reach, said by the page that needed it
        self._adopt_found_keys()

    @classmethod
    def open(cls, store: ProgressStore) -> Progress:
        return cls(store, store.load())

    # -- the key of the keyed hashes (keys.py) ----------------------------------------------------
    def _adopt_found_keys(self) -> None:
        """A file of an older format kept its keys inside: they go to the key store, and the file is written again
        at once without them (its backup too)."""
        found = dict(self.store.found_keys)
        if not found:
            return
        for school in self.doc["schools"].values():
            name = entry_name(school["id"], school["hash_key_id"] or "")
            if name in found:
                self._hash_keys[school["id"]] = found[name]
        if not self.store.writable:
            return  # read-only: the keys serve from memory, the file is left as it is
        try:
            for name, key in found.items():
                self.keys.put(name, key)
        except OSError:
            return  # nowhere to keep them yet: they stay in the old file, tried again at the next start
        self._changed()

    def hash_key(self, school: School | None = None) -> str | None:
        """The key of `school`'s keyed hashes (default: the current school's), made with its first hash. None when
        the system's key store refuses now (`key_problem` says so: comparisons with earlier hashes wait). A key
        that is lost for good is replaced, and the hashes it made – which nothing can compare any more – go."""
        school = school or self.school
        known = self._hash_keys.get(school["id"])
        if known:
            return known
        kid = school["hash_key_id"]
        key = None
        if kid:
            try:
                key = self.keys.get(entry_name(school["id"], kid))
            except KeyUnavailable as problem:
                self.key_problem = problem.message
                return None
            if key and key_id(key) != kid:
                key = None  # another key under that name: the hashes were not made with it
        if key is None:
            key = random_hex(32)
            if kid:
                self._forget_hashes(school)
                self.key_problem = lost_message()
            kid = school["hash_key_id"] = key_id(key)
            if self.store.writable:
                try:
                    self.keys.put(entry_name(school["id"], kid), key)
                except OSError:
                    pass  # kept for this session only; the next start finds it lost, and says so
            self._changed()
        self._hash_keys[school["id"]] = key
        return key

    @staticmethod
    def _forget_hashes(school: School) -> None:
        for entry in school["import_history"]:
            entry["id_hashes"] = []
        if school["cycle"]["analysis"]:
            school["cycle"]["analysis"]["id_hashes"] = []
        if school["matching"]:
            school["matching"]["decisions"] = {}


    # -- reading ---------------------------------------------------------------------------------
    @property
    def school(self) -> School:
        return self.doc["schools"][self.doc["current"]]

    def schools(self) -> list[School]:
        return list(self.doc["schools"].values())

    @property
    def identity(self) -> Identity:
        return self.school["identity"]

    @property
    def cycle(self) -> Pass:
        return self.school["cycle"]

    @property
    def settings(self) -> Settings:
        return self.doc["settings"]

    @property
    def setup_finished(self) -> bool:
        return bool(self.school["setup_finished_at"])

    # -- whom a background job works for ---------------------------------------------------------
    def job_target(self) -> tuple[str, str]:
        """The school and the pass a job is started for: its result is recorded there and nowhere else, whatever
        the window shows by the time it ends (another school, a new pass)."""
        return self.school["id"], self.cycle["id"]

    def where(self, target: tuple[str, str]) -> str:
        """HERE: the school and pass now shown; ELSEWHERE: that school's pass, while another school is shown;
        GONE: the school was erased or the pass replaced by a new one (the result has nowhere to go)."""
        school = self.doc["schools"].get(target[0])
        if school is None or school["cycle"]["id"] != target[1]:
            return GONE
        return HERE if school is self.school else ELSEWHERE

    def ticked(self, step: str, item: str) -> bool:
        return bool(ticks_of(self.school, step).get(item))

    @property
    def pass_finished(self) -> bool:
        """The current pass is history: its ticks, file and figure no longer change (only « refaire cet import »
        starts another)."""
        return bool(self.cycle["finished_at"])

    def school_with_uai(self, uai: str) -> School | None:
        """Another school kept here with this UAI (one school, one record: a second would split its history)."""
        def plain(text: str) -> str:  # as school.check_uai reads it: no spaces, upper case
            return "".join(text.split()).upper()

        uai = plain(uai)
        for school in self.schools():
            if uai and school["id"] != self.school["id"] and plain(school["identity"]["uai"]) == uai:
                return school
        return None

    @property
    def saved(self) -> bool:
        """Every change so far reached the disk (nothing may claim « enregistré » otherwise)."""
        return not self.save_problem and self.on_disk == self.revision

    def pending(self) -> bool:
        """A change waits to be written (or is being written)."""
        return self.on_disk != self.revision

    # -- schools ---------------------------------------------------------------------------------
    def add_school(self) -> None:
        school = new_school()
        self.doc["schools"][school["id"]] = school
        self.doc["current"] = school["id"]
        self._changed()

    def drop_school(self, school_id: str) -> None:
        """A school begun by mistake (« Ajouter » for one already kept) is removed: only one that holds nothing
        but what was typed on the school page, never the last one."""
        school = self.doc["schools"].get(school_id)
        if school is None or len(self.doc["schools"]) == 1 or not school_is_draft(school):
            return
        del self.doc["schools"][school_id]
        if self.doc["current"] == school_id:
            self.doc["current"] = next(iter(self.doc["schools"]))
        self._changed()

    def switch_school(self, school_id: str) -> None:
        if school_id in self.doc["schools"] and school_id != self.doc["current"]:
            self.doc["current"] = school_id
            self._changed()

    def erase_all(self) -> list[str]:
        """« Effacer les données locales »: every school and every file the app keeps, and their keys, then a
        fresh start. Returns what could not be removed (the page names it)."""
        self.writer.wait()  # a write still under way would bring the erased file back
        left = self.store.erase()
        left += self.keys.delete([entry_name(school["id"], school["hash_key_id"])
                                  for school in self.doc["schools"].values() if school["hash_key_id"]])
        self._hash_keys.clear()
        self._backup_refreshed = True  # nothing left to keep a copy of
        settings = self.doc["settings"]
        self.doc = new_document()
        self.doc["settings"]["language"] = settings["language"]  # the interface stays in the chosen language
        self._changed()
        return left

    # -- what the admin typed, ticked, chose -----------------------------------------------------
    def type_identity(self, key: IdentityField, value: str) -> None:
        value = plain(value, IDENTITY_LIMITS[key])
        if self.identity[key] == value:
            return
        self.identity[key] = value
        connection = self.school["connection"]
        if key == "pronote_url" and connection and connection["how"] == "already_in_place":
            self.school["connection"] = None  # it was about the server at the previous address
        self._changed()

    def settle_identity(self, values: dict[IdentityField, str]) -> None:
        """The school page is left complete: its values in their normalised form, in one save."""
        values = {key: plain(value, IDENTITY_LIMITS[key]) for key, value in values.items()}
        if any(self.identity[key] != value for key, value in values.items()):
            for key, value in values.items():
                self.identity[key] = value
            self._changed()

    def tick(self, step: str, item: str, on: bool) -> None:
        if step in CYCLE_STEPS and self.pass_finished:
            return  # a finished pass is history
        holder: Pass | School = self.cycle if step in CYCLE_STEPS else self.school
        ticks = holder["ticks"].setdefault(step, {})
        if ticks.get(item, False) != on:
            ticks[item] = on
            self._changed()

    def arrive_at(self, step: str) -> None:
        if self.school["current_step"] != step:
            self.school["current_step"] = step
            self._changed()

    def complete_step(self, step: str) -> None:
        """The admin went past `step` complete: the first time is the date kept (going back and forward again
        changes nothing)."""
        if step in CYCLE_STEPS and self.pass_finished:
            return
        holder: Pass | School = self.cycle if step in CYCLE_STEPS else self.school
        if step not in holder["completed"]:
            holder["completed"][step] = now_iso()
            self._changed()

    def choose_language(self, language: Language) -> None:
        if self.settings["language"] != language:
            self.settings["language"] = language
            self._changed()

    def set_proxy(self, proxy: str) -> None:
        """The proxy typed in the network settings ("" = the system's). A user name and password in it serve
        until the assistant closes and are never written to disk."""
        self.session_proxy = proxy = plain(proxy, ADDRESS)
        stored = without_credentials(proxy)
        if self.settings["proxy"] != stored:
            self.settings["proxy"] = stored
            self._changed()

    @property
    def proxy(self) -> str | None:
        """The proxy the server check must use: the one typed (with its credentials this session), or None for
        the system's."""
        return self.session_proxy or self.settings["proxy"] or None

    # -- parts 1 and 2: in place, verified or declared -------------------------------------------
    def record_server_check(self, purpose: Purpose, result: CheckResult, school_id: str | None = None) -> bool:
        """A look at the server (a `probe.ProbeResult`): its date and outcome only. A delegation to the ENT seen
        from part 2 proves parts 1–2, and from the school page that they were done before (unless the admin chose
        the whole walk); a server seen answering without it withdraws what stood on the admin's word.

        Recorded on `school_id`, the school the check was started for (default: the current one); False when that
        school is gone. What the server said is made plain on its way in (safetext.py)."""
        school = self.doc["schools"].get(school_id or self.doc["current"])
        if school is None:
            return False
        entry: ServerCheck = {"date": now_iso(), "kind": purpose, "outcome": plain(result.outcome),
                 "verified": outcomes.verified(result.outcome, purpose), "version": plain(result.version or ""),
                 "cas_host": plain(result.cas_host or "", ADDRESS), "message": plain(result.message, MESSAGE)}
        checks = school["server_checks"]
        checks.append(entry)
        del checks[:-SERVER_CHECKS_KEPT]
        connection = school["connection"]
        if purpose == outcomes.DELEGATION and entry["verified"]:
            how = connection["how"] if connection else "walk"  # a declaration now verified keeps its kind
            school["connection"] = {"date": entry["date"], "verified": True, "how": how}
        elif purpose == outcomes.DELEGATION and connection and not declaration_allowed(school):
            school["connection"] = None  # the server now answers without the delegation
        elif purpose == outcomes.ADDRESS and result.outcome == outcomes.DELEGATED and not school["setup_finished_at"] \
                and not school["restart_from_part_1"] \
                and compare(school["identity"]["name"], result.school_name or "") != DIFFERENT:
            # (a server under another school's name does not skip parts 1–2 on its word: the admin chooses)
            self._already_connected(verified=True, school=school)
        self._changed()
        return True

    def confirm_by_hand(self, on: bool) -> None:
        """Part 2: the admin says the base was published, the server could not be checked (« déclaré »)."""
        connection = self.school["connection"]
        if on and not connection and declaration_allowed(self.school):
            self.school["connection"] = {"date": now_iso(), "verified": False, "how": "walk"}
        elif not on and connection and not connection["verified"]:
            self.school["connection"] = None
        else:
            return
        self._changed()

    def declare_already_connected(self, verified: bool) -> None:
        """The school page: parts 1–2 were done before (seen on the server when `verified`); on to part 3."""
        self._already_connected(verified)
        self._changed()

    def _already_connected(self, verified: bool, school: School | None = None) -> None:
        school = school or self.school
        school["connection"] = {"date": now_iso(), "verified": verified, "how": "already_in_place"}
        school["restart_from_part_1"] = False

    def restart_from_part_1(self) -> None:
        """The school page: the admin wants the whole walk, whatever the server showed."""
        connection = self.school["connection"]
        if connection and connection["how"] == "already_in_place":
            self.school["connection"] = None
        self.school["restart_from_part_1"] = True
        self._changed()

    # -- part 3: the passes ----------------------------------------------------------------------
    def start_pass(self, kind: PassKind, mode: Mode | None = None, redo_of: str | None = None) -> None:
        """A new pass through part 3: « partiel » for newcomers, « nouvelle_annee » for the yearly full import.

        The current pass becomes history (unless nothing was done in it); the new one starts with no tick, no file
        and no figure: they will describe another export.
        """
        if not pass_is_empty(self.cycle):
            self.school["passes"].append(archived(self.cycle))
        if kind == "nouvelle_annee":  # the PRONOTE version changes each year: the school page is walked again
            self.school["completed"].pop("etablissement", None)
        mode = mode or ("partiel" if kind == "partiel" else "complet")
        self.school["cycle"] = new_pass(kind, mode, redo_of)
        self.school["current_step"] = "accueil"
        self._changed()

    def redo_pass(self) -> None:
        """« Refaire cet import »: the last pass again, in its mode, as a new pass; the old one stays as it was."""
        last = self.cycle
        kind: PassKind = last["kind"] if last["kind"] != "premiere" else \
            ("partiel" if last["mode"] == "partiel" else "nouvelle_annee")
        self.start_pass(kind, last["mode"], redo_of=last["id"])

    def choose_mode(self, mode: Mode) -> None:
        if self.cycle["mode"] != mode and not self.pass_finished:
            self.cycle["mode"] = mode
            self._changed()

    def record_analysis(self, file_info: ChosenFile, analysis: Analysis, target: tuple[str, str] | None = None) -> str:
        """The file check ended: the file and what was found. Its warnings are to be read again – unless it is the
        same file found the same (read again in another language, or after an interruption).

        Recorded in `target`'s pass (`job_target()` when the analysis started); says where it landed (HERE,
        ELSEWHERE) or GONE when that pass is no more, or is finished – history (nothing recorded)."""
        where = self.where(target) if target else HERE
        if where == GONE:
            return GONE
        cycle = self.doc["schools"][target[0]]["cycle"] if target else self.cycle
        if cycle["finished_at"]:
            return GONE
        previous = cycle["analysis"]
        same = bool(previous and previous["file_sha256"] == analysis["file_sha256"]
                    and previous["finding_counts"] == analysis["finding_counts"])
        cycle["file"] = {**file_info, "chosen_at": now_iso()}
        cycle["analysis"] = analysis
        cycle["warnings_read"] = cycle["warnings_read"] and same
        self._changed()
        return where

    def forget_analysis(self) -> None:
        """The file could not be read: no analysis stands for this pass."""
        if self.cycle["analysis"] is not None and not self.pass_finished:
            self.cycle["analysis"] = None
            self._changed()

    def read_warnings(self, on: bool) -> None:
        if self.cycle["warnings_read"] != on and not self.pass_finished:
            self.cycle["warnings_read"] = on
            self._changed()

    def type_reported_count(self, count: int | None) -> None:
        if self.cycle["reported_count"] != count and not self.pass_finished:
            self.cycle["reported_count"] = count
            self._changed()

    def imports_before_this_pass(self) -> list[ImportEntry]:
        cycle_id = self.cycle["id"]
        return [entry for entry in self.school["import_history"] if entry["cycle"] != cycle_id]

    def record_import(self) -> None:
        """Leaving the import page: this pass's import in the history. Passing the page again records nothing new;
        a corrected figure for the same file keeps the import's date (the import happened then); another file is
        another import, of today. A finished pass is never recorded again."""
        if self.pass_finished or self.cycle["reported_count"] is None:
            return
        history = self.school["import_history"]
        own = next((index for index, entry in enumerate(history) if entry["cycle"] == self.cycle["id"]), None)
        before = self.imports_before_this_pass()
        if own is None:
            history.append(import_entry(self.cycle, before))
        else:
            entry = history[own]
            file = self.cycle["file"]
            same_file = entry["file_sha256"] == (file["sha256"] if file else None)
            updated = import_entry(self.cycle, before, date=entry["date"] if same_file else None)
            if updated == entry:
                return
            history[own] = updated
        self._changed()

    def record_matching(self, counts: dict[str, dict[str, int]], ent_rows: int, unusable_rows: int,
                        target: tuple[str, str] | None = None) -> str:
        """A matching preview ended: its counts, on `target`'s school (as record_analysis)."""
        where = self.where(target) if target else HERE
        if where == GONE:
            return GONE
        school = self.doc["schools"][target[0]] if target else self.school
        matching = school["matching"]
        decisions = matching["decisions"] if matching else {}
        school["matching"] = {"date": now_iso(), "counts": counts, "ent_rows": ent_rows,
                              "unusable_rows": unusable_rows, "decisions": decisions}
        self._changed()
        return where

    def decide_pair(self, key: str, decision: Decision | None) -> None:
        """The admin accepted or rejected a proposed pair (`key` is keyed hashes of both ids), or undid it."""
        matching = self.school["matching"]
        if matching is None:
            matching = self.school["matching"] = {"date": None, "counts": {}, "ent_rows": 0, "unusable_rows": 0,
                                                  "decisions": {}}
        decisions = matching["decisions"]
        if decision:
            decisions[key] = decision
        else:
            decisions.pop(key, None)
        self._changed()

    # -- after the import: identification failures ----------------------------------------------------------
    def note_failures(self, day: str, count: int) -> None:
        """The admin read `count` users in failure on PRONOTE's home page on `day` (ISO date): one count per day,
        the latest noted for that day wins. The page checks the values first (failures.check_count)."""
        failures = [entry for entry in self.school["failures"] if entry["day"] != day]
        noted: FailureCount = {"day": day, "count": count, "recorded_at": now_iso()}
        failures.append(noted)
        failures.sort(key=lambda entry: entry["day"])
        self.school["failures"] = failures[-FAILURE_COUNTS_KEPT:]
        self.school["failures_draft"] = None  # noted: no longer a draft
        self._changed()

    def type_failures(self, count: str, day: str) -> None:
        """The admin typed a count of failures (and its day) not noted yet: kept as a draft, never as a noted
        count; an emptied count leaves no draft."""
        draft: FailureDraft | None = {"count": plain(count, NAME), "day": plain(day, NAME)} \
            if count.strip() else None
        if self.school["failures_draft"] != draft:
            self.school["failures_draft"] = draft
            self._changed()

    def unnote_failures(self, day: str) -> None:
        """A count noted by mistake is taken back."""
        failures = [entry for entry in self.school["failures"] if entry["day"] != day]
        if len(failures) != len(self.school["failures"]):
            self.school["failures"] = failures
            self._changed()

    def finish_walk(self) -> None:
        """« Terminé » reached: the first walk is over (parts 1–2 are then skipped) and this pass too."""
        if self.school["setup_finished_at"] and self.cycle["finished_at"]:
            return
        self.school["setup_finished_at"] = self.school["setup_finished_at"] or now_iso()
        self.cycle["finished_at"] = self.cycle["finished_at"] or now_iso()
        self._changed()

    # -- persistence -----------------------------------------------------------------------------
    def retry_save(self) -> None:
        """« Réessayer l'enregistrement »: the same document, written again."""
        self.flush()
        self.notify()

    def flush(self, *, refresh_backup: bool = False) -> None:
        """Hand the document as it is now to the writer: what changed since the last write, or the last write
        again when it failed. The `.bak` is refreshed when asked (a step left) and at the first write of the
        session, so that it holds the last good state of the previous session."""
        if self._handed == self.revision and not self.save_problem:
            return
        try:
            data = encode(self.doc)  # here, on the thread that changes the document: one consistent state
        except (ValueError, TypeError, RecursionError) as problem:
            # A value that cannot be written (outside text let in unchecked: a lone surrogate…) is a bug, but it
            # fails this write loudly – never every later one in silence, never « enregistré ».
            log_unwritable(problem)
            with self._outcomes:
                self.save_problem = unwritable_message()
            self.notify()  # the views say it now (the window's writes come from its pause timer)
            return
        self._handed = self.revision
        refresh_backup = refresh_backup or not self._backup_refreshed
        self._backup_refreshed = True
        self.writer.submit(self.revision, data, refresh_backup)

    def written(self, revision: int, problem: str) -> None:
        """A write ended (in the writer's thread, maybe): `problem` is "" or why it failed. Outcomes of older
        writes arriving late change nothing."""
        with self._outcomes:
            if revision < self._last_outcome:
                return
            self._last_outcome = revision
            self.save_problem = problem
            if not problem:
                self.on_disk = revision

    def _changed(self) -> None:
        self.revision += 1
        if self.write_soon is None:
            self.flush()
        else:
            self.write_soon()
        self.notify()

    def notify(self) -> None:
        """The views refresh from the model (after a change, or when a write ended)."""
        for listener in list(self.listeners):
            listener()
