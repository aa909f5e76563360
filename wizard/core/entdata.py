"""The ENT's own words and values, each with where it comes from, read from one data file (schema:
`resources/ent/README.md`).

Another ENT is another file: code, help and translations never write an ENT word, they take it from the ACTIVE
ENT of the process – the file `resources/ent/default.txt` names, unless `activate(path)` chose another
(`main.py --ent FILE`). Texts are written with placeholders and filled from `EntData.words`:
`tr("… {ent_name} …").format(**current().words)`.

Every value the assistant states as a fact (a menu name, how families log in, the hosting console's buttons…) is
a *fact* in the file: the value, the sources it rests on, the date it was last confirmed, and whether it is
confirmed for current versions, only seen in an older source, or inferred from a neighbouring one. The pages say
so (`wizard/core/facts.py`), and the help lists them under « Sources ».

The file is validated whole when it is loaded, so that a mistake in it is one French sentence naming the key at
fault when the app starts, never a KeyError on a page later.
"""
from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from string import Formatter
from typing import NamedTuple, TypeAlias, TypedDict

from wizard.core import safejson
from wizard.core.errors import UserError
from wizard.core.hosts import is_host_name
from wizard.core.i18n import Translate, tr, tr_noop
from wizard.core.resources import resources_dir
from wizard.core.text import clean
from wizard.core.typography import french

IMPORT_MODES = ("complet", "partiel")
# The labels the code, the help and the translations read by name (resources/ent/README.md lists them): an ENT's
# file gives each of them.
LABELS_READ = (
    "ent_menu_services", "ent_button_new_service", "ent_tab_general", "ent_tab_technical", "ent_field_sso_type",
    "ent_field_xiti", "ent_xiti_default", "ent_field_regroupement", "ent_field_cas_url", "ent_tab_access",
    "ent_field_level", "ent_field_sublevel", "ent_button_add_access", "ent_access_summary", "ent_button_validate",
    "ent_menu_import", "ent_field_import_mode", "ent_field_import_file", "ent_button_import", "ent_import_report",
    "ent_import_message_complet", "ent_import_message_partiel", "pronote_export_menu", "pronote_export_socle_field",
    "pronote_export_checkbox", "pronote_failure_message", "pronote_failures_menu", "pronote_failures_tool",
    "pronote_home_failures_panel", "pronote_home_failures_count", "hosting_console", "hosting_panel", "hosting_stop",
    "hosting_publish", "hosting_integration_tab", "hosting_confirmation", "hosting_confirm_button")
# An ENT file nests 6 deep: the file → checklists → a step's actions → an action → its sources (or modes).
MAX_DEPTH = 16
_HTTPS_URL = re.compile(r"https://[^\s/]+/\S*")
_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")
_LABEL_NAME = re.compile(r"[a-z0-9_]+")
# confirmed: a source of the current versions states it for this ENT (or for the same software);
# unconfirmed: only an older source (the 2019 tutorial) states it – the value may differ by version;
# inferred: deduced from a neighbouring source (another region using the same console);
# advice: the assistant's own recommendation, worded as « conseil » (its sources say why).
STATUSES = ("confirmed", "unconfirmed", "inferred", "advice")


class Source(NamedTuple):
    """A public page or document the facts rest on."""

    id: str
    title: str
    where: str
    date: str


# A fact's value: a text, a list of texts (the Socle entry's possible labels…), or None (no previous ENT).
FactValue: TypeAlias = "str | tuple[str, ...] | None"


class Fact(NamedTuple):
    """One value the assistant states, with where it comes from. `key` is its place in the file
    (`cas_host`, `service.sso_type`, `labels.hosting_stop`)."""

    key: str
    value: FactValue
    sources: tuple[str, ...]
    confirmed: str
    status: str
    note: str
    texts: dict[str, str]  # other wordings of the same fact (a login said to families: « notice »)

    @property
    def current(self) -> bool:
        """Confirmed for current versions: the pages state it without a caveat."""
        return self.status == "confirmed"


