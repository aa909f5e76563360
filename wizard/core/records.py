"""The content of the printable records, built from the school's saved state (Qt-free).

Both are French documents for the school's files and its families, whatever the window's language. Every ENT word
comes from the active ENT (`wizard.core.entdata.current()`), in French; the record says what the assistant saw on
the server (« vérifié ») apart from what the admin only declared (ticks, « déclaré, non vérifié »), and which of the
names it lists no current source confirms. They are `Printed` documents (`wizard/core/printed.py`): blocks the PDF
renderer lays out for A4.
"""
from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, timedelta
from html import escape
from typing import TypeGuard

from wizard import __version__
from wizard.core import facts, steps
from wizard.core.dates import day, parse_iso
from wizard.core.document import ImportEntry, School
from wizard.core.entdata import EntData, current
from wizard.core.errors import UserError
from wizard.core.figures import BATCH, DIFFERS, RUNNING_TOTAL, ent_total
from wizard.core.i18n import tr
from wizard.core.matching.matcher import Result
from wizard.core.matching.worksheet import COLUMNS as SHEET_COLUMNS
from wizard.core.matching.worksheet import NOTICE, worksheet_rows
from wizard.core.people import PROFILES
from wizard.core.printed import STYLE, Block, Heading, Paragraph, Printed, Table
from wizard.core.progress import completed_at, ticks_of
from wizard.core.safetext import ADDRESS, plain
from wizard.core.school import identity_values
from wizard.core.schoolname import of_the_school
from wizard.core.schoolyear import work_year_of, year_label
from wizard.core.typography import french

__all__ = ["STYLE", "TITLES", "record_document", "notice_document", "record_html", "notice_html",
           "NothingConfigured"]

RECORD_TITLE = "Fiche de configuration"
NOTICE_TITLE = "Notice pour les familles et les personnels"
# The documents' own titles (French documents, whatever the window's language).
TITLES = {"record": RECORD_TITLE, "notice": NOTICE_TITLE}
# How long after parts 1–2 the notice still tells families since when PRONOTE opens from the ENT: a school
# connected for years is not told « since » anything.
RECENT_SWITCH = timedelta(days=365)
# Plural forms of the profiles in a sentence (« 600 élèves, 900 parents »).
PROFILE_PLURALS = {"eleve": "élèves", "parent": "parents", "enseignant": "enseignants", "personnel": "non enseignants",
                   "autre": "autres"}


class NothingConfigured(UserError):
    def __init__(self) -> None:
        super().__init__("Aucun établissement n'est encore configuré dans l'assistant : renseignez d'abord la page "
                         "« Votre établissement ».")


def is_configured(school: School | None) -> TypeGuard[School]:
    return bool(school and identity_values(school["identity"])["uai"])


def _day(text: str | None) -> str:
    return day(text, "—")


def _identity(school: School) -> dict[str, str]:
    """The school's values as printed, each bounded (a hand-edited 1 MB name took the layout past 20 s)."""
    return {key: plain(value, ADDRESS) for key, value in identity_values(school["identity"]).items()}


def _e(text: object) -> str:
    return escape(str(text))


# -- what was verified, what was declared --------------------------------------------------------------------
def connection_state(school: School, ent: EntData) -> str:
    """Parts 1 and 2, honestly: seen on the server, declared by the admin, or not done."""
    connection = school.get("connection")
    if connection is None:
        if "pronote_net" not in school.get("completed", {}):
            return "Pas encore faites."
        done = f"Faites avec l'assistant le {_day(school['completed']['pronote_net'])} ; "
        seen = [check for check in school.get("server_checks", [])
                if check.get("kind") == "delegation" and check.get("verified")]
        if seen:
            return done + f"délégation à {ent.name} constatée sur le serveur le {_day(seen[-1].get('date'))}."
        return done + "publication déclarée, non vérifiée."
    when = _day(connection["date"])
    if connection["how"] == "already_in_place":
        if connection["verified"]:
            return f"Déjà en place, vérifié le {when} : le serveur PRONOTE confie l'authentification à {ent.name}."
        return f"Déjà en place d'après l'établissement : déclaré, non vérifié (le {when})."
    if connection["verified"]:
        return (f"Faites avec l'assistant ; vérifié le {when} : le serveur PRONOTE confie l'authentification à "
                f"{ent.name}.")
    return f"Faites avec l'assistant ; publication déclarée, non vérifiée (le {when})."


