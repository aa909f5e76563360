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

from wizard.core import outcomes
from wizard.core.dates import now_iso
from wizard.core.document import FORMAT_VERSION
from wizard.core.saving import WriteNow
from wizard.core.steps import STEPS
from wizard.core.store import ProgressStore, encode

# The steps of a pass through part 3 and the end: a new pass clears their ticks.
CYCLE_STEPS = tuple(step.id for step in STEPS if step.part >= 3)
SERVER_CHECKS_KEPT = 20  # the latest ones tell the story; keep the file small


def random_hex(size: int) -> str:
    """`size` random bytes from the system's cryptographic source, in hex: the ids of schools and passes, and each
    school's key for its keyed hashes (privacy.keyed_hash)."""
    return os.urandom(size).hex()


def new_pass(kind: str, mode: str | None) -> dict:
    # The id tells passes apart: two passes can start within the same second (the history is keyed on it).
    return {"id": random_hex(6), "kind": kind, "mode": mode, "started_at": now_iso(), "finished_at": None,
            "file": None, "analysis": None, "warnings_read": False, "reported_count": None}


def new_school() -> dict:
    return {
        "id": random_hex(4),
        "identity": {"name": "", "uai": "", "pronote_url": "", "pronote_version": "", "ent_site_url": "",
                     "contact": ""},
        "hash_key": random_hex(32),
        "current_step": "accueil",
        "ticks": {},
        "completed": {},
        "setup_finished_at": None,
        "connection": None,
        "restart_from_part_1": False,
        "cycle": new_pass("premiere", None),
        "import_history": [],
        "server_checks": [],
        "matching": None,
    }


def new_document() -> dict:
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


def import_entry(cycle: dict) -> dict:
    """What an import leaves in the history: the ENT's figure, the file's counts, keyed hashes of the ids."""
    analysis = cycle["analysis"] or {}
    return {
        "date": now_iso(),
        "cycle": cycle["id"],
        "mode": cycle["mode"],
        "counts": analysis.get("counts", {}),
        "file_sha256": (cycle["file"] or {}).get("sha256"),
        "reported_count": cycle["reported_count"],
        "export_date": analysis.get("export_date"),
        "id_hashes": analysis.get("id_hashes", []),
    }


def last_check(school: dict, purpose: str) -> dict | None:
    """The school's latest server check made for `purpose` (address or delegation)."""
    checks = [check for check in school["server_checks"] if check["kind"] == purpose]
    return checks[-1] if checks else None


def declaration_allowed(school: dict) -> bool:
    """Part 2 may be declared by hand, unless the server was last seen answering as PRONOTE without the
    delegation: that would record a switch the server itself contradicts."""
    check = last_check(school, outcomes.DELEGATION)
    return check is None or outcomes.manual_confirmation_allowed(check["outcome"])


def analysis_is_current(cycle: dict) -> bool:
    """The pass's analysis judged the file now chosen, in the mode now chosen (else it must be made again)."""
    file, analysis = cycle.get("file"), cycle.get("analysis")
    return bool(file and analysis and analysis["file_sha256"] == file["sha256"] and analysis["mode"] == cycle["mode"])


