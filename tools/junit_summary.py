"""The figures of a pytest run from its JUnit XML (`--junitxml`), for a stage whose own output is hard to read
(scripts/test-windows.sh: the suite under Wine): one line per test that failed or errored, with its first line of
reason, the tests skipped for a Wine limitation with their reason, then « LABEL: N passed, N failed, N skipped ».

    python tools/junit_summary.py JUNIT.xml [--label Windows]

Exit 0 when nothing failed and at least one test passed, 1 otherwise (a run that collected nothing is a failure).
"""
from __future__ import annotations

import argparse
import sys
import xml.etree.ElementTree as ElementTree
from collections import Counter
from pathlib import Path


def outcomes(path: Path) -> list[tuple[str, str, str]]:
    """(test id, outcome, reason) for each test case: passed, failed (errors included), skipped."""
    found = []
    for case in ElementTree.parse(path).getroot().iter("testcase"):
        name = f"{case.get('classname', '')}::{case.get('name', '')}".strip(":")
        outcome, reason = "passed", ""
        for child in case:
            if child.tag in ("failure", "error"):
                outcome, reason = "failed", child.get("message") or ""
                if reason in ("", "collection failure"):  # the why is in the report's last « E » line
                    errors = [line[1:].strip() for line in (child.text or "").splitlines() if line.startswith("E ")]
                    reason = f"{reason}: {errors[-1]}" if reason and errors else (errors or [reason])[-1]
                break
            if child.tag == "skipped":
                outcome, reason = "skipped", child.get("message") or ""
        found.append((name, outcome, reason.strip().splitlines()[0][:300] if reason.strip() else ""))
    return found


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("junit", type=Path)
    parser.add_argument("--label", default="")
    args = parser.parse_args(argv)
    prefix = f"{args.label}: " if args.label else ""
    if not args.junit.is_file():
        print(f"{prefix}no result file ({args.junit}): the run stopped before its end")
        print(f"{prefix}0 passed, 1 failed")
        return 1
    results = outcomes(args.junit)
    counts = Counter(outcome for _, outcome, _ in results)
    for name, outcome, reason in results:
        if outcome == "failed":
            print(f"FAILED {name} — {reason}")
    wine = [(name, reason) for name, outcome, reason in results if outcome == "skipped" and "Wine" in reason]
    for name, reason in wine:
        print(f"skipped under Wine: {name} — {reason}")
    others = counts["skipped"] - len(wine)
    print(f"{prefix}{len(wine)} tests skipped for a Wine limitation, {others} for another reason")
    print(f"{prefix}{counts['passed']} passed, {counts['failed']} failed, {counts['skipped']} skipped")
    return 0 if counts["failed"] == 0 and counts["passed"] > 0 else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
