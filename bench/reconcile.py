"""Account matching on a generated French school with known truth, against an exact-match baseline.

Usage: .venv/bin/python bench/reconcile.py [--sizes 2000 20000] [--seed 7]

Each size runs in its own process so that its peak memory (ru_maxrss) is its own. The school is generated from a
seed, so every run sees the same people. Precision and recall count the `certain` and `probable` pairs against the
truth; `ambiguous` people are counted apart (they are shown to the admin, never guessed, so they lower recall).

How the school is made (rates are per person and per side, and are the bench's assumptions, not the matcher's):
- families of 1–3 pupils born 2008–2014 (collège and lycée), 2 % of families with twins (same date, other first
  name); 75 % of families have two parents; 10 % of children born with both parents' surnames (« MARTIN GARCIA »,
  written « MARTIN--GARCIA » in some software); teachers 7 % and staff 3 % of the pupil count;
- surnames: 30 % from a list of frequent surnames of France and Occitanie (frequency-weighted, including particles,
  apostrophes and accents: « Le Gall », « d'Almeida », « de la Fontaine », « Lefèvre »), 70 % from a generated tail
  of regional-sounding names, as most French surnames are rare; first names from lists by generation, weighted by
  rank, including compound ones (« Jean-Pierre », « Marie-Lou »);
- PRONOTE writes parents without birth date (its partner schema has none); the ENT has a parent's date 60 % of the
  time, a teacher's 70 %, a pupil's 99 %;
- writing habits on each side: surname in upper case (70 %), accents dropped (5 % PRONOTE, 30 % ENT), compound
  names with hyphen, space or glued (3 %), particles and apostrophes written several ways;
- differences between the sides: married mothers with the birth surname on one side and a usage form on the other
  (« DUPONT épouse MARTIN », « MARTIN-DUPONT », « MARTIN DUPONT », « MARTIN ») 25 % of mothers; double surname
  cut to its first part 20 %; a second and third first name added 5 %; a typo in the surname 1.5 % and in the
  first name 1.5 % (AZERTY neighbour, letter dropped, doubled or swapped); day and month swapped 1 % (when both
  ≤ 12); a date one digit off 0.5 %; homonym parents (same name, no date) 0.5 % of families;
- people on one side only: 3 % of PRONOTE people without an ENT account, and as many ENT accounts unknown to PRONOTE.
"""
from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import time
import unicodedata
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

# Frequent surnames (France, with Occitanie's Spanish and Portuguese ones), most frequent first.
COMMON_SURNAMES = """Martin Garcia Bernard Thomas Petit Robert Richard Durand Dubois Moreau Martinez Lopez Laurent
Simon Michel Lefèvre Fernandez Leroy Roux David Sanchez Bertrand Fabre Morel Fournier Girard Perez Bonnet Dupont
Lambert Fontaine Rousseau Vincent Muller Blanc Faure Gonzalez Rodriguez André Mercier Guerin Boyer Garnier Chevalier
François Legrand Gauthier Vidal Roussel Henry Perrin Morin Mathieu Clément Gautier Dumont Robin Masson Nicolas Gérard
Nguyen Denis Lemaire Duval Joly Roger Roche Roy Noël Meyer Lucas Meunier Marchand Dufour Blanchard Barbier Brun
Dumas Brunet Schmitt Leroux Colin Marty Pierre Renard Arnaud Rolland Caron Aubert Giraud Delmas Bourgeois Rey
Lemoine Picard Gaillard Philippe Lacroix Dupuis Olivier Rodrigues Pereira Ferreira Hubert Louis Charles Guillot
Rivière Guillaume Adam Pons Moulin Berger Lecomte Ménard Fleury Deschamps Julien Benoît Maillard Cazals Bousquet
Teissier Azéma Mas Puech Cabanes Salles Sabatier Galtier Combes Rouquette Bastide Viguier Cros Granier Costes
Benali Haddad Mansouri Belkacem Bouzid Amrani Diallo Traoré Camara Ozturk Yilmaz""".split()
PARTICLE_SURNAMES = ["Le Gall", "Le Roux", "Da Silva", "Dos Santos", "de la Fontaine", "D'Almeida", "De Oliveira",
                     "Du Pont", "Van den Berg", "Le Goff", "D'Amico", "de Saint-Exupéry", "Ben Ahmed", "El Amrani",
                     "Saint-Jean", "L'Hermitte"]
