"""The saved document: its shape, written once here, and the check that a loaded file has exactly that shape.

The TypedDicts below are the definition (`FORMAT_VERSION` is its version; `migrations.py` brings older files
forward). `validate(doc)` walks a loaded document against them and raises `InvalidDocument` naming the first key
that does not fit, so that `store.py` can fall back to the backup instead of letting a wrong type crash a page
later. Only `progress.Progress` changes a document; everything else reads it.

No names or birth dates ever enter it: the school's identity, ticks, dates, counts, finding codes and messages
(which never quote a person), line numbers and keyed hashes.
"""
# No `from __future__ import annotations` here: TypedDicts would then compile every field's annotation string
# (a ForwardRef each, 80 of them: 2 ms at every start). The classes are defined before they are used.
import re
from collections.abc import Callable
from datetime import datetime
from types import UnionType
from typing import Annotated, Any, Literal, TypedDict, Union, cast, get_args, get_origin, get_type_hints

from wizard.core.i18n import Language
from wizard.core.steps import PASS_STEP_IDS, STEP_IDS

FORMAT_VERSION = 6

PROFILE_KEYS = ("eleve", "parent", "enseignant", "personnel", "autre", "total")

Mode = Literal["complet", "partiel"]
PassKind = Literal["premiere", "partiel", "nouvelle_annee"]
Purpose = Literal["address", "delegation"]
FigureReading = Literal["batch", "running_total", "differs"]  # importcheck: what the ENT's figure meant
Decision = Literal["accepte", "rejete"]  # the admin's word on a pair the matching proposed
# The fields of the school page, typed by the admin (`Identity`).
IdentityField = Literal["name", "uai", "pronote_url", "pronote_version", "ent_site_url", "contact"]


class Rule:
    """An extra condition on a value, beyond its type (used through `Annotated`). `test_all` answers for a whole
    list of such values at once: the import history keeps thousands of hashes (see `_all_fit`)."""

    def __init__(self, test: Callable[[Any], object], what: str,
                 test_all: Callable[[list[Any]], bool] | None = None):
        self.test = test
        self.what = what  # what was expected, in French: « une date ISO 8601 »
        self.test_all = test_all if test_all is not None else (lambda values: all(map(test, values)))


def _iso(text: str) -> bool:
    try:
        datetime.fromisoformat(text)
    except ValueError:
        return False
    return True


HEX_DIGITS = "0123456789abcdef"


def hex_digits(count: int) -> Callable[[str], re.Match[str] | None]:
    """The test « exactly `count` lowercase hexadecimal digits »."""
    return re.compile(f"[0-9a-f]{{{count}}}").fullmatch


def all_hex_digits(count: int) -> Callable[[list[str]], bool]:
    """`hex_digits(count)` for a whole list of texts, in one pass over them all (six years of imports keep
    7,200 keyed hashes: one by one, 8 ms of opening the board; in one pass, under 1)."""

    def test_all(texts: list[str]) -> bool:
        if texts and set(map(len, texts)) != {count}:
            return False
        try:
            digits = "".join(texts).encode("ascii")
        except UnicodeEncodeError:
            return False
        return not digits.translate(None, HEX_DIGITS.encode("ascii"))  # nothing left once the digits are gone

    return test_all


IsoDate = Annotated[str, Rule(_iso, "une date ISO 8601")]
HashKey = Annotated[str, Rule(hex_digits(64), "64 chiffres hexadécimaux", all_hex_digits(64))]
KeyId = Annotated[str, Rule(hex_digits(16), "16 chiffres hexadécimaux")]
Hash = Annotated[str, Rule(hex_digits(32), "32 chiffres hexadécimaux", all_hex_digits(32))]
StepId = Annotated[str, Rule(STEP_IDS.__contains__, "une étape de l'assistant")]
PassStepId = Annotated[str, Rule(PASS_STEP_IDS.__contains__, "une étape d'un passage (partie 3)")]
SchoolStepId = Annotated[str, Rule(lambda step: step in STEP_IDS and step not in PASS_STEP_IDS,
                                   "une étape de l'établissement (accueil, établissement, parties 1 et 2)")]
Count = Annotated[int, Rule(lambda n: n >= 0, "un nombre positif ou nul")]


class Identity(TypedDict):
    """The school as the admin typed it (normalised when leaving the school page)."""

    name: str
    uai: str
    pronote_url: str
    pronote_version: str
    ent_site_url: str
    contact: str  # printed on the notice for families and staff


class ChosenFile(TypedDict):
    """An identifier file as the file check found it: where it was, and its fingerprint."""

    name: str
    path: str
    size: Count
    sha256: str
    # Its modification time as the check's stat gave it, compared as is (files.changed_since_analysed); None for a
    # file checked before format 5: its size alone then tells a re-export.
    mtime_ns: int | None


class FileInfo(ChosenFile):
    """The identifier file of this pass (its fingerprint tells an analysis is still its own), and when chosen."""

    chosen_at: IsoDate


