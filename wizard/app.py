"""Application entry: `main(argv)` and `create_window(data_dir, language, ent)`.

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
    if "--version" in argv and _first_positional(argv) is None:  # before Qt: what an installer or IT asks
        from wizard import __version__
        from wizard.commands.console import out

        out(f"pronote-ent-wizard {__version__}")
        return 0
    if any(arg in COMMANDS for arg in argv if not arg.startswith("-")) and _first_positional(argv) in COMMANDS:
        from wizard.commands.cli import run

        return run(argv)
    from wizard.gui.shell import run_gui

    return run_gui(argv, create_window)


def gui_main() -> int:
    """`pronote-ent-wizard` (a GUI script: no console on Windows): the window, or a command when given one."""
    return main(sys.argv[1:])


def cli_main() -> int:
    """`pronote-ent-wizard-cli` (a console script): the headless commands only; no command is a French usage error."""
    from wizard.commands.cli import run

    return run(sys.argv[1:])


def create_window(data_dir: Path, language: str | None = None, ent: Path | None = None):
    """The ready window, exactly as users get it; a QApplication must exist. `ent`: another ENT's data file
    (`resources/ent/README.md`); by default the one shipped. Raises a UserError for an unusable data folder, a
    progress file from a newer release, or an ENT file that is unreadable or invalid.

    The composition root: the window (wizard.gui) is given its pages (wizard.pages) here, so that neither
    package imports the other's top."""
    import wizard.gui  # noqa: F401 - the Qt layer first: it tells PySide about the modules below (gui/__init__.py)
    from wizard.core import entdata
    from wizard.gui.window import build_window
    from wizard.pages import build_page

    entdata.activate(Path(ent) if ent else None)
    return build_window(Path(data_dir), build_page, language)


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
        if arg in ("--data-dir", "--lang", "--ent"):
            skip = True
            continue
        if arg.startswith("-"):
            continue
        return arg
    return None