class _ChecklistItem(TypedDict):
    id: str
    text: str  # French, with the ENT's words as placeholders
    sources: list[str]
    confirmed: str


class ChecklistItem(_ChecklistItem, total=False):
    """One action of a page's checklist, as the ENT data file writes it."""

    value: str  # the key of a value the page shows under the action, with « Copier »
    modes: list[str]  # only for these import modes (every mode when absent)


class EntData(NamedTuple):
    """One ENT, as its data file describes it (every key documented in `resources/ent/README.md`). Fact values
    are read as plain fields (`ent.cas_host`); their sources and dates are in `facts`."""

    source: Path
    id: str
    name: str
    portal_url: str
    site_domain: str
    site_example: str
    cas_host: str
    previous_ent: str | None  # None: no school is moving from an older ENT, so no warning about one anywhere
    socle_ent: tuple[str, ...]  # the entry's possible labels: several when it depends on the PRONOTE version
    export_file_name: str
    pronote_net_configuration: str
    school_label_example: str
    service: dict[str, str]
    profiles: tuple[str, ...]
    access_role: str
    access_target: str
    access_level: str
    import_modes: dict[str, str]
    logins: dict[str, str]  # how each kind of user logs in to the ENT today, said of them (« leur compte … »)
    login_notices: dict[str, str]  # the same, said to them on the families' notice (« votre compte … »)
    labels: dict[str, str]  # the exact menu, tab, field and button names of the ENT, PRONOTE and its console
    checklists: dict[str, tuple[ChecklistItem, ...]]
    summary_profiles: tuple[str, ...]
    sources: dict[str, Source]
    facts: dict[str, Fact]  # by key in the file
    word_facts: dict[str, str]  # placeholder → the key of the fact it shows
    plain_words: dict[str, str]  # the placeholders whose text does not depend on the language

    @property
    def words(self) -> dict[str, str]:
        """The placeholders of every text that names something of the ENT (`{ent_name}`…). The logins and the
        Socle entry are phrases: made in the language of the moment (the window's may change)."""
        return {**self.plain_words, "socle_ent": socle_phrase(self.socle_ent),
                "login_pupils_parents": tr(self.logins["pupils_parents"]), "login_staff": tr(self.logins["staff"])}

    @property
    def french_words(self) -> dict[str, str]:
        """The same placeholders in French whatever the window's language: for the printed records."""
        return {**self.plain_words, "socle_ent": socle_phrase(self.socle_ent, translate=french),
                "login_pupils_parents": self.logins["pupils_parents"], "login_staff": self.logins["staff"]}


def socle_phrase(choices: tuple[str, ...], translate: Translate = tr) -> str:
    """« K-d'école », or – when the label depends on the version – « selon la version de PRONOTE : « K-d'école »
    ou « Skolengo » »."""
    quoted = [translate(QUOTED).format(value=choice) for choice in choices]
    if len(quoted) == 1:
        return quoted[0]
    return translate(BY_VERSION).format(choices=", ".join(quoted[:-1]) + translate(OR) + quoted[-1])


# Through `translate` (tr, or the French typography alone for the printed records): marked for the translations.
QUOTED = tr_noop("« {value} »")
BY_VERSION = tr_noop("selon la version de PRONOTE : {choices}")
OR = tr_noop(" ou ")


# -- the schema ---------------------------------------------------------------------------------------------
# A key's kind: "text" (non-empty), "text_or_empty", "https_url", "host", "texts" (non-empty list of non-empty
# texts); ("fact", kind) an object holding a value of that kind (or null for "text_or_null") with its sources;
# or a nested schema (an object with exactly these keys).
Schema: TypeAlias = "dict[str, str | tuple[str, ...] | Schema]"


