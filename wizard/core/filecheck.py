"""Glue between the identifier-file reader and the progress: the analysis a page runs, and what it leaves.

Only counts, finding codes and messages (which never quote names), line numbers and keyed hashes are kept.
"""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TypedDict

from wizard.core import i18n
from wizard.core.document import Analysis, ChosenFile, Identity, ImportEntry, Mode
from wizard.core.errors import UserError
from wizard.core.hardening import before_personal_data
from wizard.core.i18n import tr, tr_noop
from wizard.core.safetext import MESSAGE, NAME, PATH, plain, plain_keys
from wizard.core.school import check_uai

if TYPE_CHECKING:  # the file reader itself loads with its first use (docs/DEVELOPING.md)
    from wizard.core.idfile import Report

# The verdict on a file without blocking error: what was checked, and no more (the ENT's expected layout of the
# file is not public, so nobody can promise that the ENT accepts it).
NO_ERROR = tr_noop("Aucune erreur bloquante trouvée. L'assistant vérifie ce qu'il reconnaît du fichier (personnes, "
                   "identifiants, dates, établissement) ; le format exact qu'attend l'ENT n'est pas publié.")


class ForTheCheck(TypedDict):
    """What the file check needs of the school, taken on the window's thread (the school shown may change while
    the check runs)."""

    identity: Identity
    import_history: list[ImportEntry]
    hash_key: str | None  # the key of its keyed hashes; None: no hashes (the key store refused for now)


def run_analysis(path: Path, school: ForTheCheck, mode: str | None, *, advance: Callable[[float], None],
                 cancelled: Callable[[], bool]) -> tuple[ChosenFile, Report]:
    """Read and judge the file for this school; returns (file info, report). Runs in a worker thread."""
    from wizard.core.idfile import analyse  # the file reader loads with its first use (docs/DEVELOPING.md)

    before_personal_data()
    path = Path(path)
    if not path.is_file():
        raise UserError(tr("« {name} » n'est pas un fichier que l'assistant peut ouvrir.").format(name=path.name))
    # Taken before the read, with the stat the pages make later (files.changed_since_analysed): a re-export
    # landing during the read leaves the older time recorded, so it is seen as a change – never the reverse.
    mtime_ns = _mtime_ns(path)
    found = analyse(
        path,
        uai=check_uai(school["identity"]["uai"]).value or None,
        mode=mode,
        history=school["import_history"],
        hash_key=school.get("hash_key"),  # None: no hashes (the key store refused for now)
        advance=advance,
        cancelled=cancelled,
    )
    # A file name in another encoding reaches Python with lone surrogates (os.fsdecode): made plain here, where it
    # enters the document (safetext.py).
    info: ChosenFile = {"name": plain(path.name, NAME), "path": plain(str(path), PATH), "size": found.size,
                        "sha256": found.file_sha256, "mtime_ns": mtime_ns}
    return info, found


def _mtime_ns(path: Path) -> int | None:
    try:
        return path.stat().st_mtime_ns
    except (OSError, ValueError):  # gone since the look above: the read that follows says so
        return None


def analysis_record(found: Report, mode: Mode | None) -> Analysis:
    """The document's `Analysis` (document.py) of a reader's report: what the file said (field names, tags and
    values quoted in findings) made plain on its way in (safetext.py)."""
    findings = []
    for finding in found.findings:
        entry = finding.to_json()
        entry["code"], entry["message"] = plain(finding.code), plain(finding.message, MESSAGE)
        findings.append(entry)
    counts = {plain(code): count for code, count in found.finding_counts.items()}
    level_of = {finding["code"]: finding["level"] for finding in findings}
    return {
        "file_sha256": found.file_sha256,
        "mode": mode,
        "layout": plain(found.layout or ""),
        "layout_label": plain(found.layout_label) if found.layout_label else found.layout_label,
        "encoding": plain(found.encoding) if found.encoding else found.encoding,
        "counts": dict(found.counts),
        "findings": findings,
        "finding_counts": counts,
        # From the exact counts: past the cap, the listed findings would say too few.
        "errors": sum(n for code, n in counts.items() if level_of.get(code) == "error"),
        "warnings": sum(n for code, n in counts.items() if level_of.get(code) == "warning"),
        "mapping": plain_keys(found.mapping),
        "export_date": found.export_date.isoformat() if found.export_date else None,
        "id_hashes": list(found.id_hashes),
        "language": i18n.language(),
    }