def identifiers_state(school: School, ent: EntData) -> str:
    history = school.get("import_history", [])
    if not history:
        text = "Aucun import enregistré."
    else:
        last = max(history, key=lambda entry: entry.get("date") or "")
        mode_label = ent.import_modes.get(last.get("mode") or "", "mode inconnu")
        reported, total = last.get("reported_count", 0), last.get("counts", {}).get("total", 0)
        text = (f"Dernier import le {_day(last.get('date'))} (« {mode_label} ») : {reported} identifiant(s) annoncé(s) "
                f"par l'ENT, {total} dans le fichier vérifié.")
        meaning = READING_MEANINGS.get(last.get("reading") or "")
        if meaning:
            text = text[:-1] + f" ; l'ENT a affiché {meaning}."
    cycle = school["cycle"]
    mode = cycle["mode"]
    if mode and not cycle.get("finished_at") and not any(
            entry.get("cycle") == cycle.get("id") for entry in history):
        text += (f" Un import « {ent.import_modes[mode]} » est en cours, commencé le "
                 f"{_day(cycle.get('started_at'))}.")
    return text


def _ticks(school: School, step_id: str) -> str:
    ent = current()
    mode = school["cycle"]["mode"] or "complet"
    items = [item for item in ent.checklists.get(step_id, ()) if "modes" not in item or mode in item["modes"]]
    if not items:
        return "—"
    ticked = ticks_of(school, step_id)
    return f"{sum(1 for item in items if ticked.get(item['id']))} sur {len(items)}"


def _steps_table(school: School, ent: EntData) -> Table:
    connection = school["connection"]
    in_place = bool(connection and connection["how"] == "already_in_place")
    rows: list[list[str]] = []
    groups: dict[int, str] = {}
    for part, step_ids in steps.PART_STEPS.items():
        groups[len(rows)] = steps.PART_NAMES[part].format(**ent.french_words)
        for step_id in step_ids:
            if completed_at(school, step_id):
                done = _day(completed_at(school, step_id))
            elif part in (1, 2) and in_place:
                done = "déjà en place"
            else:
                done = "non faite"
            rows.append([steps.BY_ID[step_id].title.format(**ent.french_words), done, _ticks(school, step_id)])
    return Table(["Étape", "Faite le", "Actions cochées"], rows, groups)


def _counts(counts: dict[str, int]) -> str:
    """« 1575 : 600 élèves, 900 parents, 50 enseignants, 25 non enseignants » (profiles at zero left out)."""
    parts = [f"{counts.get(profile, 0)} {PROFILE_PLURALS[profile]}" for profile in PROFILES if counts.get(profile)]
    total = counts.get("total", 0)
    return f"{total} : {', '.join(parts)}" if parts else str(total)


def _caveat(ent: EntData, keys: list[str]) -> Paragraph | None:
    """The names of a part that no current source confirms, said under its table (in French)."""
    text = facts.caveat(ent, [ent.facts[key] for key in keys], translate=french)
    return Paragraph(_e(text).replace("\n", "<br/>"), "small") if text else None


# -- what each figure of the ENT meant, the failures noted ----------------------------------------------------
# What the ENT's figure was read as (figures.py), in the record's words: after a partial import the ENT's report
# may give the batch or its running total (issue 19). French whatever the window's language, like the whole record.
READING_MEANINGS = {BATCH: "le nombre du fichier", RUNNING_TOTAL: "son total après cet import"}


