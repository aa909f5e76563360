"""Renders resources/icons/pronote-ent-wizard.svg to every icon file the app and its bundles use:

- resources/icons/pronote-ent-wizard.png (256 px): the window, the « À propos » box, the Linux .desktop entry;
- packaging/icons/pronote-ent-wizard.ico: the Windows executable (16 to 256 px);
- packaging/icons/pronote-ent-wizard.icns: the macOS .app (16 to 1024 px).

Both containers hold PNG images, which Windows (Vista and later) and macOS (10.7 and later) read, so no Pillow or
iconutil is needed: Qt renders the SVG, the few bytes of container headers are written here.
Run after changing the SVG: .venv/bin/python tools/make_icons.py
"""
import os
import struct
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
from PySide6.QtCore import QBuffer, QIODevice, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ROOT = Path(__file__).resolve().parents[1]
ICONS = ROOT / "resources" / "icons"
BUNDLE_ICONS = ROOT / "packaging" / "icons"
NAME = "pronote-ent-wizard"

ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
# macOS types holding PNG data: size in pixels for each (the @2x types reuse the doubled size).
ICNS_TYPES = (("icp4", 16), ("icp5", 32), ("icp6", 64), ("ic07", 128), ("ic08", 256), ("ic09", 512),
              ("ic10", 1024), ("ic11", 32), ("ic12", 64), ("ic13", 512), ("ic14", 1024))


def render(size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    QSvgRenderer(str(ICONS / f"{NAME}.svg")).render(painter)
    painter.end()
    return image


def png_bytes(size: int) -> bytes:
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    render(size).save(buffer, "PNG")
    return bytes(buffer.data())


def ico(sizes=ICO_SIZES) -> bytes:
    """ICONDIR, one ICONDIRENTRY per image, then the PNG images (a width or height of 0 means 256)."""
    images = [png_bytes(size) for size in sizes]
    header = struct.pack("<HHH", 0, 1, len(images))
    offset = len(header) + 16 * len(images)
    entries = b""
    for size, data in zip(sizes, images, strict=True):
        side = 0 if size >= 256 else size
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(data), offset)
        offset += len(data)
    return header + entries + b"".join(images)


def icns(types=ICNS_TYPES) -> bytes:
    """'icns' + total length, then per image: its 4-letter type, its length (header included) and the PNG."""
    cache: dict[int, bytes] = {}
    chunks = b""
    for kind, size in types:
        data = cache.setdefault(size, png_bytes(size))
        chunks += kind.encode("ascii") + struct.pack(">I", 8 + len(data)) + data
    return b"icns" + struct.pack(">I", 8 + len(chunks)) + chunks


def main() -> None:
    app = QGuiApplication(sys.argv[:1])
    render(256).save(str(ICONS / f"{NAME}.png"))
    BUNDLE_ICONS.mkdir(parents=True, exist_ok=True)
    (BUNDLE_ICONS / f"{NAME}.ico").write_bytes(ico())
    (BUNDLE_ICONS / f"{NAME}.icns").write_bytes(icns())
    del app


if __name__ == "__main__":
    main()
