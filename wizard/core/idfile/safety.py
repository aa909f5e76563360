"""Safe parsing: no DTD, no entities, no network, bounded size, and refusals past the caps of `limits`.

The identifier file comes from outside (a USB stick, a mail attachment), so it is treated as hostile: a DOCTYPE
declaring entities (billion laughs, external entities reading local files or calling a server) or pointing at an
external DTD is refused before lxml sees it, and lxml is configured so that it could not act on one anyway.
"""
from __future__ import annotations

import errno
import io
import os
import re
import stat
from collections.abc import Iterable
from pathlib import Path
from typing import Literal

from lxml import etree

from wizard.core.i18n import tr
from wizard.core.idfile.findings import IdFileError
from wizard.core.idfile.limits import MAX_FILE_SIZE

# What may precede the root element: spaces, the declaration, processing instructions, comments, a DOCTYPE. A
# DOCTYPE stops at its first « > » or « [ »: an internal subset is refused whatever it holds, so it need not be
# matched (matching it with nested brackets was exponential on « [][][]… »).
_DOCTYPE = re.compile(r"<!DOCTYPE[^\[>]*[\[>]", re.IGNORECASE)
_PROLOG_ITEM = re.compile(r"\s+|<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^\[>]*[\[>]", re.DOTALL | re.IGNORECASE)

_NONBLOCK = getattr(os, "O_NONBLOCK", 0)  # opening a FIFO must not wait for a writer
_BINARY = getattr(os, "O_BINARY", 0)


def pull_parser(*, events: Iterable[Literal["start", "end"]], encoding: str | None = None) -> etree.XMLPullParser:
    """Every parser of the identifier file. Comments and processing instructions are not kept in the tree (nothing
    would free them), nor xml:id values in the document's table of identifiers."""
    return etree.XMLPullParser(events=events, encoding=encoding, resolve_entities=False, no_network=True,
                               load_dtd=False, dtd_validation=False, huge_tree=False, remove_comments=True,
                               remove_pis=True, collect_ids=False)


def open_regular(path: Path) -> tuple[io.FileIO, int]:
    """The open file and its size, or the French reason it cannot be read. Checked on the open file itself, so a
    name swapped for a FIFO or a device between a check and the opening is still refused, and nothing blocks."""
    name = path.name or str(path)
    try:
        descriptor = os.open(path, os.O_RDONLY | _NONBLOCK | _BINARY)
    except FileNotFoundError:
        raise IdFileError(tr("Le fichier « {name} » est introuvable : vérifiez le dossier choisi "
                             "lors de l'export.").format(name=name), code="fichier_introuvable") from None
    except OSError as error:
        # ENOTDIR: a folder on the way is a file; EINVAL: Windows refuses the name itself (a control character,
        # « : » or « ? » in it): no such file can exist there.
        if error.errno in (errno.ENOTDIR, errno.EINVAL):
            raise IdFileError(tr("Le fichier « {name} » est introuvable : vérifiez le dossier choisi "
                                 "lors de l'export.").format(name=name), code="fichier_introuvable") from None
        if error.errno in (errno.EISDIR, errno.EACCES) and path.is_dir():  # Windows cannot open a folder as a file
            raise _folder(name) from None
        raise IdFileError(tr("Le fichier « {name} » ne peut pas être ouvert (droits d'accès ou "
                             "disque indisponible).").format(name=name), code="fichier_illisible") from None
    try:
        info = os.fstat(descriptor)
        if stat.S_ISDIR(info.st_mode):
            raise _folder(name)
        if not stat.S_ISREG(info.st_mode):
            raise IdFileError(tr("« {name} » n'est pas un fichier ordinaire.").format(name=name), code="pas_un_fichier")
        if info.st_size == 0:
            raise IdFileError(tr("Le fichier « {name} » est vide : l'export PRONOTE n'a sans "
                                 "doute pas abouti.").format(name=name), code="fichier_vide")
        if info.st_size > MAX_FILE_SIZE:
            raise too_big(name, info.st_size)
        handle = io.FileIO(descriptor, "rb", closefd=True)
    except BaseException:
        os.close(descriptor)
        raise
    return handle, info.st_size


def _folder(name: str) -> IdFileError:
    return IdFileError(tr("« {name} » est un dossier : choisissez le fichier des identifiants exporté de PRONOTE "
                          "qu'il contient.").format(name=name), code="pas_un_fichier")


