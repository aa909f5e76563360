"""Issue 25: a row with one name missing, another first name, a changed surname – weighed, proposed at most as
« probable » and only when nothing else could be the one; twins and homonyms never paired across."""
from datetime import date

from tests.matching.test_corruptions import crowd
from wizard.core.matching import Families, reconcile, scoring
from wizard.core.people import Person

D = date(1983, 7, 25)
TWINS = date(2011, 5, 2)


def pairs(result, status=None):
    return {(p.pronote.ident, p.ent.ident): p for p in result.pairs if status is None or p.status == status}


def adults(*extra_left, extra_right=()):
    """300 teachers born over decades (birth dates uncrowded), plus the people of the case."""
    left, right = crowd(300, seed=11)
    return left + [Person(*p) for p in extra_left], right + [Person(*p) for p in extra_right]


def pupils(*extra_left, extra_right=()):
    """300 pupils born over seven years, plus the people of the case."""
    left, right = crowd(300, seed=5, profile="eleve", days=2555, first_day=date(2008, 1, 1))
    return left + [Person(*p) for p in extra_left], right + [Person(*p) for p in extra_right]


def found_as_probable(account: tuple, *reasons: str):
    """Mathilde DELASSERGUE among 300 teachers, her account written `account`: found as « probable » with these
    reasons, and nobody else paired wrongly. Returns the pair."""
    left, right = adults(("p-x", "enseignant", "DELASSERGUE", "Mathilde", D),
                         extra_right=[("e-x", "enseignant", *account)])
    result = reconcile(left, right)
    pair = pairs(result)[("p-x", "e-x")]
    assert pair.status == "probable" and set(reasons) <= set(pair.reasons)
    assert not [key for key in pairs(result) if key != ("p-x", "e-x") and key[0][1:] != key[1][1:]]
    return pair


# ---------------------------------------------------------------- another first name
def test_another_first_name_with_the_same_surname_and_date_is_probable_and_says_why():
    pair = found_as_probable(("Delassergue", "Sophie", D), scoring.OTHER_FIRST)
    first = [item for item in pair.comparison.evidence if item.label == scoring.ANOTHER_FIRST]
    assert first and first[0].bits <= -5  # strong evidence against, weighed


def test_another_first_name_needs_the_same_date():
    left, right = adults(("p-x", "enseignant", "DELASSERGUE", "Mathilde", D),
                         extra_right=[("e-x", "enseignant", "Delassergue", "Sophie", date(1983, 7, 26))])
    assert ("p-x", "e-x") not in pairs(reconcile(left, right))


def test_a_twin_without_an_account_is_never_given_the_other_twins():
    # Lucas has no account; Emma's account is there: Lucas has a twin in PRONOTE, so the pair is never proposed.
    left, right = pupils(("lucas", "eleve", "BERGERAC", "Lucas", TWINS), ("emma", "eleve", "BERGERAC", "Emma", TWINS),
                         extra_right=[("e-emma", "eleve", "BERGERAC", "Emma", TWINS)])
    result = reconcile(left, right)
    assert {key for key in pairs(result) if "BERGERAC" in pairs(result)[key].pronote.last_name} == {
        ("emma", "e-emma")}


def test_twins_on_the_ent_side_are_never_given_to_a_pupil_of_another_name():
    # PRONOTE knows only Lucas (a new pupil, his account not yet made); the ENT has his twin sisters' accounts.
    left, right = pupils(("lucas", "eleve", "BERGERAC", "Lucas", TWINS),
                         extra_right=[("e-emma", "eleve", "BERGERAC", "Emma", TWINS),
                                      ("e-jade", "eleve", "BERGERAC", "Jade", TWINS)])
    found = pairs(reconcile(left, right))
    assert not [key for key in found if key[0] == "lucas"]


def test_a_sibling_by_the_families_stops_another_first_name():
    # Lucas's brother Hugo (born another day) is in PRONOTE: an account « BERGERAC Emma » born on Lucas's day may
    # be a sister's, with the date wrong. Without the families, the same pair is proposed.
    left, right = pupils(("lucas", "eleve", "BERGERAC", "Lucas", TWINS),
                         ("hugo", "eleve", "BERGERAC", "Hugo", date(2009, 3, 1)),
                         ("parent", "parent", "BERGERAC", "Marc", None),
                         extra_right=[("e-emma", "eleve", "BERGERAC", "Emma", TWINS)])
    assert ("lucas", "e-emma") in pairs(reconcile(left, right))
    families = Families({"lucas": ("parent",), "hugo": ("parent",)})
    assert ("lucas", "e-emma") not in pairs(reconcile(left, right, families=families))


