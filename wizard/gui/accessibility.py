"""What assistive tools need beyond the widgets' own accessibility: announcements of status changes, headings,
named icons, and placeholder text readable by everyone (RGAA 4.1 / WCAG 2.1 AA, as EN 301 549 applies them to
software; Qt maps the same interfaces to AT-SPI on Linux and UI Automation on Windows).

- `announce`: Qt 6.8's QAccessibleAnnouncementEvent – an AT-SPI « announcement », a UIA notification – for an
  error, a verdict or a status that appears away from the focus: a screen reader says it without moving there.
- `mark_heading`: a QLabel read as a heading (Qt has no widget with that role): through an accessibility factory,
  the only public way to give a widget another role.
- Combo boxes named by their label: Qt's own interface for a combo box (QAccessibleComboBox) answers its current
  value as its name on every Unix – « on Linux we use relations for this » (qtbase, complexwidgets.cpp, under
  `#ifndef Q_OS_UNIX`), the label only reachable through the « labelled by » relation – and its accessible name on
  Windows. Through the same factory, a non-editable combo box answers its accessible name (else its buddy label's
  text, as any widget does) on every system, its current text as its value, its list as its child and the same
  actions (tests/gui/test_accessibility.py, tests/bus).
- `readable_placeholders`: Qt draws placeholder text in the text colour at half opacity, 4.0:1 on white; RGAA 3.2
  asks 4.5:1. The placeholder colour is mixed from the palette's own text and base colours to 5:1, light or dark.
"""
from __future__ import annotations

import time

import shiboken6
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent, QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QAccessibleWidget, QComboBox, QLabel, QWidget

from wizard.core.i18n import tr

HEADING = "accessible_heading"  # the property that makes a label a heading (its value: the level)
PLACEHOLDER_CONTRAST = 5.0  # above RGAA's 4.5:1 with room for antialiasing


def announce(widget: QWidget, text: str, *, assertive: bool = False) -> None:
    """Have screen readers say `text` now (politely: after what they are saying; assertive: at once, for errors)."""
    if not text or not listening():
        return
    now = time.monotonic()
    if _last_said[0] == text and now - _last_said[1] < REPEAT_WITHIN:
        return  # one action, one sentence: a field's verdict and the page's reason are often the same words
    _last_said[:] = [text, now]
    event = QAccessibleAnnouncementEvent(widget, text)
    if assertive:
        event.setPoliteness(QAccessible.AnnouncementPoliteness.Assertive)
    send(event)


REPEAT_WITHIN = 1.0  # seconds
_last_said: list = ["", 0.0]


def listening() -> bool:
    """An assistive tool is connected (otherwise Qt makes no accessibility object at all)."""
    return QAccessible.isActive()


def send(event) -> None:
    QAccessible.updateAccessibility(event)


# -- headings ----------------------------------------------------------------------------------------------------
class _HeadingInterface(QAccessibleWidget):
    def __init__(self, label: QLabel):
        super().__init__(label, QAccessible.Role.Heading)
        self.label = label

    def text(self, kind):
        if kind == QAccessible.Text.Name and shiboken6.isValid(self.label):
            return self.label.accessibleName() or self.label.text().replace("&&", "&")
        return super().text(kind)


# -- combo boxes -------------------------------------------------------------------------------------------------
class _ComboBoxInterface(QAccessibleWidget):
    """What QAccessibleComboBox gives a non-editable combo box, but its name: the label, not the current value.

    While the combo box is being destroyed, Qt may still ask its interface (the bridge tells the object's end)
    when Python's side of it is gone: each answer checks it first (else an exception in a Qt call, which the
    crash dialog would catch – seen through the bus when Qt's file dialog closed)."""

    def __init__(self, combo: QComboBox):
        super().__init__(combo, QAccessible.Role.ComboBox)
        self.combo = combo

    def _alive(self) -> QComboBox | None:
        return self.combo if shiboken6.isValid(self.combo) else None

    def text(self, kind):
        combo = self._alive()
        if kind == QAccessible.Text.Value:
            return combo.currentText() if combo is not None else ""
        return super().text(kind)  # Name: the accessible name, else the buddy label's text (QAccessibleWidget)

    def state(self):
        state = super().state()
        combo = self._alive()
        state.expandable = True  # « développable », as Qt's own says: its list opens
        state.expanded = combo is not None and combo.view().isVisible()
        return state

    # Its one child is the list of choices: a screen reader reads it while it is open, and reads the value of a
    # closed combo box as the item selected in it (Orca does), as with Qt's own interface.
    def childCount(self) -> int:
        return 1 if self._alive() is not None else 0

    def child(self, index: int):
        combo = self._alive()
        return QAccessible.queryAccessibleInterface(combo.view()) if combo is not None and index == 0 else None

    def indexOfChild(self, child) -> int:
        combo = self._alive()
        return 0 if combo is not None and child is not None and child.object() is combo.view() else -1

    def actionNames(self) -> list[str]:
        return [self.showMenuAction(), self.pressAction(), *super().actionNames()]

    def doAction(self, name: str) -> None:
        combo = self._alive()
        if name in (self.showMenuAction(), self.pressAction()):
            if combo is not None and combo.view().isVisible():
                combo.hidePopup()
            elif combo is not None:
                combo.showPopup()
            return
        super().doAction(name)