def figure_meaning(entry: ImportEntry, before: list[ImportEntry]) -> str:
    """The ENT's figure of one import and how it was read, only from what the history holds: « 3 nouveaux (l'ENT
    affichait 43 au total) ». `before`: the imports recorded before this one (the ENT's total after them is read
    through their own figures, figures.ent_total)."""
    figure = entry["reported_count"]  # always there: the document's rules check an import entry's figure
    people = int(entry.get("counts", {}).get("total", 0))
    partial = entry.get("mode") == "partiel"
    reading = entry.get("reading")
    if reading == BATCH:
        if not partial:
            return f"{figure} : le nombre de personnes du fichier"
        if figure == people:
            return f"{_newcomers(figure)} : les personnes du fichier"
        already = people - figure
        less = "la personne déjà importée" if already == 1 else f"les {already} personnes déjà importées"
        return f"{_newcomers(figure)} : les personnes du fichier, moins {less}"
    if reading == RUNNING_TOTAL:
        total_before = ent_total(before)
        if total_before is not None and 0 <= figure - total_before:
            added = figure - total_before
            return f"{_newcomers(added)} (l'ENT affichait {figure} au total, après {total_before} à l'import d'avant)"
        return f"l'ENT affichait {figure} au total (son total après cet import, pas le nombre du fichier)"
    if reading == DIFFERS:
        total_before = ent_total(before) if partial else None
        if total_before is None:
            return f"l'ENT affichait {figure}, pas le nombre du fichier ({people}) : écart non expliqué"
        return (f"l'ENT affichait {figure} : ni le nombre du fichier ({people}), ni le total attendu "
                f"({total_before + people}) ; écart non expliqué")
    return f"l'ENT affichait {figure} (non comparé : aucun fichier vérifié pour cet import)"


def _newcomers(count: int) -> str:
    return f"{count} nouveau" if count <= 1 else f"{count} nouveaux"


def _failures_blocks(school: School, ent: EntData) -> list[Block]:
    """The counts of users in « échec d'identification » the admin noted, one row per school year, oldest first:
    « 49 le 02/09/2026 → 12 le 20/11/2026 → 0 le 10/03/2027 ». Nothing else is said of them: the assistant cannot
    read them itself."""
    blocks: list[Block] = [Heading(2, "Échecs d'identification relevés")]
    noted = sorted(school.get("failures", []), key=lambda entry: entry["day"])
    if not noted:
        blocks.append(Paragraph("Aucun relevé noté dans l'assistant."))
        return blocks
    by_year: dict[int, list[str]] = {}
    for entry in noted:
        year = work_year_of(entry["day"])
        if year is not None:
            by_year.setdefault(year, []).append(f"{entry['count']} le {_day(entry['day'])}")
    labels = ent.labels
    blocks.append(Paragraph(
        "Le nombre d'utilisateurs en échec d'identification que l'administrateur a relevé dans PRONOTE (volet "
        f"« {_e(labels['pronote_home_failures_panel'])} » de la page d'accueil) et noté dans l'assistant, à la date "
        "du relevé. L'assistant ne peut pas le lire lui-même.", "small", keep_with_next=True))
    blocks.append(Table(["Année scolaire", "Utilisateurs en échec, par relevé"],
                        [[year_label(year), " → ".join(counts)] for year, counts in sorted(by_year.items())]))
    blocks += filter(None, [_caveat(ent, ["labels.pronote_home_failures_panel"])])
    return blocks