def test_another_first_name_with_a_rival_is_not_proposed():
    # Mathilde's own account may be the one with a wholly different date: neither is proposed as hers.
    left, right = adults(("p-x", "enseignant", "DELASSERGUE", "Mathilde", D),
                         extra_right=[("e-x", "enseignant", "Delassergue", "Sophie", D),
                                      ("e-y", "enseignant", "DELASSERGUE", "Mathilde", date(1961, 2, 9))])
    found = pairs(reconcile(left, right))
    assert ("p-x", "e-x") not in found or found[("p-x", "e-x")].status == "ambiguous"


# ---------------------------------------------------------------- a changed surname
def test_a_changed_surname_with_a_slip_in_the_first_name_is_probable():
    found_as_probable(("VERDELOT", "Mathlide", D), scoring.OTHER_SURNAME, scoring.TYPO_FIRST)
    assert "nom différent : mariage ou nom d'usage ?" == scoring.OTHER_SURNAME


def test_a_changed_surname_with_a_short_first_name_slip_is_another_person():
    left, right = adults(("p-x", "enseignant", "DELASSERGUE", "Léo", D),
                         extra_right=[("e-x", "enseignant", "VERDELOT", "Léa", D)])
    assert ("p-x", "e-x") not in pairs(reconcile(left, right))


def test_a_changed_surname_with_a_rival_is_not_chosen():
    # Two accounts with Mathilde's first name and date, each with another surname: either could be hers.
    left, right = adults(("p-x", "enseignant", "DELASSERGUE", "Mathilde", D),
                         extra_right=[("e-x", "enseignant", "VERDELOT", "Mathilde", D),
                                      ("e-y", "enseignant", "CALMARAC", "Mathilde", D)])
    found = pairs(reconcile(left, right))
    assert not [key for key in found if key[0] == "p-x" and found[key].status != "ambiguous"]


def test_a_changed_surname_on_a_crowded_date_is_not_proposed():
    # Five people born that day on each side: a stranger with the same first name is no longer unlikely.
    others = [(f"p-o{n}", "enseignant", f"AUTRE{n}", "Paul", D) for n in range(4)]
    left, right = adults(("p-x", "enseignant", "DELASSERGUE", "Mathilde", D), *others,
                         extra_right=[("e-x", "enseignant", "VERDELOT", "Mathilde", D),
                                      *[(f"e-o{n}", "enseignant", f"AUTRE{n}", "Paul", D) for n in range(4)]])
    assert ("p-x", "e-x") not in pairs(reconcile(left, right))


# ---------------------------------------------------------------- one name missing
def test_an_account_without_first_name_is_matched_on_the_surname_and_date_as_probable():
    found_as_probable(("DELASSERGUE", "", D), scoring.MISSING_FIRST)


def test_an_account_without_surname_is_never_certain_even_for_an_adult_without_date():
    # A parent with only a first name and no date: nothing to go on, not proposed.
    left = [Person("p-x", "parent", "DELASSERGUE", "Mathilde")]
    right = [Person("e-x", "parent", "", "Mathilde")]
    assert not [p for p in reconcile(left, right).pairs if p.status == "certain"]


def test_an_account_without_first_name_between_twins_is_ambiguous():
    left, right = pupils(("lucas", "eleve", "BERGERAC", "Lucas", TWINS), ("emma", "eleve", "BERGERAC", "Emma", TWINS),
                         extra_right=[("e-?", "eleve", "BERGERAC", "", TWINS)])
    found = pairs(reconcile(left, right))
    assert {found[key].status for key in found if key[1] == "e-?"} == {"ambiguous"}


# ---------------------------------------------------------------- the evidence
def test_the_evidence_adds_up_to_the_weight():
    left, right = adults(("p-x", "enseignant", "DELASSERGUE", "Mathilde", D),
                         extra_right=[("e-x", "enseignant", "VERDELOT", "Mathlide", D)])
    for pair in reconcile(left, right).pairs:
        evidence = pair.comparison.evidence
        assert evidence and abs(sum(item.bits for item in evidence) - pair.comparison.weight) < 1e-6
    pair = pairs(reconcile(left, right))[("p-x", "e-x")]
    labels = [item.label for item in pair.comparison.evidence]
    assert labels == [scoring.ANOTHER_SURNAME, scoring.TYPO_FIRST, scoring.SAME_DATE]