TAIL_START = ("Alb Arn Aub Bar Bel Ber Bon Bor Bou Bri Cab Cal Cam Cas Caz Cha Cou Cr Dal Del Fau Fer Fon Gal Gar "
              "Gil Gr Lab Lac Lam Lan Laf Mal Mar Mas Mon Pel Pey Pl Pou Rou Sal Sau Ser Tei Tes Val Ver Vil Rey").split()
TAIL_MIDDLE = ["", "", "a", "e", "i", "o", "ou", "er", "ar", "en", "il", "and", "ass", "iss"]
TAIL_END = ("et ot ac ès ier ard in eau oux ade ous ine ère at ol eix uc el ié on ant ergue ignac agne ens ou ieu "
            "aud as").split()

BOYS_2010 = """Lucas Enzo Nathan Léo Hugo Louis Gabriel Jules Arthur Raphaël Mathis Tom Théo Adam Noah Ethan Maël
Timéo Sacha Paul Nolan Clément Maxime Yanis Mohamed Rayan Axel Baptiste Antoine Alexandre Evan Mattéo Aaron Liam
Kylian Valentin Romain Quentin Thomas Samuel Victor Martin Noé Ilyes Lorenzo Marius Mathéo Robin Gabin Mehdi Killian
Esteban Léon Malo Ewen Simon Pierre Naël Younes Jean-Baptiste Pierre-Louis Jean""".split()
GIRLS_2010 = """Emma Jade Louise Alice Chloé Lina Léa Manon Inès Camille Zoé Sarah Lola Juliette Léna Lou Romane Anna
Mila Ambre Rose Clara Eva Maëlys Julia Louna Nina Agathe Mathilde Charlotte Lucie Jeanne Margaux Océane Maëlle Lisa
Yasmine Anaïs Élise Célia Capucine Apolline Salomé Lilou Justine Maya Éléna Margot Noémie Pauline Héloïse Marie-Lou
Lou-Ann Anne-Sophie Marie Emmy Léonie Elsa""".split()
MEN_1980 = """Stéphane Sébastien Christophe Nicolas Frédéric Laurent David Julien Olivier Cédric Jérôme Éric
Philippe Thierry Vincent Pascal Franck Fabrice Mickaël Guillaume Jean-Marc Jean-Pierre Jean-François Jean-Luc Pierre
Mohamed Karim Rachid Arnaud Benoît Yannick Grégory Ludovic Xavier Alexandre Anthony Damien Emmanuel Patrick Sylvain
Bruno Didier Hervé Lionel Mathieu Jean-Michel Pierre-Yves Romain Samuel Thomas Antoine François Manuel José Ahmed
Karim""".split()
WOMEN_1980 = """Nathalie Isabelle Sandrine Stéphanie Céline Sophie Valérie Christelle Aurélie Virginie Émilie Julie
Karine Laetitia Séverine Élodie Caroline Audrey Delphine Marie Sylvie Véronique Anne-Sophie Marie-Pierre Cécile
Florence Magali Fatima Nadia Samia Carole Corinne Hélène Laurence Anne Claire Mélanie Vanessa Jessica Amandine
Marie-Christine Anne-Laure Marie-Claire Marion Alexandra Estelle Émilie Sabrina Patricia Myriam Béatrice Catherine
Maria Ana""".split()
SECOND_NAMES = "Pierre Marie Louis Anne Jean Joseph Paul Claire Rose Michel Jacques Élisabeth Henri".split()
AZERTY_ROWS = ["azertyuiop", "qsdfghjklm", "wxcvbn"]


def weighted(rng: random.Random, names: list[str], skew: float = 0.3) -> str:
    """Rank-weighted choice (Zipf-like), as real name frequencies are. First-name lists hold only the most frequent
    names of a generation (each 1–3 % of births), hence the mild default curve."""
    weights = _weights(len(names), skew)
    return rng.choices(names, cum_weights=weights)[0]


_WEIGHTS_CACHE: dict = {}


def _weights(count: int, skew: float) -> list[float]:
    key = (count, skew)
    if key not in _WEIGHTS_CACHE:
        total, cumulative = 0.0, []
        for rank in range(1, count + 1):
            total += 1 / rank ** skew
            cumulative.append(total)
        _WEIGHTS_CACHE[key] = cumulative
    return _WEIGHTS_CACHE[key]


