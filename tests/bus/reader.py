"""The assistive tool's side of the bus test: run by Debian's /usr/bin/python3 with python3-pyatspi (the library
Orca itself uses), it reads the wizard's accessibility tree and listens to its events through the real AT-SPI bus,
as a screen reader does. It answers one JSON command per line on stdin with one JSON line on stdout:

- {"cmd": "attach", "pid": N, "timeout": s}: wait until the application of that process is on the bus;
- {"cmd": "tree"}: its windows, each node with role, name, description, states, relations, accessible id, and
  `path` (child indexes from the application), targets of relations given by their path too;
- {"cmd": "settle", "quiet": s, "timeout": s}: let events arrive until none came for `quiet` seconds; answer the
  events received since the previous settle (type, source, details) and start counting anew.

It imports nothing of the project: it runs outside its virtual environment, as any assistive tool does."""
from __future__ import annotations

import json
import select
import sys
import time

import gi

gi.require_version("Atspi", "2.0")
from gi.repository import Atspi, GLib  # noqa: E402

# Every kind of event an assistive tool may ask for: the bridge sends only what someone listens to.
EVENT_KINDS = ("object:", "window:", "focus:")
MAX_CELLS = 40
KEPT_STATES = ("active", "checked", "editable", "enabled", "focusable", "focused", "invalid-entry", "read-only",
               "selectable", "selected", "sensitive", "showing", "visible", "required", "multi-line", "expanded",
               "expandable", "pressed", "checkable", "is-default")


class Reader:
    def __init__(self):
        self.app = None
        self.events: list[dict] = []
        self.names: dict[str, tuple | None] = {}
        self.focus = None  # by object path: role, name, id at the time first heard
        self.last_event = time.monotonic()
        self.listener = Atspi.EventListener.new(self._event)
        for kind in EVENT_KINDS:
            self.listener.register(kind)

    # -- events ---------------------------------------------------------------------------------
    def _event(self, event) -> None:
        # Kept cheap: no call back to the application here (a storm of events would queue behind each call);
        # the sources are named once per settle.
        self.last_event = time.monotonic()
        if event.type == "object:state-changed:focused" and event.detail1 == 1:
            self.focus = event.source  # where a screen reader's « point of regard » is now
        data = event.any_data
        record = {"type": event.type, "detail1": event.detail1, "detail2": event.detail2, "source": event.source}
        if isinstance(data, (str, int, float, bool)):
            record["data"] = data
        elif isinstance(data, Atspi.Accessible):
            record["data_source"] = data
        self.events.append(record)

    def settle(self, quiet: float, timeout: float) -> list[dict]:
        context = GLib.MainContext.default()
        start = time.monotonic()
        self.last_event = max(self.last_event, start)
        while time.monotonic() - start < timeout:
            while context.pending() and time.monotonic() - start < timeout:
                context.iteration(False)
            if time.monotonic() - self.last_event >= quiet:
                break
            time.sleep(0.005)
        events, self.events = self.events, []
        self.names = {}
        return [record for record in (self._named(event) for event in events) if record is not None]

    def _named(self, event: dict) -> dict | None:
        source = event.pop("source")
        key = source.path
        if key not in self.names:
            try:
                mine = self.app is not None and source.get_process_id() == self.pid
                self.names[key] = (source.get_role_name(), source.get_name() or "",
                                   source.get_accessible_id() or "") if mine else None
            except GLib.Error:
                self.names[key] = ("?", "?", "?")
        if self.names[key] is None:
            return None
        event["role"], event["name"], event["id"] = self.names[key]
        other = event.pop("data_source", None)
        if other is not None:
            try:
                event["data"] = f"{other.get_role_name()} {other.get_name()!r}"
            except GLib.Error:
                event["data"] = "?"
        return event

    # -- the tree -------------------------------------------------------------------------------
    def attach(self, pid: int, timeout: float) -> bool:
        self.pid = pid
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            desktop = Atspi.get_desktop(0)
            for index in range(desktop.get_child_count()):
                app = desktop.get_child_at_index(index)
                try:
                    if app is not None and app.get_process_id() == pid and app.get_child_count() > 0:
                        self.app = app
                        app.set_cache_mask(Atspi.Cache.NONE)  # what the bus says now, never a stale copy
                        return True
                except GLib.Error:
                    continue
            self.settle(0.1, 0.2)
        return False

    def tree(self, light: bool = False) -> list[dict]:
        """`light`: roles, names, ids and states only (no relations, descriptions, text): a third of the calls."""
        paths: dict[str, list[int]] = {}
        nodes = []
        for index in range(self.app.get_child_count()):
            window = self.app.get_child_at_index(index)
            if window is not None:
                nodes.append(self._node(window, [index], paths, light=light))

        def resolve(node):
            for relation in node["relations"]:
                relation["targets"] = [paths.get(key, key) for key in relation["targets"]]
            for child in node["children"]:
                resolve(child)

        for node in nodes:
            resolve(node)
        return nodes

    def leaf(self, acc) -> dict | None:
        """One node without its children (the focused one): a few calls instead of the whole tree."""
        if acc is None:
            return None
        try:
            node = self._node(acc, [], {}, children=False)
        except GLib.Error:
            return None
        return node

    def buttons(self) -> list[dict]:
        """The push buttons directly in the main window's frame (QWizard's « Suivant », « Terminer »…)."""
        window = self.app.get_child_at_index(0)
        frame = window.get_child_at_index(0) if window is not None else None
        found = []
        for index in range(frame.get_child_count() if frame is not None else 0):
            child = frame.get_child_at_index(index)
            if child is not None and child.get_role_name() == "push button":
                found.append(self._node(child, [0, 0, index], {}, children=False))
        return found

    def _node(self, acc, path: list[int], paths: dict, children: bool = True, light: bool = False) -> dict:
        key = acc.path  # one application: its object paths are unique
        paths[key] = path
        states = acc.get_state_set()
        node = {
            "path": path, "role": acc.get_role_name(), "name": acc.get_name() or "",
            "description": "" if light else acc.get_description() or "", "id": acc.get_accessible_id() or "",
            "states": [name for name in KEPT_STATES if states.contains(getattr(Atspi.StateType,
                                                                                name.upper().replace("-", "_")))],
            "relations": [], "children": [],
        }
        for relation in [] if light else acc.get_relation_set() or []:
            targets = []
            for index in range(relation.get_n_targets()):
                target = relation.get_target(index)
                targets.append(target.path if target is not None else "?")
            node["relations"].append({"type": relation.get_relation_type().value_nick, "targets": targets})
        interfaces = [] if light else acc.get_interfaces()
        try:
            if "Text" in interfaces:
                node["text"] = Atspi.Text.get_text(acc, 0, -1)
            if "Value" in interfaces:
                node["value"] = Atspi.Value.get_current_value(acc)
        except GLib.Error:
            pass
        if node["role"] == "combo box" and not light:
            node["selected"] = self._combo_value(acc)
        # What is hidden holds nothing a reader can reach (Qt says « visible » only when every ancestor is): its
        # children are not read, which keeps a page's reading under a second.
        shown = children and (states.contains(Atspi.StateType.SHOWING) or len(path) == 1)
        count = acc.get_child_count() if shown else 0
        if node["role"] in ("table", "tree table", "tree", "list"):
            # Headers and the first rows are what a reader meets first; a long table read cell by cell would
            # take seconds over the bus (a screen reader reads cells as they are reached).
            node["child_count"] = count
            count = min(count, MAX_CELLS)
        for index in range(count):
            child = acc.get_child_at_index(index)
            if child is not None:
                node["children"].append(self._node(child, [*path, index], paths, light=light))
        return node


    @staticmethod
    def _combo_value(acc) -> str | None:
        """A combo box's value as Orca reads it when the name is not it: the item selected in its list, its
        first child (Orca's script_utilities, displayed text of a combo box)."""
        try:
            choices = acc.get_child_at_index(0)
            if choices is None or "Selection" not in choices.get_interfaces():
                return None
            selected = Atspi.Selection.get_selected_child(choices, 0)
            return selected.get_name() if selected is not None else None
        except GLib.Error:
            return None


