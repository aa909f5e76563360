"""`PARTENAIRE_INDEX`, from Index Éducation's `RapprochementSSO.xsd` (DOMAIN.md), read strictly: people are the
direct children of their group, the identifier is `@ID_Partenaire`, and a `Responsable` inside an `Eleve` is a link
to one of the pupil's parents (naming the parent's `@Ident`), not a person."""
from __future__ import annotations

from collections.abc import Callable

from wizard.core.i18n import tr_noop
from wizard.core.idfile import names
from wizard.core.idfile.findings import misplaced_record
from wizard.core.idfile.layoutbase import Element, Emit, Events, LayoutReader, check_field
from wizard.core.idfile.limits import MAX_ATTRIBUTES, MAX_DEPTH, MAX_FIELD, MAX_LINKS_PER_PUPIL

DOCUMENTED_NS = "http://www.index-education.com/rapprochementssoV2.0"
_NS = "{" + DOCUMENTED_NS + "}"


class Documented(LayoutReader):
    layout = "partenaire_index"
    label = tr_noop("Format documenté Index Éducation (PARTENAIRE_INDEX)")
    strict_dates = True  # xs:date, yyyy-mm-dd
    links_supported = True
    _GROUPS = {"Personnel": ("Personnels", "personnel"), "Professeur": ("Professeurs", "enseignant"),
               "Responsable": ("Responsables", "parent"), "Eleve": ("Eleves", "eleve")}
    _PROFILE = {_NS + tag: profile for tag, (_, profile) in _GROUPS.items()}
    _GROUP = {_NS + tag: _NS + group for tag, (group, _) in _GROUPS.items()}
    _SCHOOL, _SCHOOLS, _ELEVE, _RESPONSABLE = (_NS + "Etablissement", _NS + "Etablissements", _NS + "Eleve",
                                               _NS + "Responsable")
    mapping = {
        "records": "Personnels/Personnel, Professeurs/Professeur, Responsables/Responsable, Eleves/Eleve",
        names.IDENT: "@ID_Partenaire",
        names.LAST_NAME: "@Nom",
        names.FIRST_NAME: "@Prenom",
        names.BIRTH_DATE: "@DateNaissance",
        names.PROFILE: "Personnels, Professeurs, Responsables, Eleves",  # the person's group element
        names.UAI: "Etablissements/Etablissement@Numero",
        names.EXPORT_DATE: "PARTENAIRE_INDEX@Date",
    }

    def __init__(self, emit: Emit, want_links: bool = False):
        super().__init__(emit, want_links)
        self._group: Element | None = None  # the group element being read (Eleves…), its people's tag and profile
        self._tag = self._profile = ""
        self._pupil_links: list[str] = []  # parents' @Ident named inside the Eleve being read
        self._parents_of: dict[str, list[str]] = {}  # pupil's identifier → parents' @Ident
        self._parent_ident: dict[str, str] = {}  # parent's @Ident → parent's identifier

    def take(self, events: Events) -> None:
        """A chunk's events. Start: names, attributes and depth within their caps. End: a person of the group
        being read goes straight on (the fast path); anything else is sorted out by `_other`."""
        known_tags, known_attributes, depth = self.names.tags, self.names.attributes, self.depth
        for event, element in events:
            if event == "start":
                depth += 1
                keys = element.keys()
                if (depth > MAX_DEPTH or len(keys) > MAX_ATTRIBUTES or element.tag not in known_tags
                        or not known_attributes.issuperset(keys)):
                    self.names.admit(element, keys, depth)
                continue
            depth -= 1
            tag = element.tag
            if tag == self._tag and element.getparent() is self._group:  # holding the group keeps its proxy identical
                self._person(element)
            else:
                self._other(element, tag)
        self.depth = depth

    def _person(self, element: Element) -> None:
        get = element.get
        line = element.sourceline or 0
        ident, last_name, first_name, birth = (get("ID_Partenaire") or "", get("Nom") or "", get("Prenom") or "",
                                               get("DateNaissance"))
        if len(ident) + len(last_name) + len(first_name) + len(birth or "") > MAX_FIELD:  # else none is too long
            for value in (ident, last_name, first_name, birth or ""):
                check_field(value, line)
        self.emit(ident, self._profile, last_name, first_name, birth, line)
        self.counted(line)
        if self.want_links:
            self._link(get, ident.strip())

    def _link(self, get: Callable[[str], str | None], ident: str) -> None:
        if self._profile == "eleve":
            if self._pupil_links and ident:
                links = self._parents_of.setdefault(ident, [])
                links.extend(self._pupil_links[:MAX_LINKS_PER_PUPIL - len(links)])
            self._pupil_links = []
        elif self._profile == "parent" and ident and (parent := get("Ident")):
            self._parent_ident.setdefault(parent.strip(), ident)

    def _other(self, element: Element, tag: str) -> None:
        """An element that is not one more person of the current group: a school, a link to a parent, the first
        person of a group, a person out of place, or anything else (left to be freed)."""
        profile = self._PROFILE.get(tag)
        if profile is None:
            if tag == self._SCHOOL:  # under Etablissements it carries the UAI; under EtablissementsGeres only an Ident
                numero, parent = element.get("Numero"), element.getparent()
                if numero and parent is not None and parent.tag == self._SCHOOLS:
                    self.add_uai(check_field(numero, element.sourceline), element.sourceline)
            return
        parent = element.getparent()
        if parent is None:  # the root is no person
            return
        if tag == self._RESPONSABLE and parent.tag == self._ELEVE:
            parent_ident = element.get("Ident")
            if self.want_links and parent_ident and len(self._pupil_links) < MAX_LINKS_PER_PUPIL:
                self._pupil_links.append(check_field(parent_ident, element.sourceline).strip())
            return
        if parent.tag != self._GROUP[tag] or parent.getparent() is not self.root:
            self.findings.add(misplaced_record(element.sourceline or 0, names.local_name(tag)))
            self._pupil_links = []
            return
        self._group, self._tag, self._profile = parent, tag, profile
        self._person(element)

    def finish(self, root: Element | None) -> None:
        exported = root.get("Date") if root is not None else None
        if root is not None and exported:
            line = root.sourceline or 0
            self.export_date = (check_field(exported, line), line)

    def mapping_used(self) -> dict[str, str]:
        return dict(self.mapping)

    def links(self) -> dict[str, list[str]]:
        """{pupil's identifier: [parents' identifiers]}, in file order, each parent once; links naming no parent
        of the file are left out."""
        result: dict[str, list[str]] = {}
        for pupil, idents in self._parents_of.items():
            parents = [self._parent_ident[ident] for ident in idents if ident in self._parent_ident]
            if parents:
                result[pupil] = list(dict.fromkeys(parents))
        return result
