"""`python main.py check FILE [--json] [--uai UAI] [--mode complet|partiel]`: the file page's analysis, headless.

Reads the current school (UAI, mode, import history, hash key) and never writes to the data dir: checking a file
is not an import. Exit 0: no blocking error; 1: blocking errors; 2: the file cannot be read, or the data dir was
written by a newer version (its backup is an older state: the file is not judged against it).
Everything goes through `console`: a console that cannot show a character gets a replacement, and text that
comes from the file or its name (field and element names, a UAI) has its control characters neutralised.
"""
from __future__ import annotations

import sys
from argparse import Namespace
from pathlib import Path

from wizard.commands.console import err, out, write
from wizard.core.dates import day_and_time
from wizard.core.document import School
from wizard.core.filecheck import NO_ERROR
from wizard.core.hardening import before_personal_data
from wizard.core.i18n import tr
from wizard.core.idfile import MAPPING_LABELS, IdFileError, Report, analyse
from wizard.core.people import PROFILE_LABELS
from wizard.core.school import check_uai
from wizard.core.store import FutureVersion, read_current_school
from wizard.core.text import clean

_SHOWN_FINDINGS = 50  # the full list is in --json; a terminal page is enough to act on


def run_check(args: Namespace, data_dir: Path) -> int:
    before_personal_data()
    found_keys: dict[str, str] = {}
    try:
        school = read_current_school(Path(data_dir), found_keys)  # read-only: never writes, never locks
    except FutureVersion as problem:  # its .bak is an older state: the file would be judged against it
        return refuse(args, IdFileError(problem.message, code="donnees_plus_recentes"))
    uai = args.uai or (school["identity"]["uai"] if school else "") or None
    if uai:
        checked = check_uai(uai)
        if not checked.ok:
            if args.uai:
                return refuse(args, IdFileError(checked.message, code="uai_incorrect"))
            uai = None  # an unfinished school page must not stop the check
        else:
            uai = checked.value
    mode = args.mode or (school["cycle"]["mode"] if school else None)
    # Keyed hashes are not printed; they are only needed to spot people already imported in a partial import.
    hash_key = _hash_key(school, Path(data_dir), found_keys) if school and mode == "partiel" else None
    history = school["import_history"] if school else []
    try:
        report = analyse(args.file, uai=uai, mode=mode, history=history, hash_key=hash_key)
    except IdFileError as problem:
        return refuse(args, problem)
    if args.json:
        _print_json(report)
    else:
        out(summary(report, Path(args.file).name))
    return 1 if report.has_errors else 0


def refuse(args: Namespace, problem: IdFileError) -> int:
    """Nothing judged: the sentence on stderr and, with --json, one object on stdout all the same – the shape of
    an unreadable file, the sentence as its one error finding – so that a script reading stdout always gets one."""
    if getattr(args, "json", False):
        _print_json(Report.unreadable(problem))
    err(clean(problem.message))
    return problem.exit_code


def print_json_error(message: str, code: str) -> None:
    """The object of `refuse` for a command stopped before `run_check` (cli.py: an unknown option, --ent)."""
    _print_json(Report.unreadable(IdFileError(message, code=code)))


def _print_json(report: Report) -> None:
    """One JSON object on stdout, written in pieces (see `Report.json_pieces`); json escapes control characters."""
    for piece in report.json_pieces():
        write(sys.stdout, piece)
    out("")


def summary(report: Report, name: str) -> str:
    counts = report.counts
    per_profile = ", ".join(f"{tr(PROFILE_LABELS[profile]).lower()} : {counts[profile]}" for profile in PROFILE_LABELS)
    lines = [
        tr("Fichier : {name} ({size} octets)").format(name=clean(name), size=report.size),
        tr("Format : {label} ; encodage : {encoding}").format(label=tr(report.layout_label),
                                                              encoding=clean(report.encoding or "")),
        tr("Champs lus :"),
        *(f"  {tr(MAPPING_LABELS.get(key, key))} ← {clean(tr(source))}" for key, source in report.mapping.items()),
        tr("Personnes : {total} ({per_profile})").format(total=counts["total"], per_profile=per_profile),
    ]
    if report.export_date:
        lines.append(tr("Exporté le : {date}").format(date=day_and_time(report.export_date)))
    errors = sum(1 for finding in report.findings if finding.level == "error")
    warnings = len(report.findings) - errors
    lines.append(tr("{errors} erreur(s) bloquante(s), {warnings} "
                    "avertissement(s).").format(errors=errors, warnings=warnings))
    for finding in report.findings[:_SHOWN_FINDINGS]:
        level = tr("ERREUR") if finding.level == "error" else tr("attention")
        where = tr("ligne {line}").format(line=finding.line) if finding.line else tr("fichier")
        lines.append(f"  [{level}] {where} : {clean(finding.message)}")
    if len(report.findings) > _SHOWN_FINDINGS:
        lines.append(tr("  … et {more} autre(s) : la liste complète "
                        "s'obtient avec --json.").format(more=len(report.findings) - _SHOWN_FINDINGS))
    lines.append(tr("Le fichier contient des erreurs bloquantes : ne l'importez pas dans l'ENT.") if errors
                 else tr(NO_ERROR))
    return "\n".join(lines) + "\n"


def _hash_key(school: School, data_dir: Path, found_keys: dict[str, str]) -> str | None:
    """The school's key, read where the window keeps it (keys.py); never made here: a command writes nothing."""
    from wizard.core.keys import KeyStore, KeyUnavailable, entry_name, key_id

    kid = school.get("hash_key_id")
    if not kid:
        return None
    name = entry_name(school["id"], kid)
    try:
        key = found_keys.get(name) or KeyStore(data_dir).get(name)
    except KeyUnavailable:
        return None
    return key if key and key_id(key) == kid else None
