"""The ENT-specific words and values, read from one data file under `resources/ent/`.

Another ENT would be another file; pages and checks take every ENT word from here.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache

from wizard.paths import resources_dir

DEFAULT_ENT = "mon-ent-occitanie"


@dataclass(frozen=True)
class EntData:
    raw: dict

    def __getattr__(self, key: str):
        try:
            return self.raw[key]
        except KeyError:
            raise AttributeError(key) from None


@lru_cache(maxsize=None)
def load_ent(ent_id: str = DEFAULT_ENT) -> EntData:
    path = resources_dir() / "ent" / f"{ent_id}.json"
    return EntData(json.loads(path.read_text(encoding="utf-8")))
