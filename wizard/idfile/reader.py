"""One streaming pass over the identifier file: safety checks, encoding, layout, and every person handed on.

The file is read in chunks that feed lxml, the SHA-256 and the progress at once, so it is read only once (twice
when an undeclared file turns out not to be UTF-8 and is read again as Windows-1252).
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from lxml import etree

from wizard.i18n import tr
from wizard.idfile import encoding, layouts, names, safety
from wizard.idfile.findings import Cancelled, IdFileError, retried_windows1252

CHUNK = 64 * 1024  # small enough for a fluid progress bar and few elements alive at once


@dataclass
class Scan:
    layout: str
    layout_label: str
    encoding: str
    mapping: dict
    export_date: tuple[str, int] | None  # raw text and line
    uais: list[tuple[str, int]]
    findings: list = field(default_factory=list)
    sha256: str = ""
    size: int = 0
    strict_dates: bool = False


class _NotUtf8(Exception):
    pass


def scan(path, begin: Callable[[bool], Callable], *, progress: Callable[[float], None] | None = None,
         cancelled: Callable[[], bool] | None = None) -> Scan:
    """Reads the file; `begin(strict_dates)` is called before each pass (a second pass, the Windows-1252 retry,
    starts afresh) and returns `emit(ident, profile, last_name, first_name, birth_date, line)`, called per person."""
    path = Path(path)
    size = safety.check_path(path)
    try:
        with open(path, "rb") as handle:
            head = handle.read(safety.MAX_PROLOG)
    except OSError:
        raise IdFileError(tr("Le fichier « {name} » ne peut pas être lu.").format(name=path.name), code="fichier_illisible") from None
    sniffed = encoding.sniff(head)
    text = head[len(sniffed.bom):].decode(sniffed.codec, errors="replace")
    root = safety.root_start(text)
    _refuse_non_xml(text, head, root)
    safety.check_prolog(text, root)
    layout_class = layouts.choose(text[root:])
    try:
        emit = begin(layout_class.strict_dates)
        return _pass(path, size, sniffed, layout_class, emit, None, progress, cancelled)
    except _NotUtf8:
        emit = begin(layout_class.strict_dates)
        result = _pass(path, size, sniffed, layout_class, emit, encoding.RETRY_ENCODING, progress, cancelled)
        result.encoding = "Windows-1252"
        result.findings.insert(0, retried_windows1252(None))
        return result


def _pass(path: Path, size: int, sniffed, layout_class, emit, override, progress, cancelled) -> Scan:
    layout = layout_class(emit)
    parser = safety.pull_parser(events=layout.events, tag=layout.tags, encoding=override)
    digest = hashlib.sha256()
    probe = encoding.Utf8Probe() if not sniffed.declared and override is None else None
    label = override or sniffed.label
    done, newlines, shown, checked = 0, 0, -1.0, False
    try:
        with open(path, "rb") as handle:
            while True:
                if cancelled is not None and cancelled():
                    raise Cancelled()
                chunk = handle.read(CHUNK)
                if not chunk:
                    break
                digest.update(chunk)
                done += len(chunk)
                newlines += chunk.count(b"\n")
                if probe is not None and not probe.ok(chunk):
                    raise _NotUtf8()
                parser.feed(chunk)
                for event, element in parser.read_events():
                    if not checked:
                        safety.check_docinfo(element)
                        checked = True
                    layout.handle(event, element)
                if progress is not None and done / size - shown >= 0.01:
                    shown = done / size
                    progress(min(shown, 1.0))
            if probe is not None and not probe.ok(b"", final=True):
                raise _NotUtf8()
            root = parser.close()
            for event, element in parser.read_events():
                layout.handle(event, element)
    except etree.XMLSyntaxError as error:
        at_end = done == size and (error.lineno or 0) >= newlines  # the error is on the file's last line
        raise safety.syntax_problem(error, label, at_end) from None
    except OSError:
        raise IdFileError(tr("Le fichier « {name} » n'a pas pu être lu jusqu'au bout.").format(name=path.name), code="fichier_illisible") from None
    if not checked and root is not None:
        safety.check_docinfo(root)
    layout.finish(root)
    if layout.people == 0:
        raise _nobody(layout, root)
    if progress is not None:
        progress(1.0)
    return Scan(layout.layout, layout.label, label, layout.mapping_used(), layout.export_date, layout.uais,
                list(layout.findings), digest.hexdigest(), size, layout.strict_dates)


def _nobody(layout, root) -> IdFileError:
    if layout.layout == layouts.Documented.layout:
        return IdFileError(tr("Le fichier est au format PARTENAIRE_INDEX mais ne contient aucune personne (ni Eleve, ni Responsable, ni Professeur, ni Personnel) : l'export PRONOTE était sans doute vide."), code="aucune_personne")
    seen = sorted(layout.seen.items(), key=lambda item: -item[1])[:8]
    listed = ", ".join(f"{names.local_name(tag)} ({count})" for tag, count in seen) or "aucun"
    return IdFileError(tr("Aucune personne reconnue dans ce fichier (il faut au moins un nom, un prénom et un identifiant par personne). Éléments rencontrés : {listed}.").format(listed=listed), code="aucune_personne")


def _refuse_non_xml(text: str, head: bytes, root: int) -> None:
    stripped = text.lstrip()
    if not stripped:
        raise IdFileError(tr("Le fichier ne contient que des espaces : l'export PRONOTE n'a sans doute pas abouti."), code="fichier_vide")
    if stripped.startswith("<"):
        if names.normalise(layouts.root_local_name(text[root:]) or "") == "html":
            raise IdFileError(tr("Ce fichier est une page web enregistrée, pas l'export des identifiants PRONOTE."), code="page_html", line=1)
        return
    sample = head[:1024]
    if b"\x00" in sample or sum(byte < 9 or 13 < byte < 32 for byte in sample) > 4 or head.startswith((b"%PDF", b"PK\x03\x04")):
        reason = tr("c'est un fichier binaire (document, archive ou image), pas du XML")
    elif any(sep in stripped.split("\n", 1)[0] for sep in (";", "\t", ",")):
        reason = tr("il ressemble à un tableau CSV renommé, pas à l'export XML de PRONOTE")
    else:
        reason = tr("il ne commence pas par une balise XML")
    raise IdFileError(tr("Ce fichier n'est pas un fichier XML : {reason}.").format(reason=reason), code="pas_xml", line=1)