# -- the record ----------------------------------------------------------------------------------------------
def record_document(school: School | None, today: date | None = None) -> Printed:
    """The configuration record: what was set where, when each step was done, what was verified."""
    if not is_configured(school):
        raise NothingConfigured()
    ent = current()
    labels = ent.labels
    values = _identity(school)
    today = today or date.today()
    connection = school["connection"]
    in_place = bool(connection and connection["how"] == "already_in_place")
    name = values["name"] or "Établissement sans nom"
    blocks: list[Block] = [
        Heading(1, f"Fiche de configuration – interconnexion PRONOTE – {_e(ent.name)}"),
        Paragraph(f"{_e(name)} ({_e(values['uai'])})", "big"),
        Paragraph(f"Établie le {day(today)} par l'assistant d'interconnexion (version {_e(__version__)}).",
                  "small"),
        Heading(2, "État de l'interconnexion"),
        Table(["Partie", "État"], [
            ["Parties 1 et 2 (service dans l'ENT, pronote.net)", connection_state(school, ent)],
            ["Partie 3 (identifiants)", identifiers_state(school, ent)]]),
        Heading(2, "Établissement"),
        Table(["Élément", "Valeur"], [
            ["Établissement", values["name"] or "—"],
            ["Code UAI", values["uai"]],
            ["Adresse du serveur PRONOTE", values["pronote_url"] or "—"],
            ["Version de PRONOTE", values["pronote_version"] or "—"],
            ["Site ENT", values["ent_site_url"] or "—"],
            ["URL CAS de PRONOTE (déduite)", values["cas_url"] or "—"]]),
        Heading(2, "Partie 1 – service PRONOTE dans l'ENT"),
    ]
    if in_place:
        blocks.append(Paragraph("Le service existait avant l'assistant : voici les valeurs attendues, qui n'ont pas "
                                "été saisies avec lui.", keep_with_next=True))
    service = ent.service
    blocks.append(Table([f"Champ du formulaire « {labels['ent_button_new_service']} »", "Valeur"], [
        ["Intitulé (conseil de l'assistant)", service["title"]],
        [labels["ent_field_sso_type"], service["sso_type"]],
        ["URL", values["pronote_url"] or "—"],
        [labels["ent_field_xiti"], service["xiti"] or "(aucune saisie)"],
        [labels["ent_field_regroupement"], service["regroupement"]],
        ["Bloc PRONOTE", service["bloc"]],
        ["Version", values["pronote_version"] or "—"],
        [labels["ent_field_cas_url"], values["cas_url"] or "—"]]))
    blocks.append(Paragraph(
        f"{_e(labels['ent_tab_access'])} : " + ", ".join(_e(p) for p in ent.profiles)
        + f" — rôle « {_e(ent.access_role)} », cible « {_e(ent.access_target)} », « {_e(labels['ent_field_level'])} » "
          f"et « {_e(labels['ent_field_sublevel'])} » : « {_e(ent.access_level)} »."))
    blocks += filter(None, [_caveat(ent, [
        "service.sso_type", "service.regroupement", "service.bloc", "labels.ent_field_sso_type",
        "labels.ent_field_xiti", "labels.ent_field_regroupement", "labels.ent_field_cas_url", "profiles",
        "access_target", "access_level"])])
    blocks += [
        Heading(2, "Partie 2 – pronote.net"),
        Table(["Élément", "Valeur"], [
            [f"Configuration ENT choisie dans la {labels['hosting_console']} (volet {labels['hosting_panel']}), "
             f"puis « {labels['hosting_publish']} »", ent.pronote_net_configuration],
            ["Serveur CAS auquel PRONOTE confie alors l'authentification", ent.cas_host]]),
    ]
    blocks += filter(None, [_caveat(ent, ["pronote_net_configuration"])])
    blocks += [
        Heading(2, "Étapes"),
        Paragraph("« Actions cochées » : ce que l'administrateur a déclaré avoir fait dans l'ENT, pronote.net ou "
                  "PRONOTE ; l'assistant ne peut pas le voir lui-même.", "small", keep_with_next=True),
        _steps_table(school, ent),
        Heading(2, "Vérifications du serveur PRONOTE"),
    ]
    checks = school.get("server_checks", [])
    if checks:
        kinds = {"address": "Adresse et version", "delegation": "Délégation à l'ENT"}
        blocks.append(Table(["Date", "Vérification", "Résultat", "Constaté sur le serveur"], [
            [_day(c.get("date")), kinds.get(c.get("kind"), c.get("kind", "")), c.get("message", ""),
             "oui" if c.get("verified") else "non"] for c in checks]))
    else:
        blocks.append(Paragraph("Aucune vérification enregistrée."))
    blocks.append(Heading(2, "Imports des identifiants"))
    history = school.get("import_history", [])
    if history:
        blocks.append(Paragraph(
            f"« Chiffre de l'ENT » : le nombre que l'administrateur a recopié du bilan d'import de l'ENT "
            f"(« {_e(labels['ent_import_report'])} »). Après un import partiel, ce bilan peut donner le lot importé "
            "ou le total de l'ENT ; aucune source ne dit lequel. L'assistant a lu chaque chiffre en le comparant au "
            "fichier vérifié et aux imports d'avant.", "small", keep_with_next=True))
        blocks.append(Table(["Date", "Mode d'import", "Personnes dans le fichier vérifié",
                             "Chiffre de l'ENT et sa lecture"], [
            [_day(entry.get("date")), ent.import_modes.get(entry.get("mode") or "", "—"),
             _counts(entry.get("counts", {})), figure_meaning(entry, history[:index])]
            for index, entry in enumerate(history)]))
        blocks += filter(None, [_caveat(ent, ["labels.ent_import_report"])])
    else:
        blocks.append(Paragraph("Aucun import enregistré."))
    blocks += _failures_blocks(school, ent)
    blocks += [
        Heading(2, "En cas de problème"),
        Paragraph(f"<b>« {_e(labels['pronote_failure_message'])} »</b> : PRONOTE n'a pas reconnu l'utilisateur ; ses "
                  "données dans l'ENT ne correspondent pas à celles de PRONOTE. Ces échecs se résolvent dans le client "
                  f"PRONOTE : {_e(labels['pronote_failures_menu'])}. Conseil : pour un nouvel arrivant, vérifiez "
                  "d'abord qu'un import partiel a été fait."),
        Paragraph("<b>Chaque début d'année scolaire</b> : un import complet des identifiants. Conseil : mettez aussi "
                  "à jour la version de PRONOTE dans le service de l'ENT si elle a changé."),
        Paragraph("Ce document ne contient aucune donnée personnelle : ni nom, ni date de naissance, ni identifiant "
                  "d'élève ou de personnel.", "small"),
    ]
    return Printed(RECORD_TITLE, _french_blocks(blocks), footer=f"{RECORD_TITLE} – UAI {values['uai']}")