# ---------------------------------------------------------------- namesakes without a birth date (parents)
def school(size: int = 200):
    """`size` families of one pupil and one parent (no birth date in PRONOTE, as PRONOTE keeps none), the ENT list
    with its « Enfants » column, and the pupil–parent links."""
    pupils_left, pupils_right = crowd(size, seed=7, profile="eleve", days=2555, first_day=date(2008, 1, 1))
    left, right, links, listed = list(pupils_left), list(pupils_right), {}, {}
    for n, (pupil, account) in enumerate(zip(pupils_left, pupils_right, strict=True)):
        left.append(Person(f"p-parent{n}", "parent", pupil.last_name, "Christophe"))
        right.append(Person(f"e-parent{n}", "parent", pupil.last_name, "Christophe"))
        links[pupil.ident] = (f"p-parent{n}",)
        listed[f"e-parent{n}"] = (account.ident,)
    return left, right, links, listed


def test_namesakes_are_not_told_apart_by_a_rival_losing_on_its_family():
    # Two mothers named DUBOIS Stéphanie in PRONOTE; one account « DUBOSI Stéphanie » listing a child that is
    # neither's. One mother's child is matched (so the account is not hers); the other's child has no account.
    # Nothing says the account is the second mother's: it may be a third DUBOIS Stéphanie's, gone.
    left, right, links, listed = school()
    left += [Person("kid-a", "eleve", "DUBOIS", "Hugo", date(2010, 3, 4)),
             Person("kid-b", "eleve", "DUBOIS", "Lina", date(2012, 6, 7)),
             Person("mum-a", "parent", "DUBOIS", "Stéphanie"), Person("mum-b", "parent", "DUBOIS", "Stéphanie")]
    right += [Person("e-kid-a", "eleve", "DUBOIS", "Hugo", date(2010, 3, 4)),
              Person("e-kid-x", "eleve", "DUBOIS", "Zoé", date(2009, 1, 1)),
              Person("e-mum", "parent", "DUBOSI", "Stéphanie", date(1980, 12, 15))]
    links.update({"kid-a": ("mum-a",), "kid-b": ("mum-b",)})
    listed["e-mum"] = ("e-kid-x",)
    result = reconcile(left, right, families=Families(links, listed, {}))
    assert not [key for key in pairs(result) if key[1] == "e-mum" and pairs(result)[key].status != "ambiguous"]


def test_a_child_in_common_outweighs_a_class_in_common_for_a_changed_surname():
    # The mother's account has her surname mistyped past recognition (« BRRNARD » for « RICHARD BERNARD ») but lists
    # her child; another mother's account, « RICHARD Stéphanie », only shares a child's class. The child decides;
    # the class may not.
    left, right, links, listed = school()
    left += [Person("kid", "eleve", "RICHARD", "Hugo", date(2010, 3, 4)),
             Person("mum", "parent", "RICHARD BERNARD", "Stéphanie")]
    right += [Person("e-kid", "eleve", "RICHARD", "Hugo", date(2010, 3, 4)),
              Person("e-mum", "parent", "BRRNARD", "Stéphanie"),
              Person("e-other", "parent", "RICHARD", "Stéphanie")]
    links["kid"] = ("mum",)
    listed["e-mum"] = ("e-kid",)
    classes = {"e-kid": ("5B",), "e-other": ("5B",)}
    found = pairs(reconcile(left, right, families=Families(links, listed, classes)))
    assert ("mum", "e-other") not in found or found[("mum", "e-other")].status == "ambiguous"


def test_a_changed_surname_among_pupils_born_a_dozen_a_day_is_not_proposed():
    # 2,000 pupils born in one year: a first name and a date shared by a stranger is no longer unlikely, even on a
    # day nobody else was born – the group's dates are crowded.
    left, right = crowd(2000, seed=3, profile="eleve", days=365, first_day=date(2010, 1, 1))
    left.append(Person("p-x", "eleve", "CALMARAC", "Jules", date(2011, 5, 2)))
    right.append(Person("e-x", "eleve", "VERDELOT", "Jules", date(2011, 5, 2)))
    assert ("p-x", "e-x") not in pairs(reconcile(left, right))


