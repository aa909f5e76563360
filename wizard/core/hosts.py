"""What a server's name or address may be, written once: the PRONOTE address and the ENT site the admin types, the
hosts of an ENT data file, a proxy."""
from __future__ import annotations

import ipaddress
import re

# A DNS label: letters, digits and inner hyphens, 63 characters at most (RFC 1035, with RFC 1123's leading digit).
_LABEL = re.compile(r"[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?")


def is_host_name(host: str, *, min_labels: int = 2) -> bool:
    """A server's name in lower case (`ent.example.fr`): `min_labels` labels or more, and a last label that is not
    all digits – « 127.1 » or « 10.1 » would be read by the system as an IPv4 address in shorthand."""
    labels = host.split(".")
    return len(labels) >= min_labels and all(map(_LABEL.fullmatch, labels)) and not labels[-1].isdigit()


def ascii_host(host: str) -> str | None:
    """The name as DNS, TLS and HTTP carry it: an accented name (`collège-exemple.fr`) in its IDNA form
    (`xn--collge-exemple-yjb.fr`, IDNA 2003 as Python's own codec writes it), in lower case; an ASCII name as it
    is; None when the name cannot be written so (an empty label, a label over 63 characters)."""
    if host.isascii():
        return host
    try:
        return host.encode("idna").decode("ascii").lower()
    except UnicodeError:
        return None


def is_ip_address(host: str) -> bool:
    """An IPv4 address in full (`192.0.2.1`) or an IPv6 address, with or without its URL brackets."""
    try:
        ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return False
    return True


def is_loopback(host: str) -> bool:
    """This computer: `localhost` or a loopback address (a training demo server; nothing leaves the machine)."""
    host = host.strip("[]").lower()
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False
