"""The live PRONOTE server check (issue 4): is the address right, which version runs there, and does the
server delegate authentication to the ENT's CAS? Qt-free: the pages run `probe_server` in a worker thread.

The check goes through the proxy the system is set to use, or the one typed in the wizard's settings (proxy.py),
trusts the operating system's certificates (trust.py), and returns the whole verdict for the page that asked
(verdict.py): pages render `result.level` and `result.message`. What an outcome means (its level, « vérifié »,
whether parts 1–2 may be declared by hand) is in wizard/core/outcomes.py, which needs none of the network code.
"""
from __future__ import annotations

import ssl
from collections.abc import Callable
from dataclasses import dataclass, replace
from urllib.parse import urlsplit

from wizard.core.dates import clock
from wizard.core.entdata import EntData, load_ent
from wizard.core.errors import Cancelled
from wizard.core.outcomes import ADDRESS
from wizard.core.pcclock import server_clock_message
from wizard.core.probe.answer import ProbeFailure
from wizard.core.probe.client import fetch
from wizard.core.probe.judge import judge_answer, judge_failure, refused_url
from wizard.core.probe.proxy import ProxyCheck, check_proxy, choose_proxy, system_proxy
from wizard.core.probe.result import ProbeResult, Space
from wizard.core.probe.target import check_target
from wizard.core.probe.verdict import give_verdict

__all__ = ["probe_server", "info_url", "check_proxy", "system_proxy", "ProxyCheck", "ProbeResult", "Space",
           "Cancelled", "INFO_PATH"]

# The public file every PRONOTE server answers for its mobile app (DOMAIN.md, « The PRONOTE server »).
INFO_PATH = "InfoMobileApp.json?id=0D264427-EEFC-4810-A9E9-346942A862A4"


def info_url(root: str) -> str:
    return root + INFO_PATH  # the normaliser's root always ends with "/"


def probe_server(
    url: str,
    *,
    purpose: str = ADDRESS,
    ent: EntData | None = None,
    cas_host: str | None = None,
    ent_name: str | None = None,
    proxy: str | None = None,
    cancelled: Callable[[], bool] | None = None,
    ssl_context: ssl.SSLContext | None = None,
    connect_timeout: float = 5.0,
    total_timeout: float = 15.0,
    max_body: int = 2_000_000,
    max_redirects: int = 3,
) -> ProbeResult:
    """Check the PRONOTE server at `url` (whatever the admin typed or pasted) and give the verdict for `purpose`
    (ADDRESS: the school page; DELEGATION: part 2's check after « Publier la base »).

    Only https goes out, except http to loopback hosts (tests, training demos); anything else is refused before
    any connection, and the message says nothing was sent. `proxy` None means the system's proxy; a string is
    the proxy typed in the wizard's settings (`check_proxy`'s value), which then wins; loopback hosts never go
    through a proxy. `ent` defaults to the ENT data file; `cas_host`/`ent_name` override its values.
    `ssl_context` defaults to the operating system's trust store. `cancelled` must be thread-safe; Cancelled
    is raised when it turns true.
    """
    ent = load_ent() if ent is None else ent
    words = _EntWords(ent.name if ent_name is None else ent_name, ent.cas_host if cas_host is None else cas_host,
                      ent.pronote_net_configuration, ent.labels)
    check = check_target(url)
    if not check.ok:
        return give_verdict(refused_url(url, check.message), purpose, words)
    if cancelled is not None and cancelled():
        raise Cancelled()
    root = check.value
    parts = urlsplit(root)
    try:
        route = choose_proxy((parts.hostname or "").rstrip("."), parts.port or 443, proxy, url=info_url(root),
                             cancelled=cancelled)
        answer = fetch(info_url(root), connect_timeout=connect_timeout, total_timeout=total_timeout,
                       max_body=max_body, max_redirects=max_redirects, ssl_context=ssl_context, cancelled=cancelled,
                       proxy=route)
    except ProbeFailure as failure:
        return give_verdict(judge_failure(failure, root=root, warnings=check.warnings), purpose, words)
    if cancelled is not None and cancelled():
        raise Cancelled()
    result = judge_answer(answer, root=root, cas_host=words.cas_host, ent_name=words.name, warnings=check.warnings)
    host = (parts.hostname or "").rstrip(".")
    result = replace(result, clock_warning=server_clock_message(answer.headers.get("date", ""), clock(), host))
    return give_verdict(result, purpose, words)


@dataclass(frozen=True)
class _EntWords:
    """The ENT's words the verdict uses, with the caller's overrides (a page may pass its own CAS host)."""

    name: str
    cas_host: str
    pronote_net_configuration: str
    labels: dict[str, str]  # the hosting console's words (« Publier la base »…)
