"""Check boxes and radio buttons whose outline can be seen: RGAA 3.3 / WCAG 1.4.11 ask 3:1 between a component's
boundary and what is around it. Fusion draws the outline of an unticked box from the window colour, a shade
darker (#bcbcbc on #efefef: 1.6:1; a radio button 2.0:1), and in a dark palette darker still, on a dark window
(1.1:1): the box is a white or black square nobody sees the edge of.

`OutlinedIndicators` is the platform's own style (Fusion here, Windows' style on Windows) drawing each indicator
as it always does, then its outline again – the same square or circle, at the same place – in a colour mixed from
the palette's text and window colours to BOUNDARY_CONTRAST against both the window and the box's inside (base),
light palette or dark. Ticked or not, focused or not, pressed or not: the same outline (the focus has its ring,
widgets.FOCUS_RING). A disabled box keeps the style's faint outline: WCAG exempts inactive components, and it
must look disabled. The line is laid on whole device pixels at every scale (125 % included), so no antialiased
half-pixel weakens it.

A style set on each check box and radio button (widgets.focus_ring), not on the application: an application
style written in Python would run for every primitive of every widget, and QStyle's enums would load before the
first page (tests/gui/test_startup.py)."""
from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QColor, QPainter, QPalette, QPen
from PySide6.QtWidgets import QApplication, QProxyStyle, QStyle, QStyleFactory, QStyleOption, QWidget

from wizard.gui.accessibility import contrast

BOUNDARY_CONTRAST = 3.5  # WCAG's 3:1, with room for a screen's rendering
# A circle's line, in logical pixels: one pixel wide, antialiased, it covers no pixel whole where it runs
# diagonally, and those pixels fall below 3:1 (2.2:1 measured); two keep a solid pixel on every side.
ROUND_LINE = 2.0


def boundary_colour(palette: QPalette) -> QColor:
    """The colour between the text and the window colour nearest to the window's that has BOUNDARY_CONTRAST with
    both the window and the base (the box's inside); the text colour itself if even it has less."""
    text = palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.WindowText)
    window = palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.Window)
    base = palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.Base)

    def passes(colour: QColor) -> bool:
        return min(contrast(colour, window), contrast(colour, base)) >= BOUNDARY_CONTRAST

    if not passes(text):
        return QColor(text)
    low, high = 0.0, 1.0  # the text's share in the mix
    for _ in range(16):
        middle = (low + high) / 2
        if passes(_mix(text, window, middle)):
            high = middle
        else:
            low = middle
    return _mix(text, window, high)


def _mix(one: QColor, other: QColor, share: float) -> QColor:
    return QColor.fromRgbF(share * one.redF() + (1 - share) * other.redF(),
                           share * one.greenF() + (1 - share) * other.greenF(),
                           share * one.blueF() + (1 - share) * other.blueF())


class OutlinedIndicators(QProxyStyle):
    """The application's style (a new instance of it: a proxy owns its base), check and radio indicators
    outlined at BOUNDARY_CONTRAST."""

    def __init__(self, style_name: str) -> None:
        super().__init__(QStyleFactory.create(style_name))
        self._colours: dict[tuple[int, ...], QColor] = {}

    def drawPrimitive(self, element: QStyle.PrimitiveElement, option: QStyleOption, painter: QPainter,
                      widget: QWidget | None = None) -> None:
        super().drawPrimitive(element, option, painter, widget)
        round_one = element == QStyle.PrimitiveElement.PE_IndicatorRadioButton
        if not (round_one or element == QStyle.PrimitiveElement.PE_IndicatorCheckBox):
            return
        if not option.state & QStyle.StateFlag.State_Enabled:
            return
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, round_one)
        pen = QPen(self._colour(option.palette))
        line, rect = _on_device_pixels(painter, QRectF(option.rect), ROUND_LINE if round_one else 1.0)
        pen.setWidthF(line)
        painter.setPen(pen)
        painter.setBrush(QColor(0, 0, 0, 0))
        if round_one:
            painter.drawEllipse(rect)
        else:
            painter.drawRect(rect)
        painter.restore()

    def _colour(self, palette: QPalette) -> QColor:
        key = tuple(palette.color(QPalette.ColorGroup.Active, role).rgba() for role in (
            QPalette.ColorRole.WindowText, QPalette.ColorRole.Window, QPalette.ColorRole.Base))
        if key not in self._colours:
            self._colours[key] = boundary_colour(palette)
        return self._colours[key]


def _on_device_pixels(painter: QPainter, rect: QRectF, width: float) -> tuple[float, QRectF]:
    """The pen's width and the rectangle its line follows, in the painter's coordinates, such that the line
    covers whole device pixels along the inside of `rect`: `width` device pixels per logical pixel, rounded."""
    transform = painter.deviceTransform()
    scale = transform.m11() or 1.0
    device_line = max(1, round(scale * width))
    top_left = transform.map(rect.topLeft())
    bottom_right = transform.map(rect.bottomRight())
    left, top = round(top_left.x()), round(top_left.y())
    right, bottom = round(bottom_right.x()), round(bottom_right.y())
    half = device_line / 2
    inverse, _invertible = transform.inverted()
    inner_top_left = inverse.map(QPointF(left + half, top + half))
    inner_bottom_right = inverse.map(QPointF(right - half, bottom - half))
    return device_line / scale, QRectF(inner_top_left, inner_bottom_right)


_shared: list[OutlinedIndicators] = []


def outlined(button: QWidget) -> None:
    """Draw `button`'s indicator with a visible outline (one style for the whole application, made at the first
    box; it lives as long as the application)."""
    if not _shared:
        app = QApplication.instance()
        style = OutlinedIndicators(button.style().name())
        if app is not None:
            style.setParent(app)
        _shared.append(style)
    button.setStyle(_shared[0])
