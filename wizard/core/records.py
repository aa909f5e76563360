"""The text of the printable records, as HTML built from the school's saved state (Qt-free).

Both are French documents for the school's files and its families, whatever the window's language. Every ENT word
comes from the active ENT (`wizard.core.entdata.current()`); the record says what the assistant saw on the server
(« vérifié ») apart from what the admin only declared (ticks, « déclaré, non vérifié »).
"""
from __future__ import annotations

from datetime import date
from html import escape

from wizard import __version__
from wizard.core import flow, steps
from wizard.core.dates import day
from wizard.core.entdata import EntData, current
from wizard.core.errors import UserError
from wizard.core.i18n import tr
from wizard.core.matching.matcher import Result
from wizard.core.matching.worksheet import COLUMNS as SHEET_COLUMNS
from wizard.core.matching.worksheet import NOTICE, worksheet_rows
from wizard.core.people import PROFILE_LABELS, PROFILES
from wizard.core.safetext import ADDRESS, plain
from wizard.core.school import identity_values
from wizard.core.typography import french

STYLE = """
<style>
 body { font-family: 'DejaVu Sans', 'Segoe UI', Arial, sans-serif; font-size: 10pt; }
 h1 { font-size: 16pt; color: #1d5fa8; margin-bottom: 2pt; }
 h2 { font-size: 12pt; color: #1d5fa8; margin-top: 12pt; margin-bottom: 4pt; }
 td, th { padding: 3px 6px; }
 th { background-color: #e8eef7; text-align: left; }
 td.part { background-color: #f3f6fb; font-weight: bold; }
 .small { font-size: 8pt; color: #555555; }
 .big { font-size: 12pt; }
</style>
"""
# The documents' own titles (French documents, whatever the window's language).
TITLES = {"record": "Fiche de configuration", "notice": "Notice pour les familles et les personnels"}
PART_STEPS = {part: [step.id for step in steps.STEPS if step.part == part] for part in (1, 2, 3)}


class NothingConfigured(UserError):
    def __init__(self):
        super().__init__("Aucun établissement n'est encore configuré dans l'assistant : renseignez d'abord la page "
                         "« Votre établissement ».")


def is_configured(school: dict | None) -> bool:
    return bool(school and _identity(school)["uai"])


def _identity(school: dict) -> dict:
    """The school's values as printed, each bounded (a hand-edited 1 MB name would take the layout minutes)."""
    return {key: plain(value, ADDRESS) for key, value in identity_values(school["identity"]).items()}


def _bounded(text: str) -> str:
    return plain(text, ADDRESS)


def _day(text: str | None) -> str:
    return day(text, "—")


# -- tables whose columns never cut a word ----------------------------------------------------------------------
# One character of 10 pt text takes about 1.2 % of the 180 mm between an A4 page's margins.
CHAR_PERCENT = 1.25


def _widths(headers: list[str], rows: list[list[str]]) -> list[int] | None:
    """Column widths in % of the page, from their content: each column at least as wide as its longest word,
    header included (a word is never cut, even in bold), the rest shared by how long its values are. None when
    the longest words alone fill the page: Qt's own layout then keeps them whole best."""
    least, wants = [], []
    for column, header in enumerate(headers):
        cells = [row[column] for row in rows]
        longest_word = max(len(word) for cell in [header, *cells] for word in (cell.split() or [""]))
        longest_cell = max((len(cell) for cell in cells), default=0)
        least.append((longest_word + 2) * CHAR_PERCENT)
        wants.append(max(0, min(longest_cell, 60) - longest_word))
    spare = 100 - sum(least)
    if spare < 0:
        return None
    return [round(low + spare * want / (sum(wants) or 1)) for low, want in zip(least, wants, strict=True)]


