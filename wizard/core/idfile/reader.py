"""One streaming pass over the identifier file: safety checks, encoding, layout, and every person handed on.

The file is opened once and read in chunks that feed the byte-level caps (`guard`), lxml, the SHA-256 and the
progress at once. A file that declares no encoding is first scanned for UTF-8 (a fast pass over the bytes, no
parsing): if it is not UTF-8 it is parsed as Windows-1252 (as ISO-8859-1 when it holds a byte Windows-1252 leaves
undefined), and parsed once either way. After each chunk, what has
been read is freed (`pruning`): memory does not grow with the file, only with what is kept per person by whoever
receives them.
"""
from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO, cast

from lxml import etree

from wizard.core.errors import Cancelled
from wizard.core.i18n import tr
from wizard.core.idfile import encoding, layouts, names, safety
from wizard.core.idfile.findings import Finding, IdFileError, retried_undeclared
from wizard.core.idfile.generic import Generic
from wizard.core.idfile.guard import ByteGuard
from wizard.core.idfile.layoutbase import Element, Emit, Events, LayoutReader
from wizard.core.idfile.limits import MAX_FILE_SIZE, MAX_PROLOG
from wizard.core.idfile.pruning import prune

CHUNK = 64 * 1024  # small enough for a fluid progress bar and few elements alive at once


@dataclass
class Scan:
    layout: str
    layout_label: str
    encoding: str
    mapping: dict[str, str]
    export_date: tuple[str, int] | None  # raw text and line
    uais: list[tuple[str, int]]  # each UAI met, with its first line
    findings: list[Finding] = field(default_factory=list)
    sha256: str = ""
    size: int = 0
    strict_dates: bool = False
    finding_counts: dict[str, int] = field(default_factory=dict)  # every finding of the layout per code
    # pupil's identifier → parents' identifiers (documented layout)
    links: dict[str, list[str]] = field(default_factory=dict)


def scan(path: Path | str, begin: Callable[[bool], Emit], *, advance: Callable[[float], None] | None = None,
         cancelled: Callable[[], bool] | None = None, want_links: bool = False) -> Scan:
    """Reads the file; `begin(strict_dates)` is called before each pass (a second pass, the Windows-1252 retry,
    starts afresh) and returns `emit(ident, profile, last_name, first_name, birth_date, line)`, called per person."""
    path = Path(path)
    handle, size = safety.open_regular(path)
    with handle:
        try:
            head = handle.read(MAX_PROLOG)
        except OSError:
            raise IdFileError(tr("Le fichier « {name} » ne peut pas être lu.").format(name=path.name),
                              code="fichier_illisible") from None
        sniffed = encoding.sniff(head)
        text = head[len(sniffed.bom):].decode(sniffed.codec, errors="replace")
        root = safety.root_start(text)
        _refuse_non_xml(text, head, root)
        safety.check_prolog(text, root)
        layout_class = layouts.choose(text[root:])
        reading = _Pass(handle, path.name, size, sniffed, layout_class, advance, cancelled, want_links)
        retry = None if sniffed.declared else _undeclared_retry(handle, path.name, cancelled)
        if retry is None:
            return reading.run(begin(layout_class.strict_dates), None)
        result = reading.run(begin(layout_class.strict_dates), retry)
        result.encoding = encoding.RETRY_LABELS[retry]
        result.findings.insert(0, retried_undeclared(retry))
        return result


def _undeclared_retry(handle: BinaryIO, name: str, cancelled: Callable[[], bool] | None) -> str | None:
    """None when the whole file decodes as UTF-8 (XML's default when nothing is declared); else the encoding to
    read it in: Windows-1252, or ISO-8859-1 when a byte Windows-1252 leaves undefined is anywhere in the file
    (before: « ne correspondent pas à son encodage (windows-1252) », the file refused)."""
    probe = encoding.Utf8Probe()
    utf8 = True
    handle.seek(0)
    try:
        while chunk := handle.read(CHUNK):
            if cancelled is not None and cancelled():
                raise Cancelled()
            # Every chunk is looked at: « Á » in UTF-8 is C3 81, and a later byte may show the file is not UTF-8.
            undefined = probe.undefined_in_cp1252(chunk)
            utf8 = utf8 and probe.ok(chunk)
            if not utf8 and undefined:
                return encoding.LATIN1_RETRY  # no need to read further: Latin-1 reads every byte
    except OSError:
        raise IdFileError(tr("Le fichier « {name} » n'a pas pu être lu jusqu'au bout.").format(name=name),
                          code="fichier_illisible") from None
    return None if utf8 and probe.ok(b"", final=True) else encoding.RETRY_ENCODING


