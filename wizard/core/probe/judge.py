"""What the server's answer means: pure functions over what the transport read, no network here.

A PRONOTE server answers `InfoMobileApp.json` with a JSON object carrying `version` (integers, year first) and
the school's name and spaces (DOMAIN.md, « The PRONOTE server »). Anything else – a portal's HTML page, other
JSON, a truncated answer – is « not a PRONOTE server », whatever the HTTP status says.

The answer comes from a server the admin typed, so it is read as hostile: JSON nested deeper than any PRONOTE
answer is refused before the parser sees it (the parser recurses: a million brackets would end in
RecursionError), and what the server says is kept to sizes a PRONOTE server uses (name, version, spaces).
These sentences state facts; verdict.py adds what they mean for the page that asked.
"""
from __future__ import annotations

import json
from typing import Any
from urllib.parse import urljoin, urlsplit

from wizard.core import safejson
from wizard.core.dates import day, today
from wizard.core.i18n import tr, tr_noop
from wizard.core.outcomes import (
    CAS_INACTIVE,
    CAS_OTHER,
    DELEGATED,
    HTTP_ERROR,
    NOT_PRONOTE,
    REDIRECTED,
    REFUSED_URL,
    UNREACHABLE,
)
from wizard.core.probe.answer import Answer, ProbeFailure
from wizard.core.probe.result import ProbeResult, Space
from wizard.core.safetext import encodable, without_lone_surrogates
from wizard.core.text import one_line

# genreEspace → the space's page name under the PRONOTE root (eleve.html…), stable ids for JSON and pages.
SPACE_KINDS = {6: "eleve", 7: "parent", 8: "professeur", 14: "viescolaire", 17: "direction", 26: "accompagnant",
               39: "entreprise"}

_STATUS_MEANINGS = {
    400: tr_noop("requête refusée"),
    401: tr_noop("authentification demandée"),
    403: tr_noop("accès interdit"),
    404: tr_noop("page introuvable"),
    405: tr_noop("méthode refusée"),
    408: tr_noop("délai dépassé côté serveur"),
    410: tr_noop("page supprimée"),
    429: tr_noop("trop de requêtes"),
    500: tr_noop("erreur interne du serveur"),
    502: tr_noop("passerelle en erreur"),
    503: tr_noop("service indisponible"),
    504: tr_noop("passerelle sans réponse"),
}


def format_version(numbers: list[int]) -> str:
    """[2024, 2, 5] → « 2024 – 2.5 », the way PRONOTE shows its version (year, en dash, then the release)."""
    year, rest = numbers[0], numbers[1:]
    return f"{year} – {'.'.join(str(n) for n in rest)}" if rest else str(year)


MAX_JSON_DEPTH = 32  # InfoMobileApp.json nests 3 deep (object → espaces → space)
MAX_NAME = 200  # characters kept of the school's name and of a space's name
MAX_SPACES = 50  # PRONOTE lists about ten spaces
MAX_VERSION_NUMBERS = 8  # « 2024, 2, 5 »: year and release

# Parsing outcomes of a body.
JSON_OK, JSON_INVALID, JSON_TOO_DEEP = "ok", "invalid", "too_deep"


def read_json(body: bytes) -> tuple[str, object]:
    """(JSON_OK, value), (JSON_INVALID, None) or (JSON_TOO_DEEP, None) – never an exception."""
    try:
        # As json.loads(bytes) does: UTF-8 (with or without BOM), UTF-16 or UTF-32, by the first bytes.
        text = body.decode(json.detect_encoding(body), "surrogatepass")
    except (UnicodeDecodeError, LookupError):
        return JSON_INVALID, None
    try:
        return JSON_OK, safejson.loads(text, MAX_JSON_DEPTH)
    except safejson.TooDeep:
        return JSON_TOO_DEEP, None
    except (ValueError, RecursionError):  # RecursionError: a second line, should the depth count miss a case
        return JSON_INVALID, None


def parse_info(body: bytes) -> dict[str, Any] | None:
    """The InfoMobileApp object when the body is one, else None (HTML, other JSON, truncated JSON…)."""
    kind, data = read_json(body)
    return _info(data) if kind == JSON_OK else None


def _info(data: object) -> dict[str, Any] | None:
    if not isinstance(data, dict):
        return None
    version = data.get("version")
    if not (isinstance(version, list) and 0 < len(version) <= MAX_VERSION_NUMBERS
            and all(type(n) is int and 0 <= n < 1_000_000 for n in version)):
        return None  # type() on purpose: JSON true/false are ints to isinstance
    if not (isinstance(data.get("nomEtab"), str) or isinstance(data.get("espaces"), list)):
        return None
    return data


