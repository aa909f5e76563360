"""Any other layout: people are elements whose attributes or child elements carry a last name, a first name and an
identifier under a known word (`names`), with the profile from a category field, the record's tag or its
container's.

Speed comes from doing per element only what its names call for: each element name is looked at once (`_Kind`),
each set of attribute names once (`_Plan`: which attribute gives which field; values are then read by position
from `values()` on an element with few attributes, by name with `get` otherwise – `Element.items()` on every
element, as before, looks every value up by name: quadratic, minutes on one element with 300,000 attributes), and
each (container, record) pair once (`_Shape`). Records go on as soon as their shape is known to be people;
records of a shape not yet known wait, within a budget, for the first element of that shape that has all three
fields.
"""
from __future__ import annotations

import operator
from collections.abc import Callable
from typing import Any

from wizard.core import people
from wizard.core.i18n import tr_noop
from wizard.core.idfile import names
from wizard.core.idfile.layoutbase import Element, Emit, Events, LayoutReader, check_field
from wizard.core.idfile.limits import MAX_DEPTH, MAX_FIELD, MAX_NAME, MAX_PENDING, MAX_PEOPLE, MAX_SHAPES
from wizard.core.idfile.safety import too_many_names

_VALUE = "value"  # the text of `attr[@name]/value` (AAF), waiting for its `attr` to end
_SHOWN = {names.IDENT, names.LAST_NAME, names.FIRST_NAME, names.BIRTH_DATE, names.PROFILE}
_ACTED_ON = {*names.PERSON_FIELDS, names.UAI, names.SCHOOL_NUMBER, names.EXPORT_DATE}
_PLANS_KEPT = 4096  # distinct sets of attribute names remembered; a hostile file could make millions
_PLAN_KEYS_KEPT = 32  # a longer set is planned each time rather than remembered
_RECORD_COST = 64  # what a waiting record costs beyond its characters, in the MAX_PENDING budget
_QUICK_KEYS = 16  # elements with more attributes take the general path
_MISSING = ("", None)
# What a field was read as: (rank of the word that named it, its value, where it was read), by role.
_Fields = dict[str, tuple[int, str, str]]
# A person as emitted: (ident, profile, last_name, first_name, birth_date, line).
_Record = tuple[str, str, str, str, "str | None", int]
# A plan's quick path: the person's fields taken by position from an element's values (an itemgetter).
_Pick = Callable[[list["str | None"]], Any]
# Per open element: [kind, plan, its fields or None, has a child element] – a list, changed in place.
_Open = list[Any]


class _Kind:
    """What an element name says: the field its text gives its parent, if any, and the profile it names."""

    __slots__ = ("tag", "local", "word", "text_role", "is_value", "is_attr", "seen", "keys", "plan", "container",
                 "shape")

    def __init__(self, tag: str):
        self.tag = tag
        self.local = names.local_name(tag)
        self.word = names.normalise(tag)
        self.is_value = self.word == _VALUE
        self.is_attr = self.word == "attr"
        role = names.ROLES.get(self.word)
        self.text_role = (role[0], role[1], self.local) if role else ((_VALUE, 0, _VALUE) if self.is_value else None)
        self.seen = 0  # elements met, for the message when nobody is found
        # The last attribute names and plan, container and shape met with this name: most files repeat them.
        self.keys: list[str] | None = None
        self.plan: _Plan | None = None
        self.container: _Kind | None = None
        self.shape: _Shape | None = None


