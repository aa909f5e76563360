"""`check` against a bare lxml `iterparse` pass over the same 100,000-person file, in the documented layout and
in a generic one (upper-case attributes on `ELEVE`/`RESPONSABLE`/…, as PRONOTE's own CSV-like exports name them).

Each sample is a whole new process (interpreter start and imports included); the two kinds alternate so machine
noise hits both alike; the medians are compared. Peak memory is the largest resident set of the child processes
of each kind (ru_maxrss of RUSAGE_CHILDREN, read after each kind's runs, in a fresh measuring process). The same
comparison in-process (best of the runs, `analyse` against the bare loop, no interpreter start) is printed too.
Usage: .venv/bin/python bench/check.py [--people N] [--runs N] [--school] [--layout documented|generic]
  --school  also gives `check` a current school (UAI, history, hash key), so keyed hashes are computed as in the GUI.
Target: ratio ≤ 3 for both layouts, aim 2 (issues 3 and 14).
"""
from __future__ import annotations

import argparse
import json
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NS = "http://www.index-education.com/rapprochementssoV2.0"

# The bare pass: lxml with the same safety options, every element cleared, nothing else.
BARE = r"""
import sys
from lxml import etree
for _, element in etree.iterparse(sys.argv[1], resolve_entities=False, no_network=True, load_dtd=False,
                                  dtd_validation=False, huge_tree=False):
    element.clear()
"""

# Runs one command and prints its wall time and its own peak memory, so each figure is about that process only.
MEASURE = r"""
import resource, subprocess, sys, time
start = time.perf_counter()
code = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL).returncode
elapsed = time.perf_counter() - start
print(elapsed, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, code)
"""


FIRST_NAMES = ("Léa", "Théo", "Chloé", "Noé", "Inès", "Zoé", "Hélène", "Jérôme", "Anaïs", "Loïc")


def population(people: int) -> tuple[int, int, int, int]:
    """(pupils, parents, teachers, staff): 60 %, 35 %, 4 %, 1 % of `people`, as in a real school's export."""
    staff, teachers = people // 100, people // 25
    parents = people * 35 // 100
    return people - staff - teachers - parents, parents, teachers, staff


def write_documented(path: Path, people: int, seed: int = 1) -> None:
    """The documented layout with realistic proportions: 60 % pupils (each linked to one or two parents), 35 %
    parents, 4 % teachers, 1 % other staff; accented first names, as in real schools."""
    rnd = random.Random(seed)
    pupils, parents, teachers, staff = population(people)
    first_names = FIRST_NAMES
    ident = 1000

    def person(tag: str, extra: str = "") -> str:
        nonlocal ident
        ident += 1
        return (f'<{tag} Ident="{ident}" Nom="NOM{ident}" Prenom="{rnd.choice(first_names)}" '
                f'ID_Partenaire="{ident:016X}"{extra}')

    with open(path, "w", encoding="utf-8") as out:
        out.write(f'<?xml version="1.0" encoding="UTF-8"?>\n<PARTENAIRE_INDEX xmlns="{NS}" '
                  'Date="2026-08-27T08:30:00" Partenaire="KOSMOS" ProtocoleDelegationAuthentification="CAS">\n'
                  '  <Etablissements>\n    <Etablissement Ident="1" Numero="0301746K" Nom="CLG-VIA DOMITIA"/>\n'
                  '  </Etablissements>\n  <EtablissementsGeres>\n    <Etablissement Ident="1"/>\n'
                  '  </EtablissementsGeres>\n')
        out.write("  <Personnels>\n")
        out.writelines(f"    {person('Personnel')}/>\n" for _ in range(staff))
        out.write("  </Personnels>\n  <Professeurs>\n")
        teacher_born = ' DateNaissance="1975-04-12"'
        out.writelines(f"    {person('Professeur', teacher_born)}/>\n" for _ in range(teachers))
        out.write("  </Professeurs>\n  <Responsables>\n")
        first_parent = ident + 1
        out.writelines(f"    {person('Responsable')}/>\n" for _ in range(parents))
        last_parent = ident
        out.write("  </Responsables>\n  <Eleves>\n")
        for _ in range(pupils):
            born = f"{rnd.randint(2008, 2015)}-{rnd.randint(1, 12):02d}-{rnd.randint(1, 28):02d}"
            sex = rnd.choice(("Masculin", "Feminin"))
            links = "".join(f'<Responsable Ident="{rnd.randint(first_parent, last_parent)}"/>'
                            for _ in range(rnd.choice((1, 2, 2))))
            extra = f' DateNaissance="{born}" Sexe="{sex}"'
            out.write(f"    {person('Eleve', extra)}>{links}</Eleve>\n")
        out.write("  </Eleves>\n</PARTENAIRE_INDEX>\n")


