"""Renders resources/icons/pronote-ent-wizard.svg to the PNG sizes the window, the .desktop entry and the
Windows/macOS bundles use. Run after changing the SVG: .venv/bin/python tools/make_icons.py"""
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ICONS = Path(__file__).resolve().parents[1] / "resources" / "icons"


def render(size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    QSvgRenderer(str(ICONS / "pronote-ent-wizard.svg")).render(painter)
    painter.end()
    return image


def main() -> None:
    app = QGuiApplication(sys.argv[:1])
    render(256).save(str(ICONS / "pronote-ent-wizard.png"))
    del app


if __name__ == "__main__":
    main()
