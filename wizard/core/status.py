"""The status board of the welcome page, as data: one row per part, saying honestly what was verified.

A part is « vérifié » only when the live server showed it; a part the admin confirmed without a check reads
« déclaré, non vérifié » everywhere (board, final page, record), with a way to check it now.
"""
from __future__ import annotations

from typing import Literal, NamedTuple

from wizard.core import flow
from wizard.core.dates import day
from wizard.core.i18n import tr
from wizard.core.schoolyear import describe_import, last_import

DONE, VERIFIED, DECLARED, TODO = "done", "verified", "declared", "todo"
State = Literal["done", "verified", "declared", "todo"]


class Row(NamedTuple):
    """One part on the board."""

    part: int
    title: str
    state: State
    detail: str


def connection_line(connection: dict | None) -> str:
    """What is known of parts 1–2 being in place, as one phrase (board, final page, record)."""
    if not connection:
        return ""
    if connection["how"] == "already_in_place":
        if connection["verified"]:
            return tr("Déjà en place, vérifié sur le serveur PRONOTE le {date}").format(date=day(connection["date"]))
        return tr("Déjà en place, déclaré le {date}, non vérifié").format(date=day(connection["date"]))
    if connection["verified"]:
        return tr("Publication vérifiée sur le serveur PRONOTE le {date}").format(date=day(connection["date"]))
    return tr("Publication déclarée le {date}, non vérifiée").format(date=day(connection["date"]))


def board(school: dict) -> list[Row]:
    """Parts 1, 2 and 3 for this school."""
    completed = school["completed"]
    connection = school["connection"]
    rows = []
    for part, steps in ((1, ("ent_service", "ent_acces")), (2, ("pronote_net_avertissement", "pronote_net"))):
        if connection and connection["how"] == "already_in_place":
            state = VERIFIED if connection["verified"] else DECLARED
            detail = connection_line(connection)
        elif all(step in completed for step in steps):
            detail = tr("Fait le {date}").format(date=day(completed[steps[-1]]))
            state = DONE
            if part == 2 and connection:
                state = VERIFIED if connection["verified"] else DECLARED
                detail += "\n" + connection_line(connection)
        else:
            state, detail = TODO, tr("À faire")
        rows.append(Row(part, flow.part_name(part), state, detail))
    entry = last_import(school["import_history"])
    detail = describe_import(entry) + "." if entry else tr("Aucun import enregistré.")
    if entry and not school["cycle"]["finished_at"]:
        step = school["current_step"]
        detail += "\n" + tr("Import en cours, arrêté à l'étape « {title} ».").format(title=flow.title(step))
    rows.append(Row(3, flow.part_name(3), DONE if entry else TODO, detail))
    return rows


def unverified(school: dict) -> bool:
    """Parts 1–2 stand on the admin's word only: the board offers « Vérifier maintenant »."""
    connection = school["connection"]
    return bool(connection and not connection["verified"])


def in_progress(school: dict) -> bool:
    """A pass of part 3 started after the first walk and not finished yet: « Reprendre » returns to it."""
    return bool(school["setup_finished_at"]) and not school["cycle"]["finished_at"]