def write_generic(path: Path, people: int, seed: int = 1) -> None:
    """The same people in a generic layout: a group element per profile, one element per person, upper-case
    attributes, French day-first birth dates for pupils."""
    rnd = random.Random(seed)
    pupils, parents, teachers, staff = population(people)
    first_names = FIRST_NAMES
    ident = 1000
    with open(path, "w", encoding="utf-8") as out:
        out.write('<?xml version="1.0" encoding="UTF-8"?>\n<EXPORT DATE_EXPORT="27/08/2026 08:30" UAI="0301746K">\n')
        for group, tag, count, born in (("PERSONNELS", "PERSONNEL", staff, False),
                                        ("PROFESSEURS", "PROFESSEUR", teachers, False),
                                        ("RESPONSABLES", "RESPONSABLE", parents, False),
                                        ("ELEVES", "ELEVE", pupils, True)):
            out.write(f"  <{group}>\n")
            for _ in range(count):
                ident += 1
                birth = (f' DATE_NAISSANCE="{rnd.randint(1, 28):02d}/{rnd.randint(1, 12):02d}/'
                         f'{rnd.randint(2008, 2015)}"' if born else "")
                out.write(f'    <{tag} IDENTIFIANT_PRONOTE_ENT="{ident:016X}" NOM="NOM{ident}" '
                          f'PRENOM="{rnd.choice(first_names)}"{birth}/>\n')
            out.write(f"  </{group}>\n")
        out.write("</EXPORT>\n")


WRITERS = {"documented": write_documented, "generic": write_generic}


def write_school(data_dir: Path) -> None:
    """A current school in a partial import, so that `check` computes keyed hashes as the GUI does."""
    sys.path.insert(0, str(ROOT))
    from wizard.core.progress import new_document

    data_dir.mkdir(parents=True, exist_ok=True)
    doc = new_document()
    school = doc["schools"][doc["current"]]
    school["identity"].update(uai="0301746K", name="CLG-VIA DOMITIA",
                              pronote_url="https://0301746K.index-education.net/pronote/")
    school["cycle"]["mode"] = "partiel"
    school["import_history"] = [{"date": "2026-06-27T08:39:00", "cycle": "c0", "mode": "complet", "counts": {},
                                 "file_sha256": "0" * 64, "reported_count": 10, "reading": None,
                                 "id_hashes": ["0" * 32], "export_date": None}]
    (data_dir / "progress.json").write_text(json.dumps(doc), encoding="utf-8")


def measure(command: list[str]) -> tuple[float, int, int]:
    out = subprocess.run([sys.executable, "-c", MEASURE, *command], capture_output=True, text=True,
                         check=True).stdout.split()
    return float(out[0]), int(out[1]), int(out[2])


def in_process(xml: Path, runs: int) -> tuple[float, float]:
    """Best times of `analyse` and of the bare loop in this process (no interpreter start, no imports)."""
    sys.path.insert(0, str(ROOT))
    from lxml import etree

    from wizard.core.idfile import analyse

    def bare() -> None:
        for _, element in etree.iterparse(str(xml), resolve_entities=False, no_network=True, load_dtd=False,
                                          dtd_validation=False, huge_tree=False):
            element.clear()

    best = {}
    for name, job in (("check", lambda: analyse(xml)), ("bare", bare)) * runs:
        started = time.perf_counter()
        job()
        best[name] = min(best.get(name, float("inf")), time.perf_counter() - started)
    return best["check"], best["bare"]


def compare(layout: str, folder: Path, options) -> float:
    xml = folder / f"{layout}.xml"
    started = time.perf_counter()
    WRITERS[layout](xml, options.people)
    print(f"{layout}: {options.people} people, {xml.stat().st_size / 1e6:.1f} MB, "
          f"written in {time.perf_counter() - started:.1f} s")
    check = [sys.executable, str(ROOT / "main.py"), "check", str(xml), "--json", "--data-dir", str(folder / "data")]
    bare = [sys.executable, "-c", BARE, str(xml)]
    check_times, bare_times, check_rss, bare_rss = [], [], [], []
    measure(check), measure(bare)  # warm the page cache and the .pyc files
    for _ in range(options.runs):
        elapsed, rss, code = measure(check)
        if code not in (0, 1):
            raise SystemExit(f"check exited with {code}")
        check_times.append(elapsed), check_rss.append(rss)
        elapsed, rss, _ = measure(bare)
        bare_times.append(elapsed), bare_rss.append(rss)
    check_median, bare_median = statistics.median(check_times), statistics.median(bare_times)
    print(f"  check:      median {check_median:.3f} s over {options.runs} runs (min {min(check_times):.3f}), "
          f"peak {max(check_rss) / 1024:.1f} MB")
    print(f"  bare lxml:  median {bare_median:.3f} s over {options.runs} runs (min {min(bare_times):.3f}), "
          f"peak {max(bare_rss) / 1024:.1f} MB")
    ratio = check_median / bare_median
    print(f"  ratio (whole processes): {ratio:.2f}x (target ≤ 3, aim 2)")
    check_best, bare_best = in_process(xml, options.runs)
    print(f"  in-process: analyse {check_best:.3f} s, bare {bare_best:.3f} s, ratio {check_best / bare_best:.2f}x")
    return ratio


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--school", action="store_true")
    parser.add_argument("--layout", choices=sorted(WRITERS), action="append")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        if options.school:
            write_school(folder / "data")
        ratios = [compare(layout, folder, options) for layout in options.layout or ("documented", "generic")]
    return 0 if max(ratios) <= 3 else 1


if __name__ == "__main__":
    sys.exit(main())
