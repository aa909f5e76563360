"""The live PRONOTE server check (issue 4): is the address right, which version runs there, and does the
server delegate authentication to the ENT's CAS? Qt-free: the pages run `probe_server` in a worker thread.
"""
from __future__ import annotations

import ssl
from typing import Callable

from wizard.entdata import load_ent
from wizard.probe.client import Cancelled, ProbeFailure, fetch
from wizard.probe.judge import judge_answer, judge_failure, refused_url
from wizard.probe.result import PRONOTE_OUTCOMES, ProbeResult, Space
from wizard.school import normalise_pronote_url

__all__ = ["probe_server", "info_url", "ProbeResult", "Space", "Cancelled", "PRONOTE_OUTCOMES", "INFO_PATH"]

# The public file every PRONOTE server answers for its mobile app (DOMAIN.md, « The PRONOTE server »).
INFO_PATH = "InfoMobileApp.json?id=0D264427-EEFC-4810-A9E9-346942A862A4"


def info_url(root: str) -> str:
    return root + INFO_PATH  # the normaliser's root always ends with "/"


def probe_server(
    url: str,
    *,
    cas_host: str | None = None,
    ent_name: str | None = None,
    cancelled: Callable[[], bool] | None = None,
    ssl_context: ssl.SSLContext | None = None,
    connect_timeout: float = 5.0,
    total_timeout: float = 15.0,
    max_body: int = 2_000_000,
    max_redirects: int = 3,
) -> ProbeResult:
    """Check the PRONOTE server at `url` (whatever the admin typed or pasted) and say what it is.

    Only https goes out, except http to loopback hosts (tests, training demos); anything else is refused before
    any connection. `cas_host`/`ent_name` default to the ENT data file. `ssl_context` defaults to the system
    trust store. `cancelled` must be thread-safe; Cancelled is raised when it turns true.
    """
    if cas_host is None or ent_name is None:
        ent = load_ent()
        cas_host = ent.cas_host if cas_host is None else cas_host
        ent_name = ent.name if ent_name is None else ent_name
    check = normalise_pronote_url(url, allow_loopback_http=True)
    if not check.ok:
        return refused_url(url, check.message)
    if cancelled is not None and cancelled():
        raise Cancelled()
    root = check.value
    try:
        answer = fetch(info_url(root), connect_timeout=connect_timeout, total_timeout=total_timeout,
                       max_body=max_body, max_redirects=max_redirects, ssl_context=ssl_context, cancelled=cancelled)
    except ProbeFailure as failure:
        return judge_failure(failure, root=root, warnings=check.warnings)
    if cancelled is not None and cancelled():
        raise Cancelled()
    return judge_answer(answer, root=root, cas_host=cas_host, ent_name=ent_name, warnings=check.warnings)