def _fact(kind: str, *texts: str) -> tuple[str, ...]:
    """A fact of that kind of value; `texts`: other wordings it must have (required, non-empty texts)."""
    return ("fact", kind, *texts)


SERVICE: Schema = {"title": _fact("text"), "sso_type": _fact("text"), "regroupement": _fact("text"),
           "xiti": _fact("text_or_empty"), "bloc": _fact("text")}
SCHEMA: Schema = {
    "id": "text",
    "sources": "sources",
    "name": _fact("text"),
    "portal_url": _fact("https_url"),
    "site_domain": _fact("host"),
    "site_example": "https_url",
    "cas_host": _fact("host"),
    "previous_ent": _fact("text_or_null"),
    "logins": {"pupils_parents": _fact("text", "notice"), "staff": _fact("text", "notice")},
    "socle_ent": _fact("texts"),
    "export_file_name": _fact("text"),
    "pronote_net_configuration": _fact("text"),
    "school_label_example": _fact("text"),
    "service": SERVICE,
    "profiles": _fact("texts"),
    "access_role": _fact("text"),
    "access_target": _fact("text"),
    "access_level": _fact("text"),
    "import_modes": {mode: _fact("text") for mode in IMPORT_MODES},
    "summary_profiles": _fact("texts"),
    "labels": "labels",
    "checklists": "checklists",
}
FACT_KEYS = {"value", "sources", "confirmed", "status", "note"}
SOURCE_KEYS = {"title", "where", "date"}
CHECKLIST_ITEM_KEYS = {"id", "text", "value", "modes", "sources", "confirmed"}
# The placeholders that name a fact, and the fact's key; `labels` add one each, under their own name.
WORD_FACTS = {
    "ent_name": "name", "ent_portal_url": "portal_url", "ent_cas_host": "cas_host",
    "ent_site_domain": "site_domain", "previous_ent": "previous_ent", "socle_ent": "socle_ent",
    "export_file_name": "export_file_name", "pronote_net_configuration": "pronote_net_configuration",
    "school_label_example": "school_label_example", "service_title": "service.title",
    "service_sso_type": "service.sso_type", "service_regroupement": "service.regroupement",
    "service_bloc": "service.bloc", "access_role": "access_role", "access_target": "access_target",
    "access_level": "access_level", "import_mode_complet": "import_modes.complet",
    "import_mode_partiel": "import_modes.partiel", "login_pupils_parents": "logins.pupils_parents",
    "login_staff": "logins.staff",
}

_active: EntData | None = None


def default_path() -> Path:
    """The ENT this build opens with: `resources/ent/default.txt` names its file (a packaging choice, not code)."""
    folder = resources_dir() / "ent"
    name = (folder / "default.txt").read_text(encoding="utf-8").strip()
    return folder / f"{name}.json"


def activate(path: Path | None) -> EntData:
    """Make the ENT of `path` (None: the default file) the one every text of this process names.

    Raises UserError, with one French sentence naming the file and the bad key, when the file cannot be read or
    does not follow the schema; the active ENT is then unchanged."""
    global _active
    _active = read(Path(path) if path is not None else default_path())
    return _active


def current() -> EntData:
    """The active ENT (the default file until `activate` chose another)."""
    return _active if _active is not None else activate(None)


def load_ent() -> EntData:
    """The active ENT (kept for the callers written before `current()`)."""
    return current()


