"""Contrast measured on screenshots of the real window (issue 23): placeholder and secondary text against what is
behind them, the notices' text on their tint, the steps list, and the focus marks (check box ring, field frame)
against the page – in a light and a dark palette, at 100 %, 125 % and 150 %.

Each measure crops the widget's rectangle from a grab of the whole window (what the screen shows), takes the
background as the crop's most frequent colour and the text as the colour farthest from it in luminance (the core
of the glyphs' strokes), and computes WCAG's ratio. A focus mark is what differs between the control focused and
not focused: the colour of those pixels against the background around them.

The dark palette is Qt's own derivation from a dark button colour (QPalette(#353535), with the base and highlight
of Fusion's dark variant), applied before the window is made, as a system in dark mode hands it to Qt; the
offscreen platform has no theme of its own to switch.

The current step's row of the steps list is selected: its mark takes Qt's « selected » tint (the application's
highlight colour at 30 % over the drawn triangle); the mark and the row's text are measured against the row.
The check boxes' and radio buttons' outlines (« contour », RGAA 3.3 / WCAG 1.4.11: 3:1) are measured on the
indicator's edge all around it (indicator_contrast), unticked and ticked, with and without the focus.

Usage: .venv/bin/python tools/contrast.py [--scheme light|dark] [--scale 1|1.25|1.5] [--out DIR] [--json]
(one configuration per process: the scale is fixed when Qt starts); tests/gui/test_contrast.py runs it.
"""
from __future__ import annotations

import argparse
import json
import math
import os
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def luminance(rgb: tuple[int, int, int]) -> float:
    def channel(value: int) -> float:
        value /= 255
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

    red, green, blue = rgb
    return 0.2126 * channel(red) + 0.7152 * channel(green) + 0.0722 * channel(blue)


