"""Application entry: `main(argv)` and `create_window(data_dir, language, ent)`.

Where the headless commands and the window meet: a command never loads Qt, and the window never loads the
commands' modules, so each side is imported on its way, inside the functions below (docs/DEVELOPING.md,
« Imports »).
"""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

# The core the window opens with (`status` brings every core module of the first page and the board; `pcclock`, the
# shell's look at the clock) is imported
# here, before either side can load Qt: PySide reads the source of every module imported after its own, to find those
# that switch its `__feature__` options on, and the core, Qt-free by contract, never needs reading
# (docs/DEVELOPING.md, « Imports »).
from wizard.core import entdata, pcclock, status  # noqa: F401 - pcclock, status: for the order above

COMMANDS = ("check", "reconcile", "probe", "record", "notice")


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    _no_console_streams()
    from wizard.core.hardening import no_core_dumps

    no_core_dumps()  # before any name is read (window or command)
    if any(arg in COMMANDS for arg in argv if not arg.startswith("-")) and _first_positional(argv) in COMMANDS:
        from wizard.commands.cli import run

        return run(argv)
    args, qt_args = window_arguments(argv)  # before Qt: --help lists the window's options and the commands
    try:
        from wizard.gui.shell import run_gui

        return run_gui(args, qt_args, create_window, smoke_report if args.smoke_test else None)
    except KeyboardInterrupt:  # Ctrl+C before the window listens for it: no traceback either
        if "wizard.gui.shell" in sys.modules:
            from wizard.gui.shell import _end

            return _end(130)  # a job a page started must not be destroyed running
        return 130


def gui_main() -> int:
    """`pronote-ent-wizard` (a GUI script: no console on Windows): the window, or a command when given one."""
    return main(sys.argv[1:])


def cli_main() -> int:
    """`pronote-ent-wizard-cli` (a console script): the headless commands only; no command is a French usage error."""
    from wizard.commands.cli import run
    from wizard.core.hardening import no_core_dumps

    no_core_dumps()
    return run(sys.argv[1:])


def window_arguments(argv: list[str]) -> tuple[argparse.Namespace, list[str]]:
    """The window's options, and what is left for Qt (`-platform`, `-style`…)."""
    from wizard.commands.cli import window_parser  # Qt-free, with the commands' French usage errors

    return window_parser().parse_known_args(argv)


def create_window(data_dir: Path, language: str | None = None, ent: Path | None = None):
    """The ready window, exactly as users get it; a QApplication must exist. `ent`: another ENT's data file
    (`resources/ent/README.md`); by default the one shipped. Raises a UserError for an unusable data folder, a
    progress file from a newer release, or an ENT file that is unreadable or invalid.

    The composition root: the window (wizard.gui) is given its pages (wizard.pages) here, so that neither
    package imports the other's top."""
    from wizard.gui.window import build_window
    from wizard.pages import build_page

    entdata.activate(Path(ent) if ent else None)
    return build_window(Path(data_dir), build_page, language)


def smoke_report(window) -> int:
    """--smoke-test: one line saying whether the window opened with its icon, on which page, with which ENT."""
    from wizard.commands.console import out  # the Windows window executable has no stdout: out() copes

    shown = window.isVisible() and not window.windowIcon().isNull()
    out(f"smoke-test: {'ok' if shown else 'ÉCHEC'} « {window.windowTitle()} », ENT {entdata.current().name}, "
        f"page {window.current_step()}")
    return 0 if shown else 1


def _no_console_streams() -> None:
    """Without a console (Windows GUI script, the windowed bundle) sys.stdout/stderr are None and the first
    `sys.stderr.write` of a command would crash: they go nowhere instead (the exit code and the log remain)."""
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
