"""What a screen reader needs, checked on the tree and the events read through the bus (tests/bus/reader.py).
Pure functions over that JSON, so they run anywhere; each returns sentences naming the node (role, name, id)."""
from __future__ import annotations

import json
import re

INTERACTIVE = {"push button", "toggle button", "check box", "radio button", "text", "password text", "combo box",
               "spin button", "slider", "list", "table", "tree", "tree table", "page tab", "link", "menu item",
               "check menu item", "radio menu item", "entry"}
FIELDS = {"text", "password text", "combo box", "spin button", "entry"}
TOGGLES = {"check box", "radio button"}
MAX_EVENTS_PER_KEY = 10
# Messages whose appearance must be announced: the notices' object names end with their kind.
ANNOUNCED_KINDS = ("_error", "_warning")


def normal(text: str) -> str:
    """Names compared as a listener hears them: case, spaces, mnemonics, a trailing colon or ellipsis aside."""
    text = text.replace("\xa0", " ").replace("\u202f", " ").replace("&", "")
    text = re.sub(r"\s+", " ", text).strip().casefold()
    return text.rstrip(" :…").strip()


def walk(nodes: list[dict]):
    for node in nodes:
        yield node
        yield from walk(node["children"])


def by_path(tree: list[dict]) -> dict[str, dict]:
    return {json.dumps(node["path"]): node for node in walk(tree)}


def describe(node: dict) -> str:
    return f"{node['role']} « {node['name'][:60]} » ({node['id'].rsplit('.', 2)[-1] if node['id'] else '?'})"


def showing(node: dict) -> bool:
    return "showing" in node["states"]


def check_tree(tree: list[dict], qt_texts: dict[str, dict]) -> list[str]:
    """Names, label relations, labels that hide their text, unnamed images, focusable elements out of sight."""
    problems = []
    nodes = by_path(tree)
    for key, node in nodes.items():
        role, name = node["role"], node["name"]
        if role in INTERACTIVE and showing(node) and not name.strip():
            problems.append(f"sans nom : {describe(node)}")
        labels = [nodes.get(json.dumps(target)) for relation in node["relations"]
                  if relation["type"] == "labelled-by" for target in relation["targets"]]
        labels = [label for label in labels if label is not None and label["role"] == "label"]
        # A combo box too: Qt's own interface names it by its current value on Linux, the assistant's by its
        # label (wizard/gui/accessibility.py), as on Windows.
        for label in labels:
            if normal(label["name"]) and normal(label["name"]) not in normal(name):
                problems.append(f"nom sans le texte de son étiquette « {label['name']} » : {describe(node)}")
        shown = qt_texts.get(key)
        if shown is not None and showing(node):
            text = normal(shown["text"])
            if shown["kind"] == "label" and role == "label" and text and normal(name) != text:
                problems.append(f"étiquette dont le nom cache le texte « {shown['text'][:60]} » : {describe(node)}")
            if shown["kind"] == "image" and not name.strip():
                problems.append(f"image sans nom (une icône) : {describe(node)}")
            if shown["kind"] == "button" and text and text not in normal(name):
                problems.append(f"nom sans le texte visible « {shown['text'][:60]} » : {describe(node)}")
        if showing(node) and "read-only" not in node["states"] and (
                role in FIELDS or (role in TOGGLES and shown is not None and not shown["text"])):
            if not labels and not _in_combo(node, nodes):
                problems.append(f"champ sans relation à son étiquette : {describe(node)}")
        if "focusable" in node["states"] and "visible" in node["states"] and not showing(node) \
                and not _in_combo(node, nodes):
            problems.append(f"élément focalisable visible mais pas « showing » : {describe(node)}")
    return problems


def _in_combo(node: dict, nodes: dict[str, dict]) -> bool:
    path = node["path"]
    for depth in range(1, len(path)):
        parent = nodes.get(json.dumps(path[:depth]))
        if parent is not None and parent["role"] == "combo box":
            return True
    return False


