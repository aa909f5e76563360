"""The text of the printable records, as HTML built from the school's progress (Qt-free)."""
from __future__ import annotations

from datetime import date
from html import escape

from wizard import __version__, flow
from wizard.entdata import load_ent
from wizard.people import PROFILE_LABELS, PROFILES
from wizard.school import identity_values
from wizard.schoolyear import parse_iso

STYLE = """
<style>
 body { font-family: 'DejaVu Sans', 'Segoe UI', Arial, sans-serif; font-size: 10pt; }
 h1 { font-size: 16pt; color: #1d5fa8; margin-bottom: 2pt; }
 h2 { font-size: 12pt; color: #1d5fa8; margin-top: 12pt; margin-bottom: 4pt; }
 td, th { padding: 3px 6px; }
 th { background-color: #e8eef7; text-align: left; }
 .small { font-size: 8pt; color: #555555; }
 .big { font-size: 12pt; }
</style>
"""


class NothingConfigured(Exception):
    message = ("Aucun établissement n'est encore configuré dans l'assistant : renseignez d'abord la page "
               "« Votre établissement ».")


def is_configured(school: dict | None) -> bool:
    return bool(school and identity_values(school["identity"])["uai"])


def _day(text: str | None) -> str:
    when = parse_iso(text)
    return when.strftime("%d/%m/%Y") if when else "—"


def _table(headers: list[str], rows: list[list[str]]) -> str:
    head = "".join(f"<th>{escape(h)}</th>" for h in headers)
    body = "".join("<tr>" + "".join(f"<td>{escape(str(c))}</td>" for c in row) + "</tr>" for row in rows)
    return f'<table border="1" cellspacing="0" width="100%"><tr>{head}</tr>{body}</table>'


def record_html(school: dict | None, today: date | None = None) -> str:
    """The configuration record: what was set where, when each step was done, what was verified."""
    if not is_configured(school):
        raise NothingConfigured()
    ent = load_ent()
    values = identity_values(school["identity"])
    today = today or date.today()
    parts = [STYLE, "<h1>Fiche de configuration – interconnexion PRONOTE – mon ENT Occitanie</h1>",
             f'<p class="small">Établie le {today:%d/%m/%Y} par l\'assistant d\'interconnexion (version {__version__}).</p>']
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
    parts.append(_table(["Champ du formulaire « Nouveau service »", "Valeur"], [
        ["Type de SSO", service["sso_type"]],
        ["URL", values["pronote_url"] or "—"],
        ["Type Xiti", "(aucune saisie)"],
        ["Regroupement", service["regroupement"]],
        ["Bloc PRONOTE", service["bloc"]],
        ["Version", values["pronote_version"] or "—"],
        ["URL CAS de PRONOTE", values["cas_url"] or "—"],
    ]))
    parts.append("<p>Accès population : " + ", ".join(escape(p) for p in ent.profiles)
                 + f" — rôle « {escape(ent.access_role)} », cible « {escape(ent.access_target)} ».</p>")
    parts.append("<h2>Étapes</h2>")
    completed = school.get("completed", {})
    rows = [[flow.PART_NAMES.get(step.part, "Établissement"), step.title,
             _day(completed.get(step.id)) if step.id in completed else "non faite"]
            for step in flow.STEPS if step.id not in ("accueil", "fin")]
    parts.append(_table(["Partie", "Étape", "Faite le"], rows))
    parts.append("<h2>Vérifications du serveur PRONOTE</h2>")
    checks = school.get("server_checks", [])
    if checks:
        kinds = {"address": "Adresse et version", "delegation": "Délégation à l'ENT"}
        parts.append(_table(["Date", "Vérification", "Résultat", "Statut"], [
            [_day(c.get("date")), kinds.get(c.get("kind"), c.get("kind", "")), c.get("message", ""),
             "vérifié" if c.get("verified") else "non vérifié"] for c in checks]))
    else:
        parts.append("<p>Aucune vérification enregistrée.</p>")
    parts.append("<h2>Imports des identifiants</h2>")
    history = school.get("import_history", [])
    if history:
        headers = ["Date", "Mode"] + [PROFILE_LABELS[p] for p in PROFILES] + ["Total fichier", "Annoncé par l'ENT"]
        rows = []
        for entry in history:
            counts = entry.get("counts", {})
            rows.append([_day(entry.get("date")), entry.get("mode", "")] + [counts.get(p, 0) for p in PROFILES]
                        + [counts.get("total", 0), entry.get("reported_count", "—")])
        parts.append(_table(headers, rows))
    else:
        parts.append("<p>Aucun import enregistré.</p>")
    parts.append('<p class="small">Ce document ne contient aucune donnée personnelle : ni nom, ni date de naissance, '
                 "ni identifiant d'élève ou de personnel.</p>")
    return "\n".join(parts)


def notice_html(school: dict | None) -> str:
    """One page for families and staff: how to reach PRONOTE from now on."""
    if not is_configured(school):
        raise NothingConfigured()
    values = identity_values(school["identity"])
    name = escape(values["name"] or "votre établissement")
    ent_site = escape(values["ent_site_url"] or "https://www.mon-ent-occitanie.fr/")
    contact = escape((school["identity"].get("contact") or "").strip()
                     or f"le secrétariat ou le référent numérique de {values['name'] or 'l’établissement'}")
    return "\n".join([
        STYLE, "<style> p { font-size: 11pt; } </style>",
        f"<h1>PRONOTE s'ouvre désormais depuis mon ENT Occitanie</h1><p class='big'>{name}</p>",
        "<h2>Comment accéder à PRONOTE</h2>",
        f"<p class='big'>1. Connectez-vous à mon ENT Occitanie : <b>{ent_site}</b>.<br/>"
        "2. Dans le menu <b>Scolarité</b>, cliquez sur <b>PRONOTE</b> (élèves et parents trouvent aussi le bloc "
        "PRONOTE sur leur page d'accueil).<br/>3. PRONOTE s'ouvre sans nouveau mot de passe.</p>",
        "<h2>La première fois</h2>",
        "<p>Lors du tout premier accès à PRONOTE depuis l'ENT, une page de « première connexion » s'affiche une seule "
        "fois pour relier votre compte ENT à votre compte PRONOTE. Suivez ses indications ; ensuite, un clic suffit.</p>",
        "<h2>Et l'adresse PRONOTE habituelle ?</h2>",
        f"<p>L'adresse de PRONOTE ({escape(values['pronote_url'])}) fonctionne toujours : elle vous demandera vos "
        "identifiants de l'ENT. Les personnels qui utilisent le logiciel PRONOTE installé sur un poste de "
        "l'établissement gardent leurs identifiants PRONOTE habituels.</p>",
        "<h2>Besoin d'aide ?</h2>",
        f"<p>Si PRONOTE affiche « Identification impossible » ou si vous n'avez pas de compte ENT, contactez {contact}.</p>",
    ])