def ratio(one, other) -> float:
    light, dark = sorted((luminance(one), luminance(other)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def pixels(image, rect) -> list[tuple[int, int, int]]:
    found = []
    for y in range(max(rect.top(), 0), min(rect.bottom() + 1, image.height())):
        for x in range(max(rect.left(), 0), min(rect.right() + 1, image.width())):
            colour = image.pixelColor(x, y)
            found.append((colour.red(), colour.green(), colour.blue()))
    return found


def text_contrast(image, rect) -> dict:
    """Background: the most frequent colour; text: the colour farthest from it that at least 3 pixels have."""
    found = pixels(image, rect)
    counts = Counter(found)
    background = counts.most_common(1)[0][0]
    candidates = [colour for colour, count in counts.items() if count >= 3 and colour != background]
    if not candidates:
        return {"background": background, "text": None, "ratio": None}
    text = max(candidates, key=lambda colour: ratio(colour, background))
    return {"background": background, "text": text, "ratio": round(ratio(text, background), 2)}


def border(rect, width: int = 4) -> list:
    """The band of `width` pixels along the inside of `rect` (a field's frame, not the text cursor within)."""
    from PySide6.QtCore import QRect

    return [QRect(rect.left(), rect.top(), rect.width(), width),
            QRect(rect.left(), rect.bottom() - width + 1, rect.width(), width),
            QRect(rect.left(), rect.top() + width, width, rect.height() - 2 * width),
            QRect(rect.right() - width + 1, rect.top() + width, width, rect.height() - 2 * width)]


def mark_contrast(focused, unfocused, rect, frame_only: bool = False) -> dict:
    """The focus mark: pixels that change when the control takes the focus, against the unchanged background."""
    rects = border(rect) if frame_only else [rect]
    before = [colour for part in rects for colour in pixels(unfocused, part)]
    after = [colour for part in rects for colour in pixels(focused, part)]
    changed = Counter(a for a, b in zip(after, before, strict=True) if a != b)
    background = Counter(before).most_common(1)[0][0]
    if not changed:
        return {"background": background, "mark": None, "ratio": None}
    # The mark's solid colour: the changed colour farthest from the background among the frequent ones.
    frequent = [colour for colour, count in changed.items() if count >= 4] or list(changed)
    mark = max(frequent, key=lambda colour: ratio(colour, background))
    return {"background": background, "mark": mark, "ratio": round(ratio(mark, background), 2)}


def current_step_rects(steps, rect_of):
    """The selected row of the steps list, in the window's device pixels: its mark (the decoration's place, as
    the list's style puts it), and its text (the rest of the row)."""
    from PySide6.QtCore import QRect
    from PySide6.QtWidgets import QStyle, QStyleOptionViewItem

    item = steps.selectedItems()[0]
    row = steps.visualItemRect(item)
    option = QStyleOptionViewItem()
    steps.initViewItemOption(option)
    option.rect = row
    option.features |= QStyleOptionViewItem.ViewItemFeature.HasDecoration
    option.decorationSize = steps.iconSize()
    option.text = item.text()
    option.features |= QStyleOptionViewItem.ViewItemFeature.HasDisplay
    style = steps.style()
    icon = style.subElementRect(QStyle.SubElement.SE_ItemViewItemDecoration, option, steps)
    viewport = rect_of(steps.viewport())
    dpr = steps.window().devicePixelRatioF()

    def in_window(rect) -> QRect:
        return QRect(viewport.x() + round(rect.x() * dpr), viewport.y() + round(rect.y() * dpr),
                     round(rect.width() * dpr), round(rect.height() * dpr))

    text = QRect(icon.right() + 1, row.y(), row.right() - icon.right(), row.height())
    return in_window(icon), in_window(text)


def in_sight(widget) -> None:
    """Scroll the page's area to `widget`'s left edge (a small offscreen screen at 150 % scrolls the page)."""
    from PySide6.QtWidgets import QScrollArea

    holder = widget.parentWidget()
    while holder is not None and not isinstance(holder, QScrollArea):
        holder = holder.parentWidget()
    if holder is not None:
        holder.horizontalScrollBar().setValue(0)
        holder.ensureWidgetVisible(widget, 0, 0)


def indicator_rect(button):
    """The check box's or radio button's indicator, in the button's coordinates, as its style places it."""
    from PySide6.QtWidgets import QCheckBox, QStyle, QStyleOptionButton

    option = QStyleOptionButton()
    button.initStyleOption(option)
    element = (QStyle.SubElement.SE_CheckBoxIndicator if isinstance(button, QCheckBox)
               else QStyle.SubElement.SE_RadioButtonIndicator)
    return button.style().subElementRect(element, option, button)


def indicator_contrast(image, button, rect_of, rays: int = 32) -> dict:
    """A box's boundary against the background around it: from the indicator's centre, along `rays` directions,
    the pixels from one device pixel outside its edge to two inside (the outline, never the tick further in); on
    each ray the one farthest from the background; the ratio is the weakest ray's – a closed outline passes on
    every ray, a gap fails. The background is the most frequent colour of the button's rectangle."""
    from PySide6.QtWidgets import QRadioButton

    background = Counter(pixels(image, rect_of(button))).most_common(1)[0][0]
    inside = indicator_rect(button)
    whole = rect_of(button)
    dpr = button.window().devicePixelRatioF()
    left = whole.x() + inside.x() * dpr
    top = whole.y() + inside.y() * dpr
    half_w, half_h = inside.width() * dpr / 2, inside.height() * dpr / 2
    centre_x, centre_y = left + half_w, top + half_h
    round_one = isinstance(button, QRadioButton)
    weakest, weakest_colour = None, None
    for ray in range(rays):
        angle = 2 * math.pi * ray / rays
        dx, dy = math.cos(angle), math.sin(angle)
        if round_one:
            edge = min(half_w, half_h)
        else:
            edge = min(half_w / abs(dx) if abs(dx) > 1e-9 else math.inf,
                       half_h / abs(dy) if abs(dy) > 1e-9 else math.inf)
        best, best_colour = 1.0, background
        distance = edge + 1.0
        while distance >= edge - 2.0:
            x, y = int(centre_x + dx * distance), int(centre_y + dy * distance)
            colour = image.pixelColor(x, y)
            found = (colour.red(), colour.green(), colour.blue())
            if ratio(found, background) > best:
                best, best_colour = ratio(found, background), found
            distance -= 0.5
        if weakest is None or best < weakest:
            weakest, weakest_colour = best, best_colour
    return {"background": background, "mark": weakest_colour, "ratio": round(weakest, 2)}


def dark_palette():
    from PySide6.QtGui import QColor, QPalette

    palette = QPalette(QColor("#353535"))
    palette.setColor(QPalette.ColorRole.Base, QColor("#2a2a2a"))
    palette.setColor(QPalette.ColorRole.AlternateBase, QColor("#353535"))
    palette.setColor(QPalette.ColorRole.Highlight, QColor("#2a82da"))
    palette.setColor(QPalette.ColorRole.HighlightedText, QColor("#ffffff"))
    palette.setColor(QPalette.ColorRole.PlaceholderText, QColor(255, 255, 255, 128))  # Qt's own: text at half
    return palette


def measure(scheme: str, out: Path | None) -> dict:
    from PySide6.QtCore import QRect, Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from tests.gui.test_help import complete_every_step
    from wizard.app import create_window

    app = QApplication([])
    if scheme == "dark":
        app.setPalette(dark_palette())
    window = create_window(Path(tempfile.mkdtemp()))
    window.show()
    QTest.qWaitForWindowExposed(window)
    results: dict[str, dict] = {}

    def unfocus() -> None:
        """The focus on « Aide », once the page has placed it where it lands (a turn of the event loop)."""
        app.processEvents()
        window.button(window.WizardButton.HelpButton).setFocus()
        app.processEvents()

    def grab(name: str):
        app.processEvents()
        image = window.grab().toImage()
        if out is not None:
            image.save(str(out / f"{scheme}-{name}.png"))
        return image

    def rect_of(widget, inset: int = 0, left: int = 0) -> QRect:
        ratio_ = window.devicePixelRatioF()
        top_left = widget.mapTo(window, widget.rect().topLeft())
        logical = QRect(top_left, widget.size()).adjusted(inset + left, inset, -inset, -inset)
        return QRect(round(logical.x() * ratio_), round(logical.y() * ratio_), round(logical.width() * ratio_),
                     round(logical.height() * ratio_))

    # The school page, empty: placeholders, the expected formats under the fields, the reason, an info notice.
    window.next()
    page = window.currentPage()
    unfocus()
    image = grab("etablissement")
    results["placeholder (Nom de l'établissement)"] = text_contrast(image, rect_of(page.fields["name"], 3))
    results["texte d'aide (format du code UAI)"] = text_contrast(image, rect_of(page.uai_message))
    results["avis « Ce qu'il reste à faire » (orangé)"] = text_contrast(image, rect_of(page.reason, 1, 5))
    info = [child for child in page.findChildren(type(page.reason)) if child.objectName() == "notice_info"]
    results["avis d'information (bleu)"] = text_contrast(image, rect_of(info[0], 1, 5))
    steps = getattr(window.steps_panel, "list", None) or window.steps_panel.text  # (the rich-text label before)
    results["liste des étapes (texte)"] = text_contrast(image, rect_of(steps, 2))
    # The current step's row (selected): its mark (a graphic: 3:1) and its text, against the row's background.
    mark, text = current_step_rects(steps, rect_of)
    results["marque de l'étape en cours"] = text_contrast(image, mark)
    results["texte de l'étape en cours"] = text_contrast(image, text)
    # The focus frame of a field: the same field with and without the focus.
    field = page.fields["name"]
    unfocused = grab("etablissement-sans-focus")
    field.setFocus(Qt.FocusReason.TabFocusReason)
    focused = grab("etablissement-focus-champ")
    results["indicateur de focus (champ)"] = mark_contrast(focused, unfocused, rect_of(field, -2), frame_only=True)
    # Part 1: a tick's focus ring; the values to copy.
    complete_every_step(window.progress)
    for item in list(window.progress.school["ticks"].get("ent_service", {})):
        window.progress.tick("ent_service", item, False)
    window.go_to("ent_service")
    page = window.currentPage()
    box = next(iter(page.checklist.boxes.values()))
    unfocus()
    unfocused = grab("ent_service")
    box.setFocus(Qt.FocusReason.TabFocusReason)
    focused = grab("ent_service-focus-case")
    results["indicateur de focus (case à cocher)"] = mark_contrast(focused, unfocused, rect_of(box, -3))
    value = next(iter(page.checklist.value_fields.values()))
    results["valeur à copier"] = text_contrast(unfocused, rect_of(value, 2))
    # The boxes' outlines (RGAA 3.3): unticked and ticked, without and with the focus.
    for ticked in (False, True):
        box.setChecked(ticked)
        unfocus()
        state = "cochée" if ticked else "non cochée"
        results[f"contour de case à cocher ({state})"] = indicator_contrast(
            grab(f"ent_service-case-{int(ticked)}"), box, rect_of)
        box.setFocus(Qt.FocusReason.TabFocusReason)
        results[f"contour de case à cocher ({state}, focus)"] = indicator_contrast(
            grab(f"ent_service-case-{int(ticked)}-focus"), box, rect_of)
    # The radio buttons of the mode page: one chosen, the other not; then the chosen one focused.
    complete_every_step(window.progress)
    window.go_to("export_mode")
    page = window.currentPage()
    page.full.setChecked(True)
    unfocus()
    app.processEvents()
    in_sight(page.partial)
    image = grab("export_mode")
    results["contour de bouton radio (choisi)"] = indicator_contrast(image, page.full, rect_of)
    results["contour de bouton radio (non choisi)"] = indicator_contrast(image, page.partial, rect_of)
    page.partial.setFocus(Qt.FocusReason.TabFocusReason)
    app.processEvents()
    in_sight(page.partial)
    results["contour de bouton radio (non choisi, focus)"] = indicator_contrast(
        grab("export_mode-focus-radio"), page.partial, rect_of)
    # The end: the summary (a success or a warning notice).
    complete_every_step(window.progress)
    window.go_to("fin")
    page = window.currentPage()
    image = grab("fin")
    results[f"résumé final ({page.summary.kind})"] = text_contrast(image, rect_of(page.summary, 1, 5))
    return {"scheme": scheme, "scale": float(os.environ.get("QT_SCALE_FACTOR", "1")), "measures": results}


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--scheme", choices=("light", "dark"), default="light")
    parser.add_argument("--scale", default="1")
    parser.add_argument("--out", type=Path)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    os.environ["QT_SCALE_FACTOR"] = args.scale
    if os.environ.setdefault("QT_QPA_PLATFORM", "offscreen") == "offscreen":
        # A laptop's screen (tests/gui/test_screens.py's 1280×800), not the offscreen platform's 800×800: at 150 %
        # that leaves the window 533 logical pixels, and the page's left edge goes under the steps panel.
        screens = Path(tempfile.mkdtemp()) / "screens.json"
        screens.write_text(json.dumps({"screens": [{"name": "ecran", "x": 0, "y": 0, "width": 1280, "height": 800,
                                                    "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1.0}]}),
                           encoding="utf-8")
        # Named relative to this process's folder: Qt splits the platform's options at each colon, and a Windows
        # path has one after its drive letter (« configfile=C:\… » would name a file « C » and leave 800×800).
        os.environ["QT_QPA_PLATFORM"] = "offscreen:configfile=screens.json"
        args.out = args.out.resolve() if args.out else None
        os.chdir(screens.parent)
    if args.out:
        args.out.mkdir(parents=True, exist_ok=True)
    found = measure(args.scheme, args.out)
    if args.json:
        print(json.dumps(found))
    else:
        print(f"{args.scheme}, {float(args.scale):.0%}")
        for name, measured in found["measures"].items():
            print(f"  {name}: {measured['ratio']}:1")
    return 0


if __name__ == "__main__":
    sys.exit(main())
