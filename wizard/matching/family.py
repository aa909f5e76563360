"""Families: which PRONOTE pupil has which parents, and what the ENT list says of children and classes.

A parent is the parent of a pupil: once pupils are matched, two homonym parents (« GARNIER Sophie » twice, no
birth date in PRONOTE) are told apart by their children, and a mother whose surname changed completely is still
found by her first name and her child. The links come from the PRONOTE file's documented layout
(`Eleve/Responsable@Ident` → `Responsables/Responsable@Ident`, DOMAIN.md); the ENT list may have a column of
children (identifiers or names) on parents' rows, and a column of classes (a pupil's class, a parent's
children's classes).

`read_families` reads the links from the identifier file itself, with the same safe parser options as the file
reader (no DTD, no entities, no network, bounded size): `wizard.idfile.load_people` does not hand them on
(yet). A file whose links cannot be read gives no links – never an error: they only help.
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from wizard.matching import scoring as lv
from wizard.matching.normalise import fold
from wizard.people import Person

if TYPE_CHECKING:
    from wizard.matching.entcsv import EntList

_IN_BRACKETS = re.compile(r"[(\[].*?[)\]]")


@dataclass(frozen=True)
class Families:
    # PRONOTE pupil identifier → its parents' PRONOTE identifiers
    parents_of: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # ENT account identifier → the children written on its row (ENT identifiers or « NOM Prénom »)
    ent_children: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # ENT account identifier → the classes written on its row
    ent_classes: dict[str, tuple[str, ...]] = field(default_factory=dict)


def read_families(pronote_path: Path | str, ent: EntList | None = None) -> Families:
    """The links of the identifier file and the family columns of the account list (empty when absent)."""
    return Families(read_links(Path(pronote_path)), dict(ent.children) if ent else {},
                    dict(ent.classes) if ent else {})


def read_links(path: Path) -> dict[str, tuple[str, ...]]:
    """PRONOTE pupil identifier (`ID_Partenaire`) → its parents' identifiers, from `Eleve/Responsable@Ident`.
    Opened and parsed as the identifier reader does (`wizard.idfile.safety`: a regular file under the size cap,
    no DTD, no entities, no network); any problem means no links."""
    from lxml import etree

    from wizard.idfile import safety

    for encoding in (None, "windows-1252"):  # an undeclared Windows export, as the file reader retries
        try:
            handle, _ = safety.open_regular(Path(path))
        except Exception:  # noqa: BLE001 – the file reader has already told the admin; links only help
            return {}
        try:
            with handle:
                return _links(etree.iterparse(handle, events=("end",), encoding=encoding, **safety.PARSER_OPTIONS))
        except (etree.LxmlError, OSError, ValueError):
            continue
    return {}


def _local(tag) -> str:
    return tag.rsplit("}", 1)[-1].lower() if isinstance(tag, str) else ""


def _links(events) -> dict[str, tuple[str, ...]]:
    parent_ids: dict[str, str] = {}  # Responsable@Ident → its ID_Partenaire
    pupils: list[tuple[str, list[str]]] = []
    for _, element in events:
        container = element.getparent()
        if container is not None and _local(container.tag) == "eleve":
            continue  # a pupil's link to a parent: read with the pupil, at its end
        name = _local(element.tag)
        if name == "eleve":
            pupil = (element.get("ID_Partenaire") or "").strip()
            links = [(child.get("Ident") or "").strip() for child in element if _local(child.tag) == "responsable"]
            if pupil and any(links):
                pupils.append((pupil, [link for link in links if link]))
        elif name == "responsable":
            ident, partner = (element.get("Ident") or "").strip(), (element.get("ID_Partenaire") or "").strip()
            if ident and partner:
                parent_ids[ident] = partner
        element.clear(keep_tail=False)  # memory stays flat whatever the size of the file
        if container is not None:
            while element.getprevious() is not None:
                del container[0]
    return {pupil: tuple(parent_ids[link] for link in links if link in parent_ids) for pupil, links in pupils
            if any(link in parent_ids for link in links)}


def name_key(text: str) -> tuple[str, ...]:
    """A child written « MARTIN Lucas (6A) » or « Lucas Martin »: its folded words, in order."""
    return tuple(sorted(fold(_IN_BRACKETS.sub(" ", text)).split()))


class FamilyView:
    """The families resolved against the two lists of one run, to give pairs their family and class levels."""

    def __init__(self, families: Families, pronote: list[Person], ent: list[Person]):
        self.parents_of = families.parents_of
        self.children_of: dict[str, set[str]] = defaultdict(set)  # PRONOTE parent → PRONOTE pupils
        for pupil, parents in families.parents_of.items():
            for parent in parents:
                self.children_of[parent].add(pupil)
        ent_pupils = {person.ident for person in ent if person.profile == "eleve"}
        by_name: dict[tuple[str, ...], list[str]] = defaultdict(list)
        for person in ent:
            if person.profile == "eleve":
                by_name[name_key(f"{person.last_name} {person.first_name}")].append(person.ident)
        self.ent_children: dict[str, set[str]] = {}  # ENT parent → ENT pupils
        for parent, refs in families.ent_children.items():
            found = set()
            for ref in refs:
                if ref in ent_pupils:
                    found.add(ref)
                else:
                    found.update(by_name.get(name_key(ref), ()))
            if found:
                self.ent_children[parent] = found
        self.ent_parents: dict[str, set[str]] = defaultdict(set)  # ENT pupil → ENT parents
        for parent, children in self.ent_children.items():
            for child in children:
                self.ent_parents[child].add(parent)
        self.classes = {ident: frozenset(fold(name).replace(" ", "") for name in names)
                        for ident, names in families.ent_classes.items()}
        self.pupil_match: dict[str, str] = {}  # PRONOTE pupil → ENT pupil, once pupils are matched
        self.parent_match: dict[str, str] = {}  # ENT parent → PRONOTE parent, once parents are matched

    @property
    def useful(self) -> bool:
        return bool(self.parents_of) and bool(self.ent_children or self.classes)

    # -- parents ----------------------------------------------------------------------------------
    def matched_children(self, parent: Person) -> set[str]:
        """The ENT pupils matched to this PRONOTE parent's children."""
        return {self.pupil_match[c] for c in self.children_of.get(parent.ident, ()) if c in self.pupil_match}

    def parent_keys(self, person: Person, pronote_side: bool) -> set[tuple]:
        children = self.matched_children(person) if pronote_side else self.ent_children.get(person.ident, ())
        return {("k", child) for child in children}

    def parent_levels(self, pronote: Person, ent: Person, matched: set[str] | None = None) -> tuple[int, int]:
        if matched is None:
            matched = self.matched_children(pronote)
        listed = self.ent_children.get(ent.ident)
        if matched and listed:
            return (lv.K_AGREE if matched & listed else lv.K_OTHER), lv.C_NONE
        theirs = self.classes.get(ent.ident)
        if matched and theirs:
            ours = set().union(*(self.classes.get(child, frozenset()) for child in matched))
            if ours:
                return lv.K_NONE, (lv.C_AGREE if ours & theirs else lv.C_OTHER)
        return lv.K_NONE, lv.C_NONE

    # -- pupils (a second look at those left over, once parents are matched) ---------------------
    def matched_parents(self, ent_pupil: Person) -> set[str]:
        """The PRONOTE parents matched to the ENT parents listing this ENT pupil."""
        return {self.parent_match[p] for p in self.ent_parents.get(ent_pupil.ident, ()) if p in self.parent_match}

    def pupil_keys(self, person: Person, pronote_side: bool) -> set[tuple]:
        parents = self.parents_of.get(person.ident, ()) if pronote_side else self.matched_parents(person)
        return {("k", parent) for parent in parents}

    def pupil_levels(self, pronote: Person, ent: Person) -> tuple[int, int]:
        ours = set(self.parents_of.get(pronote.ident, ()))
        theirs = self.matched_parents(ent)
        if ours and theirs:
            return (lv.K_AGREE if ours & theirs else lv.K_OTHER), lv.C_NONE
        return lv.K_NONE, lv.C_NONE