_interfaces: dict[int, QAccessibleWidget] = {}  # Qt keeps the interface; Python must keep its wrapper alive


def _factory(class_name: str, obj) -> QAccessibleWidget | None:
    if isinstance(obj, QLabel) and obj.property(HEADING):
        return _kept(obj, _HeadingInterface)
    if isinstance(obj, QComboBox) and not obj.isEditable():  # (an editable one: its line edit is its value)
        return _kept(obj, _ComboBoxInterface)
    return None


def _kept(obj, kind) -> QAccessibleWidget:
    interface = _interfaces.get(id(obj))
    if interface is None:
        key = id(obj)
        interface = _interfaces[key] = kind(obj)
        obj.destroyed.connect(lambda _=None: _interfaces.pop(key, None))
    return interface


_installed = False


def install() -> None:
    """Once per process, before the window's interfaces are made (build_window)."""
    global _installed
    if not _installed:
        QAccessible.installFactory(_factory)
        _installed = True


def mark_heading(label: QLabel, level: int = 1) -> None:
    label.setProperty(HEADING, level)


# -- icons -------------------------------------------------------------------------------------------------------
def name_message_box_icon(box, name: str) -> None:
    """A QMessageBox's icon is an image without a name: it gets the box's kind (« Avertissement »…)."""
    icon = box.findChild(QLabel, "qt_msgboxex_icon_label")
    if icon is not None:
        icon.setAccessibleName(name)


def message_box(parent, kind: str, title: str, text: str, buttons=None, default=None):
    """A QMessageBox whose icon says its kind to screen readers (« Question », « Avertissement », « Erreur »):
    the static QMessageBox.question/warning/critical leave it an unnamed image. `kind`: question, warning or
    critical; returns the button chosen."""
    from PySide6.QtWidgets import QMessageBox

    icons = {"question": (QMessageBox.Icon.Question, tr("Question")),
             "warning": (QMessageBox.Icon.Warning, tr("Avertissement")),
             "critical": (QMessageBox.Icon.Critical, tr("Erreur"))}
    icon, name = icons[kind]
    box = QMessageBox(icon, title, text, buttons or QMessageBox.StandardButton.Ok, parent)
    if default is not None:
        box.setDefaultButton(default)
    name_message_box_icon(box, name)
    return box.exec()


# -- colours -----------------------------------------------------------------------------------------------------
def luminance(colour: QColor) -> float:
    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(colour.redF()) + 0.7152 * channel(colour.greenF()) + 0.0722 * channel(colour.blueF())


def contrast(one: QColor, other: QColor) -> float:
    light, dark = sorted((luminance(one), luminance(other)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def mixed_to_contrast(text: QColor, base: QColor, target: float) -> QColor:
    """The colour between `base` and `text` nearest to `base` that still has `target` contrast with it (text
    itself when even it has less): placeholder text stays lighter than typed text, yet readable."""
    low, high = 0.0, 1.0  # share of `text` in the mix
    if contrast(text, base) <= target:
        return QColor(text)
    for _ in range(20):
        middle = (low + high) / 2
        if contrast(_mix(text, base, middle), base) >= target:
            high = middle
        else:
            low = middle
    return _mix(text, base, high)


def _mix(text: QColor, base: QColor, share: float) -> QColor:
    return QColor.fromRgbF(*(share * a + (1 - share) * b for a, b in (
        (text.redF(), base.redF()), (text.greenF(), base.greenF()), (text.blueF(), base.blueF()))))


_following_scheme = False  # readable_placeholders follows the system's light/dark switch


def readable_placeholders(app: QGuiApplication) -> None:
    """The application's placeholder colour at PLACEHOLDER_CONTRAST against the field's background, in each
    colour group; again when the system switches between light and dark."""
    palette = app.palette()
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        text, base = palette.color(group, QPalette.ColorRole.Text), palette.color(group, QPalette.ColorRole.Base)
        palette.setColor(group, QPalette.ColorRole.PlaceholderText, mixed_to_contrast(text, base,
                                                                                      PLACEHOLDER_CONTRAST))
    app.setPalette(palette)
    global _following_scheme
    if not _following_scheme:
        _following_scheme = True  # once per process: the light/dark switch recomputes it
        app.styleHints().colorSchemeChanged.connect(lambda _scheme: readable_placeholders(app))