def read(path: Path, today: date | None = None) -> EntData:
    """The ENT data file at `path`, validated whole; UserError otherwise. `today` (the tests of a data file, with
    the real date): no fact may be confirmed after it – a date in the future is a typing mistake. The app passes
    none: a school PC's clock may be wrong (a flat clock battery, a laptop long unused), and a date it took for the
    future would stop the app from opening at all."""
    name = clean(path.name)
    try:
        text = path.read_bytes().decode("utf-8-sig")  # -sig: Windows Notepad may save UTF-8 with a byte order mark
    except FileNotFoundError:
        raise UserError(tr("Le fichier de l'ENT « {file} » est introuvable.").format(file=name)) from None
    except (OSError, UnicodeDecodeError):
        raise UserError(tr("Le fichier de l'ENT « {file} » est illisible : il doit être un texte JSON en UTF-8.")
                        .format(file=name)) from None
    try:
        raw = safejson.loads(text, MAX_DEPTH)
    except ValueError as problem:  # json.JSONDecodeError is a ValueError that knows its line
        line = getattr(problem, "lineno", None)
        if line is not None:
            raise UserError(tr("Le fichier de l'ENT « {file} » n'est pas du JSON valable (ligne {line}).")
                            .format(file=name, line=line)) from None
        # Valid JSON no ENT file needs: a number of thousands of digits, lists nested far too deep.
        raise UserError(tr("Le fichier de l'ENT « {file} » n'est pas du JSON valable : un nombre y est trop long, ou "
                           "des listes et des objets y sont imbriqués trop profondément.").format(file=name)) from None
    checker = _Checker(name, today.isoformat() if today is not None else None)
    checker.section(raw, SCHEMA, "")
    facts = checker.facts
    # The file's own French that reaches the admin without `tr` (titles, menu names, the ENT's messages) gets its
    # typography here; logins and notes go through `tr`, which gives it, and keep their exact text as its key.
    sources = {key: Source(key, french(item["title"]), item["where"], item["date"])
               for key, item in raw["sources"].items()}
    facts = {key: fact._replace(value=french(fact.value))
             if isinstance(fact.value, str) and not key.startswith("logins.") else fact
             for key, fact in facts.items()}
    value = _Values(facts)
    labels = {key[len("labels."):]: value.text(key) for key in facts if key.startswith("labels.")}
    plain = _plain_words(value, raw["site_example"], labels)
    word_facts = {**WORD_FACTS, **{key: f"labels.{key}" for key in labels}}
    checker.checklists(raw["checklists"], set(plain) | {"socle_ent", "login_pupils_parents", "login_staff"})
    checker.every_source_cited(raw["sources"])
    return EntData(
        source=path, id=raw["id"], name=value.text("name"), portal_url=value.text("portal_url"),
        site_domain=value.text("site_domain"), site_example=raw["site_example"], cas_host=value.text("cas_host"),
        previous_ent=value.text_or_none("previous_ent"), socle_ent=value.texts("socle_ent"),
        export_file_name=value.text("export_file_name"),
        pronote_net_configuration=value.text("pronote_net_configuration"),
        school_label_example=value.text("school_label_example"),
        service={key: value.text(f"service.{key}") for key in SERVICE}, profiles=value.texts("profiles"),
        access_role=value.text("access_role"), access_target=value.text("access_target"),
        access_level=value.text("access_level"),
        import_modes={mode: value.text(f"import_modes.{mode}") for mode in IMPORT_MODES},
        logins={"pupils_parents": value.text("logins.pupils_parents"), "staff": value.text("logins.staff")},
        login_notices={who: facts[f"logins.{who}"].texts["notice"] for who in ("pupils_parents", "staff")},
        labels=labels,
        checklists={step: tuple(items) for step, items in raw["checklists"].items()},  # checked: ChecklistItem
        summary_profiles=value.texts("summary_profiles"), sources=sources, facts=facts, word_facts=word_facts,
        plain_words=plain,
    )


class _Values:
    """The facts' values by key, each of the kind its schema gave it: the checker has already refused any other, so
    the TypeErrors below would be a bug of this module (a key read as another kind than its schema's)."""

    def __init__(self, facts: dict[str, Fact]):
        self.facts = facts

    def text_or_none(self, key: str) -> str | None:
        value = self.facts[key].value
        if isinstance(value, tuple):
            raise TypeError(f"{key} is not a text")
        return value

    def text(self, key: str) -> str:
        value = self.text_or_none(key)
        if value is None:
            raise TypeError(f"{key} is not a text")
        return value

    def texts(self, key: str) -> tuple[str, ...]:
        value = self.facts[key].value
        if not isinstance(value, tuple):
            raise TypeError(f"{key} is not a list of texts")
        return value


