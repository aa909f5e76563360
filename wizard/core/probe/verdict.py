"""The verdict, once: what a check's outcome means for the page that asked, as a level and a whole message.

The same finding means different things in two places (issue 10, item 3):
- `address` – the school page checks the PRONOTE address and reads the version: any PRONOTE answer is « ok »,
  whatever its CAS state (the page offers « déjà en place » when it delegates); anything else can be skipped;
- `delegation` – part 2 checks that « Publier la base » took effect: only a delegation to the ENT's CAS is « ok »;
  a PRONOTE server without it is a warning that says what to do in pronote.net, and forbids confirming the
  publication by hand; a server that cannot be reached leaves that confirmation to the admin.
Pages render `result.level` and `result.message`, nothing else. ENT words come from the ENT data file.
"""
from __future__ import annotations

from dataclasses import replace

from wizard.core.i18n import tr, tr_noop
from wizard.core.probe.result import (
    CAS_INACTIVE,
    CAS_OTHER,
    DELEGATED,
    DELEGATION,
    ERROR,
    HTTP_ERROR,
    NOT_PRONOTE,
    OK,
    PRONOTE_OUTCOMES,
    PURPOSES,
    REDIRECTED,
    REFUSED_URL,
    UNREACHABLE,
    WARNING,
    ProbeResult,
)

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
    from wizard.core.dates import day

    seen = _SEEN.get(check["outcome"])
    if seen is None:
        return ""
    return tr("Dernière vérification du serveur le {date} : {seen}.").format(
        date=day(check["date"]), seen=tr(seen).format(cas_host=check["cas_host"] or "?"))


def manual_confirmation_allowed(outcome: str) -> bool:
    """False exactly when the server answered as PRONOTE without delegating to the ENT (also for a check read
    back from the progress, which keeps only the outcome)."""
    return outcome not in (CAS_INACTIVE, CAS_OTHER)


def verdict_level(outcome: str, purpose: str) -> str:
    """ok, warning or error for an outcome (also for a check read back from the progress)."""
    if purpose == DELEGATION:
        if outcome == DELEGATED:
            return OK
        return WARNING if outcome in PRONOTE_OUTCOMES else ERROR
    if outcome in PRONOTE_OUTCOMES:
        return OK
    return ERROR if outcome in (UNREACHABLE, REFUSED_URL) else WARNING


def give_verdict(result: ProbeResult, purpose: str, ent) -> ProbeResult:
    """`result` (whose message is the bare finding) with the level, the message and the manual-confirmation
    rule for `purpose`. `ent` is the ENT data (`wizard.core.entdata.load_ent()`): name, CAS host, the name of its
    configuration in pronote.net."""
    if purpose not in PURPOSES:
        raise ValueError(f"unknown purpose {purpose!r}")
    message = _delegation_message(result, ent) if purpose == DELEGATION else _address_message(result)
    return replace(result, purpose=purpose, level=verdict_level(result.outcome, purpose), message=message,
                   allows_manual_confirmation=manual_confirmation_allowed(result.outcome), finding=result.message)


def _address_message(result: ProbeResult) -> str:
    if result.is_pronote or result.outcome == REFUSED_URL:
        return result.message  # a refusal already says what to correct, and that nothing was sent
    return tr("{message} Vous pouvez continuer sans cette vérification.").format(message=result.message)


def _delegation_message(result: ProbeResult, ent) -> str:
    if result.outcome == DELEGATED:
        return tr("Vérifié : le serveur PRONOTE délègue l'authentification à {ent_name} ({cas_host}).").format(
            ent_name=ent.name, cas_host=result.cas_host or ent.cas_host)
    if result.outcome == CAS_INACTIVE:
        return tr("CAS inactif : le serveur n'a pas encore de délégation d'authentification. La base n'a peut-être pas "
            "encore été publiée, ou la publication n'est pas terminée : vérifiez « {publish} » dans la {console}, "
            "attendez quelques minutes, puis vérifiez à nouveau.").format(publish=ent.labels["hosting_publish"],
                                                                         console=ent.labels["hosting_console"])
    if result.outcome == CAS_OTHER and result.cas_host:
        return tr("CAS vers un autre ENT : {cas_host}. Le serveur est encore relié à un autre ENT que {ent_name} : "
            "dans la {console}, choisissez la configuration « {configuration} », confirmez, puis publiez la "
            "base.").format(cas_host=result.cas_host, ent_name=ent.name, configuration=ent.pronote_net_configuration,
                            console=ent.labels["hosting_console"])
    if result.outcome == CAS_OTHER:
        return tr("CAS actif, mais le serveur n'indique pas l'adresse de son serveur CAS : dans la {console}, "
            "vérifiez que la configuration « {configuration} » est choisie, puis publiez la base.").format(
            configuration=ent.pronote_net_configuration, console=ent.labels["hosting_console"])
    if result.outcome == UNREACHABLE:
        return tr("{message} La vérification est impossible pour l'instant : réessayez, ou confirmez vous-même la "
            "publication ci-dessous.").format(message=result.message)
    return tr("{message} Vérifiez l'adresse PRONOTE sur la page « Votre établissement ».").format(
        message=result.message)
