"""The progress model: every school's answers, ticks and history, saved on every change.

Pages read and write through this object only; it knows nothing of Qt. Names and birth dates never enter it:
identity of the school, typed values, ticks, dates, counts, finding codes and keyed hashes.
"""
from __future__ import annotations

from datetime import datetime
from typing import Any, Callable

from wizard.store import ProgressStore

CYCLE_STEPS = ("export_mode", "export_pronote", "fichier", "import_ent", "rapprochement", "fin")


def now_iso() -> str:
    return datetime.now().replace(microsecond=0).isoformat()


# `secrets` (with hmac and OpenSSL behind it) is imported where ids and keys are made, not at start-up: reopening
# the wizard makes none (bench/startup.py).
def new_cycle(mode: str | None, kind: str) -> dict:
    import secrets

    # The id tells passes apart: two passes can start within the same second (the history is keyed on it).
    return {"id": secrets.token_hex(6), "mode": mode, "kind": kind, "started_at": now_iso(), "file": None,
            "analysis": None}


def new_school() -> dict:
    import secrets

    from wizard.privacy import new_hash_key

    return {
        "id": secrets.token_hex(4),
        "identity": {"name": "", "uai": "", "pronote_url": "", "pronote_version": "", "ent_site_url": ""},
        "hash_key": new_hash_key(),
        "current_step": "accueil",
        "fields": {},  # step id -> {key: value}: ticks (bool) and typed values (str/int)
        "completed": {},  # step id -> ISO date when the admin went past it complete
        "setup_finished_at": None,  # set when the first walk reached « fin »
        "cycle": new_cycle(None, "premiere"),
        "import_history": [],
        "server_checks": [],
        "matching": {},
    }


class Progress:
    def __init__(self, store: ProgressStore, doc: dict):
        self.store = store
        self.doc = doc
        self.listeners: list[Callable[[], None]] = []
        if not self.doc["schools"]:
            self.add_school()

    @classmethod
    def open(cls, store: ProgressStore) -> "Progress":
        return cls(store, store.load())

    # -- schools ---------------------------------------------------------------------------------
    @property
    def school(self) -> dict:
        return self.doc["schools"][self.doc["current"]]

    def schools(self) -> list[dict]:
        return list(self.doc["schools"].values())

    def add_school(self) -> dict:
        school = new_school()
        self.doc["schools"][school["id"]] = school
        self.doc["current"] = school["id"]
        self.save()
        return school

    def switch_school(self, school_id: str) -> None:
        if school_id in self.doc["schools"]:
            self.doc["current"] = school_id
            self.save()

    def erase_all(self) -> None:
        """« Effacer les données locales »: drop every school and start afresh."""
        self.store.erase()
        self.doc = {"version": self.doc["version"], "current": None, "schools": {}}
        self.add_school()

    # -- values ----------------------------------------------------------------------------------
    @property
    def identity(self) -> dict:
        return self.school["identity"]

    def set_identity(self, key: str, value: str) -> None:
        if self.identity.get(key) != value:
            self.identity[key] = value
            self.save()

    def field(self, step: str, key: str, default: Any = None) -> Any:
        return self.school["fields"].get(step, {}).get(key, default)

    def set_field(self, step: str, key: str, value: Any) -> None:
        values = self.school["fields"].setdefault(step, {})
        if values.get(key) != value:
            values[key] = value
            self.save()

    def set_current_step(self, step: str) -> None:
        if self.school["current_step"] != step:
            self.school["current_step"] = step
            self.save()

    def mark_completed(self, step: str) -> None:
        if step not in self.school["completed"]:
            self.school["completed"][step] = now_iso()
            self.save()

    # -- cycles of part 3 ------------------------------------------------------------------------
    @property
    def cycle(self) -> dict:
        return self.school["cycle"]

    @property
    def setup_finished(self) -> bool:
        return bool(self.school["setup_finished_at"])

    def finish_walk(self) -> None:
        if not self.school["setup_finished_at"]:
            self.school["setup_finished_at"] = now_iso()
        self.cycle["finished_at"] = self.cycle.get("finished_at") or now_iso()
        self.save()

    def start_cycle(self, kind: str) -> None:
        """A new pass through part 3: « partiel » for newcomers, « nouvelle_annee » for the yearly full import.

        The ticks and the file of the previous pass are cleared: they described another export.
        """
        for step in CYCLE_STEPS:
            self.school["fields"].pop(step, None)
            self.school["completed"].pop(step, None)
        if kind == "nouvelle_annee":  # the PRONOTE version changes each year: the school page is walked again
            self.school["completed"].pop("etablissement", None)
        mode = "partiel" if kind == "partiel" else "complet"
        self.school["cycle"] = new_cycle(mode, kind)
        self.school["current_step"] = "accueil"
        self.save()

    def set_cycle(self, key: str, value: Any) -> None:
        if self.cycle.get(key) != value:
            self.cycle[key] = value
            self.save()

    def set_language(self, language: str) -> None:
        if self.doc.get("language") != language:
            self.doc["language"] = language
            self.save()

    # -- records ---------------------------------------------------------------------------------
    def add_import(self, entry: dict) -> None:
        self.school["import_history"].append(entry)
        self.save()

    def add_server_check(self, entry: dict) -> None:
        self.school["server_checks"].append(entry)
        del self.school["server_checks"][:-20]  # the latest ones tell the story; keep the file small
        self.save()

    # -- persistence -----------------------------------------------------------------------------
    def save(self) -> None:
        self.store.save(self.doc)
        for listener in list(self.listeners):
            listener()
