"""The ENT's account list (CSV exported by the ENT admin) read into `Person`s, with every row it cannot use named.

Exports differ by tool and by who opened them in Excel: `;` or `,` (or tab), UTF-8 with or without BOM, or
Windows-1252; headers with or without accents. Headers are recognised by their folded form; when they are too
unclear the error lists those seen, and the page offers a column mapping passed back as `mapping`.
"""
from __future__ import annotations

import codecs
import csv
import io
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from wizard.matching.normalise import fold
from wizard.people import Person, profile_of_word
from wizard.i18n import tr, tr_noop

MAX_BYTES = 100 * 1024 * 1024
FIELDS = ("ident", "last_name", "first_name", "birth_date", "profile", "class_name")
REQUIRED = ("ident", "last_name", "first_name")
FIELD_LABELS = {"ident": "Identifiant", "last_name": "Nom", "first_name": tr_noop("Prénom"), "birth_date": tr_noop("Date de naissance"),
                "profile": "Profil", "class_name": "Classe"}
# Folded headers (no accents, case, spaces or punctuation), best first: « Né(e) le » → "neele".
HEADER_NAMES = {
    "ident": ("identifiant", "identifiantent", "login", "loginent", "identifiantdeconnexion", "id", "ident", "uid",
              "userid", "username", "compte"),
    "last_name": ("nom", "nomdusage", "nomusuel", "nomdefamille", "nomdenaissance", "nompatronymique", "lastname",
                  "surname", "familyname", "sn"),
    "first_name": ("prenom", "prenoms", "prenomusuel", "firstname", "givenname"),
    "birth_date": ("datedenaissance", "datenaissance", "neele", "nele", "neeele", "nee", "ne", "naissance",
                   "birthdate", "dateofbirth", "ddn"),
    "profile": ("profil", "profils", "categorie", "categories", "typedecompte", "type", "fonction", "role"),
    "class_name": ("classe", "classes", "division", "divisions"),
}
# The header may follow a title line or two (« Liste des comptes – … »).
HEADER_SEARCH_ROWS = 10
_DMY = re.compile(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:$|[ T])")
_YMD = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:$|[ T])")


class EntCsvError(Exception):
    """The file cannot be read as an account list; `headers` are those seen (for the column-mapping dialog)."""

    def __init__(self, message: str, headers: list[str] | None = None):
        super().__init__(message)
        self.message = message
        self.headers = headers or []


@dataclass(frozen=True, slots=True)
class RowProblem:
    line: int
    message: str  # French; never quotes a name
    kept: bool  # True: the row is used without the faulty value (an unreadable date); False: the row is left out


@dataclass
class EntList:
    people: list[Person]
    problems: list[RowProblem] = field(default_factory=list)
    encoding: str = "utf-8"
    delimiter: str = ";"
    columns: dict[str, str] = field(default_factory=dict)  # field → header used

    @property
    def unusable(self) -> list[RowProblem]:
        return [problem for problem in self.problems if not problem.kept]


def header_key(text: str) -> str:
    return fold(text).replace(" ", "")


def guess_mapping(headers: list[str]) -> dict[str, int]:
    """Field → column index for every field recognised among these headers (the required ones may be missing)."""
    keys = [header_key(header) for header in headers]
    mapping: dict[str, int] = {}
    for name, synonyms in HEADER_NAMES.items():
        for synonym in synonyms:
            if synonym in keys and keys.index(synonym) not in mapping.values():
                mapping[name] = keys.index(synonym)
                break
    return mapping


def read_ent_csv(path: Path | str, mapping: dict[str, int | str] | None = None) -> EntList:
    """Raises EntCsvError (French message) when the file cannot be read or its columns are not recognised."""
    text, encoding = _decode(_read_bytes(Path(path)))
    delimiter = _sniff_delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    header, columns = _find_header(reader, mapping)
    result = EntList([], encoding=encoding, delimiter=delimiter,
                     columns={name: header[index] for name, index in columns.items()})
    seen: dict[str, int] = {}
    try:
        for row in reader:
            if any(cell.strip() for cell in row):
                _read_row(row, reader.line_num, columns, seen, result)
    except csv.Error as problem:
        raise EntCsvError(tr("Le fichier est mal formé vers la ligne {line_num} ({problem}).").format(line_num=reader.line_num, problem=problem)) from None
    return result


def _read_bytes(path: Path) -> bytes:
    try:
        if path.stat().st_size > MAX_BYTES:
            raise EntCsvError(tr("« {name} » est trop volumineux pour une liste de comptes.").format(name=path.name))
        return path.read_bytes()
    except FileNotFoundError:
        raise EntCsvError(tr("Le fichier « {name} » est introuvable.").format(name=path.name)) from None
    except OSError:
        raise EntCsvError(tr("Le fichier « {name} » ne peut pas être ouvert.").format(name=path.name)) from None