class Progress:
    def __init__(self, store: ProgressStore, doc: dict | None):
        self.store = store
        self.doc = doc if doc is not None else new_document()
        self.listeners: list[Callable[[], None]] = []
        # The folder cannot be written at all: say so from the first page, before anything is lost.
        self.save_problem = store.read_only_message
        self.session_proxy = ""
        # Changes are counted; the file holds `on_disk` of them. The window replaces `writer` (a thread) and sets
        # `write_soon` (its pause timer); without them every change is written before the method returns.
        self.revision = self.on_disk = self._handed = 0
        self.writer = WriteNow(store, self.written)
        self.write_soon: Callable[[], None] | None = None
        self._backup_refreshed = False
        self._outcomes = threading.Lock()  # `written` may come from the writer thread
        self._last_outcome = 0

    @classmethod
    def open(cls, store: ProgressStore) -> Progress:
        return cls(store, store.load())

    # -- reading ---------------------------------------------------------------------------------
    @property
    def school(self) -> dict:
        return self.doc["schools"][self.doc["current"]]

    def schools(self) -> list[dict]:
        return list(self.doc["schools"].values())

    @property
    def identity(self) -> dict:
        return self.school["identity"]

    @property
    def cycle(self) -> dict:
        return self.school["cycle"]

    @property
    def settings(self) -> dict:
        return self.doc["settings"]

    @property
    def setup_finished(self) -> bool:
        return bool(self.school["setup_finished_at"])

    def ticked(self, step: str, item: str) -> bool:
        return bool(self.school["ticks"].get(step, {}).get(item))

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

    def switch_school(self, school_id: str) -> None:
        if school_id in self.doc["schools"] and school_id != self.doc["current"]:
            self.doc["current"] = school_id
            self._changed()

    def erase_all(self) -> None:
        """« Effacer les données locales »: every school and every file the app keeps, then a fresh start."""
        self.writer.wait()  # a write still under way would bring the erased file back
        self.store.erase()
        self._backup_refreshed = True  # nothing left to keep a copy of
        settings = self.doc["settings"]
        self.doc = new_document()
        self.doc["settings"]["language"] = settings["language"]  # the interface stays in the chosen language
        self._changed()

    # -- what the admin typed, ticked, chose -----------------------------------------------------
    def type_identity(self, key: str, value: str) -> None:
        if self.identity[key] == value:
            return
        self.identity[key] = value
        connection = self.school["connection"]
        if key == "pronote_url" and connection and connection["how"] == "already_in_place":
            self.school["connection"] = None  # it was about the server at the previous address
        self._changed()

    def settle_identity(self, values: dict[str, str]) -> None:
        """The school page is left complete: its values in their normalised form, in one save."""
        if any(self.identity[key] != value for key, value in values.items()):
            self.identity.update(values)
            self._changed()

    def tick(self, step: str, item: str, on: bool) -> None:
        ticks = self.school["ticks"].setdefault(step, {})
        if ticks.get(item, False) != on:
            ticks[item] = on
            self._changed()

    def arrive_at(self, step: str) -> None:
        if self.school["current_step"] != step:
            self.school["current_step"] = step
            self._changed()

    def complete_step(self, step: str) -> None:
        if step not in self.school["completed"]:
            self.school["completed"][step] = now_iso()
            self._changed()

    def choose_language(self, language: str) -> None:
        if self.settings["language"] != language:
            self.settings["language"] = language
            self._changed()

    def set_proxy(self, proxy: str) -> None:
        """The proxy typed in the network settings ("" = the system's). A user name and password in it serve
        until the assistant closes and are never written to disk."""
        self.session_proxy = proxy
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
    def record_server_check(self, purpose: str, result) -> None:
        """A look at the server (a `probe.ProbeResult`): its date and outcome only. A delegation to the ENT seen
        from part 2 proves parts 1–2, and from the school page that they were done before (unless the admin chose
        the whole walk); a server seen answering without it withdraws what stood on the admin's word."""
        entry = {"date": now_iso(), "kind": purpose, "outcome": result.outcome,
                 "verified": outcomes.verified(result.outcome, purpose), "version": result.version or "",
                 "cas_host": result.cas_host or "", "message": result.message}
        checks = self.school["server_checks"]
        checks.append(entry)
        del checks[:-SERVER_CHECKS_KEPT]
        connection = self.school["connection"]
        if purpose == outcomes.DELEGATION and entry["verified"]:
            how = connection["how"] if connection else "walk"  # a declaration now verified keeps its kind
            self.school["connection"] = {"date": entry["date"], "verified": True, "how": how}
        elif purpose == outcomes.DELEGATION and connection and not declaration_allowed(self.school):
            self.school["connection"] = None  # the server now answers without the delegation
        elif purpose == outcomes.ADDRESS and result.outcome == outcomes.DELEGATED and not self.setup_finished \
                and not self.school["restart_from_part_1"]:
            self._already_connected(verified=True)
        self._changed()

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

    def _already_connected(self, verified: bool) -> None:
        self.school["connection"] = {"date": now_iso(), "verified": verified, "how": "already_in_place"}
        self.school["restart_from_part_1"] = False

    def restart_from_part_1(self) -> None:
        """The school page: the admin wants the whole walk, whatever the server showed."""
        connection = self.school["connection"]
        if connection and connection["how"] == "already_in_place":
            self.school["connection"] = None
        self.school["restart_from_part_1"] = True
        self._changed()

    # -- part 3: the passes ----------------------------------------------------------------------
    def start_pass(self, kind: str) -> None:
        """A new pass through part 3: « partiel » for newcomers, « nouvelle_annee » for the yearly full import.

        The ticks of the previous pass are cleared: they described another export.
        """
        for step in CYCLE_STEPS:
            self.school["ticks"].pop(step, None)
            self.school["completed"].pop(step, None)
        if kind == "nouvelle_annee":  # the PRONOTE version changes each year: the school page is walked again
            self.school["completed"].pop("etablissement", None)
        self.school["cycle"] = new_pass(kind, "partiel" if kind == "partiel" else "complet")
        self.school["current_step"] = "accueil"
        self._changed()

    def choose_mode(self, mode: str) -> None:
        if self.cycle["mode"] != mode:
            self.cycle["mode"] = mode
            self._changed()

    def record_analysis(self, file_info: dict, analysis: dict) -> None:
        """The file check ended: the file and what was found. Its warnings are to be read again – unless it is the
        same file found the same (read again in another language, or after an interruption)."""
        previous = self.cycle["analysis"]
        same = bool(previous and previous["file_sha256"] == analysis["file_sha256"]
                    and previous["finding_counts"] == analysis["finding_counts"])
        self.cycle["file"] = {**file_info, "chosen_at": now_iso()}
        self.cycle["analysis"] = analysis
        self.cycle["warnings_read"] = self.cycle["warnings_read"] and same
        self._changed()

    def forget_analysis(self) -> None:
        """The file could not be read: no analysis stands for this pass."""
        if self.cycle["analysis"] is not None:
            self.cycle["analysis"] = None
            self._changed()

    def read_warnings(self, on: bool) -> None:
        if self.cycle["warnings_read"] != on:
            self.cycle["warnings_read"] = on
            self._changed()

    def type_reported_count(self, count: int | None) -> None:
        if self.cycle["reported_count"] != count:
            self.cycle["reported_count"] = count
            self._changed()

    def record_import(self) -> None:
        """Leaving the import page: this pass's import in the history, or corrected when the admin came back
        and changed the figure."""
        entry = import_entry(self.cycle)
        history = self.school["import_history"]
        if history and history[-1]["cycle"] == entry["cycle"]:
            history[-1] = entry
        else:
            history.append(entry)
        self._changed()

    def record_matching(self, counts: dict, ent_rows: int, unusable_rows: int) -> None:
        decisions = (self.school["matching"] or {}).get("decisions", {})
        self.school["matching"] = {"date": now_iso(), "counts": counts, "ent_rows": ent_rows,
                                   "unusable_rows": unusable_rows, "decisions": decisions}
        self._changed()

    def decide_pair(self, key: str, decision: str | None) -> None:
        """The admin accepted or rejected a proposed pair (`key` is keyed hashes of both ids), or undid it."""
        if self.school["matching"] is None:
            self.school["matching"] = {"date": None, "counts": {}, "ent_rows": 0, "unusable_rows": 0,
                                       "decisions": {}}
        decisions = self.school["matching"]["decisions"]
        if decision:
            decisions[key] = decision
        else:
            decisions.pop(key, None)
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
        data = encode(self.doc)  # here, on the thread that changes the document: one consistent state
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