def main() -> None:
    reader = Reader()
    out = sys.stdout
    while True:
        ready, _, _ = select.select([sys.stdin], [], [], 0.01)
        context = GLib.MainContext.default()
        while context.iteration(False):
            pass
        if not ready:
            continue
        line = sys.stdin.readline()
        if not line:
            return
        command = json.loads(line)
        try:
            if command["cmd"] == "attach":
                answer = {"ok": reader.attach(command["pid"], command.get("timeout", 20))}
            elif command["cmd"] == "tree":
                answer = {"ok": True, "tree": reader.tree(light=command.get("light", False))}
            elif command["cmd"] == "focus":
                answer = {"ok": True, "node": reader.leaf(reader.focus)}
            elif command["cmd"] == "buttons":
                answer = {"ok": True, "nodes": reader.buttons()}
            elif command["cmd"] == "settle":
                answer = {"ok": True, "events": reader.settle(command.get("quiet", 0.3), command.get("timeout", 5))}
            elif command["cmd"] == "quit":
                out.write(json.dumps({"ok": True}) + "\n")
                out.flush()
                return
            else:
                answer = {"ok": False, "error": f"unknown command {command['cmd']}"}
        except Exception as exc:  # noqa: BLE001 - the test prints it: a reader that dies says nothing
            answer = {"ok": False, "error": f"{type(exc).__name__}: {exc}"}
        out.write(json.dumps(answer, ensure_ascii=False) + "\n")
        out.flush()


if __name__ == "__main__":
    main()
