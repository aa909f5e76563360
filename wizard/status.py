"""The status board of the welcome page, as data: one line per part, in French."""
from __future__ import annotations

from wizard import flow
from wizard.schoolyear import describe_import, last_import, parse_iso


def _day(text: str | None) -> str:
    when = parse_iso(text)
    return when.strftime("%d/%m/%Y") if when else ""


def last_check(school: dict, kind: str) -> dict | None:
    checks = [c for c in school.get("server_checks", []) if c.get("kind") == kind]
    return checks[-1] if checks else None


def check_line(check: dict | None) -> str:
    if not check:
        return ""
    verified = "vérifié" if check.get("verified") else "non vérifié"
    return f"Dernière vérification du serveur le {_day(check.get('date'))} : {check.get('message', '')} ({verified})"


def board(school: dict) -> list[tuple[str, bool, str]]:
    """(part name, done, detail) for parts 1, 2 and 3."""
    completed = school.get("completed", {})
    rows = []
    for part, steps in ((1, ("ent_service", "ent_acces")), (2, ("pronote_net_avertissement", "pronote_net"))):
        done = all(step in completed for step in steps)
        detail = f"Fait le {_day(completed[steps[-1]])}" if done else "À faire"
        if part == 2:
            line = check_line(last_check(school, "delegation"))
            detail += ("\n" + line) if line else ""
        rows.append((flow.PART_NAMES[part], done, detail))
    entry = last_import(school.get("import_history", []))
    cycle = school.get("cycle", {})
    if cycle.get("finished_at") or not entry:
        state = ""
    else:
        step = flow.BY_ID.get(school.get("current_step"), flow.BY_ID["accueil"])
        state = f"\nImport en cours, arrêté à l'étape « {step.title} »."
    rows.append((flow.PART_NAMES[3], bool(entry), (describe_import(entry) + "." if entry else "Aucun import enregistré.") + state))
    return rows


def in_progress(school: dict) -> bool:
    """A pass of part 3 started after the first walk and not finished yet: « Reprendre » returns to it."""
    return bool(school.get("setup_finished_at")) and not school.get("cycle", {}).get("finished_at")
