"""The ENT's own words and values, read from one data file (schema: `resources/ent/README.md`).

Another ENT is another file: code, help and translations never write an ENT word, they take it from the ACTIVE
ENT of the process – the file `resources/ent/default.txt` names, unless `activate(path)` chose another
(`main.py --ent FILE`). Texts are written with placeholders and filled from `EntData.words`:
`tr("… {ent_name} …").format(**current().words)`.

The file is validated whole when it is loaded, so that a mistake in it is one French sentence naming the key at
fault when the app starts, never a KeyError on a page later.
"""
from __future__ import annotations

import re
from pathlib import Path
from string import Formatter
from typing import NamedTuple

from wizard.core import safejson
from wizard.core.errors import UserError
from wizard.core.hosts import is_host_name
from wizard.core.i18n import tr
from wizard.core.resources import resources_dir
from wizard.core.text import clean

IMPORT_MODES = ("complet", "partiel")
MAX_DEPTH = 16  # an ENT file nests 5 deep (the file → checklists → a step's actions → an action → its modes)
_HTTPS_URL = re.compile(r"https://[^\s/]+/\S*")


class EntData(NamedTuple):
    """One ENT, as its data file describes it (every key documented in `resources/ent/README.md`)."""

    source: Path
    id: str
    name: str
    portal_url: str
    site_domain: str
    site_example: str
    cas_host: str
    previous_ent: str | None  # None: no school is moving from an older ENT, so no warning about one anywhere
    socle_ent: str
    export_file_name: str
    pronote_net_configuration: str
    school_label_example: str
    service: dict[str, str]
    profiles: tuple[str, ...]
    access_role: str
    access_target: str
    access_level: str
    import_modes: dict[str, str]
    checklists: dict[str, tuple[dict, ...]]
    summary_profiles: tuple[str, ...]
    # The placeholders of every text that names something of the ENT (`{ent_name}`…), see `_words`.
    words: dict[str, str]


# -- the schema ---------------------------------------------------------------------------------------------
# A key's kind: "text" (non-empty), "text_or_empty", "text_or_null", "host", "https_url", "texts" (non-empty
# list of non-empty texts), or a nested schema (an object with exactly these keys).
SERVICE = {"title": "text", "sso_type": "text", "regroupement": "text", "xiti": "text_or_empty", "bloc": "text"}
SCHEMA = {
    "id": "text",
    "name": "text",
    "portal_url": "https_url",
    "site_domain": "host",
    "site_example": "https_url",
    "cas_host": "host",
    "previous_ent": "text_or_null",
    "socle_ent": "text",
    "export_file_name": "text",
    "pronote_net_configuration": "text",
    "school_label_example": "text",
    "service": SERVICE,
    "profiles": "texts",
    "access_role": "text",
    "access_target": "text",
    "access_level": "text",
    "import_modes": {mode: "text" for mode in IMPORT_MODES},
    "checklists": "checklists",
    "summary_profiles": "texts",
}
CHECKLIST_ITEM_KEYS = {"id", "text", "value", "modes"}

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


def read(path: Path) -> EntData:
    """The ENT data file at `path`, validated whole; UserError otherwise."""
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
    _check_object(raw, SCHEMA, "", name)
    words = _words(raw)
    _check_checklists(raw["checklists"], set(words), name)
    return EntData(
        source=path, id=raw["id"], name=raw["name"], portal_url=raw["portal_url"], site_domain=raw["site_domain"],
        site_example=raw["site_example"], cas_host=raw["cas_host"], previous_ent=raw["previous_ent"],
        socle_ent=raw["socle_ent"], export_file_name=raw["export_file_name"],
        pronote_net_configuration=raw["pronote_net_configuration"], school_label_example=raw["school_label_example"],
        service=dict(raw["service"]), profiles=tuple(raw["profiles"]), access_role=raw["access_role"],
        access_target=raw["access_target"], access_level=raw["access_level"], import_modes=dict(raw["import_modes"]),
        checklists={step: tuple(dict(item) for item in items) for step, items in raw["checklists"].items()},
        summary_profiles=tuple(raw["summary_profiles"]), words=words,
    )


