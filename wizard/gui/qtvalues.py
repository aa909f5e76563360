"""The few Qt enum values the first page needs, as the numbers Qt's property system takes.

Reading anything from PySide's `Qt` namespace (`Qt.AlignmentFlag`, `Qt.TextFormat`…) makes PySide build its
hundred-odd Python enums at once: 13 ms here, a sixth of a bare QWizard's whole start (`bench/startup.py`). So the
welcome page, the window and what every page shares set these values with `setProperty`, which Qt turns into the
enum itself, and lay out without alignment flags; pages met later use `Qt` freely. `tests/gui/test_startup.py`
checks that opening the window leaves the namespace unmade, and `tests/gui/test_qtvalues.py` that each number is
Qt's.
"""

PLAIN_TEXT = 0  # Qt.TextFormat.PlainText: text from outside (names, files) is never read as HTML
RICH_TEXT = 1  # Qt.TextFormat.RichText
SELECTABLE_BY_MOUSE = 1  # Qt.TextInteractionFlag.TextSelectableByMouse
TEXT_BROWSER = 13  # Qt.TextInteractionFlag.TextBrowserInteraction: select, and follow links by mouse and keyboard
NO_FOCUS = 0  # Qt.FocusPolicy.NoFocus
STRONG_FOCUS = 11  # Qt.FocusPolicy.StrongFocus: Tab and click, not the wheel (gui/wheel.py)


def set_plain_selectable(label) -> None:
    """Plain text the mouse can select (to copy a message into an email to the ENT's support)."""
    label.setProperty("textFormat", PLAIN_TEXT)
    label.setProperty("textInteractionFlags", SELECTABLE_BY_MOUSE)