def check_page_arrival(tree: list[dict], events: list[dict], title: str) -> list[str]:
    """After « Suivant »: the window says the page, its title is a heading, and the focus is reported."""
    problems = []
    window = tree[0]
    if normal(title) not in normal(window["name"]):
        problems.append(f"titre de la fenêtre sans la page « {title} » : « {window['name']} »")
    if not any(node["role"] == "heading" and normal(node["name"]) == normal(title) and showing(node)
               for node in walk(tree)):
        problems.append(f"titre de la page « {title} » pas exposé comme titre (heading)")
    focus = [event for event in events if event["type"] == "object:state-changed:focused" and event["detail1"] == 1]
    if not focus:
        problems.append("focus non signalé à l'arrivée sur la page")
    focused = [node for node in walk(tree) if "focused" in node["states"] and showing(node)
               and node["role"] not in ("list item", "dialog", "frame")]
    if not focused:
        problems.append("aucun élément focalisé et affiché à l'arrivée sur la page")
    return problems


def check_steps_list(tree: list[dict], title: str, step_count: int) -> list[str]:
    """The side panel as a list: one item per step, the current one selected and named, states in words."""
    lists = [node for node in walk(tree) if node["role"] == "list" and "steps" in node["id"] and showing(node)]
    if not lists:
        return ["panneau des étapes : pas de liste"]
    items = [child for child in lists[0]["children"] if child["role"] == "list item"]
    problems = []
    if len(items) < step_count:
        problems.append(f"panneau des étapes : {len(items)} élément(s) pour {step_count} étapes")
    current = [item for item in items if "selected" in item["states"]]
    if len(current) != 1 or normal(title) not in normal(current[0]["name"]):
        problems.append(f"panneau des étapes : l'étape en cours « {title} » n'est pas l'élément sélectionné")
    return problems


def check_keystroke(events: list[dict], key: str) -> list[str]:
    if len(events) > MAX_EVENTS_PER_KEY:
        kinds: dict[str, int] = {}
        for event in events:
            kinds[event["type"]] = kinds.get(event["type"], 0) + 1
        top = ", ".join(f"{kind} ×{count}" for kind, count in sorted(kinds.items(), key=lambda kv: -kv[1])[:4])
        some = "; ".join(f"{event['type']} {event['role']} « {event['name'][:30]} » {event['detail1']}"
                         for event in events[:14])
        return [f"{len(events)} événements pour la touche {key!r} (plus de {MAX_EVENTS_PER_KEY}) : {top} – {some}"]
    return []


def messages(tree: list[dict]) -> dict[str, str]:
    """The error and warning messages on screen, by their node's path."""
    return {json.dumps(node["path"]): node["name"] for node in walk(tree)
            if node["role"] == "label" and showing(node) and node["name"].strip()
            and node["id"].rsplit(".", 1)[-1].endswith(ANNOUNCED_KINDS)}


def announcements(events: list[dict]) -> list[str]:
    return [str(event.get("data", "")) for event in events if event["type"] == "object:announcement"]


def check_announced(before: dict[str, str], after: dict[str, str], events: list[dict]) -> list[str]:
    """Every error or warning that appeared or changed was announced (its text in an announcement)."""
    said = [normal(text) for text in announcements(events)]
    problems = []
    for key, text in after.items():
        if before.get(key) != text and not any(normal(text) in heard or heard in normal(text) and heard
                                               for heard in said):
            problems.append(f"message affiché sans annonce : « {text[:80]} »")
    return problems


def render(tree: list[dict]) -> str:
    """The tree as a screen reader user would list it (for failures)."""
    lines = []
    for node in walk(tree):
        if not showing(node) and node["role"] not in ("dialog", "frame", "application"):
            continue
        relations = "; ".join(f"{r['type']} {r['targets']}" for r in node["relations"] if r["type"] != "controller-for")
        extra = " ".join(part for part in (
            f"desc=« {node['description'][:60]} »" if node["description"] else "",
            f"[{relations}]" if relations else "",
            " ".join(s for s in node["states"] if s in ("focused", "selected", "checked", "focusable", "read-only")),
        ) if part)
        lines.append(f"{'  ' * (len(node['path']) - 1)}{node['role']} « {node['name'][:70]} » {extra}".rstrip())
    return "\n".join(lines)
