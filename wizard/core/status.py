"""The status board of the welcome page, as data: one row per part, saying honestly what was verified.

A part is « vérifié » only when the live server showed it; a part the admin confirmed without a check reads
« déclaré, non vérifié » everywhere (board, final page, record), with a way to check it now.
"""
from __future__ import annotations

from datetime import date
from typing import Final, Literal, NamedTuple

from wizard.core import failures, flow
from wizard.core.dates import day
from wizard.core.document import Connection, ImportEntry, School
from wizard.core.entdata import load_ent
from wizard.core.i18n import tr, tr_noop
from wizard.core.progress import completed_at
from wizard.core.schoolyear import (
    MODE_WORDS,
    full_import_of_year,
    last_import,
    recap,
    work_year_of,
    year_label,
    year_of_work,
)
from wizard.core.steps import BY_ID, PART_NAMES, PART_STEPS, PASS_STEP_IDS

DONE: Final = "done"
VERIFIED: Final = "verified"
DECLARED: Final = "declared"
TODO: Final = "todo"
State = Literal["done", "verified", "declared", "todo"]


class Row(NamedTuple):
    """One part on the board."""

    part: int
    title: str
    state: State
    detail: str


def connection_line(connection: Connection | None) -> str:
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


def board(school: School, today: date) -> list[Row]:
    """Parts 1, 2 and 3 for this school, and the identification failures noted after the imports."""
    connection = school["connection"]
    rows = []
    state: State
    for part in (1, 2):
        step_ids = PART_STEPS[part]
        if connection and connection["how"] == "already_in_place":
            state = VERIFIED if connection["verified"] else DECLARED
            detail = connection_line(connection)
        elif all(flow.step_done(step, school) for step in step_ids):
            detail = tr("Fait le {date}").format(date=day(completed_at(school, step_ids[-1])))
            state = DONE
            if part == 2 and connection:
                state = VERIFIED if connection["verified"] else DECLARED
                detail += "\n" + connection_line(connection)
        else:
            state, detail = TODO, tr("À faire")
        rows.append(Row(part, flow.part_name(part), state, detail))
    rows.append(_identifiers_row(school, today))
    rows.append(_failures_row(school, today))
    return rows


def _identifiers_row(school: School, today: date) -> Row:
    """Part 3: done for this school year once its full import is recorded; the last import in one line."""
    history = school["import_history"]
    year = year_of_work(today)
    done = full_import_of_year(history, year) is not None
    entry = last_import(history)
    lines = [recap(entry) if entry else tr("Aucun import enregistré.")]
    if not done:
        lines.append(tr("Année {year} : l'import complet de la rentrée n'est pas encore fait.").format(
            year=year_label(year)))
    if in_progress(school):
        lines.append(tr("Import en cours, arrêté à l'étape « {title} ».").format(
            title=flow.title(school["current_step"])))
    return Row(3, flow.part_name(3), DONE if done else TODO, "\n".join(lines))


def _failures_row(school: School, today: date) -> Row:
    counts = failures.of_year(school["failures"], today)
    title = tr("Échecs d'identification")
    if not counts:
        row = Row(3, title, TODO, tr("Aucun nombre noté cette année : après l'import, relevez dans PRONOTE le "
                                     "nombre d'utilisateurs en échec."))
    else:
        state: State = DONE if counts[-1]["count"] == 0 else TODO
        row = Row(3, title, state, tr("Utilisateurs en échec, relevés dans PRONOTE : {trend}.").format(
            trend=failures.trend(counts)))
    draft = school["failures_draft"]
    if draft is None:
        return row
    # Typed, then the assistant closed before « Noter ce nombre »: said, so the count is not forgotten – and not
    # counted (a draft is no reading).
    waiting = tr("Un nombre saisi ({count}, relevé le {day}) n'est pas encore noté : à l'étape « {step} », "
                 "choisissez « Noter ce nombre ».").format(count=draft["count"], day=draft["day"],
                                                          step=flow.title("echecs"))
    return row._replace(detail=row.detail + "\n" + waiting)


# -- what is due now, and what each entry of the board leads to --------------------------------------------------
RESUME, FULL, PARTIAL, FAILURES, REDO = "resume", "full", "partial", "failures", "redo"


class Due(NamedTuple):
    """What the board offers first, and the sentence that says why."""

    action: str  # RESUME, FULL or PARTIAL
    year: int  # the school year it is for
    headline: str


def due_now(school: School, today: date) -> Due:
    """What the returning school has to do now: resume the pass in progress when it was started this school year;
    else the full import of the rentrée when none is recorded for this school year; else a partial import."""
    year = year_of_work(today)
    cycle = school["cycle"]
    if in_progress(school) and work_year_of(cycle["started_at"]) == year:
        headline = tr("Un import {mode} est en cours depuis le {date} : reprenez-le à l'étape « {title} ».").format(
            mode=_mode_word(cycle["mode"]), date=day(cycle["started_at"]), title=flow.title(school["current_step"]))
        return Due(RESUME, year, headline)
    full = full_import_of_year(school["import_history"], year)
    if full is None:
        return Due(FULL, year, tr("Année {year} : l'import complet de la rentrée n'est pas encore "
                                  "fait.").format(year=year_label(year)))
    return Due(PARTIAL, year, tr("Année {year} : l'import complet de la rentrée est fait (le {date}). À chaque "
                                 "arrivée de nouveaux élèves ou personnels, faites un import "
                                 "partiel.").format(year=year_label(year), date=day(full["date"])))


