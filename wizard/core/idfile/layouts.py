"""Where the people are in the file: the documented Index Éducation layout (`documented`), read strictly, or any
other layout recognised from the names of its fields (`generic`)."""
from __future__ import annotations

import re

from wizard.core.idfile.documented import DOCUMENTED_NS, Documented
from wizard.core.idfile.generic import Generic
from wizard.core.idfile.layoutbase import LayoutReader

_ROOT_TAG = re.compile(r"<(?:([\w.-]+):)?([\w.-]+)([^>]*)>?")


def choose(root_start: str) -> type[LayoutReader]:
    """The documented layout when the root start tag is Index Éducation's, the generic one otherwise."""
    match = _ROOT_TAG.match(root_start)
    if match and match.group(2) == "PARTENAIRE_INDEX" and DOCUMENTED_NS in match.group(3):
        return Documented
    return Generic


def root_local_name(root_start: str) -> str | None:
    match = _ROOT_TAG.match(root_start)
    return match.group(2) if match else None