def judge_answer(answer: Answer, *, root: str, cas_host: str, ent_name: str,
                 warnings: tuple[str, ...] = ()) -> ProbeResult:
    def answered(outcome: str, message: str) -> ProbeResult:
        return ProbeResult(root, outcome, reachable=True, is_pronote=False, message=message, warnings=warnings)

    if answer.redirect:
        if answer.redirect_invalid:
            return answered(REDIRECTED, tr("Le serveur renvoie vers une adresse invalide : ce n'est pas la réponse "
                "d'un serveur PRONOTE."))
        # Only the host goes into the sentence: the rest of a Location header is the server's text, not ours.
        target = _shorten(_host(answer.redirect), 100) or tr("adresse inconnue")
        if answer.redirects_exhausted:
            return answered(REDIRECTED, tr("Le serveur renvoie de page en page sans jamais répondre (trop de "
                "redirections) : ce n'est pas la réponse d'un serveur PRONOTE."))
        return answered(REDIRECTED, tr("Le serveur renvoie vers un autre serveur ({host}) ; l'assistant ne suit pas "
            "cette redirection. Vérifiez l'adresse PRONOTE : elle mène peut-être à un portail ou à une page de "
            "connexion.").format(host=target))
    if not 200 <= answer.status < 300:
        return answered(HTTP_ERROR, status_sentence(answer.status))
    if answer.over_limit:
        return answered(NOT_PRONOTE, tr("Le serveur a envoyé une réponse bien trop volumineuse pour être celle de "
            "PRONOTE : ce n'est pas un serveur PRONOTE, ou l'adresse est incorrecte."))
    kind, data = read_json(answer.body)
    info = _info(data) if kind == JSON_OK else None
    if info is None:
        return answered(NOT_PRONOTE, _not_pronote_sentence(answer, kind))
    return _judge_pronote(info, root=root, cas_host=cas_host, ent_name=ent_name, warnings=warnings)


def status_sentence(status: int) -> str:
    meaning = _STATUS_MEANINGS.get(status)
    if meaning is None:
        meaning = (tr_noop("erreur du serveur") if status >= 500 else tr_noop("requête refusée") if status >= 400
                   else tr_noop("réponse inattendue"))
    sentence = tr("Le serveur a répondu {status} ({meaning}).").format(status=status, meaning=tr(meaning))
    if status in (404, 410):
        sentence += tr(" Ce n'est sans doute pas l'adresse d'un serveur PRONOTE : vérifiez-la.")
    elif status >= 500:
        sentence += tr(" Le serveur PRONOTE est peut-être en maintenance : réessayez plus tard.")
    return sentence


def _not_pronote_sentence(answer: Answer, kind: str) -> str:
    content_type = answer.headers.get("content-type", "").lower()
    start = answer.body.lstrip()[:1]
    if kind == JSON_TOO_DEEP:
        return tr("Le serveur a envoyé un JSON imbriqué bien plus profondément que celui de PRONOTE : ce n'est pas une "
            "réponse PRONOTE.")
    if "html" in content_type or start == b"<":
        return tr("Le serveur a répondu par une page web, pas comme un serveur PRONOTE : l'adresse mène peut-être à un "
            "portail ou à une page de connexion.")
    if kind == JSON_OK:
        return tr("Le serveur a répondu en JSON, mais pas comme un serveur PRONOTE : vérifiez l'adresse.")
    if start in (b"{", b"["):
        return tr("Le serveur a envoyé une réponse JSON incomplète ou invalide : ce n'est pas la réponse d'un serveur "
            "PRONOTE.")
    if not answer.body.strip():
        return tr("Le serveur a envoyé une réponse vide : ce n'est pas un serveur PRONOTE.")
    return tr("La réponse du serveur n'est pas celle d'un serveur PRONOTE : vérifiez l'adresse.")