def _decode(raw: bytes) -> tuple[str, str]:
    if raw.startswith(codecs.BOM_UTF8):
        encodings = ("utf-8-sig",)
    elif raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encodings = ("utf-16",)  # Excel's « Texte Unicode »
    else:
        encodings = ("utf-8", "cp1252", "latin-1")  # latin-1 reads any byte: cp1252 leaves five undefined
    for encoding in encodings:
        try:
            return raw.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    raise EntCsvError(tr("Le fichier n'est pas un texte lisible (encodage inconnu)."))


def _sniff_delimiter(text: str) -> str:
    """The separator that splits the first lines into the most columns (`;` wins a tie: French Excel's own)."""
    sample = [line for line in text.splitlines()[:HEADER_SEARCH_ROWS] if line.strip()]
    if not sample:
        raise EntCsvError(tr("Le fichier est vide."))

    def columns(delimiter: str) -> int:
        return max(len(row) for row in csv.reader(sample, delimiter=delimiter))

    return max((";", ",", "\t"), key=columns)


def _find_header(reader, mapping: dict[str, int | str] | None) -> tuple[list[str], dict[str, int]]:
    first: list[str] | None = None
    first_columns: dict[str, int] = {}
    for _ in range(HEADER_SEARCH_ROWS):
        row = next(reader, None)
        if row is None:
            break
        if not any(cell.strip() for cell in row):
            continue
        columns = _apply(mapping, row) if mapping else guess_mapping(row)
        if first is None:
            first, first_columns = row, columns
        if all(name in columns for name in REQUIRED):
            return row, columns
        if mapping:
            break
    if first is None:
        raise EntCsvError(tr("Le fichier ne contient aucune ligne."))
    missing = ", ".join(FIELD_LABELS[name] for name in REQUIRED if name not in first_columns)
    seen = ", ".join(f"« {cell.strip()} »" for cell in first if cell.strip())
    raise EntCsvError(tr("Colonnes non reconnues (il manque : {missing}) ; colonnes lues : {seen}.").format(missing=missing, seen=seen), headers=[cell.strip() for cell in first])


def _apply(mapping: dict[str, int | str], header: list[str]) -> dict[str, int]:
    """A mapping from the column dialog: field → column index, or field → header text."""
    keys = [header_key(cell) for cell in header]
    columns = {}
    for name, column in mapping.items():
        if name not in FIELDS:
            continue
        if isinstance(column, int) and 0 <= column < len(header):
            columns[name] = column
        elif isinstance(column, str) and header_key(column) in keys:
            columns[name] = keys.index(header_key(column))
    return columns


def _read_row(row: list[str], line: int, columns: dict[str, int], seen: dict[str, int], result: EntList) -> None:
    def cell(name: str) -> str:
        index = columns.get(name)
        return row[index].strip() if index is not None and index < len(row) else ""

    ident, last, first = cell("ident"), cell("last_name"), cell("first_name")
    missing = [label for label, value in ((tr("identifiant"), ident), (tr("nom"), last), (tr("prénom"), first)) if not value]
    if missing:
        template = tr("ligne ignorée : {fields} manquants.") if len(missing) > 1 else tr("ligne ignorée : {fields} manquant.")
        result.problems.append(RowProblem(line, template.format(fields=tr(" et ").join(missing)), False))
        return
    if ident in seen:
        result.problems.append(RowProblem(line, tr("ligne ignorée : identifiant déjà présent ligne {v0}.").format(v0=seen[ident]), False))
        return
    profile = ""
    if "profile" in columns:
        profile = profile_of_word(header_key(cell("profile"))) or ""
        if not profile:
            shown = cell("profile")[:40] or "vide"
            result.problems.append(RowProblem(line, tr("ligne ignorée : profil « {shown} » non reconnu.").format(shown=shown), False))
            return
    born = None
    if cell("birth_date"):
        born = parse_date(cell("birth_date"))
        if born is None:
            result.problems.append(RowProblem(line, tr("date de naissance illisible, comparée sans date."), True))
    seen[ident] = line
    result.people.append(Person(ident, profile, last, first, born, line))


def parse_date(text: str) -> date | None:
    """dd/mm/yyyy, dd-mm-yyyy, dd.mm.yyyy or yyyy-mm-dd, a time after it ignored; None when not a real date."""
    text = text.strip()
    if found := _YMD.match(text):
        year, month, day = map(int, found.groups())
    elif found := _DMY.match(text):
        day, month, year = map(int, found.groups())
    else:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None
