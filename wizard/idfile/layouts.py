"""Where the people are in the file: the documented Index Éducation layout, read strictly, or any other layout
recognised from the names of its fields.

A layout is fed lxml's events one by one and hands each person to `emit(ident, profile, last_name, first_name,
birth_date, line)` (raw strings; judging them is the caller's business). It frees what it has read as it goes,
so memory does not grow with the file.
"""
from __future__ import annotations

import heapq
import re
from dataclasses import dataclass, field

from wizard import people
from wizard.i18n import tr_noop
from wizard.idfile import names
from wizard.idfile.findings import misplaced_record
from wizard.idfile.safety import MAX_DEPTH, MAX_TEXT, too_deep, too_long

DOCUMENTED_NS = "http://www.index-education.com/rapprochementssoV2.0"
_NS = "{" + DOCUMENTED_NS + "}"

_ROOT_TAG = re.compile(r"<(?:([\w.-]+):)?([\w.-]+)([^>]*)>?")


def choose(root_start: str):
    """The documented layout when the root start tag is Index Éducation's, the generic one otherwise."""
    match = _ROOT_TAG.match(root_start)
    if match and match.group(2) == "PARTENAIRE_INDEX" and DOCUMENTED_NS in match.group(3):
        return Documented
    return Generic


def root_local_name(root_start: str) -> str | None:
    match = _ROOT_TAG.match(root_start)
    return match.group(2) if match else None


class _LayoutReader:
    """What every layout reader gathers while the file streams by: people counted, UAIs and the export date seen
    (with their lines), findings, and identifiers already met (for duplicates)."""

    def __init__(self, emit):
        self.emit = emit
        self.people = 0
        self.uais: list[tuple[str, int]] = []
        self.findings = []
        self.export_date: tuple[str, int] | None = None
        self.seen: dict[str, int] = {}


class Documented(_LayoutReader):
    """`PARTENAIRE_INDEX` from Index Éducation's `RapprochementSSO.xsd` (DOMAIN.md): people are the direct children
    of their group, the identifier is `@ID_Partenaire`, `Responsable` inside `Eleve` is a link to a parent."""

    layout = "partenaire_index"
    label = tr_noop("Format documenté Index Éducation (PARTENAIRE_INDEX)")
    strict_dates = True  # xs:date, yyyy-mm-dd
    events = ("end",)
    _GROUPS = {"Personnel": ("Personnels", "personnel"), "Professeur": ("Professeurs", "enseignant"),
               "Responsable": ("Responsables", "parent"), "Eleve": ("Eleves", "eleve")}
    _PROFILE = {_NS + tag: profile for tag, (_, profile) in _GROUPS.items()}
    _GROUP = {_NS + tag: _NS + group for tag, (group, _) in _GROUPS.items()}
    _SCHOOL, _SCHOOLS, _ELEVE, _RESPONSABLE = (_NS + "Etablissement", _NS + "Etablissements", _NS + "Eleve", _NS + "Responsable")
    # Only these reach Python: lxml filters the rest, which is what keeps this layout close to a bare parse.
    tags = [_SCHOOL, *_PROFILE]
    mapping = {
        "records": "Personnels/Personnel, Professeurs/Professeur, Responsables/Responsable, Eleves/Eleve",
        names.IDENT: "@ID_Partenaire",
        names.LAST_NAME: "@Nom",
        names.FIRST_NAME: "@Prenom",
        names.BIRTH_DATE: "@DateNaissance",
        names.PROFILE: tr_noop("groupe de la personne (Personnels, Professeurs, Responsables, Eleves)"),
        names.UAI: "Etablissements/Etablissement@Numero",
        names.EXPORT_DATE: "PARTENAIRE_INDEX@Date",
    }

    def __init__(self, emit):
        super().__init__(emit)
        self._root = None
        self._group = self._tag = self._profile = None

    def handle(self, event: str, element) -> None:
        parent = element.getparent()
        # Fast path: one more person of the group being read (holding the group keeps lxml's proxy identical).
        if parent is not self._group or element.tag != self._tag:
            if not self._enter(element, parent):
                return
        get = element.get
        self.emit(get("ID_Partenaire") or "", self._profile, get("Nom") or "", get("Prenom") or "",
                  get("DateNaissance"), element.sourceline)
        self.people += 1
        element.clear(keep_tail=False)
        if not self.people & 1023:  # free read people in batches: one slice deletion is cheaper than one per person
            del parent[: parent.index(element)]

    def _enter(self, element, parent) -> bool:
        """True when the element is a person at its documented place (and its group becomes the current one)."""
        tag = element.tag
        if self._root is None:
            self._root = element.getroottree().getroot()
        if tag == self._SCHOOL:  # under Etablissements it carries the UAI; under EtablissementsGeres only an Ident
            if parent.tag == self._SCHOOLS and element.get("Numero"):
                self.uais.append((element.get("Numero").strip().upper(), element.sourceline))
            return False
        if tag == self._RESPONSABLE and parent.tag == self._ELEVE:
            return False  # a link to one of the pupil's parents, not a person; freed with its Eleve
        if parent.tag != self._GROUP[tag] or parent.getparent() is not self._root:
            self.findings.append(misplaced_record(element.sourceline, names.local_name(tag)))
            return False
        self._group, self._tag, self._profile = parent, tag, self._PROFILE[tag]
        return True

    def finish(self, root) -> None:
        if root is not None and root.get("Date"):
            self.export_date = (root.get("Date"), root.sourceline)

    def mapping_used(self) -> dict:
        return dict(self.mapping)


