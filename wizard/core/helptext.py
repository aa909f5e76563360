"""Each page's extended help: an HTML file per step and language under `resources/help/`, filled with the
active ENT's words and the school's own addresses, and ended by its « Sources » (Qt-free): what the page states
and where it comes from, from the ENT data file (`wizard/core/facts.py`).

The files write every ENT word as a placeholder (`{ent_name}`, see `resources/ent/README.md`), the school's
addresses as `{ent_link}` and `{pronote_link}`. What concerns a previous ENT sits in an element of class
`previous-ent`, removed whole when the ENT data file names none.
"""
from __future__ import annotations

import re
from html import escape

from lxml import html as lxml_html

from wizard.core.entdata import current
from wizard.core.facts import of_step, sources_html
from wizard.core.i18n import tr
from wizard.core.resources import resources_dir
from wizard.core.school import identity_values
from wizard.core.typography import french

PREVIOUS_ENT_CLASS = "previous-ent"
_OF_PREVIOUS_ENT = f"descendant-or-self::*[contains(concat(' ', @class, ' '), ' {PREVIOUS_ENT_CLASS} ')]"
_PLACEHOLDER = re.compile(r"\{(\w+)\}")


def _link(url: str, fallback: str) -> str:
    if not url:
        return escape(fallback)
    return f'<a href="{escape(url)}">{escape(url)}</a>'


def help_html(step_id: str, identity: dict, language: str = "fr") -> str:
    folder = resources_dir() / "help"
    path = folder / language / f"{step_id}.html"
    if not path.exists():
        path = folder / "fr" / f"{step_id}.html"
    ent = current()
    text = path.read_text(encoding="utf-8")
    if ent.previous_ent is None:
        text = without_previous_ent(text)
    values = identity_values(identity)
    # Text between tags, never in an attribute: quotes stay quotes (« d'import », not « d&#x27;import »).
    fills = {key: escape(value, quote=False) for key, value in ent.words.items()}
    fills["ent_link"] = _link(values["ent_site_url"],
                              tr("https://<votre-établissement>.{ent_site_domain}/").format(**ent.words))
    fills["pronote_link"] = _link(values["pronote_url"], "https://<UAI>.index-education.net/pronote/")
    # What the page states, with where it comes from; the welcome page's help lists every fact of the ENT.
    sources = sources_html(ent, of_step(ent, step_id, [text]), list(ent.checklists.get(step_id, ())),
                           everything=step_id == "accueil")
    # A placeholder the ENT does not know is a mistake in the help file: tests/gui/test_help.py finds it.
    text = _PLACEHOLDER.sub(lambda match: fills[match.group(1)], text) + sources
    return french(text) if path.parent.name == "fr" else text


def without_previous_ent(html: str) -> str:
    """`html` without its elements of class `previous-ent` (the text after each is kept)."""
    parts = lxml_html.fragments_fromstring(html)
    kept = []
    for part in parts:
        if isinstance(part, str):
            kept.append(escape(part, quote=False))
            continue
        for element in part.xpath(_OF_PREVIOUS_ENT):
            if element is part:
                if part.tail:
                    kept.append(escape(part.tail, quote=False))
                part = None
                break
            element.drop_tree()
        if part is not None:
            kept.append(lxml_html.tostring(part, encoding="unicode"))
    return "".join(kept)