# ---------------------------------------------------------------- what a family link says
def test_a_brother_or_sister_with_a_close_first_name_is_not_the_child():
    # Louna has no account; her brother Louis's account is listed by their father's row. Once the father is
    # matched, Louis's account shares a parent with Louna – a family, not a child.
    left, right, links, listed = school()
    left += [Person("louna", "eleve", "ALBILUC", "Louna", date(2010, 2, 16)),
             Person("dad", "parent", "ALBILUC", "Sébastien")]
    right += [Person("e-louis", "eleve", "ALBILUC", "Louis", date(2010, 5, 15)),
              Person("e-dad", "parent", "ALBILUC", "Sébastien")]
    links["louna"] = ("dad",)
    listed["e-dad"] = ("e-louis",)
    found = pairs(reconcile(left, right, families=Families(links, listed, {})))
    assert ("dad", "e-dad") in found and ("louna", "e-louis") not in found


def test_the_other_parent_with_a_close_first_name_is_not_the_parent():
    # Julie PLARD has no account; the father, Julien MARTIN, is not in the file. His account lists their child.
    left, right, links, listed = school()
    left += [Person("kid", "eleve", "MARTIN", "Hugo", date(2010, 3, 4)), Person("mum", "parent", "PLARD", "Julie")]
    right += [Person("e-kid", "eleve", "MARTIN", "Hugo", date(2010, 3, 4)),
              Person("e-dad", "parent", "MARTIN", "Julien")]
    links["kid"] = ("mum",)
    listed["e-dad"] = ("e-kid",)
    assert ("mum", "e-dad") not in pairs(reconcile(left, right, families=Families(links, listed, {})))


def test_another_first_name_is_never_proposed_when_the_families_know_both():
    # Lucas's parents are in the file, and a parent's row lists « BERGERAC Emma »: one family makes her his twin
    # as likely as him; two families, another child. Without the families, the pair is weighed.
    left, right = pupils(("lucas", "eleve", "BERGERAC", "Lucas", TWINS), ("dad", "parent", "BERGERAC", "Marc", None),
                         extra_right=[("e-emma", "eleve", "BERGERAC", "Emma", TWINS),
                                      ("e-dad", "parent", "BERGERAC", "Marc", None)])
    assert ("lucas", "e-emma") in pairs(reconcile(left, right))
    families = Families({"lucas": ("dad",)}, {"e-dad": ("e-emma",)})
    assert ("lucas", "e-emma") not in pairs(reconcile(left, right, families=families))


def test_twins_a_slip_apart_are_never_paired_across():
    # Louis has no account; his triplet sisters Louise and Jade have theirs. « Louise » is one slip from « Louis »,
    # but the ENT side has two pupils of his surname born his day: twins, not a typo.
    left, right = pupils(("louis", "eleve", "BERGERAC", "Louis", TWINS),
                         extra_right=[("e-louise", "eleve", "BERGERAC", "Louise", TWINS),
                                      ("e-jade", "eleve", "BERGERAC", "Jade", TWINS)])
    assert not [key for key in pairs(reconcile(left, right)) if key[0] == "louis"]


def test_a_slip_in_a_pupils_first_name_is_found_though_the_family_has_other_children():
    # « Ema » for « Emma », the same birth date; her brother Hugo, born another year, is no twin: the slip stands.
    left, right = pupils(("emma", "eleve", "BERGERAC", "Emma", TWINS),
                         ("hugo", "eleve", "BERGERAC", "Hugo", date(2008, 9, 1)),
                         ("dad", "parent", "BERGERAC", "Marc", None),
                         extra_right=[("e-emma", "eleve", "BERGERAC", "Ema", TWINS),
                                      ("e-hugo", "eleve", "BERGERAC", "Hugo", date(2008, 9, 1)),
                                      ("e-dad", "parent", "BERGERAC", "Marc", None)])
    families = Families({"emma": ("dad",), "hugo": ("dad",)}, {"e-dad": ("e-emma", "e-hugo")})
    pair = pairs(reconcile(left, right, families=families))[("emma", "e-emma")]
    assert pair.status == "probable" and scoring.TYPO_FIRST in pair.reasons


def test_one_name_and_a_birth_date_that_says_another_person_is_no_pair():
    from wizard.core.matching.normalise import form
    from wizard.core.matching.rules import Rules

    a, b = form("DELASSERGUE", "Mathilde", D), form("DELASSERGUE", "", date(1961, 2, 9))
    rules = Rules([], [], [a], [b])
    levels = scoring.compare(a, b)
    assert levels[1] == scoring.F_MISSING and levels[2] == scoring.D_OTHER
    assert rules.refused(levels, 0, 0, a, b)
    near = form("DELASSERGUE", "", D)
    assert not rules.refused(scoring.compare(a, near), 0, 0, a, near)  # with the same date: matched on what it has
