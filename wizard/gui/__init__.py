"""The Qt shell around the pages: the window, the application start, the background worker and the dialogs
(help, « À propos », unexpected error). With `wizard/pages/` the only place that imports Qt (besides the PDF
renderer); `pyproject.toml` holds the import contracts that keep it so."""
import sys

import PySide6.QtCore  # noqa: F401 - the binding first: what follows tells it about the modules imported after it


def _skip_pyside_source_scan() -> None:
    """PySide reads the whole source of every module imported after it, to learn whether it names PySide6 (the
    `from __feature__ import …` switches, PYSIDE-2029): 1 to 3 % of the first page's start for our modules, and as
    much again for the standard library's that they are the first to import after PySide (typing, codecs, os, re,
    json…; bench/startup.py, paired runs). PySide gets its answers without the reading: ours switch no feature
    (« no feature », what it gives a module that uses it), and the standard library never names PySide6 (« ignore »,
    what the reading would answer). Other modules keep the scan. A PySide without this function, or with another,
    is left as it is."""
    feature = sys.modules.get("shibokensupport.feature")
    scan = getattr(feature, "_mod_uses_pyside", None)
    if not callable(scan) or getattr(scan, "knows_the_wizard", False):
        return
    standard = sys.stdlib_module_names

    def uses_pyside(module) -> bool:
        name = getattr(module, "__name__", "")
        top = name.partition(".")[0]
        if top == "wizard":
            return True
        return False if top in standard else scan(module)

    uses_pyside.knows_the_wizard = True
    feature._mod_uses_pyside = uses_pyside


_skip_pyside_source_scan()


def report_bug() -> None:
    """The exception being handled goes to the app's crash reporter (logged, French dialog) through
    sys.excepthook – never from a Python override back into Qt, where PySide 6.11 can crash (pages/base.py)."""
    sys.excepthook(*sys.exc_info())
