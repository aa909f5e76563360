"""« Where am I »: the side panel listing the three parts and their steps, as installers do – the current step
marked, the steps done ticked, following the flow's branches (parts 1–2 skipped, a partial pass).

A real list, not a text: a screen reader finds one item per step, the current one selected, and each state in
words (« fait », « étape en cours », « à faire »). The marks beside the steps are drawn – a tick, a triangle, a
circle – not typed: a glyph like « ○ » comes from whichever font has it, and on Windows one rendered like « ● »,
the opposite meaning."""
from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from wizard.core import dates, status
from wizard.core.document import School
from wizard.core.i18n import tr, tr_noop
from wizard.gui.qtvalues import NO_FOCUS

WIDTH = 200
MARK = 14  # the drawn marks' side, in logical pixels
# Roles of a list item, as the numbers Qt takes (reading Qt.ItemDataRole builds PySide's Qt namespace: qtvalues.py).
DECORATION_ROLE = 1
ACCESSIBLE_TEXT_ROLE = 11
ACCESSIBLE_DESCRIPTION_ROLE = 12
STATE_WORDS = {"done": tr_noop("fait"), "current": tr_noop("étape en cours"), "todo": tr_noop("à faire"),
               "skipped": tr_noop("fait")}


def panel_lines(school: School, current: str | None) -> list[tuple[str, str]]:
    """(kind, text) rows: kind is "part", "done", "current", "todo" or "skipped" – what is done this school year,
    as the core reads it on the assistant's clock (status.panel_rows)."""
    return list(status.panel_rows(school, current, dates.today()))


def spoken(kind: str, text: str) -> str:
    """What a screen reader says for a row: the step, then its state in words."""
    if kind in ("part", "skipped"):
        return text
    return tr("{step} : {state}").format(step=text, state=tr(STATE_WORDS[kind]))


def draw_mark(kind: str, colour: QColor, ratio: float) -> QImage:
    """A tick (done), a triangle (current) or a circle (to do) in the text's colour, antialiased by each pixel's
    distance to the shape. Computed rather than painted with QPainter: its pens and brushes make PySide build
    its whole Qt namespace, 13 ms of the first page (gui/qtvalues.py)."""
    size = max(1, round(MARK * ratio))
    red, green, blue = colour.red(), colour.green(), colour.blue()
    pixels = bytearray(size * size * 4)
    for row in range(size):
        for column in range(size):
            x, y = (column + 0.5) / ratio, (row + 0.5) / ratio
            cover = _coverage(kind, x, y) * colour.alphaF()
            if cover > 0:
                at = (row * size + column) * 4  # premultiplied ARGB32, little-endian: blue, green, red, alpha
                pixels[at:at + 4] = bytes((round(blue * cover), round(green * cover), round(red * cover),
                                           round(255 * cover)))
    image = QImage(bytes(pixels), size, size, size * 4, QImage.Format.Format_ARGB32_Premultiplied).copy()
    image.setDevicePixelRatio(ratio)
    return image


def _coverage(kind: str, x: float, y: float) -> float:
    """How much of the pixel centred on (x, y), in logical pixels of a MARK-sided square, the shape covers."""
    half_line = 1.0
    if kind in ("done", "skipped"):
        points = ((2.5, MARK * 0.55), (MARK * 0.42, MARK - 3.5), (MARK - 2.5, 3.0))
        distance = min(_to_segment(x, y, *points[0], *points[1]), _to_segment(x, y, *points[1], *points[2]))
        return _clamp(half_line + 0.5 - distance)
    if kind == "current":
        corners = ((3.5, 2.5), (MARK - 2.5, MARK / 2), (3.5, MARK - 2.5))
        edges = [_to_segment(x, y, *corners[i], *corners[(i + 1) % 3]) for i in range(3)]
        inside = all(_side(x, y, *corners[i], *corners[(i + 1) % 3]) >= 0 for i in range(3))
        return _clamp(0.5 + min(edges)) if inside else _clamp(0.5 - min(edges))
    radius = MARK / 2 - 2.5
    distance = abs(((x - MARK / 2) ** 2 + (y - MARK / 2) ** 2) ** 0.5 - radius)
    return _clamp(half_line * 0.75 + 0.5 - distance)


