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
    its whole Qt namespace, 13 ms of the first page (gui/qtvalues.py), and QPainter's type alone (1 ms) costs
    twice what the first page's two marks cost to compute here."""
    size = max(1, round(MARK * ratio))
    red, green, blue, alpha = colour.red(), colour.green(), colour.blue(), colour.alphaF()
    pixels = bytearray(size * size * 4)
    for at, cover in enumerate(_coverages(kind, size, ratio)):
        if cover > 0:
            cover *= alpha
            # premultiplied ARGB32, little-endian: blue, green, red, alpha
            pixels[at * 4:at * 4 + 4] = bytes((round(blue * cover), round(green * cover), round(red * cover),
                                               round(255 * cover)))
    image = QImage(bytes(pixels), size, size, size * 4, QImage.Format.Format_ARGB32_Premultiplied).copy()
    image.setDevicePixelRatio(ratio)
    return image


def _coverages(kind: str, size: int, ratio: float) -> list[float]:
    """How much of each pixel (row by row) the shape covers, for pixels centred on (x, y) in logical pixels of a
    MARK-sided square. A loop per shape with its edges' constants taken out, and no min/max call per pixel: the
    first page's two marks (196 pixels each) in 0.5 ms, where a function call per pixel and per edge took 1.6."""
    centres = [(index + 0.5) / ratio for index in range(size)]
    if kind in ("done", "skipped"):  # two strokes of the line's width, ends and joint rounded
        half_line = 1.0
        first = _segment(2.5, MARK * 0.55, MARK * 0.42, MARK - 3.5)
        second = _segment(MARK * 0.42, MARK - 3.5, MARK - 2.5, 3.0)
        return [_clamp(half_line + 0.5 - min(_distance(x, y, first), _distance(x, y, second)))
                for y in centres for x in centres]
    if kind == "current":  # a filled triangle pointing right
        corners = ((3.5, 2.5), (MARK - 2.5, MARK / 2), (3.5, MARK - 2.5))
        one, two, three = (_segment(*corners[i], *corners[(i + 1) % 3]) for i in range(3))
        covers: list[float] = []
        for y in centres:
            for x in centres:
                distance = min(_distance(x, y, one), _distance(x, y, two), _distance(x, y, three))
                inside = _left_of(x, y, one) and _left_of(x, y, two) and _left_of(x, y, three)
                covers.append(_clamp(0.5 + distance if inside else 0.5 - distance))
        return covers
    radius, middle = MARK / 2 - 2.5, MARK / 2  # a ring
    return [_clamp(0.75 + 0.5 - abs(((x - middle) ** 2 + (y - middle) ** 2) ** 0.5 - radius))
            for y in centres for x in centres]


Segment = tuple[float, float, float, float, float]


def _segment(ax: float, ay: float, bx: float, by: float) -> Segment:
    """A segment as its start, its direction and its squared length."""
    dx, dy = bx - ax, by - ay
    return ax, ay, dx, dy, dx * dx + dy * dy


def _distance(x: float, y: float, segment: Segment) -> float:
    ax, ay, dx, dy, length2 = segment
    t = ((x - ax) * dx + (y - ay) * dy) / length2
    t = 0.0 if t < 0.0 else 1.0 if t > 1.0 else t  # max/min calls: a third of the time
    return ((x - ax - t * dx) ** 2 + (y - ay - t * dy) ** 2) ** 0.5


def _left_of(x: float, y: float, segment: Segment) -> bool:
    ax, ay, dx, dy, _ = segment
    return dx * (y - ay) - dy * (x - ax) >= 0


def _clamp(value: float) -> float:
    return 0.0 if value < 0.0 else 1.0 if value > 1.0 else value


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
