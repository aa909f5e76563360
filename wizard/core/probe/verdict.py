"""The verdict for the page that asked: the level (outcomes.verdict_level) and the whole message.

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
from typing import Protocol

from wizard.core.i18n import tr
from wizard.core.outcomes import (
    CAS_INACTIVE,
    CAS_OTHER,
    DELEGATED,
    DELEGATION,
    OK,
    PURPOSES,
    REFUSED_URL,
    UNREACHABLE,
    WARNING,
    manual_confirmation_allowed,
    verdict_level,
)
from wizard.core.probe.result import ProbeResult


class EntWords(Protocol):
    """The ENT's words a verdict uses (entdata.EntData has them; a page may override its CAS host)."""

    @property
    def name(self) -> str: ...
    @property
    def cas_host(self) -> str: ...
    @property
    def pronote_net_configuration(self) -> str: ...
    @property
    def labels(self) -> dict[str, str]: ...


def give_verdict(result: ProbeResult, purpose: str, ent: EntWords) -> ProbeResult:
    """`result` (whose message is the bare finding) with the level, the message and the manual-confirmation
    rule for `purpose`. `ent` is the ENT data (`wizard.core.entdata.load_ent()`): name, CAS host, the name of its
    configuration in pronote.net."""
    if purpose not in PURPOSES:
        raise ValueError(f"unknown purpose {purpose!r}")
    message = _delegation_message(result, ent) if purpose == DELEGATION else _address_message(result)
    level = verdict_level(result.outcome, purpose)
    if result.clock_warning:  # a paragraph of its own, under the finding; an « ok » then shows as a warning
        message = message + "\n" + result.clock_warning
        level = WARNING if level == OK else level
    return replace(result, purpose=purpose, level=level, message=message,
                   allows_manual_confirmation=manual_confirmation_allowed(result.outcome), finding=result.message)


def _address_message(result: ProbeResult) -> str:
    if result.is_pronote or result.outcome == REFUSED_URL:
        return result.message  # a refusal already says what to correct, and that nothing was sent
    return tr("{message} Vous pouvez continuer sans cette vérification.").format(message=result.message)


def _delegation_message(result: ProbeResult, ent: EntWords) -> str:
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