def new_surname(rng: random.Random) -> str:
    draw = rng.random()
    if draw < 0.02:
        return rng.choice(PARTICLE_SURNAMES)
    if draw < 0.12:
        return weighted(rng, COMMON_SURNAMES, 0.6)
    return rng.choice(TAIL_START) + rng.choice(TAIL_MIDDLE) + rng.choice(TAIL_END)


def birth(rng: random.Random, first_year: int, last_year: int) -> date:
    start = date(first_year, 1, 1)
    return start + timedelta(days=rng.randrange((date(last_year, 12, 31) - start).days))


# ---------------------------------------------------------------- the true people
class Truth:
    """A real person: one canonical identity, written once in PRONOTE and once in the ENT (or only on one side)."""

    __slots__ = ("profile", "surname", "usage", "first", "born", "double", "mother")

    def __init__(self, profile, surname, first, born, usage=None, double=None, mother=False):
        self.profile, self.surname, self.first, self.born = profile, surname, first, born
        self.usage, self.double, self.mother = usage, double, mother


def build_school(rng: random.Random, size: int) -> list[Truth]:
    people: list[Truth] = []
    pupils = 0
    homonym_pool: list[Truth] = []
    while len(people) < size * 0.92:
        father_name, mother_name = new_surname(rng), new_surname(rng)
        child_name = father_name
        double = None
        draw = rng.random()
        if draw < 0.10:
            double = mother_name  # born with both surnames
        elif draw < 0.15:
            child_name = mother_name
        count = rng.choices((1, 2, 3), weights=(35, 45, 20))[0]
        dates = sorted({birth(rng, 2008, 2014) for _ in range(count)})
        if len(dates) >= 2 and rng.random() < 0.02:
            dates[1] = dates[0]  # twins
        used_first: set[str] = set()
        for when in dates:
            names = BOYS_2010 if rng.random() < 0.5 else GIRLS_2010
            first = weighted(rng, names)
            while first in used_first:  # siblings (and twins) never share a first name
                first = weighted(rng, names)
            used_first.add(first)
            people.append(Truth("eleve", child_name, first, when, double=double))
            pupils += 1
        if rng.random() < 0.005 and homonym_pool:
            twin = rng.choice(homonym_pool)  # a parent with exactly another family's parent's name
            people.append(Truth("parent", twin.surname, twin.first, None, usage=twin.usage, mother=twin.mother))
        else:
            father = Truth("parent", father_name, weighted(rng, MEN_1980), birth(rng, 1965, 1990))
            people.append(father)
            homonym_pool.append(father)
        if rng.random() < 0.75:
            mother = Truth("parent", mother_name, weighted(rng, WOMEN_1980), birth(rng, 1965, 1992),
                           usage=father_name if rng.random() < 0.25 else None, mother=True)
            people.append(mother)
    for profile, share in (("enseignant", 0.07), ("personnel", 0.03)):
        for _ in range(max(1, round(pupils * share))):
            names = MEN_1980 if rng.random() < 0.4 else WOMEN_1980
            people.append(Truth(profile, new_surname(rng), weighted(rng, names), birth(rng, 1960, 1998)))
    return people


# ---------------------------------------------------------------- writing a person on each side
def strip_accents(text: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))


def typo(rng: random.Random, text: str) -> str:
    letters = [i for i, ch in enumerate(text) if ch.isalpha()]
    if len(letters) < 4:
        return text
    i = rng.choice(letters[1:])  # the first letter is rarely the one mistyped
    kind = rng.randrange(4)
    if kind == 0:
        row = next((row for row in AZERTY_ROWS if text[i].lower() in row), None)
        if row:
            j = row.index(text[i].lower())
            near = row[j - 1] if j and (j == len(row) - 1 or rng.random() < 0.5) else row[min(j + 1, len(row) - 1)]
            return text[:i] + (near.upper() if text[i].isupper() else near) + text[i + 1:]
    if kind == 1:
        return text[:i] + text[i + 1:]
    if kind == 2:
        return text[:i] + text[i] + text[i:]
    if i + 1 < len(text) and text[i + 1].isalpha():
        return text[:i] + text[i + 1] + text[i] + text[i + 2:]
    return text[:i] + text[i + 1:]


