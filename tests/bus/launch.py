"""The wizard as users start it (wizard.app.main), plus one thing for the bus test: on request (a file appears)
it writes what each label shows on screen, keyed by the label's place in the accessibility tree – the same tree
the bridge puts on the bus. A screen reader reads a label's name; the test compares that name with this text."""
from __future__ import annotations

import json
import os
import re
import sys
from pathlib import Path

# The checkout whose wizard runs: this one, or another one for a before/after measure (bench/a11y_keystrokes.py).
ROOT = Path(os.environ.get("WIZARD_ROOT") or Path(__file__).resolve().parents[2])
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QTimer  # noqa: E402
from PySide6.QtGui import QAccessible, QTextDocument  # noqa: E402
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel  # noqa: E402

from wizard.app import main  # noqa: E402


def shown_text(label: QLabel) -> str:
    text = label.text()
    if label.textFormat().name == "RichText" or (label.textFormat().name == "AutoText" and "<" in text):
        document = QTextDocument()
        document.setHtml(text)
        text = document.toPlainText()
    return re.sub(r"&(.)", r"\1", text) if label.buddy() is not None else text


def labels_by_path() -> dict[str, dict]:
    """{path: {"kind": "label", "image" or "button", "text": what it shows}} for labels (a label showing a picture:
    an image) and buttons on screen."""
    found: dict[str, dict] = {}

    def walk(interface, path):
        widget = interface.object()
        if isinstance(widget, QLabel) and widget.isVisible():
            image = not widget.pixmap().isNull()
            found[json.dumps(path)] = {"kind": "image" if image else "label", "text": "" if image else
                                       shown_text(widget)}
        elif isinstance(widget, QAbstractButton) and widget.isVisible():
            found[json.dumps(path)] = {"kind": "button", "text": re.sub(r"&(.)", r"\1", widget.text())}
        for index in range(interface.childCount()):
            child = interface.child(index)
            if child is not None and child.isValid():
                walk(child, [*path, index])

    application = QAccessible.queryAccessibleInterface(QApplication.instance())
    for index in range(application.childCount()):
        walk(application.child(index), [index])
    return found


def watch(prefix: Path) -> None:
    request, answer = prefix.with_suffix(".request"), prefix.with_suffix(".json")

    def poll() -> None:
        if request.exists():
            request.unlink()
            partial = answer.with_suffix(".part")
            partial.write_text(json.dumps(labels_by_path(), ensure_ascii=False), encoding="utf-8")
            partial.replace(answer)

    timer = QTimer(QApplication.instance())
    timer.timeout.connect(poll)
    timer.start(50)


if __name__ == "__main__":
    argv = sys.argv[1:]
    at = argv.index("--probe-file")
    prefix = Path(argv[at + 1])
    del argv[at:at + 2]
    QApplication([sys.argv[0]])
    watch(prefix)
    sys.exit(main(argv))
