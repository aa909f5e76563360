"""Families: which PRONOTE pupil has which parents, and what the ENT list says of children and classes.

A parent is the parent of a pupil: once pupils are matched, two homonym parents (« GARNIER Sophie » twice, no
birth date in PRONOTE) are told apart by their children, and a mother whose surname changed completely is still
found by her first name and her child. The links come from the PRONOTE file's documented layout
(`Eleve/Responsable@Ident` → `Responsables/Responsable@Ident`, DOMAIN.md); the ENT list may have a column of
children (identifiers or names) on parents' rows, and a column of classes (a pupil's class, a parent's
children's classes).

The links are read with the people, in the identifier reader's one bounded pass
(`wizard.core.idfile.load_people_and_links`: every cap of the file check holds); `families` puts them together with
the ENT list's columns.
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from wizard.core.matching import scoring as lv
from wizard.core.matching.blocking import BlockKey
from wizard.core.matching.normalise import fold
from wizard.core.people import Person

if TYPE_CHECKING:
    from wizard.core.matching.entcsv import EntList

_IN_BRACKETS = re.compile(r"[(\[].*?[)\]]")


@dataclass(frozen=True)
class Families:
    # PRONOTE pupil identifier → its parents' PRONOTE identifiers
    parents_of: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # ENT account identifier → the children written on its row (ENT identifiers or « NOM Prénom »)
    ent_children: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # ENT account identifier → the classes written on its row
    ent_classes: dict[str, tuple[str, ...]] = field(default_factory=dict)


def families(links: dict[str, list[str]] | None, ent: EntList | None = None) -> Families:
    """The file's pupil → parents links (`load_people_and_links`) and the family columns of the account list."""
    return Families({pupil: tuple(parents) for pupil, parents in (links or {}).items()},
                    dict(ent.children) if ent else {}, dict(ent.classes) if ent else {})


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

    def has_siblings(self, person: Person, pronote_side: bool) -> bool:
        """Whether a pupil has a brother or sister in the lists by the families: a parent in common in the PRONOTE
        file, or a parent's row in the ENT list naming both."""
        if pronote_side:
            return any(len(self.children_of.get(parent, ())) > 1 for parent in self.parents_of.get(person.ident, ()))
        return any(len(self.ent_children.get(parent, ())) > 1 for parent in self.ent_parents.get(person.ident, ()))

    def has_parents(self, person: Person, pronote_side: bool) -> bool:
        """Whether the families name a parent of this pupil: the PRONOTE links, or a parent's row in the ENT list."""
        return bool(self.parents_of.get(person.ident) if pronote_side else self.ent_parents.get(person.ident))

    # -- parents ----------------------------------------------------------------------------------
    def matched_children(self, parent: Person) -> set[str]:
        """The ENT pupils matched to this PRONOTE parent's children."""
        return {self.pupil_match[c] for c in self.children_of.get(parent.ident, ()) if c in self.pupil_match}

    def parent_keys(self, person: Person, pronote_side: bool) -> set[BlockKey]:
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

    def pupil_keys(self, person: Person, pronote_side: bool) -> set[BlockKey]:
        parents = self.parents_of.get(person.ident, ()) if pronote_side else self.matched_parents(person)
        return {("k", parent) for parent in parents}

    def pupil_levels(self, pronote: Person, ent: Person) -> tuple[int, int]:
        ours = set(self.parents_of.get(pronote.ident, ()))
        theirs = self.matched_parents(ent)
        if ours and theirs:
            return (lv.K_AGREE if ours & theirs else lv.K_OTHER), lv.C_NONE
        return lv.K_NONE, lv.C_NONE
