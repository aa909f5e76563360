"""Every French text the window shows has its typography: no ordinary space before « : ; ! ? », none inside « »
(the helper is applied by `tr`, so a page cannot forget it); the help pages and the two PDFs too."""
import re

from PySide6.QtWidgets import QAbstractButton, QApplication, QGroupBox, QLabel

from tests.gui.helpers import open_window
from tests.gui.test_help import complete_every_step
from wizard.core import flow
from wizard.core.helptext import help_html

WRAPS_ALONE = re.compile(r"\w [:;!?](\s|$)|« | »")


def shown_texts(page) -> list[str]:
    texts = [page.title()]
    for label in page.findChildren(QLabel):
        # Lines reproduced as the ENT shows them (monospace summary) are the ENT's own text, not ours.
        if label.isVisibleTo(page) and not label.objectName().startswith("ent_verbatim"):
            texts.append(label.text())
    texts += [button.text() for button in page.findChildren(QAbstractButton) if button.isVisibleTo(page)]
    texts += [box.title() for box in page.findChildren(QGroupBox) if box.isVisibleTo(page)]
    return texts


def test_every_page_and_its_help_in_french_typography(qtbot, data_dir):
    window = open_window(qtbot, data_dir)
    complete_every_step(window.progress)
    bad = []
    for step in flow.STEP_IDS:
        window.go_to(step)
        QApplication.processEvents()
        for text in shown_texts(window.currentPage()):
            if WRAPS_ALONE.search(text):
                bad.append((step, text))
        html = help_html(step, window.progress.identity, "fr")
        bad += [(f"aide {step}", match.group()) for match in WRAPS_ALONE.finditer(re.sub(r"<[^>]+>", "", html))]
    assert not bad, bad[:10]


def test_the_record_and_the_notice_in_french_typography(qtbot, data_dir):
    from wizard.core.records import notice_html, record_html

    window = open_window(qtbot, data_dir)
    complete_every_step(window.progress)
    for html in (record_html(window.progress.school), notice_html(window.progress.school)):
        text = re.sub(r"<[^>]+>", "", html)
        assert not WRAPS_ALONE.search(text), WRAPS_ALONE.search(text)