# -- the notice ----------------------------------------------------------------------------------------------
def recent_switch(school: School, today: date) -> date | None:
    """The day parts 1–2 were done with the assistant, when it was less than a year before `today`: the notice
    then says since when PRONOTE opens from the ENT. None for a school connected before the assistant or long ago."""
    connection = school["connection"]
    if connection is None or connection["how"] != "walk":
        return None
    when = parse_iso(connection["date"])
    if when is None or not timedelta(0) <= datetime.combine(today, datetime.min.time()) - when <= RECENT_SWITCH:
        return None
    return when.date()


def notice_document(school: School | None, today: date | None = None) -> Printed:
    """One page for families and staff: with which credentials, how to reach PRONOTE, what to do when it fails."""
    if not is_configured(school):
        raise NothingConfigured()
    ent = current()
    labels = ent.labels
    values = _identity(school)
    today = today or date.today()
    name = values["name"]
    ent_name = _e(ent.name)
    ent_site = _e(values["ent_site_url"] or ent.portal_url)
    contact = _e(plain((school["identity"].get("contact") or "").strip(), ADDRESS)
                 or f"le secrétariat ou le référent numérique {of_the_school(name)}")
    blocks: list[Block] = [Heading(1, f"Ouvrir PRONOTE depuis {ent_name}")]
    if name:
        blocks.append(Paragraph(_e(name), "big"))
    since = recent_switch(school, today)
    if since:
        blocks.append(Paragraph(f"Depuis le {day(since)}, PRONOTE {_e(of_the_school(name))} s'ouvre depuis "
                                f"{ent_name}."))
    blocks += [
        Heading(2, "Avec quels identifiants ?"),
        Paragraph(f"Pour vous connecter à {ent_name} :<br/>"
                  f"• <b>élèves et parents</b> : {_e(ent.login_notices['pupils_parents'])} ;<br/>"
                  f"• <b>personnels de l'Éducation nationale</b> : {_e(ent.login_notices['staff'])}.<br/>"
                  "Les personnels qui utilisent le logiciel PRONOTE installé sur un poste de l'établissement y gardent "
                  "leurs identifiants PRONOTE habituels."),
        Heading(2, "Comment ouvrir PRONOTE"),
        # The address on a line of its own: cut at a hyphen, it would be typed wrong.
        Paragraph(f"1. Connectez-vous à {ent_name} :<br/><b>{ent_site}</b><br/>"
                  f"2. Dans le menu <b>{_e(ent.service['regroupement'])}</b>, cliquez sur "
                  f"<b>{_e(ent.service['title'])}</b> (élèves et parents trouvent aussi PRONOTE sur leur page "
                  "d'accueil de l'ENT).<br/>"
                  "3. PRONOTE s'ouvre sans nouvelle connexion.", "big"),
        Heading(2, "La première fois"),
        Paragraph("Lors du tout premier accès à PRONOTE depuis l'ENT, une page de « première connexion » s'affiche "
                  "une seule fois pour relier votre compte ENT à votre compte PRONOTE. Suivez ses indications ; "
                  "ensuite, un clic suffit."),
        Heading(2, "Et l'adresse de PRONOTE ?"),
        Paragraph(f"L'adresse de PRONOTE ({_e(values['pronote_url'])}) fonctionne aussi : elle demande les mêmes "
                  "identifiants que l'ENT."),
        Heading(2, f"PRONOTE affiche « {_e(labels['pronote_failure_message'])} » ?"),
        Paragraph("PRONOTE n'a pas pu relier votre compte de l'ENT à votre compte PRONOTE ; l'établissement peut les "
                  f"relier. Contactez {contact} en précisant votre nom et si vous êtes élève, parent ou personnel."),
        Heading(2, "Besoin d'aide ?"),
        Paragraph(f"Si vous n'avez pas de compte ou si vos identifiants ne fonctionnent pas, contactez {contact}."),
    ]
    return Printed(NOTICE_TITLE, _french_blocks(blocks), style=" p { font-size: 11pt; } ")


