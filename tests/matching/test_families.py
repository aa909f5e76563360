"""Families: PRONOTE's pupil–parent links and the ENT list's « Enfants » and « Classe » columns settle homonym
parents and find a surname changed completely – as probable, never certain."""
import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

from wizard.core.idfile import load_people_and_links
from wizard.core.matching import Families, families, read_ent_csv, reconcile, scoring
from wizard.core.matching.matcher import FAMILY_DECIDED
from wizard.core.people import Person

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = Path(__file__).parent / "fixtures"
XML, CSV = FIXTURES / "families.xml", FIXTURES / "families.csv"


def load_people(path):
    from wizard.core.idfile import load_people as load

    return load(path)


def pairs(result, status=None):
    return {(p.pronote.ident, p.ent.ident): p for p in result.pairs if status is None or p.status == status}


def read_families(path, ent):
    return families(load_people_and_links(path)[1], ent)


def test_links_are_read_from_the_documented_layout():
    assert read_families(XML, None).parents_of == {
        "ELEV0000000000G1": ("RESP0000000000G1",),
        "ELEV0000000000G2": ("RESP0000000000G2",),
        "ELEV0000000000B1": ("RESP0000000000B1", "RESP0000000000R1"),  # Ident 99 names no parent: left out
        "ELEV0000000000R1": ("RESP0000000000R1",),
    }


def test_the_ent_family_columns_are_read():
    ent = read_ent_csv(CSV)
    assert ent.children["ent.mroux"] == ("ent.hbertrand", "ent.jmarcel")
    assert ent.children["ent.sgarnier2"] == ("GARNIER Lucas (6A)",)
    assert ent.classes["ent.mroux"] == ("4C", "6B") and ent.columns["children"] == "Enfants"


def test_homonym_parents_are_split_by_their_children():
    ent = read_ent_csv(CSV)
    result = reconcile(load_people(XML), ent.people, families=read_families(XML, ent))
    found = pairs(result)
    first, second = found[("RESP0000000000G1", "ent.sgarnier2")], found[("RESP0000000000G2", "ent.sgarnier1")]
    for pair in (first, second):
        assert pair.status == "probable" and FAMILY_DECIDED in pair.reasons and scoring.SHARED_CHILD in pair.reasons
    assert not [p for p in result.pairs if p.status == "ambiguous"]


def test_without_families_homonym_parents_stay_ambiguous():
    ent = read_ent_csv(CSV)
    result = reconcile(load_people(XML), ent.people)
    garnier = [p for p in result.pairs if p.pronote.ident.startswith("RESP0000000000G")]
    assert garnier and {p.status for p in garnier} == {"ambiguous"}


def test_a_mother_whose_surname_changed_is_found_by_her_child_as_probable():
    ent = read_ent_csv(CSV)
    result = reconcile(load_people(XML), ent.people, families=read_families(XML, ent))
    pair = pairs(result)[("RESP0000000000B1", "ent.cdurand")]
    assert pair.status == "probable"
    assert {scoring.OTHER_SURNAME, scoring.SHARED_CHILD} <= set(pair.reasons)
    without = reconcile(load_people(XML), ent.people)
    assert ("RESP0000000000B1", "ent.cdurand") not in pairs(without)


def test_a_pupil_whose_surname_changed_is_probable_never_certain():
    ent = read_ent_csv(CSV)
    result = reconcile(load_people(XML), ent.people, families=read_families(XML, ent))
    pair = pairs(result)[("ELEV0000000000R1", "ent.jmarcel")]
    assert pair.status == "probable" and scoring.OTHER_SURNAME in pair.reasons


def test_among_many_pupils_a_changed_surname_needs_the_matched_parent():
    """Among 2,000 pupils born the same year, first name and date alone are too common to vouch for a changed
    surname; the parent, matched, and listing the child in the ENT, does."""
    from tests.matching.test_corruptions import crowd

    born = date(2010, 4, 1)
    left, right = crowd(2000, seed=3, profile="eleve", days=365, first_day=date(2010, 1, 1))
    left += [Person("p-jade", "eleve", "ROUX", "Jade", born), Person("p-marc", "parent", "ROUX", "Marc")]
    right += [Person("e-jade", "eleve", "MARCEL", "Jade", born), Person("e-marc", "parent", "ROUX", "Marc")]
    right += [Person(f"e-parent{i}", "parent", f"PARENT{i:04d}", "Paul") for i in range(3)]
    assert ("p-jade", "e-jade") not in pairs(reconcile(left, right))
    families = Families({"p-jade": ("p-marc",)}, {"e-marc": ("e-jade",)}, {})
    pair = pairs(reconcile(left, right, families=families))[("p-jade", "e-jade")]
    assert pair.status == "probable" and {scoring.OTHER_SURNAME, scoring.SHARED_PARENT} <= set(pair.reasons)


def test_classes_alone_split_homonym_parents():
    d = date(2013, 2, 14)
    pronote = [Person("p-lucas", "eleve", "GARNIER", "Lucas", d), Person("p-ines", "eleve", "GARNIER", "Inès", d),
               Person("p-s1", "parent", "GARNIER", "Sophie"), Person("p-s2", "parent", "GARNIER", "Sophie")]
    ent = [Person("e-lucas", "eleve", "GARNIER", "Lucas", d), Person("e-ines", "eleve", "GARNIER", "Ines", d),
           Person("e-s1", "parent", "GARNIER", "Sophie"), Person("e-s2", "parent", "GARNIER", "Sophie")]
    families = Families({"p-lucas": ("p-s1",), "p-ines": ("p-s2",)}, {},
                        {"e-lucas": ("6A",), "e-ines": ("5B",), "e-s1": ("5B",), "e-s2": ("6 A",)})
    found = pairs(reconcile(pronote, ent, families=families), "probable")
    assert ("p-s1", "e-s2") in found and ("p-s2", "e-s1") in found
    assert scoring.SHARED_CLASS in found[("p-s1", "e-s2")].reasons


def test_the_command_uses_the_families(data_dir):
    env = {key: value for key, value in os.environ.items() if key != "QT_QPA_PLATFORM"}
    done = subprocess.run([sys.executable, "main.py", "reconcile", str(XML), str(CSV), "--json", "--data-dir",
                           str(data_dir)], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    statuses = {(p["pronote_id"], p["ent_id"]): p["status"] for p in json.loads(done.stdout)["pairs"]}
    assert statuses[("RESP0000000000G1", "ent.sgarnier2")] == "probable"
    assert statuses[("RESP0000000000B1", "ent.cdurand")] == "probable"