def _judge_pronote(info: dict[str, Any], *, root: str, cas_host: str, ent_name: str,
                   warnings: tuple[str, ...]) -> ProbeResult:
    version = format_version(info["version"])
    name = _shorten(one_line(info["nomEtab"]), MAX_NAME) if isinstance(info.get("nomEtab"), str) else ""
    cas = info.get("CAS")
    cas = cas if isinstance(cas, dict) else {}
    cas_active = cas.get("actif") is True
    server_cas_host = _shorten(_host(cas.get("casURL")), 100)
    delegated = cas_active and bool(server_cas_host) and server_cas_host == cas_host.lower().rstrip(".")
    server = (tr("Serveur PRONOTE {version} de l'établissement « {name} »").format(version=version, name=name) if name
              else tr("Serveur PRONOTE {version}").format(version=version))
    if delegated:
        outcome = DELEGATED
        message = tr("{server} ; l'authentification est déléguée à {ent_name} ({cas_host}).").format(
            server=server, ent_name=ent_name, cas_host=server_cas_host)
    elif not cas_active:
        outcome = CAS_INACTIVE
        message = tr("{server} ; CAS inactif : l'authentification n'est déléguée à aucun ENT (la publication n'a pas "
            "encore été faite, ou n'est pas encore prise en compte).").format(server=server)
    elif server_cas_host:
        outcome = CAS_OTHER
        message = tr("{server} ; CAS vers un autre ENT : {cas_host}.").format(server=server, cas_host=server_cas_host)
    else:
        outcome = CAS_OTHER
        message = tr("{server} ; CAS actif, mais le serveur n'indique pas l'adresse de son serveur CAS.").format(
            server=server)
    return ProbeResult(
        root, outcome, reachable=True, is_pronote=True, message=message, school_name=name or None, version=version,
        cas_active=cas_active, cas_host=server_cas_host or None, delegated_to_ent=delegated,
        spaces=_spaces(info.get("espaces"), root), warnings=warnings,
    )


def _spaces(raw: object, root: str) -> tuple[Space, ...]:
    spaces = []
    for item in raw[:MAX_SPACES] if isinstance(raw, list) else []:
        if not isinstance(item, dict):
            continue
        code = item.get("genreEspace")
        code = code if type(code) is int else None
        page = item.get("URL", item.get("url"))
        spaces.append(Space(
            nom=_shorten(one_line(str(item.get("nom") or "")), MAX_NAME),
            url=_space_url(root, page),
            genre=SPACE_KINDS.get(code, str(code)) if code is not None else "",
            genre_code=code,
            delegation=item.get("avecDelegation") is True,
        ))
    return tuple(spaces)


def _space_url(root: str, page: object) -> str:
    """PRONOTE lists its pages relative to the root; anything that is not a page under it is left out."""
    if not isinstance(page, str) or not page or len(page) > MAX_NAME:
        return ""
    try:
        url = urljoin(root, page)
    except ValueError:
        return ""
    return _shorten(url, 500) if url.startswith(root) else ""


def _shorten(text: str, limit: int) -> str:
    """What the server says, bounded and encodable (a lone surrogate, « \\udcff », is valid JSON). Its control
    characters stay, for the console to show as escapes (commands/console.py); the progress makes the text plain
    where it enters the document (safetext.py)."""
    text = text if encodable(text) else without_lone_surrogates(text)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _host(url: object) -> str:
    if not isinstance(url, str) or not url.strip():
        return ""
    try:
        return (urlsplit(url.strip()).hostname or "").lower().rstrip(".")
    except ValueError:
        return ""


