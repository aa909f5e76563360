"""The stand-alone app against `python main.py`: time to first window, and the sizes of what is shipped.

Each sample is a new process started with `--smoke-test` (the window opens offscreen, paints, prints one line, exits),
timed from the spawn to that line on stdout: imports, the bundle's unpacking and the first page are all inside.
The two kinds alternate so machine noise hits both alike; medians are compared.
Usage: .venv/bin/python bench/bundle.py [--runs N] [--archive]   (build first: bash packaging/build_bundle.sh)
"""
from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BUNDLE = ROOT / "dist" / "pronote-ent-wizard"


def first_window(command: list[str], data: str) -> float:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PRONOTE_ENT_WIZARD_LOG_DIR": os.path.join(data, "logs")}
    start = time.perf_counter()
    process = subprocess.Popen([*command, "--smoke-test", "--data-dir", os.path.join(data, "d")], env=env,
                               stdout=subprocess.PIPE, text=True, cwd=data)
    line = process.stdout.readline()
    elapsed = time.perf_counter() - start
    process.wait(timeout=60)
    if not line.startswith("smoke-test: ok") or process.returncode != 0:
        raise SystemExit(f"{command[0]} : la fenêtre ne s'est pas ouverte ({line!r}, code {process.returncode})")
    return elapsed


def folder_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def wheel_size() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp, "src")
        src.mkdir()
        for name in ("pyproject.toml", "setup.py", "README.md"):
            shutil.copy(ROOT / name, src / name)
        for name in ("wizard", "resources"):
            shutil.copytree(ROOT / name, src / name, ignore=shutil.ignore_patterns("__pycache__"))
        subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", tmp, str(src)], check=True)
        return next(Path(tmp).glob("*.whl")).stat().st_size


def archive_size(path: Path) -> int:
    with tempfile.TemporaryDirectory() as tmp:
        target = Path(tmp, "bundle.tar.gz")
        with tarfile.open(target, "w:gz") as archive:
            archive.add(path, arcname=path.name)
        return target.stat().st_size


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--archive", action="store_true", help="also measure the .tar.gz of the bundle (slow)")
    args = parser.parse_args()
    exe = BUNDLE / "pronote-ent-wizard"
    if not exe.exists():
        raise SystemExit("Construisez d'abord le paquet : bash packaging/build_bundle.sh")
    source = [sys.executable, str(ROOT / "main.py")]
    with tempfile.TemporaryDirectory() as data:
        first_window([str(exe)], data), first_window(source, data)  # warm the file cache for both
        bundle, python = [], []
        for _ in range(args.runs):
            bundle.append(first_window([str(exe)], data))
            python.append(first_window(source, data))
    b, p = statistics.median(bundle), statistics.median(python)
    print(f"bundle         : median {b * 1000:.0f} ms to first window over {args.runs} runs "
          f"(min {min(bundle) * 1000:.0f}, max {max(bundle) * 1000:.0f})")
    print(f"python main.py : median {p * 1000:.0f} ms to first window over {args.runs} runs "
          f"(min {min(python) * 1000:.0f}, max {max(python) * 1000:.0f})")
    print(f"ratio bundle / python = {b / p:.2f}")
    print(f"bundle folder  : {folder_size(BUNDLE) / 2**20:.1f} MiB ({BUNDLE.relative_to(ROOT)})")
    if args.archive:
        print(f"bundle .tar.gz : {archive_size(BUNDLE) / 2**20:.1f} MiB")
    print(f"wheel          : {wheel_size() / 2**10:.0f} KiB")


if __name__ == "__main__":
    main()
