"""What the assistant states, and where it comes from: the facts of the ENT data file a text uses (through its
placeholders), the caveat a page shows for those not confirmed for current versions, and the « Sources » section
of the help (Qt-free).
"""
from __future__ import annotations

from html import escape

from wizard.core.entdata import QUOTED, EntData, Fact, placeholders
from wizard.core.i18n import tr, tr_noop

# What a fact is, for a reader of the « Sources » section; the ENT's labels are shown by their value instead.
FACT_LABELS = {
    "name": tr_noop("Nom de l'ENT"),
    "portal_url": tr_noop("Adresse publique de l'ENT"),
    "site_domain": tr_noop("Domaine des sites ENT des établissements"),
    "cas_host": tr_noop("Serveur CAS de l'ENT"),
    "previous_ent": tr_noop("ENT précédent"),
    "logins.pupils_parents": tr_noop("Connexion des élèves et des parents à l'ENT"),
    "logins.staff": tr_noop("Connexion des personnels à l'ENT"),
    "socle_ent": tr_noop("Entrée « Socle ENT » de l'export PRONOTE"),
    "export_file_name": tr_noop("Nom du fichier exporté par PRONOTE"),
    "pronote_net_configuration": tr_noop("Configuration ENT de la console d'hébergement"),
    "school_label_example": tr_noop("Nom d'un établissement dans le récapitulatif des accès"),
    "service.title": tr_noop("Intitulé du service"),
    "service.sso_type": tr_noop("Type de SSO"),
    "service.regroupement": tr_noop("Regroupement du service"),
    "service.xiti": tr_noop("Type Xiti"),
    "service.bloc": tr_noop("Bloc PRONOTE de la page d'accueil"),
    "profiles": tr_noop("Profils qui reçoivent l'accès"),
    "access_role": tr_noop("Rôle des accès"),
    "access_target": tr_noop("Cible des accès"),
    "access_level": tr_noop("Niveau et sous-niveau des accès"),
    "import_modes.complet": tr_noop("Mode d'import complet"),
    "import_modes.partiel": tr_noop("Mode d'import partiel"),
    "summary_profiles": tr_noop("Profils dans le récapitulatif des accès"),
}
NONE, NOTHING = tr_noop("aucun"), tr_noop("(rien)")
# The facts a page states in its own texts (not through a checklist), by step.
PAGE_FACTS = {
    "accueil": ("name",),
    "etablissement": ("name", "cas_host", "site_domain"),
    "ent_acces": ("school_label_example", "summary_profiles", "access_role", "labels.ent_access_summary"),
    "pronote_net_avertissement": ("logins.pupils_parents", "logins.staff", "previous_ent"),
    "pronote_net": ("cas_host", "pronote_net_configuration", "labels.hosting_publish"),
    "fichier": ("export_file_name",),
    "import_ent": ("labels.ent_import_message_complet", "labels.ent_import_message_partiel"),
    "rapprochement": ("labels.ent_import_report", "labels.pronote_failure_message", "labels.pronote_failures_menu"),
    "echecs": ("labels.pronote_failure_message", "labels.pronote_home_failures_panel",
               "labels.pronote_home_failures_count", "labels.pronote_failures_menu", "labels.pronote_failures_tool",
               "labels.pronote_export_checkbox"),
    "fin": ("logins.pupils_parents", "logins.staff", "service.title", "service.regroupement", "service.bloc",
            "labels.pronote_failure_message", "labels.pronote_failures_menu"),
}


def used_in(ent: EntData, texts) -> list[Fact]:
    """The facts these texts name through their placeholders, in the order first named."""
    keys: list[str] = []
    for text in texts:
        for word in placeholders(text):
            key = ent.word_facts.get(word)
            if key and key not in keys:
                keys.append(key)
    return [ent.facts[key] for key in keys]


def of_step(ent: EntData, step_id: str, extra_texts=()) -> list[Fact]:
    """The facts a page rests on: those its checklist names (every mode), those its own texts state, and those
    of `extra_texts` (its help)."""
    items = [item["text"] for item in ent.checklists.get(step_id, ())]
    found = used_in(ent, [*items, *extra_texts])
    for key in PAGE_FACTS.get(step_id, ()):
        fact = ent.facts.get(key)
        if fact is not None and fact not in found:
            found.append(fact)
    return found


def shown(fact: Fact, translate=tr) -> str:
    """The fact's value as a reader sees it in the text (`translate`: `tr`, or `french` for a French document)."""
    if isinstance(fact.value, tuple):
        return ", ".join(translate(QUOTED).format(value=value) for value in fact.value)
    if fact.value is None:
        return translate(NONE)
    if not fact.value:
        return translate(NOTHING)
    if fact.key.startswith("logins."):
        return translate(fact.value)
    return translate(QUOTED).format(value=fact.value)


def quoted(text: str, translate=tr) -> str:
    """A French name or title in a sentence: « … » in French, “…” in English."""
    return translate(QUOTED).format(value=text)


def day_of(text: str) -> str:
    """2019-06-27 → 27/06/2019; 2025-09 → 09/2025; 2026 → 2026 (as precisely as the file knows it)."""
    return "/".join(reversed(text.split("-")))


