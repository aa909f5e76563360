"""The address the check may send a request to, decided before any connection.

The school's normaliser (`wizard.core.school.normalise_pronote_url`) gives the PRONOTE root; on top of it, what a
request line can carry as it is – an accented letter, an invisible character or a « < » in the path would
otherwise fail inside the HTTP library after the check had started, and be blamed on the server or the Internet
– and a port 0, which the normaliser lets through silently.
Every refusal here happens before anything is sent, and its sentence says so (judge.refused_url).
"""
from __future__ import annotations

from urllib.parse import urlsplit

from wizard.core.i18n import tr
from wizard.core.probe.client import sendable
from wizard.core.school import Check, normalise_pronote_url

MAX_URL = 2000  # a PRONOTE root is some fifty characters; browsers and servers stop far below what is allowed


def check_target(text: str) -> Check:
    """The PRONOTE root to check (https, or http to a loopback host), or a refusal with its sentence."""
    check = normalise_pronote_url(text)
    if not check.ok:
        return check
    if _typed_port(text) == 0:
        return Check(False, message=tr("Le port indiqué dans l'adresse PRONOTE (après « : ») n'est pas valide."))
    if len(check.value) > MAX_URL:
        return Check(False, message=tr("L'adresse PRONOTE est bien trop longue pour être celle d'un serveur PRONOTE ; "
            "copiez-la depuis la barre d'adresse du navigateur."))
    if not sendable(check.value):
        return Check(False, message=tr("L'adresse PRONOTE contient des caractères qu'une adresse web ne peut pas "
            "contenir tels quels (lettres accentuées, caractères invisibles ou spéciaux) ; copiez-la depuis la barre "
            "d'adresse du navigateur."))
    return check


def _typed_port(text: str) -> int | None:
    raw = (text or "").strip()
    if "://" not in raw:
        raw = "https://" + raw
    try:
        return urlsplit(raw).port
    except ValueError:
        return None