class Finding(TypedDict):
    level: Literal["error", "warning"]
    code: str
    message: str  # French, never quotes a person
    line: Count | None


class Analysis(TypedDict):
    """What the file check found; `file_sha256` and `mode` say which file and which mode it judged."""

    file_sha256: str
    mode: Mode | None
    layout: str
    layout_label: str | None
    encoding: str | None
    counts: dict[str, Count]
    findings: list[Finding]  # at most 50,000 per code (the reader's cap); the counts below are exact
    finding_counts: dict[str, Count]
    errors: Count
    warnings: Count
    mapping: dict[str, str]
    export_date: IsoDate | None
    id_hashes: list[Hash]
    language: Language  # of the findings' messages: shown in another, the file is read again


class Pass(TypedDict):
    """One pass through part 3 (the identifiers): the first walk, a partial import, or a new school year.

    Its ticks, file, analysis and figure are its own; once `finished_at` is set it is history and never changes
    (progress.Progress refuses every change to it). An earlier pass, kept in `School.passes`, keeps its analysis
    without its lists of findings and hashes beyond what a page shows (progress.ARCHIVED_FINDINGS)."""

    id: str
    kind: PassKind
    mode: Mode | None
    started_at: IsoDate
    finished_at: IsoDate | None
    ticks: dict[PassStepId, dict[str, bool]]  # the actions ticked in this pass, per step
    completed: dict[PassStepId, IsoDate]  # when the admin went past each of its steps complete
    file: FileInfo | None
    analysis: Analysis | None
    warnings_read: bool  # « J'ai lu les avertissements » for this analysis
    reported_count: Count | None  # what the ENT said it imported, as the admin typed it
    redo_of: str | None  # « Refaire cet import »: the id of the pass this one does again


class ImportEntry(TypedDict):
    """One import into the ENT, kept in the history (the next partial import compares against the hashes)."""

    date: IsoDate
    cycle: str  # the id of the pass that made it
    mode: Mode | None
    counts: dict[str, Count]
    file_sha256: str | None
    reported_count: Count
    reading: FigureReading | None  # what that figure meant (None: no analysis to read it against)
    export_date: IsoDate | None
    id_hashes: list[Hash]


class ServerCheck(TypedDict):
    """A look at the live PRONOTE server: its date and what it showed (never anything else from the server)."""

    date: IsoDate
    kind: Purpose
    outcome: str  # wizard.core.probe.result outcome codes
    verified: bool  # the server itself showed what this check is for
    version: str
    cas_host: str
    message: str


class FailureCount(TypedDict):
    """A count of users in « échec d'identification », as PRONOTE's supervisor home page showed it on `day`."""

    day: IsoDate  # the day the admin read it (a date, no time)
    count: Count
    recorded_at: IsoDate


class FailureDraft(TypedDict):
    """A count of failures typed on its page and not noted yet, as typed (the day too): kept so that closing the
    assistant, or its being killed, loses nothing typed – never a noted figure (`School.failures` alone is)."""

    count: str
    day: str


class Connection(TypedDict):
    """Parts 1 and 2 are in place: seen on the server (`verified`), or only declared by the admin.

    `how`: « walk » when the admin went through parts 1–2 with the assistant; « already_in_place » when the school
    page found (or the admin declared) an interconnection made before."""

    date: IsoDate
    verified: bool
    how: Literal["walk", "already_in_place"]


class Matching(TypedDict):
    """The last matching preview: counts only, and the admin's decisions keyed by keyed hashes of both ids."""

    date: IsoDate | None
    counts: dict[str, dict[str, Count]]
    ent_rows: Count
    unusable_rows: Count
    decisions: dict[str, Decision]


class School(TypedDict):
    id: str
    identity: Identity
    # The fingerprint of the key of the keyed hashes (keys.key_id): the key itself is kept apart (keys.py); None
    # until the first hash is made.
    hash_key_id: KeyId | None
    current_step: StepId
    ticks: dict[SchoolStepId, dict[str, bool]]  # the actions ticked, per step (a pass's steps: in the pass)
    completed: dict[SchoolStepId, IsoDate]  # when the admin went past each step complete
    setup_finished_at: IsoDate | None  # the first walk reached « fin »
    connection: Connection | None
    restart_from_part_1: bool  # the admin chose the whole walk though the server showed parts 1–2 in place
    cycle: Pass  # the current pass: the last one, in progress or finished
    passes: list[Pass]  # the earlier ones, oldest first: history
    import_history: list[ImportEntry]  # one per pass that recorded an import, oldest first
    failures: list[FailureCount]  # the counts of identification failures the admin noted, by day
    failures_draft: FailureDraft | None  # a count typed on the failures page, not noted yet
    server_checks: list[ServerCheck]
    matching: Matching | None


class Settings(TypedDict):
    language: Literal["fr", "en", ""]  # "" until the admin chooses
    proxy: str  # a proxy typed by the admin for the server check; "" = the system's


