"""Collects every user-visible French text into `resources/translations/wizard_<lang>.ts` and builds the `.qm`.

Texts are the literals of `tr("…")` and `tr_noop("…")` calls under `wizard/` and, from the ENT data files, the
checklists (whose ENT words are placeholders such as `{ent_name}`, so one entry serves every ENT), the logins as
the window says them, and the facts' notes (the help's « Sources »). The ENT's own labels and the sources' titles
stay as the ENT and the sources write them. Existing
translations are kept; new texts arrive « unfinished »; texts no longer in the code are dropped. A translation
whose `{placeholders}` differ from its source's would fail at `.format(...)`: it is reported, and kept out of the
`.qm` (marked unfinished) until corrected. `--check` only reports (exit 1) unfinished, missing or mismatched
entries, for the tests.
Usage: .venv/bin/python tools/update_translations.py [--check] [LANG …]   (default: en)
"""
from __future__ import annotations

import ast
import json
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "resources" / "translations"
CONTEXT = "wizard"
LOCALES = {"en": "en_GB"}


def collect() -> dict[str, tuple[str, int]]:
    """source text -> (file, line) of its first use."""
    found: dict[str, tuple[str, int]] = {}
    for path in sorted((ROOT / "wizard").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ("tr", "tr_noop")
                    and node.args and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str)):
                found.setdefault(node.args[0].value, (str(path.relative_to(ROOT)), node.lineno))
    for data in sorted((ROOT / "resources" / "ent").glob("*.json")):
        ent = json.loads(data.read_text(encoding="utf-8"))
        where = (str(data.relative_to(ROOT)), 0)
        for items in ent.get("checklists", {}).values():
            for item in items:
                found.setdefault(item["text"], where)
        for login in ent.get("logins", {}).values():
            found.setdefault(login["value"], where)
        for note in _notes(ent):
            found.setdefault(note, where)
    return found


def _notes(value) -> list[str]:
    """The `note` of every fact in the file, wherever it sits."""
    if isinstance(value, list):
        return [note for item in value for note in _notes(item)]
    if not isinstance(value, dict):
        return []
    own = [value["note"]] if isinstance(value.get("note"), str) and "sources" in value else []
    return own + [note for key, item in value.items() if key != "note" for note in _notes(item)]


def placeholders(text: str) -> set[str]:
    """The `{names}` a text is formatted with (`{{` and `}}` are literal braces)."""
    return set(re.findall(r"\{(\w*)\}", re.sub(r"\{\{|\}\}", "", text)))


def mismatched(done: dict[str, str]) -> list[str]:
    """Sources whose translation does not carry the same placeholders."""
    return [source for source, text in done.items() if placeholders(source) != placeholders(text)]


def read_ts(path: Path) -> dict[str, str]:
    if not path.exists():
        return {}
    done = {}
    for message in ET.parse(path).getroot().iter("message"):
        source = message.findtext("source")
        translation = message.find("translation")
        finished = translation is not None and translation.get("type") != "unfinished" and translation.text
        if source is not None and finished:
            done[source] = translation.text
    return done


def write_ts(path: Path, language: str, texts: dict[str, tuple[str, int]], done: dict[str, str]) -> list[str]:
    root = ET.Element("TS", version="2.1", language=LOCALES[language], sourcelanguage="fr_FR")
    context = ET.SubElement(root, "context")
    ET.SubElement(context, "name").text = CONTEXT
    unfinished = []
    for source, (filename, line) in texts.items():
        message = ET.SubElement(context, "message")
        ET.SubElement(message, "location", filename=filename, line=str(line))
        ET.SubElement(message, "source").text = source
        translation = ET.SubElement(message, "translation")
        if source in done:
            translation.text = done[source]
        else:
            translation.set("type", "unfinished")
            unfinished.append(source)
    ET.indent(root)
    header = '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n'
    path.write_text(header + ET.tostring(root, encoding="unicode") + "\n", encoding="utf-8")
    return unfinished


def main(argv: list[str]) -> int:
    check = "--check" in argv
    languages = [a for a in argv if not a.startswith("-")] or ["en"]
    texts = collect()
    status = 0
    for language in languages:
        ts = OUT / f"wizard_{language}.ts"
        done = read_ts(ts)
        wrong = [t for t in mismatched(done) if t in texts]
        for source in wrong:
            print(f"{ts.name}: les accolades de la traduction diffèrent de celles du texte : {source!r}")
            del done[source]
        missing = [t for t in texts if t not in done]
        if check:
            if missing:
                print(f"{ts.name}: {len(missing)} texte(s) sans traduction, dont : {missing[0]!r}")
            status = 1 if missing or wrong else status
            continue
        OUT.mkdir(parents=True, exist_ok=True)
        unfinished = write_ts(ts, language, texts, done)
        subprocess.run([str(Path(sys.executable).with_name("pyside6-lrelease")), "-silent", str(ts),
                        "-qm", str(ts.with_suffix(".qm"))], check=True)
        print(f"{ts.name}: {len(texts)} textes, {len(unfinished)} à traduire")
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
