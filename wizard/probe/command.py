"""`probe URL [--json]`: the server check without the window.

Exit 0: a PRONOTE answer was read (whatever the CAS state); 1: the server answered, but not as PRONOTE (or with
an HTTP error); 2: the address was refused or nothing could be read. No Qt is imported on this path.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

from wizard.probe import probe_server
from wizard.probe.result import REFUSED_URL, UNREACHABLE, ProbeResult


def exit_code(result: ProbeResult) -> int:
    if result.is_pronote:
        return 0
    if result.outcome in (REFUSED_URL, UNREACHABLE):
        return 2
    return 1


def run_probe(args, data_dir: Path) -> int:
    # data_dir is unused: the probe keeps nothing; the pages record the outcome in the progress themselves.
    result = probe_server(args.url)
    if args.json:
        # ASCII-only JSON: valid everywhere, whatever the console's code page.
        _write(sys.stdout, json.dumps(result.to_json(), indent=2) + "\n")
    elif result.is_pronote:
        _write(sys.stdout, "\n".join(_lines(result)) + "\n")
    else:
        _write(sys.stderr, result.message + "\n")
    return exit_code(result)


def _lines(result: ProbeResult) -> list[str]:
    lines = [result.message, f"Adresse : {result.url}"]
    if result.school_name:
        lines.append(f"Établissement : {result.school_name}")
    lines.append(f"Version : {result.version}")
    lines.append(f"CAS : actif ({result.cas_host or 'adresse non indiquée'})" if result.cas_active else "CAS : inactif")
    for space in result.spaces:
        delegation = "délégation" if space.delegation else "sans délégation"
        lines.append(f"Espace : {space.nom or space.genre} ({delegation})")
    lines.extend(f"Remarque : {warning}" for warning in result.warnings)
    return lines


def _write(stream, text: str) -> None:
    # A Windows console may not encode « » or the en dash: degrade the characters, never fail on them.
    encoding = getattr(stream, "encoding", None) or "utf-8"
    stream.write(text.encode(encoding, errors="replace").decode(encoding, errors="replace"))
    stream.flush()