def write_compound(rng: random.Random, text: str, glued: float = 0.03) -> str:
    if "-" not in text and " " not in text:
        return text
    words = text.replace("-", " ").split()
    draw = rng.random()
    if draw < glued:
        return "".join(words)
    return ("-" if draw < 0.55 else " ").join(words)


def write_surname(rng: random.Random, text: str, side: str) -> str:
    if "'" in text and rng.random() < 0.5:
        text = text.replace("'", rng.choice(["’", " ", ""]))
    if rng.random() < (0.05 if side == "pronote" else 0.30):
        text = strip_accents(text)
    return text.upper() if rng.random() < 0.7 else text


def write_first(rng: random.Random, text: str, side: str) -> str:
    if rng.random() < (0.05 if side == "pronote" else 0.30):
        text = strip_accents(text)
    return text.upper() if rng.random() < 0.1 else text


def surname_forms(rng: random.Random, person: Truth) -> tuple[str, str]:
    """(PRONOTE surname, ENT surname) before writing habits: the same name, or a usage or double-name variant."""
    if person.double:
        full = write_compound(rng, f"{person.surname} {person.double}")
        if rng.random() < 0.2:
            return (full, person.surname) if rng.random() < 0.5 else (person.surname, full)
        return full, full
    if person.usage:  # set for 25 % of mothers by build_school
        birth_name, usage = person.surname, person.usage
        other = rng.choice([f"{birth_name} épouse {usage}", f"{usage}-{birth_name}", f"{usage} {birth_name}",
                            f"{birth_name} ép. {usage}"])
        return (birth_name, other) if rng.random() < 0.5 else (other, birth_name)
    if " " in person.surname or "-" in person.surname:  # « Le Gall », « Saint-Jean »: written several ways
        return write_compound(rng, person.surname), write_compound(rng, person.surname)
    return person.surname, person.surname


def first_forms(rng: random.Random, person: Truth) -> tuple[str, str]:
    pronote, ent = write_compound(rng, person.first), write_compound(rng, person.first)
    if rng.random() < 0.05:
        more = " ".join(rng.sample([name for name in SECOND_NAMES if name != person.first], rng.choice((1, 2))))
        return (pronote, f"{ent} {more}") if rng.random() < 0.5 else (f"{pronote} {more}", ent)
    return pronote, ent


def date_forms(rng: random.Random, person: Truth) -> tuple[date | None, date | None]:
    when = person.born
    if when is None:
        return None, None
    pronote = None if person.profile == "parent" or (person.profile != "eleve" and rng.random() < 0.4) else when
    keep = {"eleve": 0.99, "parent": 0.60, "enseignant": 0.70, "personnel": 0.60}[person.profile]
    ent = when if rng.random() < keep else None
    if ent is not None:
        draw = rng.random()
        if draw < 0.01 and when.day <= 12 and when.day != when.month:
            ent = date(when.year, when.day, when.month)
        elif draw < 0.015:
            ent = one_digit_off(rng, when)
    return pronote, ent


def one_digit_off(rng: random.Random, when: date) -> date:
    for _ in range(20):
        digits = list(when.strftime("%d%m%Y"))
        i = rng.choice([1, 3, 7])  # last digit of day, month or year: the usual slips
        digits[i] = str((int(digits[i]) + rng.choice((1, -1))) % 10)
        try:
            return date(int("".join(digits[4:])), int("".join(digits[2:4])), int("".join(digits[:2])))
        except ValueError:
            continue
    return when


def make_sides(rng: random.Random, truth: list[Truth]):
    from wizard.people import Person

    pronote, ent, pairs = [], [], set()
    alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789"
    for number, person in enumerate(truth):
        sur_p, sur_e = surname_forms(rng, person)
        first_p, first_e = first_forms(rng, person)
        date_p, date_e = date_forms(rng, person)
        if rng.random() < 0.015:
            sur_e = typo(rng, sur_e)
        if rng.random() < 0.015:
            first_e = typo(rng, first_e)
        pronote_id = "".join(rng.choices(alphabet, k=16))
        ent_id = f"{strip_accents(person.first[:1]).lower()}.ent{number:06d}"
        draw = rng.random()
        on_pronote, on_ent = draw >= 0.03, draw < 0.03 or draw >= 0.06
        if on_pronote:
            pronote.append(Person(pronote_id, person.profile, write_surname(rng, sur_p, "pronote"),
                                  write_first(rng, first_p, "pronote"), date_p, len(pronote) + 2))
        if on_ent:
            ent.append(Person(ent_id, person.profile, write_surname(rng, sur_e, "ent"), write_first(rng, first_e, "ent"),
                              date_e, len(ent) + 2))
        if on_pronote and on_ent:
            pairs.add((pronote_id, ent_id))
    rng.shuffle(ent)
    return pronote, ent, pairs


