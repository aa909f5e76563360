"""School identity checks: the UAI check letter and the PRONOTE address.

Pure functions; each returns a result with one French sentence when the input is refused.
"""
from __future__ import annotations

import re
import unicodedata
from typing import NamedTuple, TypedDict
from urllib.parse import urlsplit, urlunsplit

from wizard.core.document import Identity
from wizard.core.entdata import load_ent
from wizard.core.hosts import ascii_host, is_host_name, is_ip_address, is_loopback
from wizard.core.i18n import tr

UAI_LETTERS = "ABCDEFGHJKLMNPRSTUVWXYZ"  # 23 letters: no I, O, Q
_UAI_SHAPE = re.compile(r"^([0-9]{7})([A-Z])$")

# Pages PRONOTE serves under its root; the address bar often shows one of them (DOMAIN.md).
_SPACE_PAGE = re.compile(r"^(mobile\.)?[a-z_]+\.html?$", re.IGNORECASE)


class Check(NamedTuple):
    """The verdict on one typed value."""

    ok: bool
    value: str = ""  # the normalised value when ok
    message: str = ""  # one French sentence when not ok
    warnings: tuple[str, ...] = ()


def uai_check_letter(digits: str) -> str:
    return UAI_LETTERS[int(digits) % 23]


def check_uai(text: str) -> Check:
    # Pasted from a PDF or a web page, a code may carry what no one sees (a soft hyphen, a zero-width space) or
    # full-width digits: read as the code they show. Only ASCII digits make a UAI: `\d` also took « ٠٣٠١٧٤٦K »,
    # and a code kept with such digits never equals the file's (a false « exporté pour un autre établissement »).
    shown = unicodedata.normalize("NFKC", text or "")
    uai = "".join(char for char in shown if not char.isspace() and unicodedata.category(char) != "Cf").upper()
    if not uai:
        return Check(False, message=tr("Saisissez le code UAI de l'établissement (7 chiffres et une lettre, par "
                                       "exemple 0301746K)."))
    match = _UAI_SHAPE.match(uai)
    if not match:
        return Check(False, message=tr("Le code UAI comporte 7 chiffres suivis d'une lettre, par exemple 0301746K."))
    digits, letter = match.groups()
    expected = uai_check_letter(digits)
    if letter != expected:
        return Check(False,
                     message=tr("La lettre de contrôle ne correspond pas : pour {digits}, elle devrait être "
                                "« {expected} ». Vérifiez le code UAI.").format(digits=digits, expected=expected))
    return Check(True, uai)


