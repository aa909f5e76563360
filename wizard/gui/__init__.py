"""The Qt shell around the pages: the window, the application start, the background worker and the dialogs
(help, « À propos », unexpected error). With `wizard/pages/` the only place that imports Qt (besides the PDF
renderer); `pyproject.toml` holds the import contracts that keep it so."""
import sys


def report_bug() -> None:
    """The exception being handled goes to the app's crash reporter (logged, French dialog) through
    sys.excepthook – never from a Python override back into Qt, where PySide 6.11 can crash (pages/base.py)."""
    sys.excepthook(*sys.exc_info())
