"""`check` against hostile files, big ones: for each case, the outcome (refused with which code, or read with how
many people), the wall time and the peak memory of the `main.py check --json` process (ru_maxrss of a child).

Held: the outcome is the expected one, the peak is ≤ 300 MB, and a file of ≤ 10 MB is answered in ≤ 5 s (issue
11). The small versions of each kind are asserted in tests/idfile/test_hostile.py; this script measures.
Usage: .venv/bin/python bench/check_hostile.py [--only SUBSTRING] [--keep DIR]
Exit 0 when every case held.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.check import write_documented  # noqa: E402

MB = 1_000_000
NS = "http://www.index-education.com/rapprochementssoV2.0"
PEAK_LIMIT_MB = 300
SMALL_FILE, SMALL_TIME = 10 * 1024 * 1024, 5.0

# Runs the command with its output going to files, then prints its wall time, its peak memory and its exit code.
MEASURE = r"""
import resource, subprocess, sys, time
with open(sys.argv[1], "wb") as out, open(sys.argv[2], "wb") as err:
    start = time.perf_counter()
    code = subprocess.run(sys.argv[3:], stdout=out, stderr=err, timeout=900).returncode
elapsed = time.perf_counter() - start
print(elapsed, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, code)
"""

DOC_HEAD = (f'<?xml version="1.0" encoding="UTF-8"?>\n<PARTENAIRE_INDEX xmlns="{NS}" Date="2026-08-27T08:30:00">\n'
            '<Etablissements><Etablissement Ident="1" Numero="0301746K" Nom="CLG"/></Etablissements>\n')


def people(count: int, start: int = 0, tag: str = "Eleve") -> str:
    return "".join(f'<{tag} Ident="{i}" Nom="NOM{i}" Prenom="Léa" ID_Partenaire="ID{i:08d}" '
                   'DateNaissance="2012-03-04"/>\n'
                   for i in range(start, start + count))


def write_blocks(path: Path, head: str, block: str, size: int, tail: str, encoding: str = "utf-8") -> None:
    """head, then `block` repeated up to about `size` bytes, then tail."""
    data = block.encode(encoding)
    with open(path, "wb") as out:
        out.write(head.encode(encoding))
        batch = data * max(1, (1 << 20) // len(data))
        written = 0
        while written + len(batch) <= size:
            out.write(batch)
            written += len(batch)
        out.write(data * ((size - written) // len(data)))
        out.write(tail.encode(encoding))


def write_generated(path: Path, head: str, make, count: int, tail: str, batch: int = 10_000) -> None:
    """head, then make(i) for i in range(count), then tail."""
    with open(path, "w", encoding="utf-8") as out:
        out.write(head)
        for start in range(0, count, batch):
            out.write("".join(make(i) for i in range(start, min(count, start + batch))))
        out.write(tail)


def documented_padded(where: str):
    def build(path: Path) -> Path:
        pad = '<Bourrage Type="commentaire">texte de remplissage qui n\'est pas une personne</Bourrage>\n'
        group = "<Eleves>\n" + people(1000)
        if where == "root":
            write_blocks(path, DOC_HEAD + group + "</Eleves>\n", pad, 195 * MB, "</PARTENAIRE_INDEX>\n")
        elif where == "group":
            write_blocks(path, DOC_HEAD + group, pad, 195 * MB, people(1000, 1000) + "</Eleves>\n</PARTENAIRE_INDEX>\n")
        else:  # inside one pupil: children that are not links to parents
            write_blocks(path,
                         DOC_HEAD + group + '<Eleve Nom="A" Prenom="B" ID_Partenaire="X" DateNaissance="2012-01-01">\n',
                         pad, 195 * MB, "</Eleve>\n</Eleves>\n</PARTENAIRE_INDEX>\n")
        return path
    return build


def generic_head(extra: str = "") -> str:
    rows = "".join(f'<ELEVE IDENTIFIANT="G{i:07d}" NOM="NOM{i}" PRENOM="Zoé" DATE_NAISSANCE="04/03/2012"/>\n'
                   for i in range(1000))
    return f'<?xml version="1.0" encoding="UTF-8"?>\n<EXPORT>\n<ELEVES>\n{rows}</ELEVES>\n{extra}'


def many_people(count: int, *, same_id: bool = False, no_first_name: bool = False, bad_date: bool = False):
    def build(path: Path) -> Path:
        def row(i: int) -> str:
            ident = "MEME" if same_id else f"P{i:07d}"
            first = "" if no_first_name else "Léo"
            born = "2012-02-31" if bad_date else "2012-02-03"
            return f'<Eleve Nom="N{i}" Prenom="{first}" ID_Partenaire="{ident}" DateNaissance="{born}"/>\n'
        write_generated(path, DOC_HEAD + "<Eleves>\n", row, count, "</Eleves>\n</PARTENAIRE_INDEX>\n")
        return path
    return build


def text_file(content: bytes):
    def build(path: Path) -> Path:
        path.write_bytes(content)
        return path
    return build


def fifo(path: Path) -> Path:
    os.mkfifo(path)
    return path


def symlink_loop(path: Path) -> Path:
    other = path.with_name("boucle.xml")
    path.symlink_to(other)
    other.symlink_to(path)
    return path


def unreadable(path: Path) -> Path:
    path.write_text(DOC_HEAD + "<Eleves>\n" + people(3) + "</Eleves>\n</PARTENAIRE_INDEX>\n", encoding="utf-8")
    path.chmod(0)
    return path


def sparse(size: int):
    def build(path: Path) -> Path:
        with open(path, "wb") as out:
            out.truncate(size)
        return path
    return build


def bulk(head: str, block: str, size: int, tail: str, encoding: str = "utf-8"):
    def build(path: Path) -> Path:
        write_blocks(path, head, block, size, tail, encoding)
        return path
    return build


def generated(head: str, make, count: int, tail: str):
    def build(path: Path) -> Path:
        write_generated(path, head, make, count, tail)
        return path
    return build


def documented_100k(path: Path) -> Path:
    write_documented(path, 100_000)
    return path


ACCENTED_PAD = "<note>HÉLÈNE, Zoé, Noël : texte accentué qui n'est pas une personne</note>\n"


def mixed_tail(declared: bool):
    """100 MB of valid UTF-8, then one Latin-1 byte: declared UTF-8 is refused; undeclared is read again as
    Windows-1252 (two passes)."""
    def build(path: Path) -> Path:
        declaration = '<?xml version="1.0" encoding="UTF-8"?>\n' if declared else '<?xml version="1.0"?>\n'
        head = declaration + "<eleves>\n" + '<eleve id="1" nom="HÉLÈNE" prenom="Zoé" date_naissance="04/03/2012"/>\n'
        write_blocks(path, head, ACCENTED_PAD, 100 * MB, "")
        with open(path, "ab") as out:
            out.write('<eleve id="2" nom="NOËL" prenom="B"/>\n</eleves>\n'.encode("latin-1"))
        return path
    return build


def latin1_at_the_end(path: Path) -> Path:
    write_blocks(path, generic_head().replace(' encoding="UTF-8"', ""), "<a/>", 10 * 1024 * 1024 - 200_000, "")
    with open(path, "ab") as out:
        out.write('<ELEVE IDENTIFIANT="Z" NOM="NOËL" PRENOM="Loïc"/>\n</EXPORT>\n'.encode("latin-1"))
    return path


def truncated_big(path: Path) -> Path:
    write_blocks(path, DOC_HEAD + "<Eleves>\n" + people(1000), ACCENTED_PAD, 195 * MB,
                 '<Eleve Nom="A" Prenom="B" ID_Part')
    return path


def nul_in_middle(path: Path) -> Path:
    write_blocks(path, DOC_HEAD + "<Eleves>\n" + people(1000), ACCENTED_PAD, 100 * MB,
                 '<Eleve Nom="A\x00" Prenom="B" ID_Partenaire="Z"/>\n' + ACCENTED_PAD * 1000
                 + "</Eleves>\n</PARTENAIRE_INDEX>\n")
    return path


def open_tags_with_attributes(path: Path) -> Path:
    """64 nested elements never closed, each with 250 attributes of 800 bytes: everything stays open."""
    tag = "<ouvert " + " ".join(f'a{i}="{"v" * 800}"' for i in range(250)) + ">\n"
    path.write_text('<?xml version="1.0"?>\n' + tag * 60, encoding="utf-8")
    return path


# (kind, name, builder, expected): expected is ("refused", code) or ("read", people counted)
CASES = [
    ("taille", "documented_100k_people", documented_100k, ("read", 100_000)),
    ("taille", "too_big_sparse_201MiB", sparse(201 * 1024 * 1024), ("refused", "fichier_trop_gros")),
    # The most elements 10 MB can hold, the slowest file per byte; then the same undeclared and not UTF-8 at its end.
    ("taille", "10MB_of_empty_elements",
     bulk(generic_head(), "<a/>", 10 * 1024 * 1024 - 200_000, "</EXPORT>\n"), ("read", 1000)),
    ("taille", "10MB_of_empty_elements_latin1_at_the_end", latin1_at_the_end, ("read", 1001)),
    ("bourrage", "documented_195MB_padding_at_root", documented_padded("root"), ("read", 1000)),
    ("bourrage", "documented_195MB_padding_in_group", documented_padded("group"), ("read", 2000)),
    ("bourrage", "documented_195MB_padding_in_a_pupil", documented_padded("pupil"), ("read", 1001)),
    ("bourrage", "generic_195MB_padding_not_people",
     bulk(generic_head(), '<classe id="3A" nom="3e A" niveau="3"/>\n', 195 * MB, "</EXPORT>\n"), ("read", 1000)),
    ("bourrage", "generic_195MB_nobody",
     bulk('<?xml version="1.0"?>\n<r>\n', '<classe id="3A" nom="3e A"/>\n', 195 * MB, "</r>\n"),
     ("refused", "aucune_personne")),
    ("personnes", "people_over_the_cap", many_people(200_001), ("refused", "personnes_trop_nombreuses")),
    ("personnes", "people_at_the_cap_every_finding",
     many_people(200_000, same_id=True, no_first_name=True, bad_date=True), ("read", 200_000)),
    ("noms", "distinct_tags_millions",
     generated('<?xml version="1.0"?>\n<r>\n', lambda i: f"<t{i}/>\n", 16_000_000, "</r>\n"),
     ("refused", "noms_trop_nombreux")),
    ("noms", "distinct_tags_in_documented",
     generated(DOC_HEAD, lambda i: f"<t{i}/>\n", 16_000_000, "</PARTENAIRE_INDEX>\n"),
     ("refused", "noms_trop_nombreux")),
    ("noms", "distinct_attribute_names_millions",
     generated('<?xml version="1.0"?>\n<r>\n', lambda i: f'<t a{i}="1"/>\n', 10_000_000, "</r>\n"),
     ("refused", "noms_trop_nombreux")),
    ("noms", "names_of_40000_characters",
     bulk('<?xml version="1.0"?>\n<r>\n', f"<{'n' * 40_000}/>\n", 100 * MB, "</r>\n"),
     ("refused", "noms_trop_nombreux")),
    ("noms", "namespace_uri_of_200KB_then_elements",
     bulk(f'<?xml version="1.0"?>\n<r xmlns="urn:{"x" * 200_000}">\n', "<a/>\n", 50 * MB, "</r>\n"),
     ("refused", "noms_trop_nombreux")),
    ("attributs", "one_element_300000_attributes",
     text_file(('<?xml version="1.0"?>\n<r><e ' + " ".join(f'a{i}="v"' for i in range(300_000)) + "/></r>\n").encode()),
     ("refused", "texte_trop_long")),
    ("attributs", "one_element_20000_attributes",
     text_file(('<?xml version="1.0"?>\n<r><e ' + " ".join(f'a{i}="v"' for i in range(20_000)) + "/></r>\n").encode()),
     ("refused", "attributs_trop_nombreux")),
    ("attributs", "10MB_of_people_with_255_attributes",
     bulk('<?xml version="1.0"?>\n<eleves>\n',
          '<eleve id="1" nom="A" prenom="B" ' + " ".join(f'x{i}="v"' for i in range(252)) + "/>\n", 10 * MB,
          "</eleves>\n"), ("read", None)),
    ("attributs", "60_open_elements_with_200KB_of_attributes", open_tags_with_attributes, ("refused", "xml_tronque")),
    ("profondeur", "one_million_levels",
     text_file(('<?xml version="1.0"?>\n' + "<a>" * 1_000_000).encode()), ("refused", "imbrication_excessive")),
    ("profondeur", "60_levels_then_people",
     text_file(('<?xml version="1.0"?>\n' + "<n>" * 59
                + people(100, tag="eleve").replace("Ident=", "x=").replace("ID_Partenaire", "id")
                + "</n>" * 59).encode()), ("read", 100)),
    ("texte", "one_text_node_150MB",
     bulk('<?xml version="1.0"?>\n<r><note>', "x" * 1000, 150 * MB, "</note></r>\n"), ("refused", "texte_trop_long")),
    ("texte", "texts_of_200KB_195MB",
     bulk(generic_head(), "<note>" + "x" * 200_000 + "</note>\n", 195 * MB, "</EXPORT>\n"), ("read", 1000)),
    ("texte", "text_hidden_in_cdata_with_lt",
     bulk('<?xml version="1.0"?>\n<r><note>', "<![CDATA[" + "x" * 100_000 + "<]]>", 150 * MB, "</note></r>\n"),
     ("refused", "texte_trop_long")),
    ("texte", "text_between_comments_with_lt",
     bulk('<?xml version="1.0"?>\n<r><note>', "x" * 100_000 + "<!-- < -->", 150 * MB, "</note></r>\n"),
     ("refused", "texte_trop_long")),
    ("texte", "name_of_5000_characters",
     text_file(('<?xml version="1.0"?>\n<eleves><eleve id="1" nom="' + "N" * 5000
                + '" prenom="B"/></eleves>\n').encode()), ("refused", "texte_trop_long")),
    ("valeurs", "attribute_value_9MB",
     text_file(('<?xml version="1.0"?>\n<r><e v="' + "x" * 9_000_000 + '"/></r>\n').encode()),
     ("refused", "texte_trop_long")),
    ("valeurs", "attribute_values_of_200KB_195MB",
     bulk(generic_head(), '<note v="' + "x" * 200_000 + '"/>\n', 195 * MB, "</EXPORT>\n"), ("read", 1000)),
    ("espaces de noms", "namespace_declarations_100000",
     generated('<?xml version="1.0"?>\n<r>\n', lambda i: f'<a xmlns:p{i}="urn:{i}"/>\n', 100_000, "</r>\n"),
     ("refused", "declarations_trop_nombreuses")),
    ("espaces de noms", "one_namespace_195MB_prefixed",
     bulk('<?xml version="1.0"?>\n<p:export xmlns:p="urn:x">\n<p:eleves>\n'
          + '<p:eleve p:id="1" p:nom="A" p:prenom="B"/>\n' * 1000, '<p:note p:type="x">texte</p:note>\n', 195 * MB,
          "</p:eleves>\n</p:export>\n"), ("read", 1000)),
    ("commentaires", "comment_of_9MB",
     text_file(('<?xml version="1.0"?>\n<r><!--' + "x" * 9_000_000 + "--></r>\n").encode()),
     ("refused", "texte_trop_long")),
    ("commentaires", "comments_between_elements_195MB",
     bulk(generic_head(), "<!-- remarque --><note/>\n", 195 * MB, "</EXPORT>\n"), ("read", 1000)),
    ("commentaires", "comments_with_lt_between_elements_195MB",
     bulk(generic_head(), "<!-- <b> --><note/>\n", 195 * MB, "</EXPORT>\n"), ("read", 1000)),
    ("commentaires", "comments_after_the_root_195MB",
     bulk(generic_head() + "</EXPORT>\n", "<!-- fin -->\n", 195 * MB, ""), ("read", 1000)),
    # Comments are not kept, so the line breaks between consecutive ones make one text, which grows past the cap.
    ("commentaires", "consecutive_comments_195MB",
     bulk(generic_head(), "<!-- remarque -->\n", 195 * MB, "</EXPORT>\n"), ("refused", "texte_trop_long")),
    ("instructions", "processing_instructions_millions",
     bulk(generic_head(), "<?cible donnees?>\n", 100 * MB, "</EXPORT>\n"), ("refused", "declarations_trop_nombreuses")),
    ("instructions", "processing_instruction_of_9MB",
     text_file(('<?xml version="1.0"?>\n<r><?cible ' + "x" * 9_000_000 + "?></r>\n").encode()),
     ("refused", "texte_trop_long")),
    ("CDATA", "cdata_names_and_195MB_of_cdata",
     bulk('<?xml version="1.0"?>\n<eleves>\n'
          + "".join(f"<eleve><id><![CDATA[E{i}]]></id><nom><![CDATA[NOËL]]></nom><prenom><![CDATA[Zoé]]></prenom>"
                    "</eleve>\n" for i in range(1000)),
          "<note><![CDATA[<b>texte</b> & < >]]></note>\n", 195 * MB, "</eleves>\n"), ("read", 1000)),
    ("CDATA", "cdata_of_9MB_in_a_name",
     text_file(('<?xml version="1.0"?>\n<eleves><eleve><id>1</id><prenom>B</prenom><nom><![CDATA[' + "<x" * 4_500_000
                + "]]></nom></eleve></eleves>\n").encode()), ("refused", "texte_trop_long")),
    ("encodages", "utf16_documented_195MB_padded",
     bulk(DOC_HEAD.replace("UTF-8", "UTF-16") + "<Eleves>\n" + people(1000) + "</Eleves>\n",
          "<Bourrage>texte</Bourrage>\n", 195 * MB, "</PARTENAIRE_INDEX>\n", "utf-16"), ("read", 1000)),
    ("encodages", "declared_utf8_latin1_byte_after_100MB", mixed_tail(True), ("refused", "encodage_invalide")),
    ("encodages", "undeclared_latin1_byte_after_100MB", mixed_tail(False), ("read", 2)),
    ("octets", "nul_byte_after_100MB", nul_in_middle, ("refused", "caractere_interdit")),
    ("octets", "truncated_195MB", truncated_big, ("refused", "xml_tronque")),
    ("octets", "binary_195MB",
     bulk("", "\x00\x01\x02\x03binaire\xff", 195 * MB, "", "latin-1"), ("refused", "pas_xml")),
    ("prologue", "doctype_brackets_exponential",
     text_file(('<?xml version="1.0"?>\n<!DOCTYPE r ' + "[]" * 30_000).encode()), ("refused", "fichier_dangereux")),
    ("fichiers", "fifo", fifo, ("refused", "pas_un_fichier")),
    ("fichiers", "dev_zero", lambda path: Path("/dev/zero"), ("refused", "pas_un_fichier")),
    ("fichiers", "directory", lambda path: path.parent, ("refused", "pas_un_fichier")),
    ("fichiers", "symlink_loop", symlink_loop, ("refused", "fichier_illisible")),
    ("fichiers", "unreadable", unreadable, ("refused", "fichier_illisible")),
]


def run_case(kind: str, name: str, build, expected, folder: Path) -> dict:
    case_dir = folder / name
    case_dir.mkdir()
    started = time.perf_counter()
    path = build(case_dir / "IdPN_To_KOSMOS.xml")
    built = time.perf_counter() - started
    size = path.stat().st_size if path.is_file() and not path.is_symlink() else 0
    command = [sys.executable, str(ROOT / "main.py"), "check", str(path), "--json", "--data-dir", str(folder / "data")]
    if name == "unreadable" and os.geteuid() == 0:  # root reads anything: drop the capabilities that allow it
        command = ["setpriv", "--inh-caps=-all", "--bounding-set=-all", *command]
    out, err = folder / "out.json", folder / "err.txt"
    done = subprocess.run([sys.executable, "-c", MEASURE, str(out), str(err), *command], capture_output=True, text=True,
                          check=True, timeout=1000)
    elapsed, peak_kb, code = done.stdout.split()
    elapsed, peak_mb, code = float(elapsed), int(peak_kb) / 1024, int(code)
    outcome, detail = _outcome(code, out.read_bytes())
    errors = err.read_bytes()
    one_sentence = code != 2 or (errors.strip() and b"\n" not in errors.strip())
    held = (outcome == expected[0] and (expected[1] is None or detail == expected[1]) and peak_mb <= PEAK_LIMIT_MB
            and (size > SMALL_FILE or elapsed <= SMALL_TIME) and b"Traceback" not in errors and one_sentence)
    if path.is_relative_to(case_dir):
        if name == "unreadable":
            path.chmod(0o600)
        for item in case_dir.iterdir():
            item.unlink()
    case_dir.rmdir()
    return {"kind": kind, "name": name, "size_mb": size / MB, "built_s": built, "time_s": elapsed, "peak_mb": peak_mb,
            "exit": code, "outcome": outcome, "detail": detail, "expected": expected, "held": held}


def _outcome(code: int, output: bytes) -> tuple[str, object]:
    try:
        report = json.loads(output)
    except ValueError:
        return "crash", output[-200:].decode("utf-8", "replace")
    if code == 2:
        return "refused", report["findings"][0]["code"]
    if code in (0, 1):
        return "read", report["counts"]["total"]
    return "crash", code


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", help="run the cases whose name contains this")
    parser.add_argument("--keep", type=Path, help="build the files in this folder (default: a temporary one)")
    options = parser.parse_args()
    cases = [case for case in CASES if not options.only or options.only in case[1]]
    with tempfile.TemporaryDirectory(dir=options.keep) as folder:
        folder = Path(folder)
        (folder / "data").mkdir()
        results = []
        print(f"{'kind':16} {'case':44} {'MB':>7} {'time s':>7} {'peak MB':>8}  outcome")
        for kind, name, build, expected in cases:
            result = run_case(kind, name, build, expected, folder)
            results.append(result)
            verdict = "held" if result["held"] else f"LOST (expected {expected[0]} {expected[1]})"
            print(f"{kind:16} {name:44} {result['size_mb']:7.1f} {result['time_s']:7.2f} {result['peak_mb']:8.1f}  "
                  f"exit {result['exit']} {result['outcome']} {result['detail']} – {verdict}", flush=True)
    print("\nkind               cases  held  lost")
    for kind in dict.fromkeys(result["kind"] for result in results):
        mine = [result for result in results if result["kind"] == kind]
        held = sum(result["held"] for result in mine)
        print(f"{kind:18} {len(mine):5} {held:5} {len(mine) - held:5}")
    lost = [result for result in results if not result["held"]]
    print(f"{'total':18} {len(results):5} {len(results) - len(lost):5} {len(lost):5}")
    slowest_small = max((r["time_s"] for r in results if r["size_mb"] * MB <= SMALL_FILE), default=0)
    print(f"max peak {max(result['peak_mb'] for result in results):.1f} MB; "
          f"slowest file ≤ 10 MB: {slowest_small:.2f} s")
    return 1 if lost else 0


if __name__ == "__main__":
    sys.exit(main())