def _plain_words(value: _Values, site_example: str, labels: dict[str, str]) -> dict[str, str]:
    """The placeholders whose text is the file's own (ENT words are not translated); `previous_ent` is "" when
    the ENT has none (texts about it are not shown then)."""
    words = {
        "ent_name": value.text("name"),
        "ent_portal_url": value.text("portal_url"),
        "ent_cas_host": value.text("cas_host"),
        "ent_site_domain": value.text("site_domain"),
        "ent_site_example": site_example,
        "previous_ent": value.text_or_none("previous_ent") or "",
        "export_file_name": value.text("export_file_name"),
        "pronote_net_configuration": value.text("pronote_net_configuration"),
        "school_label_example": value.text("school_label_example"),
        "service_title": value.text("service.title"),
        "service_sso_type": value.text("service.sso_type"),
        "service_regroupement": value.text("service.regroupement"),
        "service_bloc": value.text("service.bloc"),
        "access_role": value.text("access_role"),
        "access_target": value.text("access_target"),
        "access_level": value.text("access_level"),
        "import_mode_complet": value.text("import_modes.complet"),
        "import_mode_partiel": value.text("import_modes.partiel"),
    }
    return {**words, **labels}


# -- checking -----------------------------------------------------------------------------------------------
def _bad(file: str, key: str, problem: str) -> UserError:
    return UserError(tr("Le fichier de l'ENT « {file} » n'est pas valable : la clé « {key} » {problem}.")
                     .format(file=file, key=key, problem=problem))


def _unknown() -> str:
    return tr("est inconnue (les clés permises sont décrites dans resources/ent/README.md)")


