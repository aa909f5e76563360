"""What every layout reader shares: the names seen so far (capped), people counted (capped), UAIs, the export date,
findings, and the pupil → parents links where the layout has them.

A layout reader is fed lxml's start and end events, a chunk's worth at a time (`take`), and hands each person to
`emit(ident, profile, last_name, first_name, birth_date, line)` (raw strings; judging them is the caller's
business). It keeps nothing of the tree: the reader frees what has been read after each chunk (`pruning`).
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Protocol

from wizard.core.idfile.findings import FindingList
from wizard.core.idfile.limits import (
    MAX_ATTRIBUTE_NAMES,
    MAX_ATTRIBUTES,
    MAX_DEPTH,
    MAX_ELEMENT_NAMES,
    MAX_FIELD,
    MAX_NAME,
    MAX_PEOPLE,
    MAX_UAIS,
)
from wizard.core.idfile.safety import too_deep, too_long, too_many_attributes, too_many_names, too_many_people
from wizard.core.text import one_line


class Element(Protocol):
    """An element of the parsed file, as the readers use lxml's. lxml's types also cover elements built by code
    (a tag in bytes or a QName, no line); an element parsed from a file always has a text tag and its line, which
    is what this says (reader.py hands the parser's events on as these, once)."""

    @property
    def tag(self) -> str: ...
    @property
    def sourceline(self) -> int: ...
    @property
    def text(self) -> str | None: ...
    @property
    def tail(self) -> str | None: ...
    def get(self, key: str) -> str | None: ...
    def keys(self) -> list[str]: ...
    def values(self) -> list[str]: ...
    def getparent(self) -> Element | None: ...
    def __len__(self) -> int: ...
    def __getitem__(self, index: int) -> Element: ...
    def __delitem__(self, index: slice) -> None: ...


# emit(ident, profile, last_name, first_name, birth_date, line): one person, raw strings.
Emit = Callable[[str, str, str, str, "str | None", int], None]
Events = Iterable[tuple[str, Element]]  # lxml's "start" and "end" events


class NameGuard:
    """Element and attribute names met so far. lxml keeps every name in a dictionary that outlives the elements,
    so distinct names are capped; so are attributes per element and the depth."""

    def __init__(self) -> None:
        self.tags: set[str] = set()
        self.attributes: set[str] = set()

    def admit(self, element: Element, keys: Sequence[str], depth: int) -> None:
        """Remembers the element's new names, or refuses past a cap; called when something about it is new."""
        line = element.sourceline
        if depth > MAX_DEPTH:
            raise too_deep(line)
        if len(keys) > MAX_ATTRIBUTES:
            raise too_many_attributes(line)
        tag = element.tag
        if tag not in self.tags:
            _remember(self.tags, tag, MAX_ELEMENT_NAMES, line)
        for key in keys:
            if key not in self.attributes:
                _remember(self.attributes, key, MAX_ATTRIBUTE_NAMES, line)


def _remember(known: set[str], name: str, cap: int, line: int) -> None:
    if len(known) >= cap or len(name) > MAX_NAME:
        raise too_many_names(line)
    known.add(name)


class LayoutReader:
    """What every layout reader gathers while the file streams by: people counted, UAIs and the export date seen
    (with their lines), findings, and the pupil → parents links where the layout has them."""

    layout: str  # its name in the report and the progress
    label: str  # what the page shows (French, for tr)
    strict_dates: bool  # birth dates as xs:date only
    links_supported = False

    def __init__(self, emit: Emit, want_links: bool = False):
        self.emit = emit
        self.want_links = want_links and self.links_supported
        self.people = 0
        self.root: Element | None = None  # the root element, set by the reader from the first event
        self.findings = FindingList()
        self.export_date: tuple[str, int] | None = None
        self.names = NameGuard()
        self._uais: dict[str, int] = {}  # each UAI met, with its first line
        self.depth = 0

    @property
    def uais(self) -> list[tuple[str, int]]:
        return list(self._uais.items())

    def add_uai(self, value: str, line: int) -> None:
        if len(self._uais) < MAX_UAIS:
            self._uais.setdefault(one_line(value).upper(), line)  # a finding quotes it

    def counted(self, line: int) -> None:
        """One more person handed on; refused past MAX_PEOPLE."""
        self.people += 1
        if self.people > MAX_PEOPLE:
            raise too_many_people(line, MAX_PEOPLE)

    def take(self, events: Events) -> None:
        """A chunk's worth of lxml's start and end events."""
        raise NotImplementedError

    def finish(self, root: Element | None) -> None:
        """The file has been read whole."""
        raise NotImplementedError

    def mapping_used(self) -> dict[str, str]:
        """Where each field was read from (the report's mapping)."""
        raise NotImplementedError

    def links(self) -> dict[str, list[str]]:
        return {}


def check_field(value: str, line: int) -> str:
    if len(value) > MAX_FIELD:
        raise too_long(line)
    return value
