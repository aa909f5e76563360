"""Where each glyph of a PDF lies on its page, read with pypdf from the content stream: the text operators give
each glyph's position, the fonts' widths (/W, /DW) and bounds (/Ascent, /Descent) its box. Used to check that a
printed record stays inside the printable area and that no page holds a lone line."""
from __future__ import annotations

from dataclasses import dataclass

from pypdf import PdfReader


@dataclass(frozen=True)
class Glyph:
    page: int  # 0-based
    left: float  # PDF points, origin at the bottom left of the page
    right: float
    bottom: float
    top: float
    baseline: float


def _multiply(a: list[float], b: list[float]) -> list[float]:
    """The product of two PDF matrices [a b c d e f]."""
    return [a[0] * b[0] + a[1] * b[2], a[0] * b[1] + a[1] * b[3],
            a[2] * b[0] + a[3] * b[2], a[2] * b[1] + a[3] * b[3],
            a[4] * b[0] + a[5] * b[2] + b[4], a[4] * b[1] + a[5] * b[3] + b[5]]


def _apply(matrix: list[float], x: float, y: float) -> tuple[float, float]:
    return matrix[0] * x + matrix[2] * y + matrix[4], matrix[1] * x + matrix[3] * y + matrix[5]


class _Font:
    """A composite (Type0, Identity-H) font as Qt writes it: two bytes per glyph, widths per CID."""

    def __init__(self, font):
        font = font.get_object()
        descendant = font["/DescendantFonts"][0].get_object()
        self.default_width = float(descendant.get("/DW", 1000))
        self.widths: dict[int, float] = {}
        entries = list(descendant.get("/W", []))
        index = 0
        while index < len(entries):
            first = int(entries[index])
            following = entries[index + 1]
            if isinstance(following, list) or hasattr(following, "__iter__"):
                for offset, width in enumerate(following):
                    self.widths[first + offset] = float(width)
                index += 2
            else:
                last, width = int(following), float(entries[index + 2])
                for cid in range(first, last + 1):
                    self.widths[cid] = width
                index += 3
        descriptor = descendant["/FontDescriptor"].get_object()
        self.ascent = float(descriptor.get("/Ascent", 800)) / 1000
        self.descent = float(descriptor.get("/Descent", -200)) / 1000

    def advances(self, data: bytes) -> list[float]:
        return [self.widths.get(int.from_bytes(data[i:i + 2], "big"), self.default_width) / 1000
                for i in range(0, len(data) - 1, 2)]


def glyphs(path) -> tuple[list[Glyph], int, tuple[float, float]]:
    """Every glyph of the PDF with its box; the number of pages; the page size (points, of the first page)."""
    reader = PdfReader(str(path))
    found: list[Glyph] = []
    for number, page in enumerate(reader.pages):
        resources = page.get("/Resources") or {}
        fonts = {name: _Font(font) for name, font in (resources.get("/Font") or {}).items()}
        state = {"font": None, "size": 0.0}

        def before(operator, operands, cm, tm, number=number, fonts=fonts, state=state):
            if operator == b"Tf":
                state["font"], state["size"] = fonts.get(operands[0]), float(operands[1])
            elif operator in (b"Tj", b"TJ") and state["font"] is not None:
                font, size = state["font"], state["size"]
                pieces = operands[0] if operator == b"TJ" else [operands[0]]
                x = 0.0
                for piece in pieces:
                    if isinstance(piece, (int, float)) or hasattr(piece, "as_numeric"):
                        x -= float(piece) / 1000 * size
                        continue
                    for advance in font.advances(bytes(piece)):
                        matrix = _multiply(tm, cm)
                        corners = [_apply(matrix, x + dx * advance * size, dy * size)
                                   for dx in (0, 1) for dy in (font.descent, font.ascent)]
                        xs, ys = [c[0] for c in corners], [c[1] for c in corners]
                        _, baseline = _apply(matrix, x, 0)
                        found.append(Glyph(number, min(xs), max(xs), min(ys), max(ys), baseline))
                        x += advance * size

        page.extract_text(visitor_operand_before=before)
    box = reader.pages[0].mediabox
    return found, len(reader.pages), (float(box.width), float(box.height))