class _Checker:
    """Walks the file against the schema; collects its facts on the way."""

    def __init__(self, file: str, today: str | None):
        self.file = file
        self.today = today  # AAAA-MM-JJ: dates written the same way compare as texts
        self.facts: dict[str, Fact] = {}
        self.source_ids: set[str] = set()
        self.cited: set[str] = set()

    def bad(self, key: str, problem: str) -> UserError:
        return _bad(self.file, key, problem)

    def section(self, value: object, schema: Schema, where: str) -> None:
        """An object with exactly the keys of `schema` (the whole file, or a nested part)."""
        if not isinstance(value, dict):
            raise self.bad(where or "(racine)", tr("doit être un objet JSON"))
        for key, kind in schema.items():
            path = f"{where}.{key}" if where else key
            if key not in value:
                raise self.bad(path, tr("manque"))
            if isinstance(kind, dict):
                self.section(value[key], kind, path)
            elif isinstance(kind, tuple):
                self.fact(value[key], kind[1], path, kind[2:])
            elif kind == "sources":
                self.sources(value[key])
            elif kind == "labels":
                self.labels(value[key])
            elif kind != "checklists":
                self.value(value[key], kind, path)
        for key in value:
            if key not in schema:
                raise self.bad(f"{where}.{key}" if where else key, _unknown())

    def value(self, value: object, kind: str, key: str) -> None:
        if kind == "text_or_null" and value is None:
            return
        if kind == "texts":
            if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
                raise self.bad(key, tr("doit être une liste de textes"))
            if not value or not all(item.strip() for item in value):
                raise self.bad(key, tr("est vide ou contient un texte vide"))
            return
        if not isinstance(value, str):
            raise self.bad(key, tr("doit être un texte ou null") if kind == "text_or_null"
                           else tr("doit être un texte"))
        if kind == "text_or_empty":
            return
        if not value.strip():
            raise self.bad(key, tr("est vide"))
        if kind == "host" and not is_host_name(value):
            raise self.bad(key, tr("doit être un nom de serveur en minuscules, sans https:// ni /"))
        if kind == "https_url" and not _HTTPS_URL.fullmatch(value):
            raise self.bad(key, tr("doit être une adresse complète, commençant par https:// et finissant par /"))

    def fact(self, raw: object, kind: str, key: str, texts: tuple[str, ...] = ()) -> None:
        if not isinstance(raw, dict):
            raise self.bad(key, tr("doit être un objet JSON : sa valeur (value), ses sources (sources), la date où "
                                   "elle a été confirmée (confirmed) et son état (status)"))
        for part in ("value", "sources", "confirmed", "status", *texts):
            if part not in raw:
                raise self.bad(f"{key}.{part}", tr("manque"))
        for part in raw:
            if part not in FACT_KEYS and part not in texts:
                raise self.bad(f"{key}.{part}", _unknown())
        for part in texts:
            self.value(raw[part], "text", f"{key}.{part}")
        self.value(raw["value"], kind, f"{key}.value")
        sources = self.cites(raw["sources"], f"{key}.sources")
        self.date(raw["confirmed"], f"{key}.confirmed", not_after_today=True)
        if raw["status"] not in STATUSES:
            raise self.bad(f"{key}.status", tr("doit être « confirmed », « unconfirmed », « inferred » ou « advice »"))
        note = raw.get("note", "")
        if "note" in raw:
            self.value(note, "text", f"{key}.note")
        value = tuple(raw["value"]) if kind == "texts" else raw["value"]
        self.facts[key] = Fact(key, value, sources, raw["confirmed"], raw["status"], note,
                               {part: raw[part] for part in texts})

    def cites(self, raw: object, key: str) -> tuple[str, ...]:
        if not isinstance(raw, list) or not raw or not all(isinstance(item, str) for item in raw):
            raise self.bad(key, tr("doit être une liste non vide d'identifiants de sources"))
        for source in raw:
            if source not in self.source_ids:
                raise self.bad(key, tr("cite une source inconnue : « {source} » (elle doit être décrite sous "
                                       "« sources »)").format(source=source))
        self.cited.update(raw)
        return tuple(raw)

    def date(self, raw: object, key: str, not_after_today: bool = False) -> None:
        """AAAA, AAAA-MM or AAAA-MM-JJ: a source's or a confirmation's date, as precisely as it is known."""
        if not (isinstance(raw, str) and _is_partial_date(raw)):  # AAAA-MM-JJ texts compare as dates
            raise self.bad(key, tr("doit être une date AAAA-MM-JJ (ou AAAA-MM, ou AAAA)"))
        if not_after_today and self.today is not None and raw > self.today[:len(raw)]:
            raise self.bad(key, tr("est une date future"))

    def sources(self, raw: object) -> None:
        if not isinstance(raw, dict) or not raw:
            raise self.bad("sources", tr("doit être un objet JSON non vide"))
        for source, item in raw.items():
            where = f"sources.{source}"
            if not isinstance(item, dict):
                raise self.bad(where, tr("doit être un objet JSON"))
            for part in ("title", "where", "date"):
                if part not in item:
                    raise self.bad(f"{where}.{part}", tr("manque"))
            for part in item:
                if part not in SOURCE_KEYS:
                    raise self.bad(f"{where}.{part}", _unknown())
            self.value(item["title"], "text", f"{where}.title")
            if "«" in item["title"] or "»" in item["title"]:  # the pages quote it: quotes inside would nest
                raise self.bad(f"{where}.title", tr("ne doit pas contenir de guillemets « »"))
            self.value(item["where"], "text", f"{where}.where")
            self.date(item["date"], f"{where}.date")
        self.source_ids = set(raw)

    def every_source_cited(self, raw: dict[str, object]) -> None:
        for source in raw:
            if source not in self.cited:
                raise self.bad(f"sources.{source}", tr("n'est citée par aucun fait"))

    def labels(self, raw: object) -> None:
        if not isinstance(raw, dict):
            raise self.bad("labels", tr("doit être un objet JSON"))
        for key in LABELS_READ:  # read by name: missing, a KeyError on a page or in the record (before)
            if key not in raw:
                raise self.bad(f"labels.{key}", tr("manque"))
        for key, item in raw.items():
            if not _LABEL_NAME.fullmatch(key) or key in WORD_FACTS or key in ("ent_site_example",):
                raise self.bad(f"labels.{key}", tr("doit être un nom de repère en minuscules (lettres, chiffres, _) "
                                                   "qui ne soit pas déjà pris"))
            self.fact(item, "text", f"labels.{key}")

    def checklists(self, checklists: object, words: set[str]) -> None:
        if not isinstance(checklists, dict):
            raise self.bad("checklists", tr("doit être un objet JSON"))
        for step, items in checklists.items():
            where = f"checklists.{step}"
            if not isinstance(items, list) or not items:
                raise self.bad(where, tr("doit être une liste non vide d'actions"))
            seen: set[str] = set()
            for index, item in enumerate(items):
                at = f"{where}[{index}]"
                self.checklist_item(item, at, seen, words)

    def checklist_item(self, item: object, at: str, seen: set[str], words: set[str]) -> None:
        if not isinstance(item, dict):
            raise self.bad(at, tr("doit être un objet JSON"))
        for key in ("id", "text", "sources", "confirmed"):
            if key not in item:
                raise self.bad(f"{at}.{key}", tr("manque"))
        for key in ("id", "text"):
            self.value(item[key], "text", f"{at}.{key}")
        for key in item:
            if key not in CHECKLIST_ITEM_KEYS:
                raise self.bad(f"{at}.{key}", _unknown())
        if item["id"] in seen:
            raise self.bad(f"{at}.id", tr("répète l'identifiant d'une action précédente"))
        seen.add(item["id"])
        self.cites(item["sources"], f"{at}.sources")
        self.date(item["confirmed"], f"{at}.confirmed", not_after_today=True)
        if "value" in item:
            self.value(item["value"], "text", f"{at}.value")
        if "modes" in item and (not isinstance(item["modes"], list) or not item["modes"]
                                or not all(mode in IMPORT_MODES for mode in item["modes"])):
            raise self.bad(f"{at}.modes", tr("doit être une liste tirée de « complet » et « partiel »"))
        for placeholder in _placeholders(item["text"], f"{at}.text", self.file):
            if placeholder not in words:
                raise self.bad(f"{at}.text", tr("utilise un mot inconnu : {{{placeholder}}}")
                               .format(placeholder=placeholder))


def first_day(text: str) -> date:
    """The first day an AAAA, AAAA-MM or AAAA-MM-JJ date can mean (« 2026 » → 1 January 2026); ValueError when it
    is no day of the calendar."""
    return date.fromisoformat((text + "-01-01")[:10])


def _is_partial_date(text: str) -> bool:
    """AAAA, AAAA-MM or AAAA-MM-JJ, a real day of the calendar."""
    if not _DATE.fullmatch(text):
        return False
    try:
        first_day(text)
    except ValueError:
        return False
    return True


def placeholders(text: str) -> list[str]:
    """The `{names}` a text is formatted with (`{{` and `}}` are literal braces); [] for a text that has none or
    cannot be formatted."""
    try:
        return [field for _, field, _, _ in Formatter().parse(text) if field]
    except ValueError:
        return []


def _placeholders(text: str, key: str, file: str) -> list[str]:
    try:
        return [field for _, field, _, _ in Formatter().parse(text) if field is not None]
    except ValueError:
        raise _bad(file, key, tr("contient une accolade seule (écrivez {{ ou }} pour en montrer une)")) from None
