"""Check boxes and radio buttons whose outline can be seen (RGAA 3.3 / WCAG 1.4.11: a component's boundary
≥ 3:1 against what is around it), on every page that has them, in the light and the dark palette, ticked and not;
a disabled box still looks disabled. Measured on grabs of the real window (tools/contrast.py measures the same at
100, 125 and 150 %: tests/gui/test_contrast.py)."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QRect
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QCheckBox, QRadioButton, QVBoxLayout, QWidget

from tests.gui.helpers import open_window
from tests.gui.test_help import complete_every_step
from tools.contrast import dark_palette, in_sight, indicator_contrast
from wizard.core import flow
from wizard.gui import indicators
from wizard.gui.accessibility import contrast
from wizard.gui.widgets import focus_ring


@pytest.fixture(params=["light", "dark"])
def scheme(request, qapp):
    saved = QPalette(qapp.palette())
    if request.param == "dark":
        qapp.setPalette(dark_palette())
    yield request.param
    qapp.setPalette(saved)


def device_rect(window, widget):
    ratio = window.devicePixelRatioF()
    top_left = widget.mapTo(window, widget.rect().topLeft())
    return QRect(round(top_left.x() * ratio), round(top_left.y() * ratio), round(widget.width() * ratio),
                 round(widget.height() * ratio))


def boxes_shown(page):
    return [box for box in page.findChildren(QCheckBox) + page.findChildren(QRadioButton)
            if box.isVisibleTo(page) and box.isEnabled()]


def test_every_check_box_and_radio_button_of_every_page_shows_its_outline(qtbot, data_dir, scheme):
    window = open_window(qtbot, data_dir)
    measured: dict[str, float] = {}
    for step in flow.STEP_IDS:
        # Every step done but this one: a checklist whose items are all ticked folds them away.
        complete_every_step(window.progress)
        for item in flow.checklist(step, "complet"):
            window.progress.tick(step, item["id"], False)
        window.go_to(step)
        QApplication.processEvents()
        assert window.current_step() == step
        page = window.currentPage()
        for index, box in enumerate(boxes_shown(page)):
            for ticked in (False, True) if isinstance(box, QCheckBox) else (box.isChecked(),):
                box.setChecked(ticked)
                QApplication.processEvents()
                in_sight(box)
                QApplication.processEvents()
                found = indicator_contrast(window.grab().toImage(), box, lambda w: device_rect(window, w))
                measured[f"{step} {type(box).__name__} {index} {'on' if ticked else 'off'}"] = found["ratio"]
    assert {name.split()[1] for name in measured} == {"QCheckBox", "QRadioButton"}
    assert len(measured) >= 20, measured
    failing = {name: value for name, value in measured.items() if value < 3.0}
    assert not failing, (scheme, failing)


def test_a_disabled_box_keeps_the_styles_faint_outline(qtbot, scheme):
    """WCAG exempts inactive components, and a box that cannot be ticked must look so: its outline stays the
    style's, fainter than an active box's."""
    holder = QWidget()
    qtbot.addWidget(holder)
    layout = QVBoxLayout(holder)
    active, inactive = QCheckBox("Actif"), QCheckBox("Inactif")
    for box in (active, inactive):
        focus_ring(box)
        layout.addWidget(box)
    inactive.setEnabled(False)
    holder.show()
    QApplication.processEvents()
    image = holder.grab().toImage()
    measure = {box: indicator_contrast(image, box, lambda w: device_rect(holder, w))["ratio"]
               for box in (active, inactive)}
    assert measure[active] >= 3.0
    assert measure[inactive] < 2.0, measure


@pytest.mark.parametrize("text, window, base", [
    ("#000000", "#efefef", "#ffffff"),  # Qt's light palette
    ("#ffffff", "#353535", "#2a2a2a"),  # the dark one of tools/contrast.py
    ("#ffffff", "#000000", "#000000"),  # a high-contrast black theme
    ("#000000", "#ffffff", "#ffffff"),  # a white one
    ("#202020", "#f3f3f3", "#fbfbfb"),  # Windows 11's light colours
])
def test_the_outline_colour_passes_against_the_window_and_the_box(text, window, base):
    palette = QPalette()
    for role, colour in ((QPalette.ColorRole.WindowText, text), (QPalette.ColorRole.Window, window),
                         (QPalette.ColorRole.Base, base)):
        palette.setColor(QPalette.ColorGroup.Active, role, QColor(colour))
    outline = indicators.boundary_colour(palette)
    reachable = min(contrast(QColor(text), QColor(window)), contrast(QColor(text), QColor(base)))
    needed = min(indicators.BOUNDARY_CONTRAST, reachable)
    assert contrast(outline, QColor(window)) >= needed - 0.01
    assert contrast(outline, QColor(base)) >= needed - 0.01
