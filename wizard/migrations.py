"""Forward migrations of the progress document, one function per version step."""
from __future__ import annotations

CURRENT_VERSION = 1

# version N -> function turning a version-N document into version N+1
_STEPS: dict[int, callable] = {}


def migrate(doc: dict) -> dict:
    version = doc.get("version", 1)
    while version < CURRENT_VERSION:
        doc = _STEPS[version](doc)
        version += 1
        doc["version"] = version
    return doc
