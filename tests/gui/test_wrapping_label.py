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
