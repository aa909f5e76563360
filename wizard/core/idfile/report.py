"""What the analysis of an identifier file tells: counts, layout, field mapping, findings. No names, no birth dates."""
from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from wizard.core.i18n import tr_noop
from wizard.core.idfile.findings import ERROR, Finding, IdFileError
from wizard.core.people import FIELD_LABELS, PROFILES

# The mapping's keys, as the page and the command show them.
MAPPING_LABELS = {
    "records": tr_noop("Personnes"),
    **{key: FIELD_LABELS[key] for key in ("ident", "last_name", "first_name", "birth_date", "profile")},
    "uai": tr_noop("Code UAI"),
    "export_date": tr_noop("Date d'export"),
}


def empty_counts() -> dict[str, int]:
    return {**{profile: 0 for profile in PROFILES}, "total": 0}


@dataclass
class Report:
    layout: str | None
    layout_label: str
    encoding: str | None
    counts: dict[str, int] = field(default_factory=empty_counts)
    findings: list[Finding] = field(default_factory=list)
    mapping: dict[str, str] = field(default_factory=dict)  # field → the element or attribute it was read from
    export_date: datetime | None = None
    file_sha256: str = ""
    size: int = 0
    id_hashes: list[str] = field(default_factory=list)  # keyed hashes (wizard.core.privacy), never identifiers
    # Findings per code, all of them: `findings` lists at most limits.MAX_FINDINGS_PER_CODE per code, then one
    # « constats_non_listes » finding saying how many more.
    finding_counts: dict[str, int] = field(default_factory=dict)

    @property
    def has_errors(self) -> bool:
        return any(finding.level == ERROR for finding in self.findings)

    def to_json(self) -> dict[str, Any]:
        """Exactly the shape of `check --json` (DESIGN.md, « Headless commands »)."""
        return {**self._json_head(), "findings": [finding.to_json() for finding in self.findings]}

    def json_pieces(self, batch: int = 1000) -> Iterator[str]:
        """`json.dumps(self.to_json(), ensure_ascii=False)`, as pieces of `batch` findings: tens of thousands of
        findings at once would take several times their size in memory."""
        yield json.dumps(self._json_head(), ensure_ascii=False)[:-1] + ', "findings": ['
        for start in range(0, len(self.findings), batch):
            yield ("" if start == 0 else ", ") + ", ".join(
                json.dumps(finding.to_json(), ensure_ascii=False) for finding in self.findings[start:start + batch])
        yield "]}"

    def _json_head(self) -> dict[str, Any]:
        return {"layout": self.layout, "encoding": self.encoding, "counts": dict(self.counts)}

    @classmethod
    def unreadable(cls, error: IdFileError) -> Report:
        return cls(layout=None, layout_label="", encoding=None, findings=[error.finding()],
                   finding_counts={error.code: 1})