class _Plan:
    """What a set of attribute names gives: the best attribute for each field, as (role, rank, attribute, source)
    entries; and, when they are a person's fields only and few, where each field is among the element's values
    (`pick`), for the quick path."""

    __slots__ = ("entries", "pick", "inert")

    def __init__(self, keys: tuple[str, ...], entries: tuple[tuple[str, int, str, str], ...]):
        self.entries = entries
        by_role = {role: keys.index(name) for role, _, name, _ in entries}
        self.inert = not set(by_role) & _ACTED_ON  # alone, these attributes say nothing `_judge` would act on
        quick = (len(keys) <= _QUICK_KEYS and set(by_role) <= _SHOWN
                 and any(role in by_role for role in names.PERSON_FIELDS))
        # Values are read by position, after two more: "" for a missing name or identifier, None for a missing
        # date or category (a missing date is not an empty one).
        missing_text, missing_none = len(keys), len(keys) + 1
        self.pick: _Pick | None = operator.itemgetter(
            *(by_role.get(role, missing_text) for role in names.PERSON_FIELDS),
            *(by_role.get(role, missing_none) for role in (names.BIRTH_DATE, names.PROFILE))) if quick else None

    def __bool__(self) -> bool:
        return bool(self.entries)


class _Shape:
    """Every element with the same name under the same container name: people once one of them carries all three
    fields (then `complete`); until then its records wait in `pending`, unless the budget ran out (`dead`)."""

    __slots__ = ("complete", "dead", "pending", "sources", "profile", "profile_source")

    def __init__(self, profile: str, profile_source: str):
        self.complete = self.dead = False
        self.pending: list[_Record] = []
        self.sources: dict[str, str] = {}
        self.profile, self.profile_source = profile, profile_source  # when no category field says otherwise