def _table(headers: list[str], rows: list[list[object]], groups: dict[int, str] | None = None) -> str:
    """A full-width table; `groups` puts a heading row spanning every column before the row of that index."""
    cells = [[str(cell) for cell in row] for row in rows]
    widths = _widths(headers, cells)
    sizes = [f' width="{width}%"' for width in widths] if widths else [""] * len(headers)
    head = "".join(f"<th{size}>{escape(h)}</th>" for h, size in zip(headers, sizes, strict=True))
    body = []
    for index, row in enumerate(cells):
        if groups and index in groups:
            body.append(f'<tr><td class="part" colspan="{len(headers)}">{escape(groups[index])}</td></tr>')
        body.append("<tr>" + "".join(f"<td>{escape(cell)}</td>" for cell in row) + "</tr>")
    return f'<table border="1" cellspacing="0" width="100%"><tr>{head}</tr>{"".join(body)}</table>'


# -- what was verified, what was declared --------------------------------------------------------------------
def connection_state(school: dict, ent: EntData) -> str:
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
        return done + "publication de pronote.net déclarée, non vérifiée."
    when = _day(connection["date"])
    if connection["how"] == "already_in_place":
        if connection["verified"]:
            return f"Déjà en place, vérifié le {when} : le serveur PRONOTE confie l'authentification à {ent.name}."
        return f"Déjà en place d'après l'établissement : déclaré, non vérifié (le {when})."
    if connection["verified"]:
        return (f"Faites avec l'assistant ; vérifié le {when} : le serveur PRONOTE confie l'authentification à "
                f"{ent.name}.")
    return f"Faites avec l'assistant ; publication de pronote.net déclarée, non vérifiée (le {when})."


def identifiers_state(school: dict, ent: EntData) -> str:
    history = school.get("import_history", [])
    if not history:
        text = "Aucun import enregistré."
    else:
        last = max(history, key=lambda entry: entry.get("date") or "")
        mode = ent.import_modes.get(last.get("mode") or "", "mode inconnu")
        reported, total = last.get("reported_count", 0), last.get("counts", {}).get("total", 0)
        text = (f"Dernier import le {_day(last.get('date'))} (« {mode} ») : {reported} identifiant(s) annoncé(s) "
                f"par l'ENT, {total} dans le fichier vérifié.")
    cycle = school.get("cycle") or {}
    if cycle.get("mode") and not cycle.get("finished_at") and not any(
            entry.get("cycle") == cycle.get("id") for entry in history):
        text += (f" Un import « {ent.import_modes[cycle['mode']]} » est en cours, commencé le "
                 f"{_day(cycle.get('started_at'))}.")
    return text


def _ticks(school: dict, step_id: str) -> str:
    items = flow.checklist(step_id, (school.get("cycle") or {}).get("mode"))
    if not items:
        return "—"
    ticked = school.get("ticks", {}).get(step_id, {})
    return f"{sum(1 for item in items if ticked.get(item['id']))} sur {len(items)}"


def _steps_table(school: dict, ent: EntData) -> str:
    completed = school.get("completed", {})
    in_place = (school.get("connection") or {}).get("how") == "already_in_place"
    rows, groups = [], {}
    for part, step_ids in PART_STEPS.items():
        groups[len(rows)] = steps.PART_NAMES[part].format(**ent.words)
        for step_id in step_ids:
            if step_id in completed:
                done = _day(completed[step_id])
            elif part in (1, 2) and in_place:
                done = "déjà en place"
            else:
                done = "non faite"
            rows.append([steps.BY_ID[step_id].title.format(**ent.words), done, _ticks(school, step_id)])
    return _table(["Étape", "Faite le", "Actions cochées"], rows, groups)


