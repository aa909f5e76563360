"""Judging the people of an identifier file for one school: `analyse` (the report) and `load_people` (names in
memory, for the account matching)."""
from __future__ import annotations

import hashlib
from datetime import date
from pathlib import Path
from typing import Callable, Iterable

from wizard.idfile import dates, findings, reader
from wizard.idfile.encoding import looks_misdecoded
from wizard.idfile.report import Report, empty_counts
from wizard.people import Person


class _Judge:
    """Receives each person once, keeps counts, findings and keyed hashes, and forgets names at once."""

    def __init__(self, strict_dates: bool, mode: str | None, history: Iterable[dict], hash_key: str | None):
        self.counts = empty_counts()
        self.findings: list[findings.Finding] = []
        self.first_line: dict[str, int] = {}
        self.hashes: list[str] = []  # one per distinct identifier, in file order
        self._hasher = _KeyedHasher(hash_key) if hash_key else None
        self._earlier = set()
        if mode == "partiel" and self._hasher is not None:
            self._earlier = {h for entry in history for h in entry.get("id_hashes") or ()}
        self.strict_dates = strict_dates
        self._today = date.today()
        self._misdecoded = (0, 0)

    def add(self, ident: str, profile: str, last_name: str, first_name: str, birth: str | None, line: int) -> None:
        self.counts[profile] += 1
        ident = ident.strip()
        if not ident:
            self.findings.append(findings.missing_ident(line))
        elif ident in self.first_line:
            self.findings.append(findings.duplicate_ident(line, self.first_line[ident]))
        else:
            self.first_line[ident] = line
            if self._hasher is not None:
                self._hash(ident, line)
        if not last_name:
            self.findings.append(findings.missing_last_name(line))
        if not first_name:
            self.findings.append(findings.missing_first_name(line))
        if birth is not None and dates.birth_date(birth, self.strict_dates, self._today) is None:
            self.findings.append(findings.invalid_birth_date(line, dates.STRICT_FORMAT if self.strict_dates else dates.LOOSE_FORMAT))
        elif birth is None and self.strict_dates and profile == "eleve":
            self.findings.append(findings.missing_birth_date(line))
        if looks_misdecoded(last_name + " " + first_name):
            count, first = self._misdecoded
            self._misdecoded = (count + 1, first or line)

    def _hash(self, ident: str, line: int) -> None:
        value = self._hasher(ident)
        self.hashes.append(value)
        if value in self._earlier:
            self.findings.append(findings.already_imported(line))

    def misdecoded_finding(self) -> list:
        count, first = self._misdecoded
        return [findings.misdecoded_text(first, count)] if count else []


class _KeyedHasher:
    """`wizard.privacy.keyed_hash` (HMAC-SHA-256, 32 hex digits) with the key's inner and outer blocks hashed once
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


def analyse(path, *, uai: str | None = None, mode: str | None = None, history: Iterable[dict] = (),
            hash_key: str | None = None, progress: Callable[[float], None] | None = None,
            cancelled: Callable[[], bool] | None = None) -> Report:
    """Reads and judges the file; raises IdFileError when it cannot be read at all, Cancelled when asked to stop."""
    history = list(history or ())
    judges: list[_Judge] = []

    def begin(strict_dates: bool):
        judges.append(_Judge(strict_dates, mode, history, hash_key))
        return judges[-1].add

    scan = reader.scan(path, begin, progress=progress, cancelled=cancelled)
    judge = judges[-1]
    export = dates.timestamp(scan.export_date[0]) if scan.export_date else None
    found = scan.findings + judge.findings + judge.misdecoded_finding()
    found += _school_findings(scan, uai) + _history_findings(scan, export, history)
    found.sort(key=lambda finding: (finding.line or 0))
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
    )


def _school_findings(scan: reader.Scan, uai: str | None) -> list:
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


def _history_findings(scan: reader.Scan, export, history: list[dict]) -> list:
    result = []
    if scan.export_date and export is None:
        result.append(findings.invalid_export_date(scan.export_date[1]))
    imports = [(dates.timestamp(entry.get("date") or ""), entry) for entry in history]
    imports = [(when, entry) for when, entry in imports if when is not None]
    if export is not None and imports:
        last, _ = max(imports, key=lambda item: item[0])
        if export < last:
            result.append(findings.old_export(scan.export_date[1], dates.french(export), dates.french(last)))
    for when, entry in imports:
        if entry.get("file_sha256") == scan.sha256:
            result.append(findings.same_file_imported(dates.french(when)))
            break
    return result


def load_people(path) -> list[Person]:
    """Everyone in the file, names included, for the account matching; kept in memory only."""
    people: list[Person] = []
    strict = False

    def begin(strict_dates: bool):
        nonlocal strict
        strict = strict_dates
        people.clear()
        return emit

    def emit(ident, profile, last_name, first_name, birth, line):
        born = dates.birth_date(birth, strict) if birth else None
        people.append(Person(ident.strip(), profile, last_name, first_name, born, line))

    reader.scan(Path(path), begin)
    return people
