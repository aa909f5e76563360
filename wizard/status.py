"""The status board of the welcome page, as data: one line per part, in French."""
from __future__ import annotations

from wizard import flow
from wizard.schoolyear import describe_import, last_import, parse_iso
from wizard.i18n import tr


def _day(text: str | None) -> str:
    when = parse_iso(text)
    return when.strftime("%d/%m/%Y") if when else ""


def last_check(school: dict, kind: str) -> dict | None:
    checks = [c for c in school.get("server_checks", []) if c.get("kind") == kind]
    return checks[-1] if checks else None


def check_line(check: dict | None) -> str:
    if not check:
        return ""
    verified = tr("vérifié") if check.get("verified") else tr("non vérifié")
    return tr("Dernière vérification du serveur le {date} : {message} ({verified})").format(
        date=_day(check.get("date")), message=check.get("message", ""), verified=verified)


def board(school: dict) -> list[tuple[str, bool, str]]:
    """(part name, done, detail) for parts 1, 2 and 3."""
    completed = school.get("completed", {})
    rows = []
    for part, steps in ((1, ("ent_service", "ent_acces")), (2, ("pronote_net_avertissement", "pronote_net"))):
        done = all(step in completed for step in steps)
        detail = tr("Fait le {date}").format(date=_day(completed[steps[-1]])) if done else tr("À faire")
        if part == 2:
            line = check_line(last_check(school, "delegation"))
            detail += ("\n" + line) if line else ""
        rows.append((flow.part_name(part), done, detail))
    entry = last_import(school.get("import_history", []))
    cycle = school.get("cycle", {})
    if cycle.get("finished_at") or not entry:
        state = ""
    else:
        step = flow.BY_ID.get(school.get("current_step"), flow.BY_ID["accueil"])
        state = tr("\nImport en cours, arrêté à l'étape « {title} ».").format(title=flow.title(step.id))
    rows.append((flow.part_name(3), bool(entry), (describe_import(entry) + "." if entry else tr("Aucun import enregistré.")) + state))
    return rows


def in_progress(school: dict) -> bool:
    """A pass of part 3 started after the first walk and not finished yet: « Reprendre » returns to it."""
    return bool(school.get("setup_finished_at")) and not school.get("cycle", {}).get("finished_at")
