"""What a server check's outcome means, once: its codes, its level for the page that asked, whether it proves what
the check was for (« vérifié »), whether parts 1–2 may still be declared by hand, and how a past check reads back.

The progress keeps only a check's outcome and date (document.ServerCheck); the probe package (which needs the
network libraries) judges a live answer into an outcome; both read its meaning here, so that recording a check
or ticking « je déclare » never loads the network code.
"""
from __future__ import annotations

from wizard.core.dates import day
from wizard.core.i18n import tr, tr_noop

# Outcome codes, kept in the progress.
DELEGATED = "delegated"  # PRONOTE, CAS active towards the ENT's CAS server
CAS_INACTIVE = "cas_inactive"  # PRONOTE, no CAS delegation (part 2 not published yet)
CAS_OTHER = "cas_other"  # PRONOTE, CAS towards another server (the previous ENT)
NOT_PRONOTE = "not_pronote"  # something answered, but not PRONOTE
HTTP_ERROR = "http_error"  # the server answered with an error status
REDIRECTED = "redirected"  # the server sends elsewhere, which the check does not follow
UNREACHABLE = "unreachable"  # nothing could be read: DNS, refused, timeout, certificate…
REFUSED_URL = "refused_url"  # the address was refused before any connection

PRONOTE_OUTCOMES = frozenset({DELEGATED, CAS_INACTIVE, CAS_OTHER})
NOTHING_READ = frozenset({UNREACHABLE, REFUSED_URL})

# What the check was for: the school page's address check, or part 2's check that the publication took effect.
ADDRESS, DELEGATION = "address", "delegation"
PURPOSES = (ADDRESS, DELEGATION)

# How a page shows the verdict.
OK, WARNING, ERROR = "ok", "warning", "error"


def verified(outcome: str, purpose: str) -> bool:
    """The server itself showed what the check was for: a PRONOTE server at the address; the delegation to the
    ENT's CAS for part 2."""
    return outcome == DELEGATED if purpose == DELEGATION else outcome in PRONOTE_OUTCOMES


def verdict_level(outcome: str, purpose: str) -> str:
    """ok, warning or error for an outcome (of a live check, or of one read back from the progress)."""
    if verified(outcome, purpose):
        return OK
    if purpose == DELEGATION:
        return WARNING if outcome in PRONOTE_OUTCOMES else ERROR
    return ERROR if outcome in NOTHING_READ else WARNING


def manual_confirmation_allowed(outcome: str) -> bool:
    """False exactly when the server answered as PRONOTE without delegating to the ENT: declaring the publication
    by hand would record what the server itself contradicts."""
    return outcome not in (CAS_INACTIVE, CAS_OTHER)


# What a past check showed, said again from what the progress keeps (its outcome and the CAS host), in the
# interface's language of today: the full message was written in the language of the day of the check.
_SEEN = {
    DELEGATED: tr_noop("PRONOTE confie l'authentification au serveur CAS {cas_host}"),
    CAS_INACTIVE: tr_noop("PRONOTE répond, sans délégation de l'authentification (CAS inactif)"),
    CAS_OTHER: tr_noop("PRONOTE confie l'authentification à un autre serveur CAS ({cas_host})"),
    NOT_PRONOTE: tr_noop("le serveur a répondu, mais pas comme un serveur PRONOTE"),
    HTTP_ERROR: tr_noop("le serveur a répondu par une erreur"),
    REDIRECTED: tr_noop("le serveur renvoie vers une autre adresse"),
    UNREACHABLE: tr_noop("le serveur n'a pas pu être joint"),
    REFUSED_URL: tr_noop("l'adresse a été refusée ; rien n'a été envoyé"),
}


def past_check_sentence(check: dict) -> str:
    """« Dernière vérification le 29/11/2026 : … » for a check read back from the progress."""
    seen = _SEEN.get(check["outcome"])
    if seen is None:
        return ""
    return tr("Dernière vérification du serveur le {date} : {seen}.").format(
        date=day(check["date"]), seen=tr(seen).format(cas_host=check["cas_host"] or "?"))