class Document(TypedDict):
    version: int
    current: str
    schools: dict[str, School]
    settings: Settings


class InvalidDocument(ValueError):
    """The document does not have the shape above; `where` is the dotted path of the first key at fault."""

    def __init__(self, where: str, problem: str):
        super().__init__(f"{where or 'document'} : {problem}")
        self.where, self.problem = where, problem


def validate(doc: object) -> Document:
    """`doc` itself when it is a whole, coherent document of the current version; else InvalidDocument."""
    _check(doc, Document, "")
    doc = cast(Document, doc)  # it has just been walked against Document
    if doc["version"] != FORMAT_VERSION:
        raise InvalidDocument("version", f"format {doc['version']} au lieu de {FORMAT_VERSION}")
    if doc["current"] not in doc["schools"]:
        raise InvalidDocument("current", "ne désigne aucun établissement enregistré")
    for key, school in doc["schools"].items():
        if school["id"] != key:
            raise InvalidDocument(f"schools.{key}.id", "ne correspond pas à sa clé")
    return doc


# probe.result.DELEGATED: the outcome of a server check that saw the delegation to the ENT (kept here as a value so
# that the document does not import the probe).
DELEGATED_OUTCOME = "delegated"


def settle_claims(doc: Document) -> Document:
    """What a hand-edited file may not claim: parts 1–2 « vérifié » with no server check that saw the delegation.
    Such a claim is read as declared (« déclaré, non vérifié »), never dropped: the admin's word stays, the
    assistant's seal does not. (Dates are not compared: a clock set back, or the hour repeated when summer time
    ends, would make a true verification look older than its check.)"""
    for school in doc["schools"].values():
        connection = school["connection"]
        if connection and connection["verified"] and not any(
                check["verified"] and check["outcome"] == DELEGATED_OUTCOME for check in school["server_checks"]):
            connection["verified"] = False
    return doc


_TYPE_NAMES = {str: "un texte", int: "un nombre entier", bool: "vrai ou faux", type(None): "null"}


def _check(value: object, expected: Any, where: str) -> None:  # expected: a type of the definition
    origin = get_origin(expected)
    if origin is Annotated:
        base, *rules = get_args(expected)
        _check(value, base, where)
        for rule in rules:
            if not rule.test(value):
                raise InvalidDocument(where, f"{rule.what} attendu")
        return
    if origin is Union or origin is UnionType:
        options = get_args(expected)
        for option in options:
            try:
                _check(value, option, where)
                return
            except InvalidDocument:
                continue
        raise InvalidDocument(where, "valeur d'un type inattendu")
    if origin is Literal:
        if not any(value == choice and type(value) is type(choice) for choice in get_args(expected)):
            raise InvalidDocument(where, f"une des valeurs {list(get_args(expected))} attendue")
        return
    if origin is list:
        if not isinstance(value, list):
            raise InvalidDocument(where, "une liste attendue")
        (item,) = get_args(expected)
        if _all_fit(value, item):
            return
        for index, element in enumerate(value):  # the first element that does not fit, named
            _check(element, item, f"{where}[{index}]")
        return
    if origin is dict:
        if not isinstance(value, dict):
            raise InvalidDocument(where, "un objet attendu")
        key_type, item = get_args(expected)
        for key, element in value.items():
            _check(key, key_type, f"{where}.{key}")
            _check(element, item, f"{where}.{key}" if where else key)
        return
    if isinstance(expected, type) and issubclass(expected, dict):  # a TypedDict
        if not isinstance(value, dict):
            raise InvalidDocument(where, "un objet attendu")
        hints = _hints(expected)
        for key, hint in hints.items():
            path = f"{where}.{key}" if where else key
            if key not in value:
                raise InvalidDocument(path, "clé manquante")
            _check(value[key], hint, path)
        for key in value:
            if key not in hints:
                raise InvalidDocument(f"{where}.{key}" if where else key, "clé inconnue")
        return
    # bool is an int to isinstance; a document that says `true` where a count belongs is not trusted.
    if type(value) is not expected:
        raise InvalidDocument(where, f"{_TYPE_NAMES.get(expected, expected.__name__)} attendu")


def _all_fit(values: list[object], expected: Any) -> bool:
    """Whether a list of plain values (texts, counts, with their rules) all fit, checked in bulk: one by one, six
    years of imports (7,200 keyed hashes) took 8 ms of every start; in bulk, under 1. False means « look at each »
    – it never lets through what the walk would refuse."""
    base, rules = expected, list[Rule]()
    if get_origin(expected) is Annotated:
        base, *rules = get_args(expected)
    if base not in (str, int) or (values and set(map(type, values)) != {base}):
        return False
    return all(rule.test_all(values) for rule in rules)


_HINTS: dict[type, dict[str, Any]] = {}


def _hints(typed_dict: type) -> dict[str, Any]:
    if typed_dict not in _HINTS:
        _HINTS[typed_dict] = get_type_hints(typed_dict, include_extras=True)
    return _HINTS[typed_dict]