@dataclass
class _Shape:
    """Every element with the same tag under the same parent tag: people if at least one carries all three fields."""
    records: list = field(default_factory=list)
    complete: bool = False
    sources: dict = field(default_factory=dict)


_VALUE = "value"  # the text of `attr[@name]/value` (AAF), waiting for its `attr` to end


class Generic(_LayoutReader):
    """Any layout: people are elements whose attributes or child elements carry a last name, a first name and an
    identifier under a known word (`names`). Seen through start and end events, with a small stack of the fields
    found so far, since leaf elements are freed as soon as they are read."""

    layout = "generique"
    label = tr_noop("Format reconnu automatiquement")
    strict_dates = False
    events = ("start", "end")
    tags = None

    def __init__(self, emit):
        super().__init__(emit)
        self._stack: list[list] = []  # per open element: [has child elements, {role: (rank, value, source)}]
        self._shapes: dict[tuple, _Shape] = {}

    def handle(self, event: str, element) -> None:
        stack = self._stack
        if event == "start":
            if stack:
                stack[-1][0] = True
            if len(stack) >= MAX_DEPTH:
                raise too_deep(element.sourceline)
            stack.append([False, {}])
            return
        has_children, fields = stack.pop()
        parent_fields = stack[-1][1] if stack else None
        tag = element.tag
        self.seen[tag] = self.seen.get(tag, 0) + 1
        word = names.normalise(tag)
        if not has_children and parent_fields is not None:
            self._leaf(element, word, parent_fields)
        for key, value in element.items():
            _add(fields, names.normalise(key), value.strip(), "@" + names.local_name(key))
        if word == "attr" and _VALUE in fields and element.get("name") and parent_fields is not None:
            _add(parent_fields, names.normalise(element.get("name")), fields[_VALUE][1], f"attr[@name='{element.get('name')}']/value")
        elif fields:
            self._judge_fields(element, tag, word, fields, is_root=not stack)
        element.clear()
        parent = element.getparent()
        if parent is not None:
            while element.getprevious() is not None:  # siblings already read; one at a time, amortised
                del parent[0]

    def _leaf(self, element, word: str, parent_fields: dict) -> None:
        text = element.text or ""
        if len(text) > MAX_TEXT:
            raise too_long(element.sourceline)
        if word == _VALUE:
            parent_fields.setdefault(_VALUE, (0, text.strip(), _VALUE))
        else:
            _add(parent_fields, word, text.strip(), names.local_name(element.tag))

    def _judge_fields(self, element, tag: str, word: str, fields: dict, is_root: bool) -> None:
        line = element.sourceline
        if names.UAI in fields:
            self.uais.append((fields[names.UAI][1].upper(), line))
        elif names.SCHOOL_NUMBER in fields and word in names.SCHOOL_TAGS:
            self.uais.append((fields[names.SCHOOL_NUMBER][1].upper(), line))
        if is_root and names.EXPORT_DATE in fields:
            self.export_date = (fields[names.EXPORT_DATE][1], line)
        if not any(role in fields for role in names.PERSON_FIELDS):
            return
        parent = element.getparent()
        parent_tag = parent.tag if parent is not None else None
        shape = self._shapes.setdefault((parent_tag, tag), _Shape())
        profile, profile_source = _profile(fields, tag, word, parent_tag)
        value = {role: fields[role][1] if role in fields else "" for role in names.PERSON_FIELDS}
        birth = fields[names.BIRTH_DATE][1] if names.BIRTH_DATE in fields else None
        shape.records.append((line, value[names.IDENT], profile, value[names.LAST_NAME], value[names.FIRST_NAME], birth))
        if not shape.complete and all(role in fields for role in names.PERSON_FIELDS):
            shape.complete = True
            shape.sources = {role: source for role, (_, _, source) in fields.items() if role in _SHOWN}
            shape.sources[names.PROFILE] = profile_source
            shape.sources["records"] = "/".join(names.local_name(t) for t in (parent_tag, tag) if t)

    def finish(self, root) -> None:
        """People are only known at the end: a shape counts once one of its elements had all three fields."""
        shapes = [shape for shape in self._shapes.values() if shape.complete]
        for line, ident, profile, last_name, first_name, birth in heapq.merge(*(s.records for s in shapes), key=_by_line):
            self.emit(ident, profile, last_name, first_name, birth, line)
            self.people += 1
        self._shapes = {key: shape for key, shape in self._shapes.items() if shape.complete}
        for shape in self._shapes.values():
            shape.records = []

    def mapping_used(self) -> dict:
        mapping: dict[str, str] = {}
        for shape in self._shapes.values():
            for role, source in shape.sources.items():
                known = mapping.get(role)
                if known is None:
                    mapping[role] = source
                elif source not in known.split(", "):
                    mapping[role] = known + ", " + source
        if self.uais:
            mapping.setdefault(names.UAI, tr_noop("code UAI trouvé dans le fichier"))
        return mapping


_SHOWN = {names.IDENT, names.LAST_NAME, names.FIRST_NAME, names.BIRTH_DATE, names.PROFILE}


def _add(fields: dict, word: str, value: str, source: str) -> None:
    known = names.ROLES.get(word)
    if known is None:
        return
    role, rank = known
    old = fields.get(role)
    if old is None or rank < old[0]:
        fields[role] = (rank, value, source)


def _profile(fields: dict, tag: str, word: str, parent_tag: str | None) -> tuple[str, str]:
    """The profile from a category field, else the record's tag, else its container's; « autre » when none says."""
    if names.PROFILE in fields:
        _, value, source = fields[names.PROFILE]
        profile = names.profile_of_word(value)
        if profile:
            return profile, source
    profile = people.profile_of_word(word)
    if profile:
        return profile, tr_noop("élément {name}").format(name=names.local_name(tag))
    if parent_tag is not None:
        profile = people.profile_of_word(names.normalise(parent_tag))
        if profile:
            return profile, tr_noop("conteneur {name}").format(name=names.local_name(parent_tag))
    return "autre", tr_noop("aucun (profil « autre »)")


def _by_line(record: tuple) -> int:
    return record[0]