def _to_segment(x, y, ax, ay, bx, by) -> float:
    dx, dy = bx - ax, by - ay
    t = max(0.0, min(1.0, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)))
    return ((x - ax - t * dx) ** 2 + (y - ay - t * dy) ** 2) ** 0.5


def _side(x, y, ax, ay, bx, by) -> float:
    return (bx - ax) * (y - ay) - (by - ay) * (x - ax)


def _clamp(value: float) -> float:
    return max(0.0, min(1.0, value))


class _StepsList(QListWidget):
    """The mouse selects nothing here: the selection is the current step (the list takes no focus either)."""

    def mousePressEvent(self, event) -> None:
        event.ignore()

    def mouseMoveEvent(self, event) -> None:
        event.ignore()

    def mouseDoubleClickEvent(self, event) -> None:
        event.ignore()


class StepsPanel(QWidget):
    def __init__(self, progress):
        super().__init__()
        self.progress = progress
        self.setObjectName("steps_panel")
        self.setFixedWidth(WIDTH)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 8, 4, 8)
        self.list = _StepsList()
        self.list.setObjectName("steps_list")
        self.list.setAccessibleName(tr("Étapes de l'assistant"))
        # Read, not operated: no tab stop, no selection by mouse; the selection is the current step, set here.
        self.list.setProperty("focusPolicy", NO_FOCUS)
        self.list.setProperty("selectionMode", 1)  # QAbstractItemView.SingleSelection: the current step
        self.list.setProperty("frameShape", 0)  # QFrame.NoFrame
        self.list.setWordWrap(True)
        self.list.setProperty("resizeMode", 1)  # QListView.Adjust: rows wrap again at the panel's width
        self.list.setIconSize(QSize(MARK, MARK))
        layout.addWidget(self.list)
        self.current: str | None = None
        self._marks: dict[tuple, QImage] = {}
        self._shown: tuple | None = None

    def show_step(self, current: str | None) -> None:
        self.current = current
        self.refresh()

    def _colours(self) -> QColor:
        """Selection shown by the bold text and the triangle, not by a highlight: Qt's selection colours fail
        contrast (3.6:1 for white on Fusion's blue), and the list is never focused."""
        palette = self.palette()
        mine = self.list.palette()
        text = palette.color(QPalette.ColorRole.WindowText)
        for role in (QPalette.ColorRole.Text, QPalette.ColorRole.HighlightedText):
            mine.setColor(role, text)
        # No box of its own either: the panel's background, light or dark.
        for role in (QPalette.ColorRole.Highlight, QPalette.ColorRole.Base):
            mine.setColor(role, QColor(0, 0, 0, 0))
        self.list.setPalette(mine)
        return text

    def refresh(self) -> None:
        """Called at every change of the model (each key typed): the list is rebuilt only when its rows change –
        rebuilding it sends screen readers some twenty events (rows removed, inserted)."""
        colour = self._colours()
        ratio = self.devicePixelRatioF()
        rows = panel_lines(self.progress.school, self.current)
        if (rows, colour.rgba(), ratio) == self._shown:
            return
        self._shown = (rows, colour.rgba(), ratio)
        self.list.clear()
        current_item = None
        for kind, text in rows:
            item = QListWidgetItem(text)
            item.setData(ACCESSIBLE_TEXT_ROLE, spoken(kind, text))
            font = self.list.font()
            if kind in ("part", "current"):
                font.setBold(True)
                item.setFont(font)
            if kind != "part":
                key = (kind, colour.rgba(), ratio)
                if key not in self._marks:
                    self._marks[key] = draw_mark(kind, colour, ratio)
                item.setData(DECORATION_ROLE, self._marks[key])
            self.list.addItem(item)
            if kind == "current":
                current_item = item
        if current_item is not None:
            # Selected, not made current: a list's current item is reported « focused », which the list never is.
            current_item.setSelected(True)
