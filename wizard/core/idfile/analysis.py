"""Judging the people of an identifier file for one school: `analyse` (the report) and `load_people` (names in
memory, for the account matching)."""
from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from datetime import date, datetime
from pathlib import Path
from typing import NamedTuple

from wizard.core.dates import day_and_time
from wizard.core.document import ImportEntry
from wizard.core.idfile import dates, findings, reader
from wizard.core.idfile.encoding import looks_misdecoded
from wizard.core.idfile.layoutbase import Emit
from wizard.core.idfile.limits import EVERYBODY_MINIMUM, EVERYBODY_SHARE
from wizard.core.idfile.report import Report, empty_counts
from wizard.core.people import Person

_DATES_KEPT = 10_000


class _Judge:
    """Receives each person once, keeps counts, findings and keyed hashes, and forgets names at once.

    Identifiers are remembered by their Python hash only (64 bits, salted per process: a collision among a school's
    identifiers is out of reach), so that what is kept per person does not grow with what the file puts in them.
    People usually come in file order; a generic layout may hand on a few earlier ones late (records that waited
    for their shape to be known), so the first of two duplicates is the one with the smaller line."""

    def __init__(self, strict_dates: bool, mode: str | None, history: Iterable[ImportEntry], hash_key: str | None):
        self.counts = empty_counts()
        self.findings = findings.FindingList()
        self.first_line: dict[int, int] = {}
        self.hashes: list[str] = []  # one per distinct identifier, in the order people came
        self._hasher = _KeyedHasher(hash_key) if hash_key else None
        self._earlier: set[str] = set()
        if mode == "partiel" and self._hasher is not None:
            self._earlier = {h for entry in history for h in entry.get("id_hashes") or ()}
        self.strict_dates = strict_dates
        self._today = date.today()
        self._misdecoded = (0, 0)
        self._date_ok: dict[str, bool] = {}  # birth dates repeat (a few thousand distinct in a school)

    def add(self, ident: str, profile: str, last_name: str, first_name: str, birth: str | None, line: int) -> None:
        self.counts[profile] += 1
        ident = ident.strip()
        add = self.findings.add
        if not ident:
            add(findings.missing_ident(line))
        else:
            key = hash(ident)
            first = self.first_line.get(key)
            if first is None:
                self.first_line[key] = line
                if self._hasher is not None:
                    self._hash(self._hasher, ident, line)
            elif first <= line:
                add(findings.duplicate_ident(line, first))
            else:  # an earlier person came late: it is the first one
                self.first_line[key] = line
                add(findings.duplicate_ident(first, line))
        if not last_name:
            add(findings.missing_last_name(line))
        if not first_name:
            add(findings.missing_first_name(line))
        if birth is not None:
            valid = self._date_ok.get(birth)
            if valid is None:
                valid = self._valid_date(birth)
            if not valid:
                add(findings.invalid_birth_date(line, dates.STRICT_FORMAT if self.strict_dates else dates.LOOSE_FORMAT))
        elif self.strict_dates and profile == "eleve":
            add(findings.missing_birth_date(line))
        if not (last_name.isascii() and first_name.isascii()) and looks_misdecoded(last_name + " " + first_name):
            count, first = self._misdecoded
            self._misdecoded = (count + 1, min(first, line) if first else line)

    def _valid_date(self, text: str) -> bool:
        valid = dates.birth_date(text, self.strict_dates, self._today) is not None
        if len(self._date_ok) < _DATES_KEPT and len(text) <= 32:
            self._date_ok[text] = valid
        return valid

    def _hash(self, hasher: _KeyedHasher, ident: str, line: int) -> None:
        value = hasher(ident)
        self.hashes.append(value)
        if value in self._earlier:
            self.findings.add(findings.already_imported(line))

    def everybody_finding(self) -> list[findings.Finding]:
        """In a partial import, (nearly) every identifier already imported: their warnings become one blocking
        finding (limits.EVERYBODY_SHARE)."""
        already = self.findings.counts.get("deja_importe", 0)
        distinct = len(self.hashes)
        if already < EVERYBODY_MINIMUM or already < EVERYBODY_SHARE * distinct:
            return []
        self.findings.items = [finding for finding in self.findings.items if finding.code != "deja_importe"]
        del self.findings.counts["deja_importe"]
        return [findings.everybody_already_imported(already, already == distinct)]

    def misdecoded_finding(self) -> list[findings.Finding]:
        count, first = self._misdecoded
        return [findings.misdecoded_text(first, count)] if count else []


class _KeyedHasher:
    """`wizard.core.privacy.keyed_hash` (HMAC-SHA-256, 32 hex digits) with the key's inner and outer blocks hashed once
    rather than once per person: it is most of the cost of analysing a large file for a school."""

    def __init__(self, key_hex: str):
        key = bytes.fromhex(key_hex)
        key = hashlib.sha256(key).digest() if len(key) > 64 else key
        key = key.ljust(64, b"\0")
        self._inner = hashlib.sha256(bytes(byte ^ 0x36 for byte in key))
        self._outer = hashlib.sha256(bytes(byte ^ 0x5C for byte in key))

    def __call__(self, ident: str) -> str:
        inner = self._inner.copy()
        inner.update(ident.encode("utf-8"))
        outer = self._outer.copy()
        outer.update(inner.digest())
        return outer.hexdigest()[:32]