# -- the two documents ---------------------------------------------------------------------------------------
def record_html(school: dict | None, today: date | None = None) -> str:
    """The configuration record: what was set where, when each step was done, what was verified."""
    if not is_configured(school):
        raise NothingConfigured()
    ent = current()
    values = _identity(school)
    today = today or date.today()
    in_place = (school.get("connection") or {}).get("how") == "already_in_place"
    parts = [STYLE, f"<h1>Fiche de configuration – interconnexion PRONOTE – {escape(ent.name)}</h1>",
             f'<p class="small">Établie le {day(today)} par l\'assistant d\'interconnexion '
             f"(version {__version__}).</p>"]
    parts.append("<h2>État de l'interconnexion</h2>")
    parts.append(_table(["Partie", "État"], [
        ["Parties 1 et 2 (service dans l'ENT, pronote.net)", connection_state(school, ent)],
        ["Partie 3 (identifiants)", identifiers_state(school, ent)],
    ]))
    parts.append("<h2>Établissement</h2>")
    parts.append(_table(["Élément", "Valeur"], [
        ["Établissement", values["name"] or "—"],
        ["Code UAI", values["uai"]],
        ["Adresse du serveur PRONOTE", values["pronote_url"] or "—"],
        ["Version de PRONOTE", values["pronote_version"] or "—"],
        ["Site ENT", values["ent_site_url"] or "—"],
        ["URL CAS de PRONOTE (déduite)", values["cas_url"] or "—"],
    ]))
    service = ent.service
    parts.append("<h2>Partie 1 – service PRONOTE dans l'ENT</h2>")
    if in_place:
        parts.append("<p>Le service existait avant l'assistant : voici les valeurs attendues, qui n'ont pas été "
                     "saisies avec lui.</p>")
    parts.append(_table(["Champ du formulaire « Nouveau service »", "Valeur"], [
        ["Intitulé", service["title"]],
        ["Type de SSO", service["sso_type"]],
        ["URL", values["pronote_url"] or "—"],
        ["Type Xiti", service["xiti"] or "(aucune saisie)"],
        ["Regroupement", service["regroupement"]],
        ["Bloc PRONOTE", service["bloc"]],
        ["Version", values["pronote_version"] or "—"],
        ["URL CAS de PRONOTE", values["cas_url"] or "—"],
    ]))
    parts.append("<p>Accès population : " + ", ".join(escape(p) for p in ent.profiles)
                 + f" — rôle « {escape(ent.access_role)} », cible « {escape(ent.access_target)} », niveau et "
                 f"sous-niveau « {escape(ent.access_level)} ».</p>")
    parts.append("<h2>Partie 2 – pronote.net</h2>")
    parts.append(_table(["Élément", "Valeur"], [
        ["Configuration ENT choisie dans la console pronote.net, puis « Publier la base »",
         ent.pronote_net_configuration],
        ["Serveur CAS auquel PRONOTE confie alors l'authentification", ent.cas_host],
    ]))
    parts.append("<h2>Étapes</h2>")
    parts.append('<p class="small">« Actions cochées » : ce que l\'administrateur a déclaré avoir fait dans l\'ENT, '
                 "pronote.net ou PRONOTE ; l'assistant ne peut pas le voir lui-même.</p>")
    parts.append(_steps_table(school, ent))
    parts.append("<h2>Vérifications du serveur PRONOTE</h2>")
    checks = school.get("server_checks", [])
    if checks:
        kinds = {"address": "Adresse et version", "delegation": "Délégation à l'ENT"}
        parts.append(_table(["Date", "Vérification", "Résultat", "Constaté sur le serveur"], [
            [_day(c.get("date")), kinds.get(c.get("kind"), c.get("kind", "")), c.get("message", ""),
             "oui" if c.get("verified") else "non"] for c in checks]))
    else:
        parts.append("<p>Aucune vérification enregistrée.</p>")
    parts.append("<h2>Imports des identifiants</h2>")
    history = school.get("import_history", [])
    if history:
        headers = (["Date", "Mode d'import"] + [PROFILE_LABELS[p] for p in PROFILES]
                   + ["Total du fichier", "Annoncé par l'ENT"])
        rows = []
        for entry in history:
            counts = entry.get("counts", {})
            rows.append([_day(entry.get("date")), ent.import_modes.get(entry.get("mode") or "", "—")]
                        + [counts.get(p, 0) for p in PROFILES]
                        + [counts.get("total", 0), entry.get("reported_count", "—")])
        parts.append(_table(headers, rows))
    else:
        parts.append("<p>Aucun import enregistré.</p>")
    parts.append("<h2>En cas de problème</h2>")
    parts.append("<p><b>« Identification impossible »</b> : l'utilisateur n'a pas été reconnu, son compte ENT "
                 "n'est pas relié à son compte PRONOTE. Dans l'ENT, le rapprochement des comptes se fait depuis le "
                 "bilan d'import (« Résultat d'import des identifiants Pronote ») ; dans le client PRONOTE, les échecs "
                 "se corrigent dans Communication &gt; Gestion des identités &gt; Résolution des échecs "
                 "d'interconnexion. Pour un nouvel arrivant, faites d'abord un import partiel.</p>")
    parts.append("<p><b>Chaque rentrée</b> : un import complet des identifiants, et la version de PRONOTE à mettre à "
                 "jour dans le service de l'ENT.</p>")
    parts.append('<p class="small">Ce document ne contient aucune donnée personnelle : ni nom, ni date de naissance, '
                 "ni identifiant d'élève ou de personnel.</p>")
    return french("\n".join(parts))


