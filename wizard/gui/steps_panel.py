"""« Where am I »: the side panel listing the three parts and their steps, as installers do – the current step
marked, the steps done ticked, following the flow's branches (parts 1–2 skipped, a partial pass)."""
from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget

from wizard.core import flow, steps
from wizard.core.i18n import tr
from wizard.gui.qtvalues import RICH_TEXT
from wizard.gui.widgets import WrappingLabel

WIDTH = 200
# A step's state as a mark every font draws: Windows' ANSI characters and √ (in Tahoma, Segoe UI, Arial and Wine's
# Tahoma alike). « ○ » and « ▶ » are missing from some (Wine's Tahoma drew to-do steps like done ones).
DONE, CURRENT, TODO = "√", "•", "–"


def escape(text: str) -> str:
    """Text (a title may carry an ENT's name) made safe in rich text: the three characters markup reads."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def panel_lines(school: dict, current: str | None) -> list[tuple[str, str, str]]:
    """(kind, mark, text) rows: kind is "part", "done", "current", "todo" or "skipped" (Qt-free, tested)."""
    route = flow.route(school)
    rows: list[tuple[str, str, str]] = []
    shown_part = None
    skipped = flow.parts_1_2_skipped(school)
    for step in route:
        part = steps.BY_ID[step].part
        if skipped and part > 2 and shown_part is None:
            # Where the path jumps over them: after the school page, before part 3.
            rows.append(("skipped", DONE, tr("Parties 1 et 2 : déjà faites")))
            shown_part = 0
        if part in steps.PART_NAMES and part != shown_part:
            rows.append(("part", "", flow.part_name(part)))
            shown_part = part
        if step == current:
            rows.append(("current", CURRENT, flow.title(step)))
        elif flow.step_done(step, school) or (step == "fin" and school["cycle"]["finished_at"]):
            rows.append(("done", DONE, flow.title(step)))
        else:
            rows.append(("todo", TODO, flow.title(step)))
    return rows


class StepsPanel(QWidget):
    def __init__(self, progress):
        super().__init__()
        self.progress = progress
        self.setObjectName("steps_panel")
        self.setFixedWidth(WIDTH)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)  # 16 of WIDTH (see below)
        self.text = WrappingLabel()
        self.text.setObjectName("steps_text")
        self.text.setFixedWidth(WIDTH - 16)  # the panel's width less its margins: one width to lay the steps out for
        self.text.setProperty("textFormat", RICH_TEXT)
        self.text.setAccessibleName(tr("Étapes de l'assistant"))
        layout.addWidget(self.text)
        layout.addStretch(1)  # the list at the top (an alignment flag would cost the Qt namespace: qtvalues.py)
        self.current: str | None = None

    def show_step(self, current: str | None) -> None:
        self.current = current
        self.refresh()

    def refresh(self) -> None:
        parts = []
        for kind, mark, text in panel_lines(self.progress.school, self.current):
            text = escape(text)
            if kind == "part":
                parts.append(f"<p style='margin-top:8px; margin-bottom:2px'><b>{text}</b></p>")
            elif kind == "current":
                parts.append(f"<p style='margin:1px 0 1px 6px'><b>{mark} {text}</b></p>")
            else:  # steps to come keep the text's colour (a grey fails contrast): the mark says their state
                parts.append(f"<p style='margin:1px 0 1px 6px'>{mark} {text}</p>")
        self.text.setText("".join(parts))
