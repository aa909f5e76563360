"""The mouse wheel never changes a value (issue 19): one notch over « Langue / Language » switched the window to
English; scrolling the matching page changed its « Statut » filter; the school chooser too. A combo box takes the
wheel only when it has the focus; otherwise the page scrolls."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QAbstractSlider, QAbstractSpinBox, QApplication, QComboBox, QScrollBar

from tests.gui.helpers import open_window
from tests.gui.test_help import as_checked, complete_every_step
from wizard.gui.wheel import VALUE_CONTROLS

FIXTURES = Path(__file__).resolve().parents[1] / "matching" / "fixtures"


def wheel(widget, notches: int = -1) -> None:
    """A notch of the mouse wheel over the middle of `widget` (negative: towards the user, scrolling down)."""
    centre = QPointF(widget.width() / 2, widget.height() / 2)
    event = QWheelEvent(centre, QPointF(widget.mapToGlobal(centre.toPoint())), QPoint(0, 0), QPoint(0, 120 * notches),
                        Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(widget, event)
    QApplication.processEvents()


def returning_school(qtbot, data_dir):
    window = open_window(qtbot, data_dir)
    complete_every_step(window.progress)
    window.progress.finish_walk()
    window.progress.add_school()
    window.progress.switch_school(window.progress.schools()[0]["id"])
    window.resume()
    window.resize(820, 520)  # small enough that the board scrolls
    QApplication.processEvents()
    return window


def test_the_wheel_over_an_unfocused_chooser_scrolls_the_page_and_changes_nothing(qtbot, data_dir):
    window = returning_school(qtbot, data_dir)
    page = window.currentPage()
    chosen = []
    window.language_chosen.connect(chosen.append)
    bar = page.scroll_area.verticalScrollBar()
    assert bar.maximum() > 0
    bar.setValue(bar.maximum() // 2)
    for combo in (page.language_combo, page.school_combo):
        assert not combo.hasFocus()
        before, at = combo.currentIndex(), bar.value()
        wheel(combo, -1)
        assert combo.currentIndex() == before and not chosen, combo.objectName()
        assert bar.value() > at, combo.objectName()  # the page scrolled instead
        wheel(combo, +1)
        assert combo.currentIndex() == before and not chosen
    assert window.progress.school["id"] == window.progress.schools()[0]["id"]
    assert not page.language_combo.hasFocus()  # the wheel gives no focus either


def test_a_focused_chooser_still_takes_the_wheel(qtbot, data_dir):
    window = returning_school(qtbot, data_dir)
    combo = window.currentPage().school_combo
    combo.setFocus(Qt.FocusReason.TabFocusReason)
    assert combo.hasFocus() and combo.focusPolicy() == Qt.FocusPolicy.StrongFocus
    wheel(combo, -1)
    assert combo.currentIndex() == 1  # tabbed or clicked into, it answers the wheel as any combo box


def test_scrolling_the_matching_page_leaves_its_filters_alone(qtbot, data_dir, tmp_path):
    import shutil

    window = open_window(qtbot, data_dir)
    complete_every_step(window.progress)
    shutil.copy(FIXTURES / "pronote.xml", tmp_path / "IdPN_To_KOSMOS.xml")
    as_checked(window.progress.cycle, tmp_path / "IdPN_To_KOSMOS.xml")
    window.go_to("rapprochement")
    preview = window.currentPage().preview
    preview.start(FIXTURES / "ent.csv")
    qtbot.waitUntil(lambda: not preview.running, timeout=15000)
    QApplication.processEvents()
    for combo in (preview.status_filter, preview.profile_filter):
        before = combo.currentIndex()
        wheel(combo, -1)
        wheel(combo, -1)
        assert combo.currentIndex() == before, combo.objectName()


def test_every_value_control_of_every_page_is_guarded(qtbot, data_dir):
    window = open_window(qtbot, data_dir)
    window.ensure_all_pages()
    for page_id in window.pageIds():
        page = window.page(page_id)
        page.ensure_built()
        if page.step_id == "accueil":
            window.progress.finish_walk()
            page.load()  # the board too
        combos = page.findChildren(QComboBox)
        assert all(isinstance(combo, VALUE_CONTROLS) for combo in combos), page.step_id
        assert not page.findChildren(QAbstractSpinBox), page.step_id
        assert all(isinstance(slider, QScrollBar) for slider in page.findChildren(QAbstractSlider)), page.step_id