class _Pass:
    def __init__(self, handle: BinaryIO, name: str, size: int, sniffed: encoding.Sniffed,
                 layout_class: type[LayoutReader], advance: Callable[[float], None] | None,
                 cancelled: Callable[[], bool] | None, want_links: bool):
        self.handle, self.name, self.size, self.sniffed = handle, name, size, sniffed
        self.layout_class, self.advance, self.cancelled, self.want_links = layout_class, advance, cancelled, want_links

    def run(self, emit: Emit, override: str | None) -> Scan:
        """One pass from the start of the file; `override` forces the encoding (the Windows-1252 or Latin-1 retry)."""
        self.handle.seek(0)
        layout = self.layout_class(emit, self.want_links)
        # A byte order mark decides the encoding, whatever the declaration says (XML 1.0, appendix F): told to the
        # parser, since libxml2 2.11 (lxml's Windows wheels) refuses a BOM that contradicts the declaration where
        # 2.14 (its Linux wheels) follows the BOM – the same file must read the same on every system.
        parser = safety.pull_parser(events=("start", "end"),
                                    encoding=override or (self.sniffed.label if self.sniffed.bom else None))
        guard = ByteGuard(None if override else self.sniffed.codec)
        digest = hashlib.sha256()
        label = override or self.sniffed.label
        size, advance, cancelled = self.size, self.advance, self.cancelled
        top: Element | None = None
        done, shown, last = 0, -1.0, b""  # last: the file's last bytes read, to tell a cut character
        try:
            while True:
                if cancelled is not None and cancelled():
                    raise Cancelled()
                chunk = self.handle.read(CHUNK)
                if not chunk:
                    break
                last = (last + chunk)[-4:] if len(chunk) < 4 else chunk[-4:]
                done += len(chunk)
                if done > MAX_FILE_SIZE:  # it grew while being read
                    raise safety.too_big(self.name, done)
                digest.update(chunk)
                guard.check(chunk)
                parser.feed(chunk)
                top = self._take(layout, parser, top)
                if advance is not None and done / size - shown >= 0.01:
                    shown = done / size
                    advance(min(shown, 1.0))
            closed = parser.close()
            self._take(layout, parser, top)
        except etree.XMLSyntaxError as error:
            at_end = done >= size and (error.lineno or 0) >= guard.newlines  # the error is on the file's last line
            cut = at_end and label.upper().replace("-", "") == "UTF8" and encoding.ends_mid_character(last)
            raise safety.syntax_problem(error, label, at_end, cut) from None
        except OSError:
            raise IdFileError(tr("Le fichier « {name} » n'a pas pu être lu jusqu'au bout.").format(name=self.name),
                              code="fichier_illisible") from None
        if top is None and closed is not None:
            safety.check_docinfo(closed)
        layout.finish(cast("Element | None", closed))  # parsed from the file: see layoutbase.Element
        if layout.people == 0:
            raise _nobody(layout)
        if advance is not None:
            advance(1.0)
        return Scan(layout.layout, layout.label, label, layout.mapping_used(), layout.export_date, layout.uais,
                    layout.findings.items + layout.findings.unlisted(), digest.hexdigest(), done, layout.strict_dates,
                    dict(layout.findings.counts), layout.links())

    @staticmethod
    def _take(layout: LayoutReader, parser: etree.XMLPullParser, top: Element | None) -> Element | None:
        """Hands the events read so far to the layout, then frees what they were about; returns the root."""
        if top is None:  # the first event is the root's start: the document's own checks come first
            read = list(parser.read_events())
            if not read:
                return None
            safety.check_docinfo(read[0][1])
            # Parsed from the file, so elements as layoutbase.Element says (a text tag, a line).
            events = cast(Events, read)
            top = layout.root = cast(Element, read[0][1])
        else:
            events = cast(Events, parser.read_events())
        layout.take(events)
        prune(top)
        return top


def _nobody(layout: LayoutReader) -> IdFileError:
    if isinstance(layout, Generic):
        seen = layout.seen()[:8]
        listed = ", ".join(f"{names.local_name(tag)} ({count})" for tag, count in seen) or "aucun"
        return IdFileError(tr("Aucune personne reconnue dans ce fichier (il faut au moins un nom, un prénom et un "
                              "identifiant par personne). Éléments rencontrés : {listed}.").format(listed=listed),
                           code="aucune_personne")
    return IdFileError(tr("Le fichier est au format PARTENAIRE_INDEX mais ne contient aucune personne (ni Eleve, "
                          "ni Responsable, ni Professeur, ni Personnel) : l'export PRONOTE était sans doute vide."),
                       code="aucune_personne")


def _refuse_non_xml(text: str, head: bytes, root: int) -> None:
    stripped = text.lstrip()
    if not stripped:
        raise IdFileError(tr("Le fichier ne contient que des espaces : l'export PRONOTE n'a sans doute pas abouti."),
                          code="fichier_vide")
    if stripped.startswith("<"):
        if names.normalise(layouts.root_local_name(text[root:]) or "") == "html":
            raise IdFileError(tr("Ce fichier est une page web enregistrée, pas l'export des identifiants PRONOTE."),
                              code="page_html", line=1)
        return
    sample = head[:1024]
    if (b"\x00" in sample or sum(byte < 9 or 13 < byte < 32 for byte in sample) > 4
            or head.startswith((b"%PDF", b"PK\x03\x04"))):
        reason = tr("c'est un fichier binaire (document, archive ou image), pas du XML")
    elif any(sep in stripped.split("\n", 1)[0] for sep in (";", "\t", ",")):
        reason = tr("il ressemble à un tableau CSV renommé, pas à l'export XML de PRONOTE")
    else:
        reason = tr("il ne commence pas par une balise XML")
    raise IdFileError(tr("Ce fichier n'est pas un fichier XML : {reason}.").format(reason=reason),
                      code="pas_xml", line=1)