def entry_sentence(action: str, school: School) -> str:
    """What the pages behind an entry of the board are for, in one sentence (said beside the entry)."""
    words = load_ent().words
    cycle = school["cycle"]
    if action == FULL:
        return tr("Vérifier l'établissement et la version de PRONOTE, exporter depuis PRONOTE les identifiants de "
                  "tous les utilisateurs, vérifier le fichier, l'importer dans l'ENT en mode "
                  "« {import_mode_complet} », rapprocher les comptes, puis suivre les échecs "
                  "d'identification.").format(**words)
    if action == PARTIAL:
        return tr("Exporter depuis PRONOTE les seuls nouveaux arrivants, vérifier le fichier, l'importer dans l'ENT en "
                  "mode « {import_mode_partiel} », rapprocher leurs comptes, puis suivre les échecs "
                  "d'identification.").format(**words)
    if action == RESUME:
        return tr("Revenir à l'étape « {title} » de l'import {mode} commencé le {date}, là où vous vous êtes "
                  "arrêté.").format(title=flow.title(school["current_step"]), mode=_mode_word(cycle["mode"]),
                                    date=day(cycle["started_at"]))
    if action == FAILURES:
        return tr("Noter le nombre d'utilisateurs en échec d'identification que PRONOTE affiche, voir son évolution "
                  "et comment résoudre ces échecs.")
    if action == REDO:
        entry = own_import(school)
        when = day(entry["date"]) if entry else day(cycle["finished_at"] or cycle["started_at"])
        return tr("Refaire l'import {mode} du {date} dans un nouveau passage : celui-ci reste dans l'historique tel "
                  "quel.").format(mode=_mode_word(cycle["mode"]), date=when)
    raise ValueError(action)


def redo_offered(school: School, today: date) -> bool:
    """« Refaire cet import »: for the last pass, finished with an import recorded this school year (last year's
    November import is not something to do again at the next rentrée)."""
    entry = own_import(school)
    return bool(school["cycle"]["finished_at"] and entry and work_year_of(entry["date"]) == year_of_work(today))


def own_import(school: School) -> ImportEntry | None:
    """The import the current pass recorded, if any."""
    return next((entry for entry in school["import_history"] if entry["cycle"] == school["cycle"]["id"]), None)


def _mode_word(mode: str | None) -> str:
    return tr(MODE_WORDS.get(mode or "", tr_noop("inconnu")))


def unverified(school: School) -> bool:
    """Parts 1–2 stand on the admin's word only: the board offers « Vérifier maintenant »."""
    connection = school["connection"]
    return bool(connection and not connection["verified"])


def in_progress(school: School) -> bool:
    """A pass of part 3 started after the first walk and not finished yet: « Reprendre » returns to it."""
    return bool(school["setup_finished_at"]) and not school["cycle"]["finished_at"]


# -- the steps panel: where the admin is, and what is done this school year ----------------------------------------
PanelKind = Literal["part", "done", "current", "todo", "skipped"]


def pass_counts_now(school: School, today: date) -> bool:
    """Whether the current pass's steps are what is done now: a pass in progress is (its pages show its ticks,
    « Reprendre » goes on with it), a finished one only in the school year it was finished in (`year_of_work`, as
    the board reads its imports). At the rentrée last year's finished pass is history: the board says the full
    import is due, and its steps are to do again."""
    finished = school["cycle"]["finished_at"]
    return not finished or work_year_of(finished) == year_of_work(today)


def step_done_now(step: str, school: School, today: date) -> bool:
    """Done, as the steps panel ticks it: a step of the welcome and school pages or of parts 1–2 once gone past
    complete (the connection is set up once); a step of the pass (part 3, « Terminé ») only in a pass that counts
    now (`pass_counts_now`)."""
    if step in PASS_STEP_IDS and not pass_counts_now(school, today):
        return False
    if step == "fin":
        return bool(school["cycle"]["finished_at"])
    return flow.step_done(step, school)


def panel_rows(school: School, current: str | None, today: date) -> list[tuple[PanelKind, str]]:
    """The steps panel's rows, (kind, text): the parts' names, then each step of this school's path – « current »,
    « done » (`step_done_now`) or « todo » –, and « skipped » where the path jumps over parts 1–2."""
    rows: list[tuple[PanelKind, str]] = []
    shown_part: int | None = None
    skipped = flow.parts_1_2_skipped(school)
    for step in flow.route(school):
        part = BY_ID[step].part
        if skipped and part > 2 and shown_part is None:
            # Where the path jumps over them: after the school page, before part 3.
            rows.append(("skipped", tr("Parties 1 et 2 : déjà faites")))
            shown_part = 0
        if part in PART_NAMES and part != shown_part:
            rows.append(("part", flow.part_name(part)))
            shown_part = part
        if step == current:
            rows.append(("current", flow.title(step)))
        elif step_done_now(step, school, today):
            rows.append(("done", flow.title(step)))
        else:
            rows.append(("todo", flow.title(step)))
    return rows
