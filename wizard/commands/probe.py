"""`probe URL [--json]`: the server check without the window. It prints the finding – what was found, without the
advice a page adds for its own purpose (« you can go on without this check ») – and `--json` holds both.

Exit 0: the server is a PRONOTE that delegates authentication to this ENT (its CAS server); 1: a PRONOTE that does
not delegate to this ENT (CAS inactive, or another CAS server); 2: nothing usable was read (the address refused,
the server or the proxy unreachable, an answer that is not PRONOTE's, an HTTP error, a redirection). A script can
thus tell « part 2 is in force » from « part 2 is to do » from « check the address or the network ». No Qt is
imported on this path. The proxy is the system's (HTTPS_PROXY and NO_PROXY, or the platform's settings), or `--proxy`.

Everything the server said (its school name, space names, a host taken from its answer) reaches the terminal
through `text.clean`, and every line through `console.out`/`console.err`, which never fail on a console that
cannot show French (cp850, cp1252, LC_ALL=C). The JSON is ASCII-only: valid on any console.
"""
from __future__ import annotations

import json
from argparse import Namespace
from pathlib import Path

from wizard.commands.console import err, out
from wizard.core.i18n import tr
from wizard.core.probe import check_proxy, probe_server
from wizard.core.probe.result import ProbeResult
from wizard.core.text import clean

DELEGATES, NOT_DELEGATING, NOTHING_USABLE = 0, 1, 2


def exit_code(result: ProbeResult) -> int:
    if not result.is_pronote:
        return NOTHING_USABLE
    return DELEGATES if result.delegated_to_ent else NOT_DELEGATING


def run_probe(args: Namespace, data_dir: Path) -> int:
    # data_dir is unused: the probe keeps nothing; the pages record the outcome in the progress themselves.
    proxy = getattr(args, "proxy", None)
    if proxy:
        checked = check_proxy(proxy)
        if not checked.ok:
            if args.json:
                out(error_json(checked.message, url=args.url, outcome="refused_proxy"))
            err(checked.message)
            return 2
        proxy = checked.value
    result = probe_server(args.url, proxy=proxy)
    if args.json:
        out(_json(result))
    elif result.is_pronote:
        out("\n".join(clean(line) for line in _lines(result)))
    else:
        err(clean(result.finding))
    if result.clock_warning and not args.json:  # --json holds it as `clock_warning`
        err(clean(result.clock_warning))
    return exit_code(result)


def _json(result: ProbeResult) -> str:
    return json.dumps(result.to_json(), indent=2, ensure_ascii=True)


# The codes cli.py gives a command stopped before its own result, as this command's outcomes.
_OUTCOMES = {"commande_incorrecte": "refused_command", "ent_illisible": "refused_ent",
             "erreur_inattendue": "unexpected_error"}


def error_json(message: str, url: str = "", outcome: str = "refused_command") -> str:
    """What `probe --json` prints when nothing was asked of the server (a wrong --proxy, an unknown option): the
    shape of a refused address, the French sentence as its `message` and `finding`."""
    outcome = _OUTCOMES.get(outcome, outcome)
    return _json(ProbeResult(url=url, outcome=outcome, reachable=False, is_pronote=False, message=message,
                             finding=message))


def _lines(result: ProbeResult) -> list[str]:
    lines = [result.finding, tr("Adresse : {url}").format(url=result.url)]
    if result.school_name:
        lines.append(tr("Établissement : {name}").format(name=result.school_name))
    lines.append(tr("Version : {version}").format(version=result.version))
    if result.cas_active:
        lines.append(tr("CAS : actif ({cas_host})").format(cas_host=result.cas_host or tr("adresse non indiquée")))
    else:
        lines.append(tr("CAS : inactif"))
    for space in result.spaces:
        delegation = tr("délégation") if space.delegation else tr("sans délégation")
        lines.append(tr("Espace : {name} ({delegation})").format(name=space.nom or space.genre, delegation=delegation))
    lines.extend(tr("Remarque : {warning}").format(warning=warning) for warning in result.warnings)
    return lines
