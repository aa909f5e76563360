"""A word-wrapped label keeps its height per width (gui/widgets.WrappingLabel) – and never a stale one."""
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