def too_big(name: str, size: int) -> IdFileError:
    return IdFileError(tr("Le fichier « {name} » est beaucoup trop gros ({size} Mo) pour un export "
                          "d'identifiants PRONOTE.").format(name=name, size=size // (1024 * 1024)),
                       code="fichier_trop_gros")


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
    for match in _DOCTYPE.finditer(prolog):
        line = prolog.count("\n", 0, match.start()) + 1
        body = match.group(0)
        subset = body.endswith("[")  # an internal subset: whatever it declares, PRONOTE never writes one
        if subset and "<!ENTITY" in text[match.end():].upper():
            raise unsafe(line, tr("il déclare des entités XML"))
        if re.search(r"\b(SYSTEM|PUBLIC)\b", body):
            raise unsafe(line, tr("il fait appel à une DTD externe"))
        if subset:
            raise unsafe(line, tr("il contient des déclarations DTD"))
    if rest.startswith("<!DOCTYPE"):  # not closed within the head: enormous or broken, either way not PRONOTE's
        raise unsafe(prolog.count("\n") + 1, tr("sa déclaration DOCTYPE est démesurée ou incomplète"))


def check_docinfo(element: etree._Element) -> None:
    """The same rule, asked of lxml once parsing has started (in case the prolog was not decoded as lxml did)."""
    info = element.getroottree().docinfo
    dtd = info.internalDTD
    if info.system_url or info.public_id:
        raise unsafe(None, tr("il fait appel à une DTD externe"))
    if dtd is not None and (any(True for _ in dtd.iterentities()) or any(True for _ in dtd.iterelements())):
        raise unsafe(None, tr("il contient des déclarations DTD"))


def unsafe(line: int | None, reason: str) -> IdFileError:
    return IdFileError(tr("Fichier refusé par sécurité : {reason} ; l'assistant ne lit pas un tel "
                          "fichier.").format(reason=reason), code="fichier_dangereux", line=line)


def syntax_problem(error: etree.XMLSyntaxError, encoding_label: str, at_end: bool,
                   cut_character: bool = False) -> IdFileError:
    """libxml2's error as one French sentence and a stable code; `at_end`: it came at the very end of the file,
    which is what a copy or an export cut short looks like; `cut_character`: the file ends inside a character."""
    text = str(error.msg or error)
    line = error.lineno or None
    if "depth" in text.lower():
        return too_deep(line)
    if "Resource limit" in text or "huge" in text.lower():
        return too_long(line)
    if "ntity" in text:
        return unsafe(line, tr("il utilise des entités XML"))
    if "Unsupported encoding" in text or "unknown encoding" in text.lower():
        return IdFileError(tr("L'encodage déclaré par le fichier ({encoding}) "
                              "n'est pas reconnu.").format(encoding=encoding_label), code="encodage_inconnu", line=line)
    if "Extra content at the end" in text or "XML declaration allowed only at the start" in text:
        # Two exports put end to end (a copy appended to the old file), or text written after the export: the
        # file goes on after its end – not cut short, which is what « tronqué » said (before).
        return IdFileError(tr("Le fichier continue après la fin du document XML (deux exports mis bout à bout, ou un "
                              "ajout après l'export) : réexportez-le depuis PRONOTE."),
                           code="contenu_apres_la_fin", line=line)
    if at_end and (cut_character or "Incomplete UTF-8" in text):  # cut inside a character: cut short, not mis-encoded
        return truncated(line)
    if "invalid char" in text.lower() or "out of allowed range" in text:
        return IdFileError(tr("Le fichier contient un caractère interdit en XML (octet nul ou caractère de contrôle) : "
                              "ce n'est pas un export PRONOTE intact."), code="caractere_interdit", line=line)
    if "encoding" in text.lower() or "UTF-8" in text or "Input is not proper" in text:
        return IdFileError(tr("Le fichier contient des caractères qui ne correspondent pas à son encodage "
                              "({encoding}) : réexportez-le depuis PRONOTE.").format(encoding=encoding_label),
                           code="encodage_invalide", line=line)
    if at_end:
        return truncated(line)
    return IdFileError(tr("Le fichier n'est pas un XML valide (erreur de structure) : ce n'est pas un export "
                          "PRONOTE intact."), code="xml_invalide", line=line)


def truncated(line: int | None) -> IdFileError:
    return IdFileError(tr("Le fichier XML est incomplet (tronqué) : l'export ou la copie n'est pas allé jusqu'au "
                          "bout ; réexportez-le."), code="xml_tronque", line=line)


def too_deep(line: int | None) -> IdFileError:
    return IdFileError(tr("Fichier refusé : ses éléments sont imbriqués bien trop profondément pour un "
                          "export PRONOTE."), code="imbrication_excessive", line=line)


def too_long(line: int | None) -> IdFileError:
    return IdFileError(tr("Fichier refusé : il contient un texte ou une balise démesurés ; l'assistant ne lit pas "
                          "un tel fichier."), code="texte_trop_long", line=line)


def too_many_attributes(line: int | None) -> IdFileError:
    return IdFileError(tr("Fichier refusé : un de ses éléments porte des centaines d'attributs ; l'assistant ne lit "
                          "pas un tel fichier."), code="attributs_trop_nombreux", line=line)


def too_many_names(line: int | None) -> IdFileError:
    return IdFileError(tr("Fichier refusé : il emploie bien trop de noms d'éléments ou d'attributs différents (ou des "
                          "noms démesurés) pour un export PRONOTE."), code="noms_trop_nombreux", line=line)


def too_many_declarations(line: int | None) -> IdFileError:
    return IdFileError(tr("Fichier refusé : il contient bien trop de déclarations d'espaces de noms ou d'instructions "
                          "de traitement pour un export PRONOTE."), code="declarations_trop_nombreuses", line=line)


def too_many_people(line: int | None, limit: int) -> IdFileError:
    return IdFileError(tr("Fichier refusé : il contient plus de {limit} personnes, bien plus "
                          "qu'aucun établissement.").format(limit=f"{limit:,}".replace(",", " ")),
                       code="personnes_trop_nombreuses", line=line)
