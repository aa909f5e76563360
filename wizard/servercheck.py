"""What the server checks mean for the steps, and what they leave in the progress (date and outcome only)."""
from __future__ import annotations

from wizard.progress import now_iso
from wizard.i18n import tr


def delegation_verdict(result, ent_name: str) -> tuple[str, str]:
    """(level, French explanation) of a probe made after « Publier la base »."""
    if not result.reachable:
        return "error", (tr("{message} La vérification est impossible pour l'instant : réessayez, ou confirmez vous-même la publication ci-dessous.").format(message=result.message))
    if not result.is_pronote:
        return "error", tr("{message} Vérifiez l'adresse PRONOTE sur la page « Votre établissement ».").format(message=result.message)
    if result.delegated_to_ent:
        return "ok", tr("Vérifié : le serveur PRONOTE délègue l'authentification à {ent_name} ({cas_host}).").format(ent_name=ent_name, cas_host=result.cas_host)
    if not result.cas_active:
        return "warning", (tr("CAS inactif : le serveur n'a pas encore de délégation d'authentification. La base n'a "
                           "peut-être pas encore été publiée, ou la publication n'est pas terminée : vérifiez « Publier "
                           "la base » dans pronote.net, attendez quelques minutes, puis vérifiez à nouveau."))
    return "warning", (tr("CAS vers un autre ENT : {cas_host}. Le serveur est encore relié à l'ancien ENT : choisissez bien la configuration « {ent_name} » dans pronote.net, confirmez, puis publiez la base.").format(cas_host=result.cas_host, ent_name=ent_name))


def record_probe(progress, kind: str, result) -> None:
    """Keep the date and the outcome on the status board and in the record; nothing else from the server."""
    verified = bool(result.is_pronote and (result.delegated_to_ent if kind == "delegation" else True))
    progress.add_server_check({
        "date": now_iso(),
        "kind": kind,
        "outcome": getattr(result, "outcome", ""),
        "verified": verified,
        "version": result.version or "",
        "cas_host": result.cas_host or "",
        "message": result.message,
    })


def last_delegation(school: dict) -> dict | None:
    checks = [c for c in school.get("server_checks", []) if c.get("kind") == "delegation"]
    return checks[-1] if checks else None