# ---------------------------------------------------------------- the exact-match baseline
def exact_baseline(pronote, ent) -> set[tuple[str, str]]:
    """Normalised exact equality of profile, surname, first name and date, kept only when unique on both sides."""
    from collections import defaultdict

    from wizard.matching.normalise import fold

    def key(person):
        return person.profile, fold(person.last_name).replace(" ", ""), fold(person.first_name).replace(" ", ""), person.birth_date

    left, right = defaultdict(list), defaultdict(list)
    for person in pronote:
        left[key(person)].append(person.ident)
    for person in ent:
        right[key(person)].append(person.ident)
    return {(ids[0], right[k][0]) for k, ids in left.items() if len(ids) == 1 and len(right.get(k, ())) == 1}


def score(found: set, truth: set) -> tuple[float, float]:
    right = len(found & truth)
    return (right / len(found) if found else 1.0), right / len(truth)


def run_one(size: int, seed: int) -> dict:
    from wizard.matching import reconcile

    rng = random.Random(seed)
    pronote, ent, truth = make_sides(rng, build_school(rng, size))
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.perf_counter()
    result = reconcile(pronote, ent)
    elapsed = time.perf_counter() - started
    found = {(p.pronote.ident, p.ent.ident) for p in result.pairs if p.status != "ambiguous"}
    ambiguous = {p.pronote.ident for p in result.pairs if p.status == "ambiguous"}
    started = time.perf_counter()
    baseline = exact_baseline(pronote, ent)
    baseline_time = time.perf_counter() - started
    precision, recall = score(found, truth)
    b_precision, b_recall = score(baseline, truth)
    wrong = found - truth
    return {
        "size": size, "pronote": len(pronote), "ent": len(ent), "truth": len(truth), "compared": result.compared,
        "precision": precision, "recall": recall, "ambiguous": len(ambiguous), "wrong": len(wrong),
        "missed_truth": len(truth - found), "seconds": elapsed,
        "baseline_precision": b_precision, "baseline_recall": b_recall, "baseline_seconds": baseline_time,
        "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, "rss_before_mb": rss_before / 1024,
        "certain": sum(p.status == "certain" for p in result.pairs),
        "probable": sum(p.status == "probable" for p in result.pairs),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[2000, 20000])
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(run_one(args.child, args.seed)))
        return 0
    ok = True
    for size in args.sizes:
        out = subprocess.run([sys.executable, __file__, "--child", str(size), "--seed", str(args.seed)],
                             capture_output=True, text=True, check=True).stdout
        row = json.loads(out)
        ratio = row["seconds"] / row["baseline_seconds"] if row["baseline_seconds"] else float("nan")
        print(f"{row['pronote']:>6} PRONOTE × {row['ent']:>6} ENT (truth {row['truth']} pairs, {row['compared']} compared)")
        print(f"  matcher : precision {row['precision']:.4f}  recall {row['recall']:.4f}  "
              f"certain {row['certain']}  probable {row['probable']}  ambiguous {row['ambiguous']}  "
              f"wrong {row['wrong']}  time {row['seconds']:.2f} s")
        print(f"  exact   : precision {row['baseline_precision']:.4f}  recall {row['baseline_recall']:.4f}  "
              f"time {row['baseline_seconds']:.2f} s   (matcher/exact time ratio {ratio:.1f})")
        print(f"  peak memory {row['peak_mb']:.0f} MB (process, {row['rss_before_mb']:.0f} MB before matching)")
        ok &= row["precision"] >= 0.995 and row["recall"] >= 0.98 and row["peak_mb"] < 500
        ok &= row["size"] < 20000 or row["seconds"] < 5
    print("targets met" if ok else "TARGETS NOT MET")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