def normalise_pronote_url(text: str, *, school_uai: str = "") -> Check:
    """The PRONOTE root as `https://host/pronote/`, whatever page or query the admin pasted.

    http is upgraded to https (PRONOTE hosting always serves https) except for loopback hosts: a training demo
    server on this computer, which no school uses for real, and nothing that leaves the machine. An accented host
    name is kept in its IDNA form (`xn--…`), with a warning that shows it: the address the probe asks and the CAS
    URL derived from it are then the ASCII one (before: refused, while its `xn--` form was accepted).
    """
    raw = (text or "").strip()
    if not raw:
        return Check(False, message=tr("Saisissez l'adresse de votre serveur PRONOTE, par exemple https://0301746K.index-education.net/pronote/."))
    if re.search(r"\s", raw):
        return Check(False, message=tr("L'adresse PRONOTE ne doit pas contenir d'espace ; copiez-la depuis la barre "
                                       "d'adresse du navigateur."))
    if "://" not in raw:
        if raw.lower().startswith(("javascript:", "mailto:", "file:", "data:")):
            return Check(False, message=tr("Cette adresse n'est pas une adresse web ; elle doit commencer par https://."))
        raw = "https://" + raw
    try:
        parts = urlsplit(raw)
        host = parts.hostname or ""
        port = parts.port
    except ValueError:
        return Check(False,
                     message=tr("Cette adresse n'est pas valide ; copiez-la depuis la barre d'adresse du navigateur."))
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https"):
        return Check(False, message=tr("L'adresse PRONOTE doit commencer par https://."))
    warnings: list[str] = []
    typed, host = host, ascii_host(host) or ""
    if host and host != typed:  # an accented name: the server check and the CAS URL use its IDNA form
        warnings.append(tr("Le nom du serveur « {typed} » s'écrit « {host} » dans une adresse web : c'est sous "
                           "cette forme que l'assistant l'utilise (contrôle du serveur, URL CAS).").format(
            typed=typed, host=host))
    if not host or not _valid_host(host):
        return Check(False, message=tr("L'adresse ne contient pas de nom de serveur valide, par exemple "
                                       "0301746K.index-education.net."))
    if parts.username or parts.password:
        return Check(False, message=tr("L'adresse PRONOTE ne doit pas contenir d'identifiant ni de mot de passe."))
    if scheme == "http" and not is_loopback(host):
        scheme = "https"
    segments = [s for s in parts.path.split("/") if s]
    if segments and _SPACE_PAGE.match(segments[-1]):
        segments.pop()
    if not any(s.lower() == "pronote" for s in segments):
        if segments:
            return Check(False, message=tr("L'adresse doit mener à la racine PRONOTE, qui se termine par /pronote/."))
        segments = ["pronote"]
        warnings.append(tr("« /pronote/ » a été ajouté à l'adresse : c'est la racine de PRONOTE sur ce serveur."))
    else:
        # Keep everything up to and including the first `pronote` segment: the root of the server.
        index = next(i for i, s in enumerate(segments) if s.lower() == "pronote")
        segments = segments[: index + 1]
    netloc = host if ":" not in host else f"[{host}]"
    if port and not ((scheme == "https" and port == 443) or (scheme == "http" and port == 80)):
        netloc += f":{port}"
    url = urlunsplit((scheme, netloc, "/" + "/".join(segments) + "/", "", ""))
    host_uai = uai_in_host(host)
    if school_uai and host_uai and host_uai != school_uai.upper():
        warnings.append(tr("L'adresse désigne le serveur de l'établissement {host_uai}, "
                           "différent de votre UAI {school_uai} : vérifiez que c'est bien votre "
                           "serveur PRONOTE.").format(host_uai=host_uai, school_uai=school_uai.upper()))
    return Check(True, url, warnings=tuple(warnings))


def uai_in_host(host: str) -> str:
    """The UAI a hosted server carries in its name (`0301746K.index-education.net`), if any."""
    first = host.split(".")[0].upper()
    return first if _UAI_SHAPE.match(first) else ""


def cas_url(pronote_url: str) -> str:
    """The « URL CAS de PRONOTE »: every page under the root, as an Ant-style pattern."""
    return pronote_url.rstrip("/") + "/**"


def _valid_host(host: str) -> bool:
    return is_loopback(host) or is_ip_address(host) or is_host_name(host.rstrip("."))


def check_ent_site(text: str) -> Check:
    """The school's ENT site (optional): `https://<slug>.<the ENT's domain>/`, reduced to its root."""
    raw = (text or "").strip()
    if not raw:
        return Check(True, "")
    if re.search(r"\s", raw):
        return Check(False, message=tr("L'adresse du site ENT ne doit pas contenir d'espace."))
    if "://" not in raw:
        raw = "https://" + raw
    try:
        parts = urlsplit(raw)
        host = (parts.hostname or "").lower()
    except ValueError:
        return Check(False, message=tr("L'adresse du site ENT n'est pas valide."))
    if parts.scheme.lower() not in ("http", "https") or not host or not _valid_host(host):
        return Check(False, message=tr("L'adresse du site ENT doit ressembler à "
                                       "{site_example}.").format(site_example=load_ent().site_example))
    return Check(True, f"https://{host}/")


class IdentityValues(TypedDict):
    """What the pages show and copy of the school: the typed values, normalised, and the CAS URL they give."""

    name: str
    uai: str
    pronote_url: str
    cas_url: str
    pronote_version: str
    ent_site_url: str


def identity_values(identity: Identity) -> IdentityValues:
    """The values other pages show and copy, derived from what the admin typed (never typed twice)."""
    uai = check_uai(identity.get("uai", ""))
    url = normalise_pronote_url(identity.get("pronote_url", ""), school_uai=uai.value)
    ent = check_ent_site(identity.get("ent_site_url", ""))
    return {
        "name": (identity.get("name") or "").strip(),
        "uai": uai.value,
        "pronote_url": url.value,
        "cas_url": cas_url(url.value) if url.ok else "",
        "pronote_version": (identity.get("pronote_version") or "").strip(),
        "ent_site_url": ent.value,
    }
