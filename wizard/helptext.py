"""Each page's extended help: an HTML file per step and language under `resources/help/`, with the school's own
addresses turned into links (Qt-free)."""
from __future__ import annotations

from html import escape

from wizard.paths import resources_dir
from wizard.i18n import tr
from wizard.school import identity_values


def _link(url: str, fallback: str) -> str:
    if not url:
        return escape(fallback)
    return f'<a href="{escape(url)}">{escape(url)}</a>'


def help_html(step_id: str, identity: dict, language: str = "fr") -> str:
    folder = resources_dir() / "help"
    path = folder / language / f"{step_id}.html"
    if not path.exists():
        path = folder / "fr" / f"{step_id}.html"
    values = identity_values(identity)
    links = {
        "ent_link": _link(values["ent_site_url"], tr("https://<votre-établissement>.mon-ent-occitanie.fr/")),
        "pronote_link": _link(values["pronote_url"], "https://<UAI>.index-education.net/pronote/"),
    }
    text = path.read_text(encoding="utf-8")
    for key, value in links.items():
        text = text.replace("{" + key + "}", value)
    return text