_FAILURES = {
    "dns": tr_noop("Le serveur {host} est introuvable : vérifiez l'adresse PRONOTE et la connexion à Internet."),
    "dns_timeout": tr_noop("La recherche du serveur {host} n'a pas abouti (délai de {seconds} s dépassé) : vérifiez la "
        "connexion à Internet, puis réessayez."),
    "refused": tr_noop("Le serveur {host} refuse la connexion : le service n'est peut-être pas démarré, ou l'adresse "
        "(le port) est incorrecte."),
    "timeout": tr_noop("Le serveur {host} ne répond pas (délai de {seconds} s dépassé) : réessayez plus tard, ou "
        "vérifiez l'adresse et la connexion à Internet."),
    "closed": tr_noop("Le serveur {host} a fermé la connexion sans répondre."),
    "network": tr_noop("Impossible de joindre le serveur {host} : vérifiez la connexion à Internet."),
    "cert_untrusted": tr_noop("Le certificat du serveur {host} n'est pas reconnu comme sûr (autorité de certification "
        "inconnue) : la connexion a été interrompue."),
    # Validity is judged by this PC's clock: a clock off by years (a flat battery) makes every certificate look so.
    "cert_expired": tr_noop("Le certificat du serveur {host} a expiré ou n'est pas encore valide : la connexion a été "
        "interrompue. Vérifiez aussi la date de cet ordinateur (le {today}) : si elle est fausse, un certificat "
        "valide paraît expiré."),
    "cert_wrong_host": tr_noop("Le certificat présenté n'est pas celui de {host} : la connexion a été interrompue. "
        "Vérifiez l'adresse PRONOTE."),
    "tls": tr_noop("La connexion sécurisée (https) avec {host} a échoué : le serveur ne parle peut-être pas https à "
        "cette adresse."),
    # The proxy: each sentence names it (host and port, never the credentials) and says where to act.
    "proxy_invalid": tr_noop("Le réglage du proxy n'est pas valide (il doit ressembler à "
        "http://proxy.etablissement.fr:3128) : rien n'a été envoyé. Corrigez-le dans les réglages de l'assistant ou du "
        "système."),
    "proxy_unsupported": tr_noop("Le proxy {proxy} n'est pas un proxy web en http:// (SOCKS ou https://), que "
        "l'assistant ne sait pas utiliser : rien n'a été envoyé. Indiquez le proxy web de l'établissement dans les "
        "réglages de l'assistant."),
    "proxy_dns": tr_noop("Le proxy {proxy} est introuvable : vérifiez son nom dans les réglages (de l'assistant ou du "
        "système) et la connexion au réseau."),
    "proxy_refused": tr_noop("Le proxy {proxy} refuse la connexion : vérifiez son adresse et son port dans les "
        "réglages (de l'assistant ou du système)."),
    "proxy_unreachable": tr_noop("Impossible de joindre le proxy {proxy} : vérifiez la connexion au réseau de "
        "l'établissement."),
    "proxy_timeout": tr_noop("Le proxy {proxy} ne répond pas (délai de {seconds} s dépassé) : réessayez plus tard, ou "
        "vérifiez le réglage du proxy."),
    "proxy_protocol": tr_noop("Le proxy {proxy} n'a pas répondu comme un proxy web : vérifiez son adresse et son port "
        "dans les réglages (de l'assistant ou du système)."),
    "proxy_auth": tr_noop("Le proxy {proxy} demande un identifiant et un mot de passe : indiquez-les dans les réglages "
        "de l'assistant, sous la forme http://identifiant:motdepasse@{proxy}."),
    "proxy_auth_rejected": tr_noop("Le proxy {proxy} a refusé l'identifiant ou le mot de passe indiqué : vérifiez-les "
        "dans les réglages de l'assistant."),
    "proxy_auth_unsupported": tr_noop("Le proxy {proxy} demande une authentification Windows (NTLM ou Kerberos), que "
        "l'assistant ne sait pas faire : demandez au responsable du réseau d'autoriser l'accès à {host} sans "
        "authentification, ou un identifiant utilisable en authentification simple."),
    "proxy_denied": tr_noop("Le proxy {proxy} refuse l'accès au serveur {host} (réponse {status}) : demandez au "
        "responsable du réseau de l'établissement d'autoriser ce serveur."),
    "proxy_failed": tr_noop("Le proxy {proxy} n'a pas pu joindre le serveur {host} (réponse {status}) : vérifiez "
        "l'adresse PRONOTE, ou réessayez plus tard."),
}

# Said after « not trusted » when the check went through a proxy: a proxy that inspects https presents its own
# certificate, which the system trusts only once the académie's certificate is installed in its store.
_INSPECTING_PROXY = tr_noop("Si le proxy {proxy} de l'établissement inspecte les connexions https, son certificat doit "
    "être installé dans le magasin de certificats du système.")


def seconds_text(seconds: float) -> str:
    """15 → « 15 », 0.5 → « 0,5 »: French decimals, and the delay that really expired."""
    return f"{seconds:g}".replace(".", ",")


def judge_failure(failure: ProbeFailure, *, root: str, warnings: tuple[str, ...] = ()) -> ProbeResult:
    if failure.reason == "protocol":
        # Bytes came back, so something listens there – just not a web server, let alone PRONOTE.
        return ProbeResult(root, NOT_PRONOTE, reachable=True, is_pronote=False, reason=failure.reason,
                           message=tr("Le serveur {host} a répondu, mais pas comme un serveur web : ce n'est pas un "
                               "serveur PRONOTE.").format(host=failure.host),
                           warnings=warnings)
    template = _FAILURES.get(failure.reason, _FAILURES["network"])
    values = {"host": failure.host, "seconds": seconds_text(failure.seconds), "proxy": failure.proxy,
              "status": failure.status, "today": day(today())}
    message = tr(template).format(**values)
    if failure.reason == "cert_untrusted" and failure.proxy:
        message += " " + tr(_INSPECTING_PROXY).format(**values)
    return ProbeResult(root, UNREACHABLE, reachable=False, is_pronote=False, message=message, reason=failure.reason,
                       warnings=warnings)


def refused_url(text: str, message: str) -> ProbeResult:
    """The address was refused for its shape: the sentence says so, and that nothing left the computer."""
    return ProbeResult(text, REFUSED_URL, reachable=False, is_pronote=False, reason="refused_url",
                       message=tr("{message} Rien n'a été envoyé.").format(message=message))
