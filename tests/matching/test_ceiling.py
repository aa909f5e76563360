"""The recall ceiling printed by bench/reconcile.py (`out_of_reach`): which true pairs no matcher can give without
guessing, on lists small enough to check by hand."""
from __future__ import annotations

import importlib.util
import sys
from datetime import date
from pathlib import Path

import pytest

from wizard.core.matching.family import Families
from wizard.core.people import Person

if sys.platform == "win32":  # the benchmarks run on the developers' Linux: bench/reconcile.py reads `resource`
    pytest.skip("bench/reconcile.py is a Linux tool (it imports `resource`)", allow_module_level=True)

_SPEC = importlib.util.spec_from_file_location(
    "bench_reconcile", Path(__file__).resolve().parents[2] / "bench" / "reconcile.py")
assert _SPEC is not None and _SPEC.loader is not None
bench = importlib.util.module_from_spec(_SPEC)
_PATH = list(sys.path)
_SPEC.loader.exec_module(bench)
sys.path[:] = _PATH  # the bench puts its folder first, where its scripts' names could hide other modules

BORN = date(2010, 3, 4)


def school():
    """Two parents sharing their whole name (PRONOTE keeps no parent's birth date; one ENT row has one, written
    otherwise), and a pupil nobody shares a name with."""
    pronote = [Person("p1", "parent", "MARTIN", "Sophie"), Person("p2", "parent", "Martin", "Sophie"),
               Person("k1", "eleve", "DURAND", "Paul", BORN)]
    ent = [Person("e1", "parent", "MARTIN", "Sophie", date(1980, 5, 6)), Person("e2", "parent", "martin", "SOPHIE"),
           Person("f1", "eleve", "Durand", "Paul", BORN)]
    return pronote, ent, {("p1", "e1"), ("p2", "e2"), ("k1", "f1")}


def test_namesakes_without_the_family_columns_are_both_out_of_reach_and_a_unique_person_is_not():
    pronote, ent, truth = school()
    reach = bench.out_of_reach(pronote, ent, truth, Families({"k1": ("p1",)}))
    assert reach["doubles"] == {("p1", "e1"), ("p2", "e2")}
    assert reach["nothing"] == set()
    assert reach["issue-rules"] == reach["refusals"] == reach["doubles"]


def test_the_enfants_column_tells_namesakes_apart():
    pronote, ent, truth = school()
    pronote.append(Person("k2", "eleve", "MARTIN", "Lucas", date(2011, 1, 2)))
    families = Families({"k1": ("p1",), "k2": ("p2",)}, ent_children={"e1": ("f1",), "e2": ("f2",)})
    assert bench.out_of_reach(pronote, ent, truth, families) == {"doubles": set(), "nothing": set()}


def test_another_first_name_is_out_of_reach_under_issue_25_with_a_twin_and_names_all_changed_always():
    pronote = [Person("k1", "eleve", "DURAND", "Paul", BORN), Person("k2", "eleve", "DURAND", "Lina", BORN),
               Person("p1", "parent", "LEROY", "Nathalie")]
    ent = [Person("f1", "eleve", "DURAND", "Marius", BORN), Person("e1", "parent", "GARNIER", "Karine")]
    truth = {("k1", "f1"), ("p1", "e1")}
    reach = bench.out_of_reach(pronote, ent, truth)
    assert reach["doubles"] == set()
    assert reach["nothing"] == {("p1", "e1")}  # no name in common, no date: only a guess could pair them
    assert reach["issue-rules"] == truth  # Paul's twin Lina: another first name is never weighed
    assert ("k1", "f1") not in bench.out_of_reach(pronote[:1] + pronote[2:], ent, truth)["issue-rules"]