class Generic(LayoutReader):
    layout = "generique"
    label = tr_noop("Format reconnu automatiquement")
    strict_dates = False

    def __init__(self, emit: Emit, want_links: bool = False):
        super().__init__(emit, want_links)
        self._kinds: dict[str, _Kind] = {}
        self._plans: dict[tuple[str, ...], _Plan] = {}
        self._stack: list[_Open] = []
        self._shapes: dict[tuple[_Kind | None, _Kind], _Shape] = {}
        self._pending = 0  # budget used by waiting records

    def take(self, events: Events) -> None:
        stack, kinds, plans, shapes = self._stack, self._kinds, self._plans, self._shapes
        for event, element in events:
            if event == "start":
                tag = element.tag
                kind = kinds.get(tag)
                if kind is None:
                    kind = self._new_kind(tag, element)
                keys = element.keys()
                plan: _Plan | None = None
                if keys:
                    if keys == kind.keys:
                        plan = kind.plan
                    else:
                        plan = plans.get(tuple(keys))
                        if plan is None:
                            plan = self._plan(keys, element)
                        if len(keys) <= _PLAN_KEYS_KEPT:
                            kind.keys, kind.plan = keys, plan
                if stack:
                    stack[-1][3] = True  # the parent has a child element: its text is not a field
                stack.append([kind, plan, None, False])
                if len(stack) > MAX_DEPTH:
                    self.names.admit(element, (), len(stack))  # refuses
                continue
            kind, plan, fields, has_children = stack.pop()
            kind.seen += 1
            if kind.text_role is not None and stack and not has_children:
                self._leaf(element, kind.text_role, kind.is_value, stack[-1])
            if fields is None and (plan is None or plan.inert):  # nothing here for a person, a UAI or a date
                continue
            if fields is None and plan is not None and plan.pick is not None:
                container = stack[-1][0] if stack else None
                if kind.container is container and kind.shape is not None:
                    shape = kind.shape
                else:
                    shape = kind.shape = shapes.get((container, kind))
                    kind.container = container
                if shape is not None:
                    if shape.complete:  # one more person of a known shape: the usual case
                        self._quick(element, plan.pick, shape)
                        continue
                    if shape.dead:  # known not to be people, and nothing else to read in it
                        continue
            if plan:
                if fields is None:
                    fields = {}
                for role, rank, name, source in plan.entries:
                    old = fields.get(role)
                    if old is None or rank < old[0]:
                        fields[role] = (rank, check_field(element.get(name) or "", element.sourceline).strip(), source)
            if fields:
                if kind.is_attr and _VALUE in fields and stack and element.get("name"):
                    self._attr_value(element, fields, stack[-1])
                else:
                    self._judge(element, kind, fields)

    def _quick(self, element: Element, pick: _Pick, shape: _Shape) -> None:
        """`_judge` for an element whose fields are all among its few attributes (`pick`: its plan's), and whose
        shape is known to be people. `values()` looks each value up by name, which is quadratic, but on at most
        _QUICK_KEYS of them."""
        values: list[str | None] = [*element.values(), *_MISSING]
        ident, last_name, first_name, birth, category = pick(values)
        line = element.sourceline
        if len(ident) + len(last_name) + len(first_name) + len(birth or "") + len(category or "") > MAX_FIELD:
            for value in (ident, last_name, first_name, birth or "", category or ""):  # else none is too long
                check_field(value, line)
        profile = (category is not None and names.profile_of_word(category.strip())) or shape.profile
        self.emit(ident.strip(), profile, last_name.strip(), first_name.strip(),
                  birth if birth is None else birth.strip(), line)
        self.people += 1
        if self.people > MAX_PEOPLE:
            self.counted(line)  # refuses

    def _new_kind(self, tag: str, element: Element) -> _Kind:
        self.names.admit(element, (), len(self._stack) + 1)
        kind = self._kinds[tag] = _Kind(tag)
        return kind

    def _plan(self, keys: list[str], element: Element) -> _Plan:
        """For a set of attribute names: the best attribute for each field (the earlier word wins, then the
        earlier attribute), as (role, rank, attribute, source). Remembered, so met once per set of names."""
        self.names.admit(element, keys, len(self._stack) + 1)
        best: dict[str, tuple[str, int, str, str]] = {}
        for key in keys:
            known = names.ROLES.get(names.normalise(key))
            if known is not None and (known[0] not in best or known[1] < best[known[0]][1]):
                best[known[0]] = (known[0], known[1], key, "@" + names.local_name(key))
        plan = _Plan(tuple(keys), tuple(best.values()))
        if len(keys) <= _PLAN_KEYS_KEPT:
            if len(self._plans) >= _PLANS_KEPT:
                self._plans.clear()
            self._plans[tuple(keys)] = plan
        return plan

    def _leaf(self, element: Element, text_role: tuple[str, int, str], is_value: bool, parent: _Open) -> None:
        """A child element without children whose name is a field (`text_role`: its kind's): its text is that
        field of its parent."""
        text = check_field(element.text or "", element.sourceline).strip()
        fields = parent[2]
        if fields is None:
            fields = parent[2] = {}
        role, rank, source = text_role
        if is_value:
            fields.setdefault(_VALUE, (0, text, _VALUE))
            return
        old = fields.get(role)
        if old is None or rank < old[0]:
            fields[role] = (rank, text, source)

    def _attr_value(self, element: Element, fields: _Fields, parent: _Open) -> None:
        """AAF: `<attr name="sn"><value>MARTIN</value></attr>` gives its parent the field named by `@name`."""
        name = element.get("name") or ""
        known = names.ROLES.get(names.normalise(name)) if len(name) <= MAX_NAME else None
        if known is None:
            return
        role, rank = known
        parent_fields = parent[2]
        if parent_fields is None:
            parent_fields = parent[2] = {}
        old = parent_fields.get(role)
        if old is None or rank < old[0]:
            parent_fields[role] = (rank, fields[_VALUE][1], f"attr[@name='{name}']/value")

    def _judge(self, element: Element, kind: _Kind, fields: _Fields) -> None:
        line = element.sourceline
        if names.UAI in fields:
            self.add_uai(fields[names.UAI][1], line)
        elif names.SCHOOL_NUMBER in fields and kind.word in names.SCHOOL_TAGS:
            self.add_uai(fields[names.SCHOOL_NUMBER][1], line)
        if not self._stack and names.EXPORT_DATE in fields:
            self.export_date = (fields[names.EXPORT_DATE][1], line)
        if names.IDENT not in fields and names.LAST_NAME not in fields and names.FIRST_NAME not in fields:
            return
        container = self._stack[-1][0] if self._stack else None
        shape = self._shapes.get((container, kind))
        if shape is None:
            shape = self._new_shape(container, kind, line)
        if shape.dead:
            return
        profile: str | None = None
        profile_source = ""
        if names.PROFILE in fields:
            _, value, profile_source = fields[names.PROFILE]
            profile = names.profile_of_word(value)
        if not profile:
            profile, profile_source = shape.profile, shape.profile_source
        ident, last_name, first_name = (fields[role][1] if role in fields else "" for role in names.PERSON_FIELDS)
        birth = fields[names.BIRTH_DATE][1] if names.BIRTH_DATE in fields else None
        record: _Record = (ident, profile, last_name, first_name, birth, line)
        if shape.complete:
            self._person(record)
        elif names.IDENT in fields and names.LAST_NAME in fields and names.FIRST_NAME in fields:
            shape.complete = True
            shape.sources = {role: source for role, (_, _, source) in fields.items() if role in _SHOWN}
            shape.sources[names.PROFILE] = profile_source
            shape.sources["records"] = "/".join(k.local for k in (container, kind) if k is not None)
            for waiting in shape.pending:
                self._pending -= _cost(waiting)
                self._person(waiting)
            shape.pending = []
            self._person(record)
        else:
            self._wait(shape, record)

    def _new_shape(self, container: _Kind | None, kind: _Kind, line: int) -> _Shape:
        if len(self._shapes) >= MAX_SHAPES:
            raise too_many_names(line)
        own = people.profile_of_word(kind.word)
        around = people.profile_of_word(container.word) if container is not None else None
        # Where the profile was read, in XML's own notation: the same in every language, and it is kept in the
        # progress (a sentence saved in French would stay French after the admin switched to English).
        if own:
            profile, source = own, f"<{kind.local}>"
        elif container is not None and around:
            profile, source = around, f"<{container.local}>/<{kind.local}>"
        else:
            profile, source = "autre", "—"
        shape = self._shapes[(container, kind)] = _Shape(profile, source)
        return shape

    def _wait(self, shape: _Shape, record: _Record) -> None:
        cost = _cost(record)
        if self._pending + cost > MAX_PENDING:  # no room left: this shape is not people
            shape.dead = True
            self._pending -= sum(_cost(waiting) for waiting in shape.pending)
            shape.pending = []
            return
        self._pending += cost
        shape.pending.append(record)

    def _person(self, record: _Record) -> None:
        self.emit(*record)
        self.counted(record[-1])

    def finish(self, root: Element | None) -> None:
        """Records still waiting belong to shapes that never had all three fields: not people."""
        for shape in self._shapes.values():
            shape.pending = []
        self._pending = 0

    def mapping_used(self) -> dict[str, str]:
        mapping: dict[str, str] = {}
        for shape in self._shapes.values():
            if not shape.complete:
                continue
            for role, source in shape.sources.items():
                known = mapping.get(role)
                if known is None:
                    mapping[role] = source
                elif source not in known.split(", "):
                    mapping[role] = known + ", " + source
        if self.uais:
            mapping.setdefault(names.UAI, tr_noop("code UAI trouvé dans le fichier"))
        return mapping

    def seen(self) -> list[tuple[str, int]]:
        """Element names met and how often, most frequent first, for the message when nobody is found."""
        return sorted(((kind.tag, kind.seen) for kind in self._kinds.values()), key=lambda item: -item[1])


def _cost(record: _Record) -> int:
    ident, _, last_name, first_name, birth, _ = record
    return len(ident) + len(last_name) + len(first_name) + len(birth or "") + _RECORD_COST
