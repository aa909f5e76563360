"""`reconcile PRONOTE_FILE ENT_CSV [--json] [--out WORKSHEET.csv]`: the matching preview without the window.

Exit 0 when both files were read (whatever the matching found), 2 when one cannot be read or the worksheet
cannot be written. Nothing is written to the data dir: the result holds names and lives in memory only.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

from wizard.matching.entcsv import EntCsvError, EntList, read_ent_csv
from wizard.matching.matcher import COUNT_KEYS, Result, reconcile
from wizard.matching.worksheet import write_worksheet
from wizard.people import PROFILE_LABELS, PROFILES

UNREADABLE = 2
SUMMARY_WORDS = {"certain": ("certain", "certains"), "probable": ("probable", "probables"),
                 "ambiguous": ("ambigu", "ambigus"), "unmatched_pronote": ("seulement dans PRONOTE",) * 2,
                 "unmatched_ent": ("seulement dans l'ENT",) * 2}


def run_reconcile(args, data_dir: Path) -> int:
    from wizard.idfile import IdFileError, load_people  # the identifier reader, loaded only when needed

    try:
        pronote = load_people(Path(args.pronote_file))
    except IdFileError as problem:
        return _fail(getattr(problem, "message", str(problem)))
    try:
        ent = read_ent_csv(args.ent_csv)
    except EntCsvError as problem:
        return _fail(problem.message)
    result = reconcile(pronote, ent.people)
    if args.out:
        try:
            write_worksheet(result, args.out)
        except OSError:
            return _fail(f"Le fichier de travail « {Path(args.out).name} » ne peut pas être écrit "
                         "(ouvert dans un tableur, ou dossier protégé).")
    if args.json:
        print(json.dumps(to_json(result, ent), ensure_ascii=False, indent=2))
    else:
        print(summary(result, ent, len(pronote), args.out))
    return 0


def to_json(result: Result, ent: EntList) -> dict:
    return {
        "pairs": [{"pronote_id": pair.pronote.ident, "ent_id": pair.ent.ident, "status": pair.status,
                   "score": pair.score, "profile": pair.profile, "reasons": list(pair.reasons)}
                  for pair in result.pairs],
        "unmatched_pronote": [person.ident for person in result.unmatched_pronote],
        "unmatched_ent": [person.ident for person in result.unmatched_ent],
        "unusable_rows": [{"line": row.line, "message": row.message} for row in ent.unusable],
        "row_warnings": [{"line": row.line, "message": row.message} for row in ent.problems if row.kept],
        "counts": result.counts,
    }


def summary(result: Result, ent: EntList, pronote_count: int, out: Path | None) -> str:
    lines = [f"Rapprochement prévu entre {pronote_count} personnes du fichier PRONOTE "
             f"et {len(ent.people)} comptes de l'ENT."]
    for profile in (*PROFILES, ""):
        numbers = [result.counts[key].get(profile, 0) for key in COUNT_KEYS]
        parts = [f"{n} {SUMMARY_WORDS[key][n > 1]}" for key, n in zip(COUNT_KEYS, numbers)]
        if any(numbers):
            lines.append(f"{PROFILE_LABELS.get(profile, 'Profil inconnu')} : {', '.join(parts)}.")
    if ent.unusable:
        shown = ", ".join(f"ligne {row.line} ({row.message.removeprefix('ligne ignorée : ').rstrip('.')})"
                          for row in ent.unusable[:10])
        more = " …" if len(ent.unusable) > 10 else ""
        lines.append(f"{len(ent.unusable)} ligne(s) de la liste de l'ENT ignorée(s) : {shown}{more}.")
    if out:
        lines.append(f"Fichier de travail écrit : {out} (il contient des données personnelles).")
    return "\n".join(lines)


def _fail(message: str) -> int:
    sys.stderr.write(message.rstrip() + "\n")
    return UNREADABLE