def analyse(path: Path | str, *, uai: str | None = None, mode: str | None = None,
            history: Iterable[ImportEntry] = (),
            hash_key: str | None = None, advance: Callable[[float], None] | None = None,
            cancelled: Callable[[], bool] | None = None) -> Report:
    """Reads and judges the file; raises IdFileError when it cannot be read at all, Cancelled when asked to stop."""
    history = list(history or ())
    judges: list[_Judge] = []

    def begin(strict_dates: bool) -> Emit:
        judges.append(_Judge(strict_dates, mode, history, hash_key))
        return judges[-1].add

    scan = reader.scan(path, begin, advance=advance, cancelled=cancelled)
    judge = judges[-1]
    export = dates.timestamp(scan.export_date[0]) if scan.export_date else None
    # First: it replaces the judge's own « déjà importé » warnings by one finding.
    extra = judge.everybody_finding() + judge.misdecoded_finding()
    extra += _school_findings(scan, uai) + _history_findings(scan, export, history)
    found = scan.findings + judge.findings.items + judge.findings.unlisted() + extra
    found.sort(key=lambda finding: (finding.line or 0))
    finding_counts: dict[str, int] = {}
    for finding in found:
        finding_counts[finding.code] = finding_counts.get(finding.code, 0) + 1
    finding_counts.update(scan.finding_counts)  # the capped ones, counted in full (the two sets of codes differ)
    finding_counts.update(judge.findings.counts)
    return Report(
        layout=scan.layout,
        layout_label=scan.layout_label,
        encoding=scan.encoding,
        counts={**judge.counts, "total": sum(judge.counts.values())},
        findings=found,
        mapping=scan.mapping,
        export_date=export,
        file_sha256=scan.sha256,
        size=scan.size,
        id_hashes=judge.hashes,
        finding_counts=finding_counts,
    )


def _school_findings(scan: reader.Scan, uai: str | None) -> list[findings.Finding]:
    """A file may list several schools (a cité scolaire shares one PRONOTE base): wrong only if ours is not there."""
    if not uai or not scan.uais:
        return []
    uai = uai.strip().upper()
    if any(found == uai for found, _ in scan.uais):
        return []
    first: dict[str, int] = {}
    for found, line in scan.uais:
        first.setdefault(found, line)
    return [findings.other_uai(line, found, uai) for found, line in first.items()]


def _history_findings(scan: reader.Scan, export: datetime | None,
                      history: list[ImportEntry]) -> list[findings.Finding]:
    result = []
    if scan.export_date and export is None:
        result.append(findings.invalid_export_date(scan.export_date[1]))
    imports = [(when, entry) for entry in history if (when := dates.timestamp(entry.get("date") or "")) is not None]
    if scan.export_date and export is not None and imports:
        last, _ = max(imports, key=lambda item: item[0])
        if export < last:
            result.append(findings.old_export(scan.export_date[1], day_and_time(export), day_and_time(last)))
    for when, entry in imports:
        if entry.get("file_sha256") == scan.sha256:
            result.append(findings.same_file_imported(day_and_time(when)))
            break
    return result


class Loaded(NamedTuple):
    """The people of a file for the matching, the pupil → parents links it states, and the SHA-256 of the very bytes
    they were read from (hashed as they were read: what the file check recorded tells whether they are its file)."""

    people: list[Person]
    links: dict[str, list[str]]
    sha256: str


def load_people(path: Path | str, *, advance: Callable[[float], None] | None = None,
                cancelled: Callable[[], bool] | None = None) -> list[Person]:
    """Everyone in the file, names included, for the account matching; kept in memory only."""
    return _load(path, advance, cancelled, want_links=False).people


def load_people_and_links(path: Path | str, *, advance: Callable[[float], None] | None = None,
                          cancelled: Callable[[], bool] | None = None) -> Loaded:
    """`load_people`, plus the pupil → parents links the file states: {pupil's ident: [parents' idents]}, with the
    idents exactly as the people carry them (`Person.ident`), parents in file order, each once. Only the documented
    layout states links (`Eleve/Responsable@Ident` naming a parent's `@Ident`); other layouts give {}. A link to
    a parent the file does not list, or from a pupil without identifier, is left out."""
    return _load(path, advance, cancelled, want_links=True)


def _load(path: Path | str, advance: Callable[[float], None] | None, cancelled: Callable[[], bool] | None,
          want_links: bool) -> Loaded:
    people: list[Person] = []
    strict = False

    def begin(strict_dates: bool) -> Emit:
        nonlocal strict
        strict = strict_dates
        people.clear()
        return emit

    def emit(ident: str, profile: str, last_name: str, first_name: str, birth: str | None, line: int) -> None:
        born = dates.birth_date(birth, strict) if birth else None
        people.append(Person(ident.strip(), profile, last_name, first_name, born, line))

    scan = reader.scan(Path(path), begin, advance=advance, cancelled=cancelled, want_links=want_links)
    people.sort(key=_line)  # file order, also for the few a generic layout hands on late
    return Loaded(people, scan.links, scan.sha256)


def _line(person: Person) -> int:
    return person.line
