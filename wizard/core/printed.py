"""A printed document as blocks – headings, paragraphs, tables – rather than one HTML string, so that the renderer
(`wizard/gui/pdf.py`) can lay it out for A4 the way a school can hand it out and archive it: a heading stays with
what follows it, a table row is never split, a table cut by a page starts again with its header row, and no page
is left with a lone line. Qt-free; `html()` gives the whole document as one HTML text (tests, previews).

Every text here is already HTML: the builders (`wizard/core/records.py`) escape what comes from outside.
"""
from __future__ import annotations

from html import escape

# Margins in px (1/96 inch: Qt scales them to the device); Qt's rich text ignores them in pt.
STYLE = """
<style>
 body { font-family: 'DejaVu Sans', 'Segoe UI', Arial, sans-serif; font-size: 10pt; }
 h1 { font-size: 16pt; color: #1d5fa8; margin-top: 0px; margin-bottom: 6px; }
 h2 { font-size: 12pt; color: #1d5fa8; margin-top: 18px; margin-bottom: 6px; }
 p { margin-top: 0px; margin-bottom: 8px; }
 td, th { padding: 3px 5px; }
 th { background-color: #e8eef7; text-align: left; }
 td.part { background-color: #f3f6fb; font-weight: bold; }
 .small { font-size: 8pt; color: #555555; }
 .big { font-size: 12pt; }
</style>
"""
# One character of 10 pt text takes about 1.2 % of the 180 mm between an A4 page's 15 mm margins; bold and
# capitals a little more.
CHAR_PERCENT = 1.3


class Block:
    """A piece of the document; `keep_with_next`: never the last thing on a page (a heading, a table's note)."""

    keep_with_next = False

    def html(self) -> str:
        raise NotImplementedError


class Heading(Block):
    keep_with_next = True

    def __init__(self, level: int, text: str):
        self.level, self.text = level, text

    def html(self) -> str:
        return f"<h{self.level}>{self.text}</h{self.level}>"


class Paragraph(Block):
    def __init__(self, text: str, css: str = "", keep_with_next: bool = False):
        self.text, self.css, self.keep_with_next = text, css, keep_with_next

    def html(self) -> str:
        return f'<p class="{self.css}">{self.text}</p>' if self.css else f"<p>{self.text}</p>"


class Table(Block):
    """A full-width table whose rows may go to several pages; `groups` puts a heading row spanning every column
    before the row of that index (repeated, « (suite) », when a page starts inside the group)."""

    def __init__(self, headers: list[str], rows: list[list[object]], groups: dict[int, str] | None = None):
        self.headers = headers  # plain texts: escaped here
        self.rows = [[str(cell) for cell in row] for row in rows]
        self.groups = groups or {}
        self.widths = column_widths(headers, self.rows)

    def html(self, start: int = 0, end: int | None = None) -> str:
        end = len(self.rows) if end is None else end
        head = "".join(f'<th width="{width}%">{escape(header)}</th>'
                       for header, width in zip(self.headers, self.widths, strict=True))
        body = []
        for index in range(start, end):
            label = self.groups.get(index)
            if label is None and index == start and start > 0:
                group = max((at for at in self.groups if at < start), default=None)
                label = None if group is None else f"{self.groups[group]} (suite)"
            if label is not None:
                body.append(f'<tr><td class="part" colspan="{len(self.headers)}">{escape(label)}</td></tr>')
            body.append("<tr>" + "".join(f"<td>{escape(cell)}</td>" for cell in self.rows[index]) + "</tr>")
        return f'<table border="1" cellspacing="0" width="100%"><tr>{head}</tr>{"".join(body)}</table>'


class Printed:
    """A whole document: its title (the PDF's), its blocks, the footer of its pages (with their numbers; a
    one-page document without `footer` has none), and CSS of its own after the common `STYLE`."""

    def __init__(self, title: str, blocks: list[Block], footer: str = "", style: str = ""):
        self.title, self.blocks, self.footer, self.style = title, blocks, footer, style

    @property
    def css(self) -> str:
        return STYLE + (f"<style>{self.style}</style>" if self.style else "")

    def html(self) -> str:
        return self.css + "\n".join(block.html() for block in self.blocks)


def column_widths(headers: list[str], rows: list[list[str]]) -> list[int]:
    """Column widths in % of the page, from their content: each column at least as wide as its longest word,
    header included (a word is never cut, even in bold), the rest shared by how long its values are. When the
    longest words alone would pass the page (a long address beside other columns), the widest columns give way:
    their longest words wrap inside them rather than push the table past the margin."""
    least, wants = [], []
    for column, header in enumerate(headers):
        cells = [row[column] for row in rows]
        longest_word = max(len(word) for cell in [header, *cells] for word in (cell.split() or [""]))
        longest_cell = max((len(cell) for cell in cells), default=0)
        least.append((longest_word + 2) * CHAR_PERCENT)
        wants.append(max(0, min(longest_cell, 60) - longest_word))
    for _ in range(len(least)):  # at most once per column: each step narrows the widest to what is left
        if sum(least) <= 100:
            break
        widest = max(range(len(least)), key=least.__getitem__)
        least[widest] = max(100 - (sum(least) - least[widest]), 100 / len(least))
    if sum(least) > 100:  # every column is down to its share: share the page equally
        least = [100 / len(least)] * len(least)
    spare = max(0.0, 100 - sum(least))
    widths = [low + spare * want / (sum(wants) or 1) for low, want in zip(least, wants, strict=True)]
    rounded = [int(width) for width in widths]
    rounded[max(range(len(rounded)), key=widths.__getitem__)] += 100 - sum(rounded)  # exactly 100 %
    return rounded