def notice_html(school: dict | None) -> str:
    """One page for families and staff: how to reach PRONOTE from now on, and what to do when it fails."""
    if not is_configured(school):
        raise NothingConfigured()
    ent = current()
    values = _identity(school)
    name = escape(values["name"] or "votre établissement")
    ent_name = escape(ent.name)
    ent_site = escape(values["ent_site_url"] or ent.portal_url)
    contact = escape(_bounded((school["identity"].get("contact") or "").strip())
                     or f"le secrétariat ou le référent numérique de {values['name'] or 'l’établissement'}")
    return french("\n".join([
        STYLE, "<style> p { font-size: 11pt; } </style>",
        f"<h1>PRONOTE s'ouvre désormais depuis {ent_name}</h1><p class='big'>{name}</p>",
        "<h2>Comment accéder à PRONOTE</h2>",
        # The address on a line of its own: cut at a hyphen, it would be typed wrong.
        f"<p class='big'>1. Connectez-vous à {ent_name} :<br/><b>{ent_site}</b><br/>"
        f"2. Dans le menu <b>{escape(ent.service['regroupement'])}</b>, cliquez sur "
        f"<b>{escape(ent.service['title'])}</b> "
        "(élèves et parents trouvent aussi PRONOTE sur leur page d'accueil de l'ENT).<br/>"
        "3. PRONOTE s'ouvre sans nouveau mot de passe.</p>",
        "<h2>La première fois</h2>",
        "<p>Lors du tout premier accès à PRONOTE depuis l'ENT, une page de « première connexion » s'affiche une "
        "seule fois pour relier votre compte ENT à votre compte PRONOTE. Suivez ses indications ; ensuite, un clic "
        "suffit.</p>",
        "<h2>Et l'adresse PRONOTE habituelle ?</h2>",
        f"<p>L'adresse de PRONOTE ({escape(values['pronote_url'])}) fonctionne toujours : elle vous demandera vos "
        "identifiants de l'ENT. Les personnels qui utilisent le logiciel PRONOTE installé sur un poste de "
        "l'établissement gardent leurs identifiants PRONOTE habituels.</p>",
        "<h2>PRONOTE affiche « Identification impossible » ?</h2>",
        "<p>Votre compte ENT n'est pas encore relié à votre compte PRONOTE : l'établissement peut les relier. "
        f"Contactez {contact} en précisant votre nom et si vous êtes élève, parent ou personnel.</p>",
        "<h2>Besoin d'aide ?</h2>",
        f"<p>Si vous n'avez pas de compte ENT ou si vos identifiants ne fonctionnent pas, contactez {contact}.</p>",
    ]))


def worksheet_html(result: Result, decisions: list[str]) -> str:
    """The matching worksheet to print (from the matching preview): every row, the admin's decisions, the
    personal-data notice."""
    rows = [row + [d] for row, d in zip(worksheet_rows(result), decisions, strict=True)]
    head = "".join(f"<th>{escape(h)}</th>" for h in (*SHEET_COLUMNS, "Décision"))
    body = "".join("<tr>" + "".join(f"<td>{escape(c)}</td>" for c in row) + "</tr>" for row in rows)
    return (f"{STYLE}<h1>{escape(tr('Rapprochement des comptes – feuille de travail'))}</h1>"
            f"<p><b>{escape(NOTICE)}</b></p><table border='1' cellspacing='0'><tr>{head}</tr>{body}</table>")
