"""What the transport hands to the judge: an answer that was read, or why nothing usable could be read."""
from __future__ import annotations

from dataclasses import dataclass, field


class ProbeFailure(Exception):
    """Nothing usable could be read from the server. `reason` is a code judge.py turns into French:

    dns, dns_timeout, refused, timeout, closed, network, cert_untrusted, cert_expired, cert_wrong_host, tls,
    protocol; and for the proxy: proxy_invalid, proxy_unsupported, proxy_dns, proxy_refused, proxy_unreachable,
    proxy_timeout, proxy_protocol, proxy_auth, proxy_auth_rejected, proxy_auth_unsupported, proxy_denied,
    proxy_failed.

    It carries no French itself (so it is not a `UserError`): `host` is the PRONOTE server, `proxy` the proxy's
    « host:port » when the check went through one (never its credentials), `seconds` the deadline that expired,
    `status` the proxy's answer to CONNECT.
    """

    def __init__(self, reason: str, host: str, seconds: float = 0.0, *, proxy: str = "", status: int = 0):
        super().__init__(reason)
        self.reason = reason
        self.host = host
        self.seconds = seconds
        self.proxy = proxy
        self.status = status


@dataclass(frozen=True)
class Answer:
    url: str  # the URL that gave this answer (after same-origin redirects)
    status: int
    headers: dict[str, str] = field(default_factory=dict)  # names in lower case
    body: bytes = b""
    over_limit: bool = False  # the body was larger than allowed and was not read to the end
    redirect: str = ""  # absolute target of a redirect that was not followed
    redirects_exhausted: bool = False  # same-origin redirects went on past the allowed number
    redirect_invalid: bool = False  # the Location header is not an address that can be sent
