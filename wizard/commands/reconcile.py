"""`reconcile PRONOTE_FILE ENT_CSV [--json] [--out WORKSHEET.csv] [--colonne CHAMP=COLONNE …]`: the matching
preview without the window.

Exit 0 when both files were read (whatever the matching found), 2 when one cannot be read, the worksheet cannot be
written (or would overwrite one of the two files read, or is not named .csv), or a --colonne cannot be.
`--colonne` names the account list's columns when its header is missing or unclear, as the page's column dialog
does: only the columns named are then read. Nothing is written to the data dir: the result
holds names and lives in memory only. Everything printed goes through `console`, so a console that cannot
show French never ends the command, and text from the files (names of files, headers) is `clean`ed.
"""
from __future__ import annotations

import json
from argparse import Namespace
from pathlib import Path

from wizard.commands.columns import column_mapping
from wizard.commands.console import err, out
from wizard.commands.outfile import wrong_extension
from wizard.core.errors import UserError
from wizard.core.hardening import before_personal_data
from wizard.core.i18n import tr
from wizard.core.idfile import IdFileError, load_people_and_links
from wizard.core.matching.entcsv import EntCsvError, EntList, one_name_finding, read_ent_csv
from wizard.core.matching.family import families
from wizard.core.matching.matcher import COUNT_KEYS, STATUS_LABELS, STATUS_PLURALS, Result, reconcile
from wizard.core.matching.worksheet import write_worksheet
from wizard.core.outputs import failed_message, refusal
from wizard.core.people import PROFILE_LABELS, PROFILES
from wizard.core.text import clean

UNREADABLE = 2

def run_reconcile(args: Namespace, data_dir: Path) -> int:
    before_personal_data()
    inputs = (Path(args.pronote_file), Path(args.ent_csv))
    if args.out and (problem := refusal(Path(args.out), data_dir=data_dir, inputs=inputs)
                     or wrong_extension(Path(args.out), ".csv")):
        return _fail(args, problem)
    try:
        mapping = column_mapping(getattr(args, "columns", None) or [])
    except UserError as problem:
        return _fail(args, problem.message)
    try:
        pronote, links, _sha256 = load_people_and_links(inputs[0])  # a file named here, not one checked before
        ent = read_ent_csv(inputs[1], mapping or None)
    except EntCsvError as problem:
        # The page offers its column dialog here; the command has --colonne.
        hint = "" if mapping else " " + tr("Sans fenêtre : l'option --colonne, par exemple --colonne identifiant=1 "
                                           "--colonne nom=2 --colonne prenom=3.")
        return _fail(args, problem.message + hint if problem.headers else problem.message)
    except (IdFileError, UserError) as problem:
        return _fail(args, problem.message)
    result = reconcile(pronote, ent.people, families=families(links, ent))
    if args.out:
        try:
            write_worksheet(result, args.out)
        except OSError as problem:  # what happened: a full disk, a protected folder, a file held open
            return _fail(args, failed_message(Path(args.out), problem))
    if args.json:
        out(json.dumps(to_json(result, ent), ensure_ascii=False, indent=2))
    else:
        out(summary(result, ent, len(pronote), args.out))
    return 0


def to_json(result: Result, ent: EntList) -> dict[str, object]:
    return {
        "pairs": [{"pronote_id": pair.pronote.ident, "ent_id": pair.ent.ident, "status": pair.status,
                   "score": pair.score, "profile": pair.profile, "reasons": list(pair.reasons),
                   "evidence": [{"label": tr(item.label), "bits": round(item.bits, 2)}
                                for item in pair.comparison.evidence]}
                  for pair in result.pairs],
        "unmatched_pronote": [person.ident for person in result.unmatched_pronote],
        "unmatched_ent": [person.ident for person in result.unmatched_ent],
        "unusable_rows": [{"line": row.line, "message": row.message} for row in ent.unusable],
        "row_warnings": [{"line": row.line, "message": row.message, **({"code": row.code} if row.code else {})}
                         for row in ent.problems if row.kept],
        "counts": result.counts,
    }


def summary(result: Result, ent: EntList, pronote_count: int, out_path: Path | None) -> str:
    lines = [tr("Rapprochement prévu entre {pronote} personnes du fichier PRONOTE et {ent} comptes de l'ENT.").format(
        pronote=pronote_count, ent=len(ent.people))]
    for profile in (*PROFILES, ""):
        numbers = [result.counts[key].get(profile, 0) for key in COUNT_KEYS]
        parts = [f"{n} {_lower_first(tr((STATUS_PLURALS if n > 1 else STATUS_LABELS)[key]))}"
                 for key, n in zip(COUNT_KEYS, numbers, strict=True)]
        if any(numbers):
            label = tr(PROFILE_LABELS[profile]) if profile in PROFILE_LABELS else tr("Profil inconnu")
            lines.append(tr("{profile} : {counts}.").format(profile=label, counts=", ".join(parts)))
    if ent.unusable:
        prefix = tr("ligne ignorée : ")
        shown = ", ".join(tr("ligne {line} ({why})").format(
            line=row.line, why=row.message.removeprefix(prefix).rstrip(".")) for row in ent.unusable[:10])
        more = " …" if len(ent.unusable) > 10 else ""
        lines.append(tr("{count} ligne(s) de la liste de l'ENT ignorée(s) : {shown}{more}.").format(
            count=len(ent.unusable), shown=shown, more=more))
    if ent.one_name:
        lines.append(one_name_finding(ent))
    if out_path:
        lines.append(tr("Fichier de travail écrit : {path} (il contient des données personnelles).").format(
            path=clean(str(out_path))))
    return "\n".join(lines)


def _fail(args: Namespace, message: str) -> int:
    """The sentence on stderr and, with --json, `{"error": sentence}` on stdout: one object whatever the outcome."""
    if getattr(args, "json", False):
        out(error_json(message))
    err(clean(message.rstrip()))
    return UNREADABLE


def error_json(message: str) -> str:
    return json.dumps({"error": message.rstrip()}, ensure_ascii=False, indent=2)


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]  # « 3 sûrs, 1 seulement dans PRONOTE »: in a sentence, not a heading
