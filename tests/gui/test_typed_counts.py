"""Counts typed as a French admin writes them: the fields' validators accept « 1 575 » (a space between thousands,
the way the file page shows its counts) and « +12 »; the pages read them as the same numbers, never as nothing."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard

from tests.gui.helpers import open_window, press, tab_to, type_into
from wizard.core import dates
from wizard.core.typography import plain


def test_the_ent_figure_typed_with_a_space_between_thousands_is_that_figure(qtbot, data_dir):
    """Before: the field showed « 1 575 », the page said « Saisissez le nombre d'identifiants… » and Next stayed
    greyed (`isdigit` on « 1 575 »)."""
    from tests.gui.test_help import complete_every_step

    window = open_window(qtbot, data_dir)
    complete_every_step(window.progress)
    window.progress.type_reported_count(None)
    window.go_to("import_ent")
    for typed, figure in (("1 575", 1575), ("+12", 12), ("1575", 1575)):
        type_into("reported_count", typed)
        assert window.currentPage().count.text() == typed
        assert window.progress.cycle["reported_count"] == figure
        assert window.button(QWizard.WizardButton.NextButton).isEnabled()


def test_a_failures_count_typed_with_a_space_between_thousands_is_noted(qtbot, data_dir):
    """Before: « Le nombre d'utilisateurs en échec s'écrit en chiffres » about « 1 250 », which the field had just
    accepted."""
    from tests.gui.test_help import complete_every_step

    window = open_window(qtbot, data_dir)
    complete_every_step(window.progress)
    window.go_to("echecs")
    page = window.currentPage()
    type_into("failures_day", dates.day(dates.today()))
    type_into("failures_count", "1 250")
    assert page.count.text() == "1 250" and page.missing() == "", plain(page.reason.text())
    tab_to(lambda widget: widget.objectName() == "note_failures")
    press(Qt.Key.Key_Space)
    assert [entry["count"] for entry in window.progress.school["failures"]] == [1250]
