"""Application entry: `main(argv)` and `create_window(data_dir, language)`.

Qt is imported lazily so that the headless commands never load it.
"""
from __future__ import annotations

import sys
from pathlib import Path

# The headless commands; kept here so that opening the window does not import argparse and the CLI.
COMMANDS = ("check", "reconcile", "probe", "record", "notice")


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    _no_console_streams()
    if any(arg in COMMANDS for arg in argv if not arg.startswith("-")) and _first_positional(argv) in COMMANDS:
        from wizard.cli import run

        return run(argv)
    from wizard.window import run_gui

    return run_gui(argv)


def gui_main() -> int:
    """`pronote-ent-wizard` (a GUI script: no console on Windows): the window, or a command when given one."""
    return main(sys.argv[1:])


def cli_main() -> int:
    """`pronote-ent-wizard-cli` (a console script): the headless commands only; no command is a French usage error."""
    from wizard.cli import run

    return run(sys.argv[1:])


def create_window(data_dir: Path, language: str | None = None):
    """The ready window, exactly as users get it; a QApplication must exist."""
    from wizard.window import build_window

    return build_window(Path(data_dir), language)


def _no_console_streams() -> None:
    """Without a console (Windows GUI script, the windowed bundle) sys.stdout/stderr are None and the first
    `sys.stderr.write` of a command would crash: they go nowhere instead (the exit code and the log remain)."""
    import os

    for name in ("stdout", "stderr"):
        if getattr(sys, name) is None:
            setattr(sys, name, open(os.devnull, "w", encoding="utf-8"))


def _first_positional(argv: list[str]) -> str | None:
    skip = False
    for arg in argv:
        if skip:
            skip = False
            continue
        if arg in ("--data-dir", "--lang"):
            skip = True
            continue
        if arg.startswith("-"):
            continue
        return arg
    return None
