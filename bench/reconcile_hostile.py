"""Peak memory and time of `reconcile` on hostile ENT account lists (issue 11), each in a fresh process.

Usage: .venv/bin/python bench/reconcile_hostile.py

Each case runs the real command (`main.py reconcile PRONOTE_FILE CASE`) in its own process; its peak resident
memory (ru_maxrss) and wall time (interpreter start included) are printed next to a baseline run on a valid
1,000-account list, with the exit code and the first words of stderr. The outcomes themselves are asserted in
tests/matching/test_hostile.py.
"""
from __future__ import annotations

import codecs
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PRONOTE = ROOT / "tests" / "matching" / "fixtures" / "pronote.xml"
HEADER = "Identifiant;Nom;Prénom;Date de naissance;Profil"
MB = 1024 * 1024


def rows(count: int) -> str:
    return "".join(f"ent.{n};NOM{n:06d};Emma;14/02/2013;Élève\r\n" for n in range(count))


def build(folder: Path) -> list[tuple[str, str]]:
    """(description, path) of every case."""
    cases = []

    def case(name: str, description: str, data: bytes) -> None:
        path = folder / name
        path.write_bytes(data)
        cases.append((description, str(path)))

    case("valid.csv", "baseline: valid list, 1,000 accounts", (HEADER + "\r\n" + rows(1000)).encode())
    case("valid-large.csv", "valid list, 100,000 accounts (5 MB)", (HEADER + "\r\n" + rows(100_000)).encode())
    broken = (HEADER + "\r\n" + rows(1000)).split("\r\n")
    broken[11] = broken[11].replace(";NOM", ';"NOM', 1)
    case("open-quote.csv", "quote left open on line 12 of 1,000", "\r\n".join(broken).encode())
    case("quote-at-end.csv", "quote opened on the last line, no line break",
         (HEADER + "\r\n" + rows(1000) + 'ent.x;"NOM').encode())
    case("quotes-everywhere.csv", "50 MB of unbalanced quotes", b'"a;"b\r\n' * (50 * MB // 7))
    case("long-field.csv", "one 200,000-character field", (HEADER + "\r\nent.1;" + "X" * 200_000 + ";Emma;;Élève\r\n"
                                                             + rows(10)).encode())
    case("long-header.csv", "one 10 MB header line", (HEADER + ";" + "X" * (10 * MB) + "\r\n" + rows(10)).encode())
    case("no-line-break.csv", "50 MB without a line break", b"X" * (50 * MB - 10))
    case("empty-lines.csv", "50 MB of empty lines", b"\n" * (50 * MB))
    case("empty-rows.csv", "16 million empty rows after a header", (HEADER + "\n").encode() + b";;\n" * (16 * MB))
    case("many-columns.csv", "8,000 columns on each of 1,000 lines", (HEADER + ";x" * 8000 + "\r\n").encode() * 1000)
    case("many-rows.csv", "48 MB of tiny rows (over the 200,000-row cap)",
         (HEADER + "\r\n").encode() + b"i;n;p;;Parent\r\n" * (48 * MB // 15))
    case("too-big.csv", "60 MB (over the 50 MB cap)", b"a;b;c\r\n" * (60 * MB // 7))
    case("utf16-nobom.csv", "UTF-16 LE without BOM, 100,000 accounts",
         (HEADER + "\r\n" + rows(100_000)).encode("utf-16-le"))
    case("utf16-broken.csv", "UTF-16 without BOM, broken at the end",
         (HEADER + "\r\n" + rows(1000)).encode("utf-16-le") + b"\x00\xd8A\x00")
    case("utf8-bom.csv", "UTF-8 with BOM, 1,000 accounts", codecs.BOM_UTF8 + (HEADER + "\r\n" + rows(1000)).encode())
    case("cp1252-late.csv", "Windows-1252 revealed on the last of 100,000 lines",
         (HEADER + "\r\n" + rows(100_000) + "ent.z;LEFÈVRE;Chloé;;Élève\r\n").encode("cp1252"))
    case("binary.csv", "10 MB of random bytes", os.urandom(10 * MB))
    case("nul-bytes.csv", "10 MB of NUL bytes", bytes(10 * MB))
    case("escape-codes.csv", "terminal escape codes in the headers", b"Nom;\x1b[2J\x1b]0;titre\x07;Profil\r\nA;B;C\r\n")
    if hasattr(os, "mkfifo"):
        fifo = folder / "fifo.csv"
        os.mkfifo(fifo)
        cases.append(("a FIFO with no writer", str(fifo)))
    if Path("/dev/zero").exists():
        cases.append(("/dev/zero", "/dev/zero"))
    return cases


# Runs the command in a grandchild and reports the grandchild's own peak memory: ru_maxrss of the children of a
# fresh process is that one command's, whatever ran before.
_RUN = r"""
import json, resource, subprocess, sys, time
started = time.perf_counter()
try:
    done = subprocess.run(sys.argv[1:], capture_output=True, timeout=120)
    code, err = done.returncode, done.stderr.decode("utf-8", "replace")
except subprocess.TimeoutExpired:
    code, err = -1, "TIMEOUT (120 s)"
print(json.dumps([code, time.perf_counter() - started, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, err]))
"""


def measure(path: str, data_dir: str) -> tuple[int, float, float, str]:
    env = {key: value for key, value in os.environ.items() if key != "QT_QPA_PLATFORM"}
    done = subprocess.run([sys.executable, "-c", _RUN, sys.executable, "main.py", "reconcile", str(PRONOTE), path,
                           "--data-dir", data_dir], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    code, seconds, peak_kb, stderr = json.loads(done.stdout)
    stderr = stderr.strip()
    return code, seconds, peak_kb / 1024, stderr.splitlines()[0][:90] if stderr else "(read)" if code == 0 else ""


def main() -> int:
    ok = True
    with tempfile.TemporaryDirectory() as folder:
        cases = build(Path(folder))
        data_dir = str(Path(folder) / "data")
        print(f"{'case':<52} {'exit':>4} {'time':>7} {'peak MB':>8}  stderr")
        for description, path in cases:
            code, seconds, peak, said = measure(path, data_dir)
            print(f"{description:<52} {code:>4} {seconds:6.2f}s {peak:8.0f}  {said}")
            ok &= code in (0, 2) and seconds < 10 and "Traceback" not in said
    print("every case answered in French, within 10 s, exit 0 or 2" if ok else "SOME CASES FAILED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
