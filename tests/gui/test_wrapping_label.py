"""A word-wrapped label keeps its height per width (gui/widgets.WrappingLabel) – and never a stale one."""
import pytest
from PySide6.QtWidgets import QLabel

from wizard.gui.widgets import WrappingLabel

TEXT = "Cet assistant vous guide, page par page, pour relier votre serveur PRONOTE à l'ENT. " * 4


def plain_height(text: str, width: int, style: str = "", point_size: int | None = None) -> int:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setStyleSheet(style)
    if point_size:
        font = label.font()
        font.setPointSize(point_size)
        label.setFont(font)
    label.ensurePolished()
    return label.heightForWidth(width)


def test_the_height_is_qlabels_own(qtbot):
    label = WrappingLabel(TEXT)
    qtbot.addWidget(label)
    for width in (200, 400, 200, 800):
        assert label.heightForWidth(width) == plain_height(TEXT, width)


def test_a_new_text_a_new_font_or_new_margins_are_laid_out_again(qtbot):
    label = WrappingLabel(TEXT)
    qtbot.addWidget(label)
    short = label.heightForWidth(300)
    label.setText(TEXT * 2)
    assert label.heightForWidth(300) == plain_height(TEXT * 2, 300) > short
    font = label.font()
    font.setPointSize(font.pointSize() * 2)
    label.setFont(font)
    assert label.heightForWidth(300) == plain_height(TEXT * 2, 300, point_size=font.pointSize())
    label.setStyleSheet("QLabel { padding: 30px; }")
    label.ensurePolished()
    assert label.heightForWidth(300) == plain_height(TEXT * 2, 300, "QLabel { padding: 30px; }",
                                                     font.pointSize())


def test_a_page_lays_its_texts_out_only_at_the_widths_it_shows(qtbot, data_dir):
    """The scroll area's body answers its preferred size without laying its paragraphs out (pages/base.py
    _PageBody): each paragraph of the welcome page is laid out at the width it is shown at, and at most once more
    (the scroll area tries the width without its scroll bar) – not also at two widths of the hidden page."""
    from PySide6.QtTest import QTest

    from wizard.app import create_window

    window = create_window(data_dir)
    qtbot.addWidget(window)
    window.show()
    QTest.qWaitForWindowExposed(window)
    labels = [label for label in window.currentPage().findChildren(WrappingLabel) if label.isVisible()]
    assert len(labels) >= 3
    assert {label.text()[:30]: sorted(label._heights) for label in labels if len(label._heights) > 2} == {}
    assert all(label.width() in label._heights for label in labels if label._heights)


def _geometries(root):
    """Every visible widget's rectangle in window coordinates, by its place in the tree."""
    from PySide6.QtCore import QPoint
    from PySide6.QtWidgets import QWidget

    found = {}
    for number, widget in enumerate(root.findChildren(QWidget)):
        if widget.isVisible():
            corner = widget.mapTo(root, QPoint(0, 0))
            found[(number, type(widget).__name__, widget.objectName())] = (corner.x(), corner.y(), widget.width(),
                                                                           widget.height())
    return found


def _walked(data_dir, size):
    """The window taken to every page it can reach (the welcome page last, with its status board): each page's
    widget rectangles, and how many of its texts wait for the mouse to become selectable."""
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from tests.gui.test_help import complete_every_step
    from wizard.app import create_window
    from wizard.core import flow

    window = create_window(data_dir)
    complete_every_step(window.progress)
    window.resize(*size)
    window.show()
    QTest.qWaitForWindowExposed(window)
    pages = {}
    for step in [*flow.STEP_IDS, "board"]:
        if step == "board":
            window.progress.finish_walk()
            window.resume()
        else:
            window.go_to(step)
        QApplication.processEvents()
        assert window.current_step() == ("accueil" if step == "board" else step)
        waiting = sum(label._selectable_soon for label in window.findChildren(WrappingLabel))
        pages[step] = (_geometries(window), waiting)
    window.close()
    return pages


@pytest.mark.parametrize("size", [(1040, 760), (800, 500)])
def test_texts_selectable_from_the_first_hover_are_laid_out_as_if_selectable_from_the_start(tmp_path, monkeypatch,
                                                                                             size):
    """A text becomes selectable when the mouse first comes over it (WrappingLabel.select_with_mouse); until then
    Qt lays it out through the font's metrics instead of a text document. Its heights are the same (above), and
    every widget of every page sits where it sat when texts were selectable from the start – the preferred size
    and the smallest, the welcome page's status board and the last page's grid included."""
    from wizard.core import flow
    from wizard.gui.qtvalues import PLAIN_TEXT, SELECTABLE_BY_MOUSE

    lazy = _walked(tmp_path / "lazy", size)

    def at_once(label):
        label.setProperty("textFormat", PLAIN_TEXT)
        label.setProperty("textInteractionFlags", SELECTABLE_BY_MOUSE)

    monkeypatch.setattr(WrappingLabel, "select_with_mouse", at_once)
    eager = _walked(tmp_path / "eager", size)
    assert lazy.keys() == eager.keys() == {*flow.STEP_IDS, "board"}
    assert all(waiting for _, waiting in lazy.values()) and not any(waiting for _, waiting in eager.values())
    assert {step: geometry for step, (geometry, _) in lazy.items()} == \
        {step: geometry for step, (geometry, _) in eager.items()}


def test_a_text_is_selectable_once_the_mouse_comes_over_it_or_presses_it(qtbot):
    from PySide6.QtCore import QPoint, Qt
    from PySide6.QtTest import QTest

    from wizard.gui.widgets import notice, paragraph

    for place, make in enumerate((paragraph, notice)):
        label = make(TEXT)
        qtbot.addWidget(label)
        label.setGeometry(400 + 350 * place, 400, 300, label.heightForWidth(300))  # away from the pointer
        label.show()
        QTest.qWaitForWindowExposed(label)
        assert label.textInteractionFlags() != Qt.TextInteractionFlag.TextSelectableByMouse
        QTest.mouseMove(label, QPoint(20, 5))
        assert label.textInteractionFlags() == Qt.TextInteractionFlag.TextSelectableByMouse, make
        assert label.focusPolicy() == Qt.FocusPolicy.ClickFocus  # a click gives it focus: Ctrl+C copies
    pressed = paragraph(TEXT)
    qtbot.addWidget(pressed)
    pressed.show()
    QTest.mousePress(pressed, Qt.MouseButton.LeftButton, pos=QPoint(5, 5))
    QTest.mouseMove(pressed, QPoint(120, 5))
    QTest.mouseRelease(pressed, Qt.MouseButton.LeftButton, pos=QPoint(120, 5))
    assert pressed.hasSelectedText()
