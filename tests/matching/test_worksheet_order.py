"""The worksheet's order (`worksheet_entries`), shared by the CSV and the wizard's table: profile by profile, then
status by status, each group in the lists' order. It is made by grouping rather than by a sort of 200,000 keys,
which ran in C and held the window's thread while the worker made the preview's rows: the same order as the
stable sort it replaced, whatever the profiles (unknown ones last, together) and statuses."""
from __future__ import annotations

import random
from datetime import date
from types import SimpleNamespace

from wizard.core.matching.result import STATUS_LABELS, Pair, Result
from wizard.core.matching.worksheet import worksheet_entries
from wizard.core.people import PROFILES, Person

PAIRED = ("certain", "probable", "ambiguous")


def _stable_sort_order(result: Result) -> list[tuple[str, str, object]]:
    entries = [(pair.profile, pair.status, pair) for pair in result.pairs]
    entries += [(p.profile, "unmatched_pronote", p) for p in result.unmatched_pronote]
    entries += [(p.profile, "unmatched_ent", p) for p in result.unmatched_ent]
    order = list(STATUS_LABELS)
    entries.sort(key=lambda item: (PROFILES.index(item[0]) if item[0] in PROFILES else len(PROFILES),
                                   order.index(item[1])))
    return entries


def _person(rng: random.Random, number: int) -> Person:
    profile = rng.choice([*PROFILES, "inconnu", "autre"])
    return Person(f"X{number}", profile, f"NOM{number}", "Prénom", date(2010, 1, 1), number)


def test_the_order_is_the_stable_sort_by_profile_then_status() -> None:
    rng = random.Random(2026)
    for _ in range(20):
        pairs = []
        for number in range(rng.randrange(0, 60)):
            pronote = _person(rng, number)
            ent = Person(f"e{number}", pronote.profile, pronote.last_name, "Prénom", None, number)
            pairs.append(Pair(pronote, ent, rng.choice(PAIRED), SimpleNamespace(score=50.0, reasons=())))
        result = Result(pairs=pairs,
                        unmatched_pronote=[_person(rng, 1000 + n) for n in range(rng.randrange(0, 30))],
                        unmatched_ent=[_person(rng, 2000 + n) for n in range(rng.randrange(0, 30))])
        got = worksheet_entries(result)
        assert [id(item) for _, _, item in got] == [id(item) for _, _, item in _stable_sort_order(result)]
