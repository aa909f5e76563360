"""Glue between the identifier-file reader and the progress: what an analysis leaves in the progress.

Only counts, finding codes and messages (which never quote names), line numbers and keyed hashes are kept.
"""
from __future__ import annotations

from pathlib import Path
from typing import Callable
from wizard.i18n import tr


class FileProblem(Exception):
    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def run_analysis(path: Path, school: dict, mode: str | None, *, progress: Callable[[float], None],
                 cancelled: Callable[[], bool]):
    """Read and judge the file for this school; returns (file info, report). Runs in a worker thread."""
    from wizard.idfile import IdFileError, analyse
    from wizard.school import check_uai

    path = Path(path)
    if not path.is_file():
        raise FileProblem(tr("« {name} » n'est pas un fichier que l'assistant peut ouvrir.").format(name=path.name))
    try:
        report = analyse(
            path,
            uai=check_uai(school["identity"].get("uai", "")).value or None,
            mode=mode,
            history=school.get("import_history", []),
            hash_key=school.get("hash_key"),
            progress=progress,
            cancelled=cancelled,
        )
    except IdFileError as problem:
        raise FileProblem(problem.message) from None
    info = {"name": path.name, "path": str(path), "size": report.size, "sha256": report.file_sha256}
    return info, report


def analysis_record(report, file_info: dict, mode: str | None) -> dict:
    data = report.to_json()
    findings = data.get("findings", [])
    return {
        "file_sha256": file_info["sha256"],
        "mode": mode,
        "layout": data.get("layout"),
        "layout_label": getattr(report, "layout_label", None),
        "encoding": data.get("encoding"),
        "counts": data.get("counts", {}),
        "findings": findings,
        "errors": sum(1 for f in findings if f.get("level") == "error"),
        "warnings": sum(1 for f in findings if f.get("level") == "warning"),
        "mapping": dict(getattr(report, "mapping", {}) or {}),
        "export_date": _iso(getattr(report, "export_date", None)),
        "id_hashes": list(getattr(report, "id_hashes", []) or []),
    }


def _iso(value) -> str | None:
    if value is None:
        return None
    return value.isoformat() if hasattr(value, "isoformat") else str(value)
