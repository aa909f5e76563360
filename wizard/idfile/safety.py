"""Safe parsing: no DTD, no entities, no network, bounded size and depth.

The identifier file comes from outside (a USB stick, a mail attachment), so it is treated as hostile: a DOCTYPE
declaring entities (billion laughs, external entities reading local files or calling a server) or pointing at an
external DTD is refused before lxml sees it, and lxml is configured so that it could not act on one anyway.
"""
from __future__ import annotations

import re
from pathlib import Path

from lxml import etree

from wizard.i18n import tr
from wizard.idfile.findings import IdFileError

MAX_FILE_SIZE = 200 * 1024 * 1024  # a large cité scolaire is a few MB; 200 MB is far beyond any real export
MAX_DEPTH = 64  # real layouts are 3 to 6 levels deep (libxml2 alone would stop at 256)
MAX_TEXT = 100_000  # characters in one field; a name is never that long (libxml2 alone would stop at 10 MB)
MAX_PROLOG = 64 * 1024  # what precedes the root element: a declaration and perhaps a comment

# Every parser of the identifier file is built from these options (also used by the benchmark's bare pass).
PARSER_OPTIONS = dict(resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False, huge_tree=False)

# What may precede the root element: spaces, the declaration, processing instructions, comments, a DOCTYPE.
_DOCTYPE = r"<!DOCTYPE(?:[^\[>]|\[.*?\])*>"
_PROLOG_ITEM = re.compile(r"\s+|<\?.*?\?>|<!--.*?-->|" + _DOCTYPE, re.DOTALL | re.IGNORECASE)


def pull_parser(*, events: tuple[str, ...], tag=None, encoding: str | None = None) -> etree.XMLPullParser:
    return etree.XMLPullParser(events=events, tag=tag, encoding=encoding, **PARSER_OPTIONS)


def check_path(path: Path) -> int:
    """The file's size, or the French reason it cannot be opened."""
    name = path.name or str(path)
    try:
        if path.is_dir():
            raise IdFileError(tr("« {name} » est un dossier : choisissez le fichier IdPN_To_KOSMOS.xml qu'il contient.").format(name=name), code="pas_un_fichier")
        size = path.stat().st_size
    except FileNotFoundError:
        raise IdFileError(tr("Le fichier « {name} » est introuvable : vérifiez le dossier choisi lors de l'export.").format(name=name), code="fichier_introuvable") from None
    except OSError:
        raise IdFileError(tr("Le fichier « {name} » ne peut pas être ouvert (droits d'accès ou disque indisponible).").format(name=name), code="fichier_illisible") from None
    if not path.is_file():
        raise IdFileError(tr("« {name} » n'est pas un fichier ordinaire.").format(name=name), code="pas_un_fichier")
    if size == 0:
        raise IdFileError(tr("Le fichier « {name} » est vide : l'export PRONOTE n'a sans doute pas abouti.").format(name=name), code="fichier_vide")
    if size > MAX_FILE_SIZE:
        raise IdFileError(tr("Le fichier « {name} » est beaucoup trop gros ({size} Mo) pour un export d'identifiants PRONOTE.").format(name=name, size=size // (1024 * 1024)), code="fichier_trop_gros")
    return size


def root_start(text: str) -> int:
    """Where the root element starts in the decoded head of the file (its end when not found)."""
    position = 0
    while match := _PROLOG_ITEM.match(text, position):
        if match.end() == position:
            break
        position = match.end()
    return position


def check_prolog(text: str, root: int) -> None:
    """Refuses a DOCTYPE that declares anything or points outside; a bare `<!DOCTYPE name>` is harmless."""
    prolog = text[:root]
    rest = text[root: root + 9].upper()
    for match in re.finditer(_DOCTYPE, prolog, re.DOTALL | re.IGNORECASE):
        line = prolog.count("\n", 0, match.start()) + 1
        body = match.group(0)
        if "<!ENTITY" in body.upper():
            raise unsafe(line, tr("il déclare des entités XML"))
        if re.search(r"\b(SYSTEM|PUBLIC)\b", body.split("[", 1)[0]):
            raise unsafe(line, tr("il fait appel à une DTD externe"))
        if "[" in body:
            raise unsafe(line, tr("il contient des déclarations DTD"))
    if rest.startswith("<!DOCTYPE"):  # not closed within the head: enormous or broken, either way not PRONOTE's
        raise unsafe(prolog.count("\n") + 1, tr("sa déclaration DOCTYPE est démesurée ou incomplète"))


def check_docinfo(element) -> None:
    """The same rule, asked of lxml once parsing has started (in case the prolog was not decoded as lxml did)."""
    info = element.getroottree().docinfo
    dtd = info.internalDTD
    if info.system_url or info.public_id:
        raise unsafe(None, tr("il fait appel à une DTD externe"))
    if dtd is not None and (any(True for _ in dtd.iterentities()) or any(True for _ in dtd.iterelements())):
        raise unsafe(None, tr("il contient des déclarations DTD"))


def unsafe(line: int | None, reason: str) -> IdFileError:
    return IdFileError(tr("Fichier refusé par sécurité : {reason}, ce que ne fait jamais un export PRONOTE.").format(reason=reason), code="fichier_dangereux", line=line)


def syntax_problem(error: etree.XMLSyntaxError, encoding_label: str, at_end: bool) -> IdFileError:
    """libxml2's error as one French sentence and a stable code; `at_end`: it came at the very end of the file,
    which is what a copy or an export cut short looks like."""
    text = str(error.msg or error)
    line = error.lineno or None
    if "depth" in text.lower():
        return too_deep(line)
    if "Resource limit" in text or "huge" in text.lower():
        return too_long(line)
    if "ntity" in text:
        return unsafe(line, tr("il utilise des entités XML"))
    if "Unsupported encoding" in text or "unknown encoding" in text.lower():
        return IdFileError(tr("L'encodage déclaré par le fichier ({encoding}) n'est pas reconnu.").format(encoding=encoding_label), code="encodage_inconnu", line=line)
    if "encoding" in text.lower() or "UTF-8" in text or "Input is not proper" in text:
        return IdFileError(tr("Le fichier contient des caractères qui ne correspondent pas à son encodage ({encoding}) : réexportez-le depuis PRONOTE.").format(encoding=encoding_label), code="encodage_invalide", line=line)
    if at_end:
        return IdFileError(tr("Le fichier XML est incomplet (tronqué) : l'export ou la copie n'est pas allé jusqu'au bout ; réexportez-le."), code="xml_tronque", line=line)
    return IdFileError(tr("Le fichier n'est pas un XML valide (erreur de structure) : ce n'est pas un export PRONOTE intact."), code="xml_invalide", line=line)


def too_deep(line: int) -> IdFileError:
    return IdFileError(tr("Fichier refusé : ses éléments sont imbriqués bien trop profondément pour un export PRONOTE."), code="imbrication_excessive", line=line)


def too_long(line: int) -> IdFileError:
    return IdFileError(tr("Fichier refusé : il contient un texte démesuré, ce que ne fait jamais un export PRONOTE."), code="texte_trop_long", line=line)