def _words(raw: dict) -> dict[str, str]:
    """The placeholders texts may use, from a validated file; `previous_ent` is "" when the ENT has none (texts
    about it are not shown then)."""
    return {
        "ent_name": raw["name"],
        "ent_portal_url": raw["portal_url"],
        "ent_cas_host": raw["cas_host"],
        "ent_site_domain": raw["site_domain"],
        "ent_site_example": raw["site_example"],
        "previous_ent": raw["previous_ent"] or "",
        "socle_ent": raw["socle_ent"],
        "export_file_name": raw["export_file_name"],
        "pronote_net_configuration": raw["pronote_net_configuration"],
        "school_label_example": raw["school_label_example"],
        "service_title": raw["service"]["title"],
        "service_sso_type": raw["service"]["sso_type"],
        "service_regroupement": raw["service"]["regroupement"],
        "service_bloc": raw["service"]["bloc"],
        "access_role": raw["access_role"],
        "access_target": raw["access_target"],
        "access_level": raw["access_level"],
        "import_mode_complet": raw["import_modes"]["complet"],
        "import_mode_partiel": raw["import_modes"]["partiel"],
    }


# -- checking -----------------------------------------------------------------------------------------------
def _bad(file: str, key: str, problem: str) -> UserError:
    return UserError(tr("Le fichier de l'ENT « {file} » n'est pas valable : la clé « {key} » {problem}.")
                     .format(file=file, key=key, problem=problem))


def _check_object(value: object, schema: dict, where: str, file: str) -> None:
    if not isinstance(value, dict):
        raise _bad(file, where or "(racine)", tr("doit être un objet JSON"))
    for key, kind in schema.items():
        path = f"{where}.{key}" if where else key
        if key not in value:
            raise _bad(file, path, tr("manque"))
        if isinstance(kind, dict):
            _check_object(value[key], kind, path, file)
        elif kind != "checklists":
            _check_value(value[key], kind, path, file)
    for key in value:
        if key not in schema:
            raise _bad(file, f"{where}.{key}" if where else key,
                       tr("est inconnue (les clés permises sont décrites dans resources/ent/README.md)"))


def _check_value(value: object, kind: str, key: str, file: str) -> None:
    if kind == "text_or_null" and value is None:
        return
    if kind == "texts":
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            raise _bad(file, key, tr("doit être une liste de textes"))
        if not value or not all(item.strip() for item in value):
            raise _bad(file, key, tr("est vide ou contient un texte vide"))
        return
    if not isinstance(value, str):
        raise _bad(file, key, tr("doit être un texte ou null") if kind == "text_or_null" else tr("doit être un texte"))
    if kind == "text_or_empty":
        return
    if not value.strip():
        raise _bad(file, key, tr("est vide"))
    if kind == "host" and not is_host_name(value):
        raise _bad(file, key, tr("doit être un nom de serveur en minuscules, sans https:// ni /"))
    if kind == "https_url" and not _HTTPS_URL.fullmatch(value):
        raise _bad(file, key, tr("doit être une adresse complète, commençant par https:// et finissant par /"))


def _check_checklists(checklists: object, words: set[str], file: str) -> None:
    if not isinstance(checklists, dict):
        raise _bad(file, "checklists", tr("doit être un objet JSON"))
    for step, items in checklists.items():
        where = f"checklists.{step}"
        if not isinstance(items, list) or not items:
            raise _bad(file, where, tr("doit être une liste non vide d'actions"))
        seen = set()
        for index, item in enumerate(items):
            at = f"{where}[{index}]"
            if not isinstance(item, dict):
                raise _bad(file, at, tr("doit être un objet JSON"))
            for key in ("id", "text"):
                if key not in item:
                    raise _bad(file, f"{at}.{key}", tr("manque"))
                _check_value(item[key], "text", f"{at}.{key}", file)
            for key in item:
                if key not in CHECKLIST_ITEM_KEYS:
                    raise _bad(file, f"{at}.{key}", tr("est inconnue (les clés permises sont décrites dans "
                                                         "resources/ent/README.md)"))
            if item["id"] in seen:
                raise _bad(file, f"{at}.id", tr("répète l'identifiant d'une action précédente"))
            seen.add(item["id"])
            if "value" in item:
                _check_value(item["value"], "text", f"{at}.value", file)
            if "modes" in item and (not isinstance(item["modes"], list) or not item["modes"]
                                    or not set(item["modes"]) <= set(IMPORT_MODES)):
                raise _bad(file, f"{at}.modes", tr("doit être une liste tirée de « complet » et « partiel »"))
            for placeholder in _placeholders(item["text"], f"{at}.text", file):
                if placeholder not in words:
                    raise _bad(file, f"{at}.text", tr("utilise un mot inconnu : {{{placeholder}}}")
                               .format(placeholder=placeholder))


def _placeholders(text: str, key: str, file: str) -> list[str]:
    try:
        return [field for _, field, _, _ in Formatter().parse(text) if field is not None]
    except ValueError:
        raise _bad(file, key, tr("contient une accolade seule (écrivez {{ ou }} pour en montrer une)")) from None