def caveat(ent: EntData, facts: list[Fact], translate=tr) -> str:
    """One or two sentences for the page: which of its names were not confirmed for current versions, and which
    were inferred, with where they come from; "" when everything it states is confirmed. `translate`: `tr` for
    the window, `french` for a printed record (French whatever the window's language)."""
    sentences = []
    for status, template in (
            ("unconfirmed", tr_noop("Non confirmé pour les versions actuelles (source : {source}, {date}) : "
                                    "{values}. Selon votre version, l'écran peut différer.")),
            ("inferred", tr_noop("Déduit d'une source voisine (source : {source}, {date}) : {values}. Vérifiez-le "
                                 "sur votre écran."))):
        groups: dict[tuple[str, str], list[str]] = {}
        for fact in facts:
            if fact.status != status or fact.value in (None, "") or fact.key == "socle_ent":
                continue  # « rien », « aucun », and the Socle entry, whose text already says « selon la version »
            main = fact.sources[0]
            groups.setdefault((main, fact.confirmed), []).append(shown(fact, translate))
        for (source, confirmed), values in groups.items():
            sentences.append(translate(template).format(values=", ".join(values), date=day_of(confirmed),
                                                        source=quoted(ent.sources[source].title, translate)))
    return "\n".join(sentences)


def status_phrase(fact_or_item) -> str:
    status, confirmed = (fact_or_item.status, fact_or_item.confirmed) if isinstance(fact_or_item, Fact) else (
        "confirmed", fact_or_item["confirmed"])
    date = day_of(confirmed)
    if status == "confirmed":
        return tr("confirmé : {date}").format(date=date)
    if status == "inferred":
        return tr("déduit d'une source voisine : {date}").format(date=date)
    if status == "advice":
        return tr("conseil de l'assistant")
    return tr("relevé le {date}, non confirmé pour les versions actuelles").format(date=date)


def _cited(ent: EntData, sources: tuple[str, ...]) -> str:
    return tr(" ; ").join(escape(quoted(ent.sources[source].title)) for source in sources)


def sources_html(ent: EntData, facts: list[Fact], items: list[dict] = (), everything: bool = False) -> str:
    """The help's « Sources » section: each fact the page states (its value, its sources, when it was confirmed),
    the page's checklist actions with theirs, then the sources themselves (title, where to find them)."""
    if everything:
        facts = list(ent.facts.values())
        items = [item for step_items in ent.checklists.values() for item in step_items]
    if not facts and not items:
        return ""
    lines = []
    # Named facts one per line; the ENT's labels (shown by their value) gathered when they share their origin.
    groups: dict[tuple, list[Fact]] = {}
    for fact in facts:
        key = (fact.key,) if fact.key in FACT_LABELS else (fact.sources, fact.confirmed, fact.status, fact.note)
        groups.setdefault(key, []).append(fact)
    for group in groups.values():
        fact = group[0]
        if fact.key in FACT_LABELS:
            what = f"<b>{escape(tr(FACT_LABELS[fact.key]))}</b> : {escape(shown(fact))}"
        else:
            what = ", ".join(f"<b>{escape(shown(member))}</b>" for member in group)
        note = f" {escape(tr(fact.note))}" if fact.note else ""
        lines.append(f"<li>{what} — {_cited(ent, fact.sources)} — {escape(status_phrase(fact))}.{note}</li>")
    if items:
        by_sources: dict[tuple, int] = {}
        for item in items:
            key = (tuple(item["sources"]), item["confirmed"])
            by_sources[key] = by_sources.get(key, 0) + 1
        for (sources, confirmed), count in by_sources.items():
            lines.append("<li>" + escape(tr("{count} action(s) de la liste à cocher").format(count=count))
                         + f" — {_cited(ent, sources)} — "
                         + escape(tr("d'après ces sources, le {date}").format(date=day_of(confirmed))) + ".</li>")
    cited = []
    for fact in facts:
        cited += [source for source in fact.sources if source not in cited]
    for item in items:
        cited += [source for source in item["sources"] if source not in cited]
    listing = "".join(
        "<li>" + escape(tr("{title} ({date}) :").format(title=quoted(ent.sources[source].title),
                                                       date=day_of(ent.sources[source].date)))
        + f" {_where(ent.sources[source].where)}</li>" for source in cited)
    heading, intro, cited_intro = (tr("Sources"), tr("Ce que cette page affirme, et d'où cela vient :"),
                                   tr("Les sources citées :"))
    return (f"<h2>{escape(heading)}</h2><p>{escape(intro)}</p><ul>{''.join(lines)}</ul>"
            f"<p>{escape(cited_intro)}</p><ul>{listing}</ul>")


def _where(where: str) -> str:
    """A link, with what follows the address (a path inside a repository) quoted; or the place, quoted."""
    first, _, rest = where.partition(" ")
    if first.startswith("https://"):
        return f'<a href="{escape(first)}">{escape(first)}</a>' + (f" {escape(quoted(rest.strip('()')))}" if rest
                                                                  else "")
    return escape(quoted(where))
