"""Fills `resources/translations/wizard_<lang>.ts` from a Python mapping {French source: translation}, then
rebuilds the `.qm` (used once to bootstrap a language; afterwards edit the .ts with Qt Linguist or by hand).
Usage: .venv/bin/python tools/apply_translations.py MAPPING.py [LANG]"""
from __future__ import annotations

import runpy
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main(mapping_file: str, language: str = "en") -> int:
    mapping = runpy.run_path(mapping_file)[language.upper()]
    ts = ROOT / "resources" / "translations" / f"wizard_{language}.ts"
    tree = ET.parse(ts)
    left = 0
    for message in tree.getroot().iter("message"):
        translation = message.find("translation")
        source = message.findtext("source")
        if source in mapping:
            translation.text = mapping[source]
            translation.attrib.pop("type", None)
        elif translation.get("type") == "unfinished":
            left += 1
            print("sans traduction :", repr(source))
    ET.indent(tree.getroot())
    header = '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n'
    ts.write_text(header + ET.tostring(tree.getroot(), encoding="unicode") + "\n", encoding="utf-8")
    subprocess.run([str(Path(sys.executable).with_name("pyside6-lrelease")), "-silent", str(ts), "-qm",
                    str(ts.with_suffix(".qm"))], check=True)
    return 1 if left else 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
