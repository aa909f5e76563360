"""The ENT's account list (CSV exported by the ENT admin) read into `Person`s, with every row it cannot use named.

Exports differ by tool and by who opened them in Excel: `;` or `,` (or tab), UTF-8 with or without BOM,
Windows-1252, or UTF-16 (Excel's « Texte Unicode », with or without BOM); headers with or without accents.
Headers are recognised by their folded form; when they are too unclear the error lists those seen, and the page
offers a column mapping passed back as `mapping`.

The file comes from outside and is read as if hostile (`source`): a regular file only, under a size cap, line by
line with a length cap, so that a FIFO, a device or a file without line breaks cannot hang or exhaust memory; a
quote left open is reported with its line and the following lines are read one by one (`rows`).
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from wizard.core.errors import UserError
from wizard.core.i18n import tr
from wizard.core.matching import rows as csvrows
from wizard.core.matching.normalise import fold
from wizard.core.matching.source import MAX_BYTES, MAX_LINE, SourceError, open_text  # noqa: F401  (limits for tests)
from wizard.core.people import FIELD_LABELS as PERSON_FIELD_LABELS
from wizard.core.people import Person, profile_of_word
from wizard.core.text import clean

FIELDS = ("ident", "last_name", "first_name", "birth_date", "profile", "class_name", "children")
REQUIRED = ("ident", "last_name", "first_name")  # columns; a row needs its identifier and at least one name
# A row with one name cell empty is kept (an account created with one field, a parent known by one name) and
# matched on what it has; it carries this finding, and its pair is never « certain » (`result.decided`).
ONE_NAME = "one_name"
FIELD_LABELS = {name: PERSON_FIELD_LABELS[name] for name in FIELDS}
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
    # A parent's row may list their children (ENT identifiers or names): it settles homonym parents.
    "children": ("enfants", "enfant", "enfantsrattaches", "elevesrattaches", "eleves", "responsablede",
                 "children"),
}
_HEADER_WORDS = frozenset(word for words in HEADER_NAMES.values() for word in words)
# The header may follow a title line or two (« Liste des comptes – … »).
HEADER_SEARCH_ROWS = 10
HEADER_SEARCH_LINES = 1000
# A real account list has a few thousand rows; far more is not an account list, and would fill the memory.
MAX_ROWS = 200_000
# Characters in one cell: a name, an identifier or a list of children is far shorter.
MAX_CELL = 2_000
# Header cells quoted in a message: enough to recognise the file, never a wall of text.
_QUOTED_HEADERS, _QUOTED_LENGTH = 12, 40
_DMY = re.compile(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:$|[ T])")
_YMD = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:$|[ T])")
# Between children or classes in one cell: « 6A, 5B », « ent.a | ent.b », one per line in the cell.
_LIST_SEPARATORS = re.compile(r"\s*[,;|/+\n]\s*")


class EntCsvError(UserError):
    """The file cannot be read as an account list; `headers` are the header cells seen (for the column-mapping
    dialog), or empty strings – one per column – when the first row is not a header (its cells may be a name)."""

    def __init__(self, message: str, headers: list[str] | None = None):
        super().__init__(message)
        self.headers = headers or []


@dataclass(frozen=True, slots=True)
class RowProblem:
    line: int
    message: str  # French; never quotes a name
    kept: bool  # True: the row is used without the faulty value (an unreadable date); False: the row is left out
    code: str = ""  # ONE_NAME for a row with one name cell empty


@dataclass
class EntList:
    people: list[Person]
    problems: list[RowProblem] = field(default_factory=list)
    encoding: str = "utf-8"
    delimiter: str = ";"
    columns: dict[str, str] = field(default_factory=dict)  # field → header used
    # ENT identifier → the classes written on its row (a pupil's class, a parent's children's classes)
    classes: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # ENT identifier → the children written on a parent's row, as written (identifiers or « NOM Prénom »)
    children: dict[str, tuple[str, ...]] = field(default_factory=dict)

    @property
    def unusable(self) -> list[RowProblem]:
        return [problem for problem in self.problems if not problem.kept]

    @property
    def one_name(self) -> list[RowProblem]:
        """Rows kept with one name cell empty."""
        return [problem for problem in self.problems if problem.code == ONE_NAME]


def one_name_finding(ent: EntList) -> str:
    """The finding about accounts with one name cell empty: how many, which lines, and what the matching did."""
    rows = ent.one_name
    shown = ", ".join(str(row.line) for row in rows[:10]) + (" …" if len(rows) > 10 else "")
    return tr("{count} compte(s) de l'ENT avec un seul nom (nom ou prénom vide, lignes {lines}) : rapprochés sur ce "
              "nom et la date de naissance, au mieux comme « Probable ».").format(count=len(rows), lines=shown)


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


def is_header(row: list[str]) -> bool:
    """A row is a header when one of its cells names a known column. Only then may its cells be quoted to the
    admin: any other first row may be a person (a name, a birth date)."""
    return any(header_key(cell) in _HEADER_WORDS for cell in row if len(cell) <= MAX_CELL)


def read_ent_csv(path: Path | str, mapping: dict[str, int | str] | None = None) -> EntList:
    """Raises EntCsvError (French message) when the file cannot be read or its columns are not recognised."""
    path = Path(path)
    try:
        with open_text(path) as text:
            records = csvrows.Records(text.lines())
            if mapping:
                header, columns, pending, early = _find_mapped(records, mapping)
            else:
                header, columns, first_data, early = _find_header(records)
                pending = [first_data] if first_data is not None else []
            if header:
                used = {name: header[index] for name, index in columns.items()}
            else:
                used = {name: tr("colonne {n}").format(n=index + 1) for name, index in columns.items()}
            result = EntList([], encoding=text.encoding, delimiter=records.delimiter, columns=used)
            result.problems.extend(RowProblem(line, _ignored(problem), False) for line, problem in early)
            _read_rows(records, pending, columns, result, path)
    except SourceError as problem:
        raise EntCsvError(problem.message) from None
    return result


def _read_rows(records: Iterable[csvrows.Record], pending: list[csvrows.Record], columns: dict[str, int],
               result: EntList, path: Path) -> None:
    seen: dict[str, int] = {}
    count = 0
    for record in _chain(pending, records):
        if record.problem:
            result.problems.append(RowProblem(record.line, _ignored(record.problem), False))
            continue
        if not any(cell.strip() for cell in record.cells):
            continue
        count += 1
        if count > MAX_ROWS:
            rows = f"{MAX_ROWS:,}".replace(",", " ")
            raise EntCsvError(tr("« {name} » compte plus de {rows} lignes : ce n'est pas une liste de comptes d'un "
                                 "établissement.").format(name=clean(path.name), rows=rows))
        _read_row(record.cells, record.line, columns, seen, result)


def _ignored(problem: str) -> str:
    return tr("ligne ignorée : {problem}.").format(problem=tr(problem))


def _chain(first: list[csvrows.Record], rest: Iterable[csvrows.Record]) -> Iterator[csvrows.Record]:
    yield from first
    yield from rest


def _find_header(records: Iterable[csvrows.Record]
                 ) -> tuple[list[str] | None, dict[str, int], csvrows.Record | None, list[tuple[int, str]]]:
    """(header cells or None, field → column, a first data row to read or None, damaged rows met on the way: their
    line and problem)."""
    header_like: list[str] | None = None
    early: list[tuple[int, str]] = []
    width = 0
    searched = 0
    for record in records:
        if record.line > HEADER_SEARCH_LINES:
            if not searched:  # a header is at the top: a thousand empty or broken lines first is not a list
                raise EntCsvError(tr("Les {lines} premières lignes du fichier sont vides ou illisibles : ce n'est pas "
                                     "une liste de comptes.").format(lines=HEADER_SEARCH_LINES))
            break
        if record.problem:
            early.append((record.line, record.problem))
            continue
        row = record.cells
        if not any(cell.strip() for cell in row):
            continue
        searched += 1
        width = max(width, len(row))  # a title line above the list is one cell wide: the dialog needs them all
        header = is_header(row)
        if header:
            columns = guess_mapping(row)
            if all(name in columns for name in REQUIRED):
                return row, columns, None, early
            header_like = header_like or row
        if searched >= HEADER_SEARCH_ROWS:
            break
    if not searched:
        if early and early[0][0] <= HEADER_SEARCH_ROWS:
            line, problem = early[0]
            raise EntCsvError(tr("Ligne {line} : {problem} ; aucune ligne d'en-tête n'a pu être lue.").format(
                line=line, problem=tr(problem)))
        raise EntCsvError(tr("Le fichier est vide."))
    if header_like is None:
        message = tr("Aucune ligne d'en-tête reconnue dans les {rows} premières lignes : il faut des colonnes "
                     "Identifiant, Nom et Prénom. Ajoutez une ligne d'en-tête ou indiquez les colonnes.")
        raise EntCsvError(message.format(rows=HEADER_SEARCH_ROWS), headers=[""] * width)
    columns = guess_mapping(header_like)
    missing = ", ".join(tr(FIELD_LABELS[name]) for name in REQUIRED if name not in columns)
    cells = [cell.strip() for cell in header_like]
    shown = [_quoted(cell) for cell in cells if cell][:_QUOTED_HEADERS]
    more = " …" if sum(1 for cell in cells if cell) > _QUOTED_HEADERS else ""
    raise EntCsvError(tr("Colonnes non reconnues (il manque : {missing}) ; colonnes lues : {seen}.").format(
        missing=missing, seen=", ".join(shown) + more), headers=[cell[:MAX_CELL] for cell in cells])


def _find_mapped(records: Iterable[csvrows.Record], mapping: dict[str, int | str]
                 ) -> tuple[list[str] | None, dict[str, int], list[csvrows.Record], list[tuple[int, str]]]:
    """As `_find_header`, for columns named by the admin (the page's dialog, `--colonne`): (header cells or None,
    field → column, the records to read first, damaged rows met before them). The header is the first row that
    names a known column, as without a mapping; without one, the list starts at the first row wide enough for the
    columns named – a title line above it is not a person whose other cells are missing (before: every row
    « nom et prénom manquants »). A column named that the list does not have is one sentence, nothing read
    (before: silently left out – a misspelt « --colonne nom=Nomm » matched every account on its first name)."""
    buffered: list[csvrows.Record] = []
    early: list[tuple[int, str]] = []
    indexes = [column for column in mapping.values() if isinstance(column, int)]
    needed = max(indexes, default=-1) + 1
    searched = 0
    for record in records:
        buffered.append(record)
        if not record.problem and any(cell.strip() for cell in record.cells):
            searched += 1
            if is_header(record.cells):
                early += [(item.line, item.problem) for item in buffered[:-1] if item.problem]
                return record.cells, _mapped_columns(mapping, record.cells), [], early
        if searched >= HEADER_SEARCH_ROWS or record.line >= HEADER_SEARCH_LINES:
            break
    for position, record in enumerate(buffered):
        if not record.problem and any(cell.strip() for cell in record.cells) and len(record.cells) >= needed:
            early += [(item.line, item.problem) for item in buffered[:position] if item.problem]
            return None, _mapped_columns(mapping, [""] * len(record.cells), header=False), buffered[position:], early
    if not searched:
        if buffered and buffered[-1].line >= HEADER_SEARCH_LINES:
            raise EntCsvError(tr("Les {lines} premières lignes du fichier sont vides ou illisibles : ce n'est pas "
                                 "une liste de comptes.").format(lines=HEADER_SEARCH_LINES))
        raise EntCsvError(tr("Le fichier est vide."))
    width = max(len(record.cells) for record in buffered if not record.problem)
    _mapped_columns(mapping, [""] * width, header=False)  # a column beyond the widest row: it raises
    raise AssertionError("unreachable")  # pragma: no cover


def _mapped_columns(mapping: dict[str, int | str], cells: list[str], *, header: bool = True) -> dict[str, int]:
    """`_apply`, or one sentence for the first column named that the list does not have or that is named for two
    fields; `cells`: the header row (`header`), else as many empty strings as the first row has cells."""
    columns = _apply(mapping, cells)
    for name, column in mapping.items():
        if name not in FIELDS or name in columns:
            continue
        field = tr(FIELD_LABELS[name])
        if isinstance(column, int):
            raise EntCsvError(tr("La colonne {number} indiquée pour {field} n'existe pas : la liste de l'ENT n'en a "
                                 "que {count}.").format(number=column + 1, field=field, count=len(cells)))
        if not header:
            raise EntCsvError(tr("La colonne {header} indiquée pour {field} ne peut pas être trouvée : la liste de "
                                 "l'ENT n'a pas de ligne d'en-tête reconnue ; indiquez le numéro de la "
                                 "colonne.").format(header=_quoted(column), field=field))
        seen = [_quoted(cell.strip()) for cell in cells if cell.strip()]
        more = " …" if len(seen) > _QUOTED_HEADERS else ""
        raise EntCsvError(tr("La liste de l'ENT n'a pas de colonne {header} (indiquée pour {field}) ; colonnes "
                             "lues : {seen}.").format(header=_quoted(column), field=field,
                                                      seen=", ".join(seen[:_QUOTED_HEADERS]) + more))
    taken: dict[int, str] = {}
    for name, index in columns.items():
        if index in taken:  # before: the column was read as both (« nom=2 », « prenom=Nom » – the same column)
            title = cells[index].strip()
            raise EntCsvError(tr("La colonne {number}{header} est indiquée pour {first} et pour {second} : une "
                                 "colonne ne contient qu'une information ; indiquez-en une autre.").format(
                number=index + 1, header=" " + _quoted(title) if title else "",
                first=tr(FIELD_LABELS[taken[index]]), second=tr(FIELD_LABELS[name])),
                headers=[cell[:MAX_CELL] for cell in cells])
        taken[index] = name
    return columns


def _quoted(cell: str) -> str:
    cell = clean(cell)
    return tr("« {header} »").format(header=cell[:_QUOTED_LENGTH] + ("…" if len(cell) > _QUOTED_LENGTH else ""))


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
    if any(len(cell) > MAX_CELL for cell in row):
        result.problems.append(RowProblem(line, tr("ligne ignorée : une cellule dépasse {limit} caractères.").format(
            limit=MAX_CELL), False))
        return

    def cell(name: str) -> str:
        index = columns.get(name)
        return row[index].strip() if index is not None and index < len(row) else ""

    ident, last, first = cell("ident"), cell("last_name"), cell("first_name")
    labels = ((tr("identifiant"), ident), (tr("nom"), last), (tr("prénom"), first))
    missing = [label for label, value in labels if not value]
    if missing and (not ident or not (last or first)):
        template = (tr("ligne ignorée : {fields} manquants.") if len(missing) > 1 else
                    tr("ligne ignorée : {fields} manquant."))
        result.problems.append(RowProblem(line, template.format(fields=tr(" et ").join(missing)), False))
        return
    if ident in seen:
        message = tr("ligne ignorée : identifiant déjà présent ligne {v0}.").format(v0=seen[ident])
        result.problems.append(RowProblem(line, message, False))
        return
    profile = ""
    if "profile" in columns:
        profile = profile_of_word(header_key(cell("profile"))) or ""
        if not profile:
            # The profile column holds a category (« Stagiaire »), quoted so the admin can fix the mapping.
            shown = clean(cell("profile")[:40]) or tr("vide")
            message = tr("ligne ignorée : profil « {shown} » non reconnu.").format(shown=shown)
            result.problems.append(RowProblem(line, message, False))
            return
    born = None
    if cell("birth_date"):
        born = parse_date(cell("birth_date"))
        if born is None:
            result.problems.append(RowProblem(line, tr("date de naissance illisible, comparée sans date."), True))
    if not last or not first:
        message = tr("nom vide : comparé sur le prénom et la date de naissance, jamais comme « Sûr ».") if not last \
            else tr("prénom vide : comparé sur le nom et la date de naissance, jamais comme « Sûr ».")
        result.problems.append(RowProblem(line, message, True, ONE_NAME))
    seen[ident] = line
    result.people.append(Person(ident, profile, last, first, born, line))
    if cell("class_name"):
        result.classes[ident] = split_list(cell("class_name"))
    if cell("children"):
        result.children[ident] = split_list(cell("children"))


def split_list(text: str) -> tuple[str, ...]:
    """« 6A, 5B » → ("6A", "5B"): the items of a cell listing several classes or children."""
    return tuple(item for item in _LIST_SEPARATORS.split(text.strip()) if item)


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