def _french_blocks(blocks: Iterable[Block]) -> list[Block]:
    """French typography in every text of the blocks (non-breaking spaces before « : ; ! ? », inside « »)."""
    for block in blocks:
        if isinstance(block, (Heading, Paragraph)):
            block.text = french(block.text)
        elif isinstance(block, Table):
            block.headers = [french(header) for header in block.headers]
            block.rows = [[french(cell) for cell in row] for row in block.rows]
            block.groups = {at: french(label) for at, label in block.groups.items()}
    return list(blocks)


def record_html(school: School | None, today: date | None = None) -> str:
    return record_document(school, today).html()


def notice_html(school: School | None, today: date | None = None) -> str:
    return notice_document(school, today).html()


def worksheet_html(result: Result, decisions: list[str]) -> str:
    """The matching worksheet to print (from the matching preview): every row, the admin's decisions, the
    personal-data notice."""
    rows = [row + [d] for row, d in zip(worksheet_rows(result), decisions, strict=True)]
    head = "".join(f"<th>{escape(h)}</th>" for h in (*SHEET_COLUMNS, "Décision"))
    body = "".join("<tr>" + "".join(f"<td>{escape(c)}</td>" for c in row) + "</tr>" for row in rows)
    return (f"{STYLE}<h1>{escape(tr('Rapprochement des comptes – feuille de travail'))}</h1>"
            f"<p><b>{escape(NOTICE)}</b></p><table border='1' cellspacing='0'><tr>{head}</tr>{body}</table>")
