"""Keyboard (issue 12, item 4): on arrival the focus is on the first thing left to do and never on a button that
starts a network check; Tab goes through visible controls only, top to bottom; no two controls of a page share an
Alt+letter, in French or in English, QWizard's own buttons and « À propos » included; a visible focus mark on
check boxes and radio buttons; Esc and « Annuler » say the progress is kept before closing."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QCheckBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QRadioButton,
    QWidget,
    QWizard,
)

from tests.gui.helpers import open_window
from tests.gui.test_help import as_checked, complete_every_step
from wizard.core import flow, i18n

FIRST_WALK = ["accueil", "etablissement", "ent_service", "ent_acces", "pronote_net_avertissement", "pronote_net",
              "export_mode", "export_pronote", "fichier", "import_ent", "rapprochement", "echecs", "fin"]


@pytest.fixture(autouse=True)
def back_to_french():
    yield
    i18n.install(None, "fr")


def arrive(qtbot, window, step: str) -> QWidget | None:
    window.go_to(step)
    assert window.current_step() == step
    # What the page made shows at the next turn of the event loop, and the focus is placed there too.
    QApplication.processEvents()
    target = arrival(window)
    if target is not None:  # (a page with nothing to do and « Suivant » greyed keeps the focus where it was)
        qtbot.waitUntil(lambda: QApplication.focusWidget() is target)
    return QApplication.focusWidget()


def arrival(window) -> QWidget | None:
    """Where the page says the keyboard lands: its first thing to do, else « Suivant » or « Terminer »."""
    page = window.currentPage()
    target = page.first_to_do()
    if target is not None:
        return target
    buttons = (window.button(QWizard.WizardButton.NextButton), window.button(QWizard.WizardButton.FinishButton))
    return next((button for button in buttons if button.isVisible() and button.isEnabled()), None)


def untick(progress, step: str) -> None:
    for item in flow.checklist(step, progress.cycle["mode"]):
        progress.tick(step, item["id"], False)


# -- focus on arrival -----------------------------------------------------------------------------------------
def test_a_new_school_lands_on_its_first_empty_field(qtbot, data_dir):
    window = open_window(qtbot, data_dir)
    assert arrive(qtbot, window, "accueil") is window.button(QWizard.WizardButton.NextButton)
    assert arrive(qtbot, window, "etablissement").objectName() == "field_name"
    window.progress.type_identity("name", "Collège Via Domitia")
    assert arrive(qtbot, window, "etablissement").objectName() == "field_uai"


@pytest.mark.parametrize("step", ["ent_service", "ent_acces", "pronote_net", "export_pronote", "import_ent",
                                  "rapprochement"])
def test_a_checklist_page_lands_on_its_first_unticked_action(qtbot, data_dir, step):
    window = open_window(qtbot, data_dir)
    complete_every_step(window.progress)
    untick(window.progress, step)
    first = flow.checklist(step, "complet")[0]["id"]
    assert arrive(qtbot, window, step).objectName() == f"tick_{first}"
    second = flow.checklist(step, "complet")[1]["id"]
    window.progress.tick(step, first, True)
    assert arrive(qtbot, window, step).objectName() == f"tick_{second}"


def test_the_import_page_lands_on_the_count_once_every_action_is_ticked(qtbot, data_dir):
    window = open_window(qtbot, data_dir)
    complete_every_step(window.progress)
    window.progress.type_reported_count(None)
    assert arrive(qtbot, window, "import_ent").objectName() == "reported_count"


def test_never_on_a_button_that_starts_a_network_check(qtbot, data_dir):
    window = open_window(qtbot, data_dir)
    complete_every_step(window.progress)
    window.progress.confirm_by_hand(False)  # part 2 ticked, neither checked nor declared: the check is next
    focused = arrive(qtbot, window, "pronote_net")
    assert focused is None or focused.objectName() not in ("check_server", "manual_confirmation")
    window.progress.type_identity("name", "")
    focused = arrive(qtbot, window, "etablissement")
    assert focused.objectName() == "field_name"


def test_other_pages_land_on_their_choice(qtbot, data_dir):
    window = open_window(qtbot, data_dir)
    complete_every_step(window.progress)
    window.progress.tick("pronote_net_avertissement", "compris", False)
    assert arrive(qtbot, window, "pronote_net_avertissement").objectName() == "ack"
    window.progress.tick("pronote_net_avertissement", "compris", True)
    assert arrive(qtbot, window, "export_mode").objectName() == "mode_complet"
    window.progress.forget_analysis()
    assert arrive(qtbot, window, "fichier").objectName() == "choose_file"
    complete_every_step(window.progress)  # the file analysed again, for the pages after it
    assert arrive(qtbot, window, "echecs").objectName() == "failures_count"
    assert arrive(qtbot, window, "fin") is window.button(QWizard.WizardButton.FinishButton)


def test_arrival_keeps_the_top_of_a_page_in_sight_when_nothing_is_left(qtbot, data_dir):
    window = open_window(qtbot, data_dir)
    window.resize(820, 520)
    complete_every_step(window.progress)
    arrive(qtbot, window, "fin")
    assert window.currentPage().scroll_area.verticalScrollBar().maximum() > 0  # the page does scroll at this size
    assert window.currentPage().scroll_area.verticalScrollBar().value() == 0


# -- Tab --------------------------------------------------------------------------------------------------------
def tab_stops(window, limit: int = 120) -> list[QWidget]:
    """Every widget Tab reaches, once round the window."""
    start = QApplication.focusWidget() or window.button(QWizard.WizardButton.CancelButton)
    start.setFocus(Qt.FocusReason.TabFocusReason)
    stops = [start]
    for _ in range(limit):
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        widget = QApplication.focusWidget()
        if widget is start:
            return stops
        stops.append(widget)
    raise AssertionError(f"Tab never came back: {[w.objectName() for w in stops[:30]]}")


def is_visible_control(widget: QWidget) -> bool:
    from PySide6.QtWidgets import QAbstractItemView, QAbstractScrollArea, QComboBox, QTextBrowser

    if widget is None or not widget.isVisible() or not widget.isEnabled():
        return False
    if isinstance(widget, QAbstractItemView) or isinstance(widget, QTextBrowser):
        return True  # a table or a text read with the keyboard
    if isinstance(widget, QAbstractScrollArea):
        return False  # the page's scroll area itself: an invisible stop
    return isinstance(widget, (QAbstractButton, QLineEdit, QComboBox))


@pytest.mark.parametrize("step", FIRST_WALK)
def test_tab_goes_through_visible_controls_only_and_down_the_page(qtbot, data_dir, step):
    window = open_window(qtbot, data_dir)
    complete_every_step(window.progress)
    arrive(qtbot, window, step)
    stops = tab_stops(window)
    invisible = [f"{type(w).__name__} {w.objectName()}" for w in stops if not is_visible_control(w)]
    assert not invisible, (step, invisible)
    body = window.currentPage().scroll_area.widget()
    # Round the window from where the page's controls begin (after the wizard's buttons).
    begin = next(i for i in range(len(stops)) if body.isAncestorOf(stops[i]) and not body.isAncestorOf(stops[i - 1]))
    on_page = [w for w in stops[begin:] + stops[:begin] if body.isAncestorOf(w)]
    tops = [w.mapTo(body, w.rect().topLeft()).y() for w in on_page]
    back_up = [(on_page[i].objectName(), on_page[i + 1].objectName()) for i in range(len(tops) - 1)
               if tops[i + 1] < tops[i] - 8]
    assert not back_up, (step, back_up)
    wizard_buttons = {window.button(b) for b in (QWizard.WizardButton.HelpButton, QWizard.WizardButton.CustomButton1,
                                                 QWizard.WizardButton.CancelButton)}
    assert wizard_buttons <= set(stops), step  # « Aide », « À propos », « Annuler » are reached too


# -- Alt+letters ------------------------------------------------------------------------------------------------
def mnemonic(text: str) -> str | None:
    index = 0
    while True:
        index = text.find("&", index)
        if index < 0 or index + 1 >= len(text):
            return None
        if text[index + 1] != "&":
            return text[index + 1].lower()
        index += 2


def alt_letters(window) -> dict[str, list[str]]:
    """Alt+letter → the visible controls (and buddies' labels) that answer it on the current page."""
    found: dict[str, list[str]] = {}

    def note(text: str, who: str) -> None:
        letter = mnemonic(text)
        if letter:
            found.setdefault(letter, []).append(f"{who} « {text} »")

    for button in window.findChildren(QAbstractButton):
        if button.isVisible() and button.text():
            note(button.text(), button.objectName() or type(button).__name__)
    for label in window.findChildren(QLabel):
        if label.isVisible() and label.buddy() is not None:
            note(label.text(), f"label of {label.buddy().objectName()}")
    for box in window.findChildren(QGroupBox):
        if box.isVisible():
            note(box.title(), box.objectName() or "group")
    return found


def every_page_state(window):
    """Each page of the first walk, then the school page's triage and the status board of later launches."""
    from tools.screenshots import server_answer

    for step in FIRST_WALK:
        window.go_to(step)
        yield step
    window.go_to("etablissement")
    window.currentPage().server._done(server_answer(window.progress.identity["pronote_url"], delegated=True,
                                                    purpose="address"))
    yield "etablissement+triage"
    window.progress.finish_walk()
    window.resume()
    yield "accueil+board"


@pytest.mark.parametrize("language", ["fr", "en"])
def test_no_two_controls_of_a_page_share_an_alt_letter(qtbot, data_dir, tmp_path, language):
    import shutil
    from pathlib import Path

    window = open_window(qtbot, data_dir, language)
    complete_every_step(window.progress)
    fixtures = Path(__file__).resolve().parents[1] / "matching" / "fixtures"
    shutil.copy(fixtures / "pronote.xml", tmp_path / "IdPN_To_KOSMOS.xml")
    as_checked(window.progress.cycle, tmp_path / "IdPN_To_KOSMOS.xml")
    clashes = {}
    for state in every_page_state(window):
        # A page's job ends before the page is left: leaving a page cancels its jobs (the file read again here).
        qtbot.waitUntil(lambda: not any(r.running for r in getattr(window.currentPage(), "runners", ())),
                        timeout=15000)
        if state == "rapprochement":  # with the account list loaded: the filters and decisions show
            preview = window.currentPage().preview
            preview.start(fixtures / "ent.csv")
            qtbot.waitUntil(lambda preview=preview: not preview.running, timeout=15000)
        QApplication.processEvents()
        shared = {letter: who for letter, who in alt_letters(window).items() if len(who) > 1}
        if shared:
            clashes[state] = shared
    assert not clashes, clashes


# -- focus mark --------------------------------------------------------------------------------------------------
def test_check_boxes_and_radio_buttons_show_their_focus(qtbot, data_dir):
    """The wrapping ticks have no text of their own, where the styles draw a check box's focus: the window's
    style sheet rings them in the highlight colour when they have the focus, and only then."""
    window = open_window(qtbot, data_dir)
    complete_every_step(window.progress)
    untick(window.progress, "ent_service")
    box = arrive(qtbot, window, "ent_service")
    assert isinstance(box, QCheckBox) and box.hasFocus()
    highlight = box.palette().highlight().color()
    focused = box.grab().toImage()
    assert focused.pixelColor(1, focused.height() // 2) == highlight
    box.clearFocus()
    unfocused = box.grab().toImage()
    assert unfocused.pixelColor(1, unfocused.height() // 2) != highlight
    complete_every_step(window.progress)
    radio = arrive(qtbot, window, "export_mode")
    assert isinstance(radio, QRadioButton) and radio.hasFocus()
    image = radio.grab().toImage()
    assert image.pixelColor(1, image.height() // 2) == radio.palette().highlight().color()


# -- Esc and « Annuler » ---------------------------------------------------------------------------------------
def answer_quit_question(answer: str, asked: list) -> None:
    """Answer the question QMessageBox asks when it shows (as the admin would click)."""
    def click():
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, click)
            return
        asked.append(box.text())
        for button in box.buttons():
            if button.text().replace("&", "") == answer:
                button.click()
                return
    QTimer.singleShot(20, click)


@pytest.mark.parametrize("how", ["escape", "cancel_button"])
def test_esc_and_annuler_say_the_progress_is_kept_then_close_or_stay(qtbot, data_dir, how):
    window = open_window(qtbot, data_dir)
    complete_every_step(window.progress)
    window.go_to("ent_acces")

    def press():
        if how == "escape":
            QTest.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_Escape)
        else:
            window.button(QWizard.WizardButton.CancelButton).click()

    asked = []
    answer_quit_question("Rester", asked)
    press()
    assert asked and "progression est enregistrée" in asked[0] and "reprendrez à cette page" in asked[0]
    assert window.isVisible() and window.current_step() == "ent_acces"
    answer_quit_question("Quitter", asked)
    press()
    assert len(asked) == 2 and not window.isVisible()


def test_the_check_brings_its_choice_into_sight_and_the_focus_onto_it(qtbot, data_dir):
    """At 150 % the triage opens below the fold: after « Vérifier le serveur PRONOTE » it is scrolled into view
    and the keyboard that started the check lands on the recommended option."""
    from tools.screenshots import server_answer

    window = open_window(qtbot, data_dir)
    window.resize(820, 520)
    complete_every_step(window.progress)
    window.progress.confirm_by_hand(False)
    arrive(qtbot, window, "etablissement")
    page = window.currentPage()
    page.server.button.setFocus()  # as after a click or Space on it
    page.server._done(server_answer(window.progress.identity["pronote_url"], delegated=True, purpose="address"))
    qtbot.waitUntil(lambda: page.choices["already"].hasFocus(), timeout=2000)
    viewport = page.scroll_area.viewport()
    top = page.triage.mapTo(viewport, page.triage.rect().topLeft()).y()
    assert 0 <= top and top + page.triage.height() <= viewport.height()


@pytest.mark.parametrize("step", ["accueil", "ent_service", "fin"])
def test_every_control_reached_by_tab_looks_focused(qtbot, data_dir, step):
    """Whatever Tab reaches on the page – tick, field, list, button – is drawn differently while it has the
    keyboard's focus (compared with the same control a moment later, the focus elsewhere)."""
    window = open_window(qtbot, data_dir)
    complete_every_step(window.progress)
    arrive(qtbot, window, step)
    body = window.currentPage().scroll_area.widget()
    stops = [w for w in tab_stops(window) if body.isAncestorOf(w)]
    cancel = window.button(QWizard.WizardButton.CancelButton)
    cancel.setFocus(Qt.FocusReason.MouseFocusReason)
    QApplication.processEvents()
    plain = {widget: widget.grab().toImage() for widget in stops}
    faint = []
    QTest.keyClick(cancel, Qt.Key.Key_Tab)  # real key presses: the styles mark the keyboard's focus only
    for _ in range(len(stops) * 3):
        widget = QApplication.focusWidget()
        if widget in plain:
            focused, before = widget.grab().toImage(), plain.pop(widget)
            changed = sum(focused.pixel(x, y) != before.pixel(x, y)
                          for x in range(focused.width()) for y in range(focused.height()))
            if changed < focused.width() + focused.height():  # at least half a frame around it
                faint.append(f"{type(widget).__name__} {widget.objectName()}: {changed}")
        QTest.keyClick(widget, Qt.Key.Key_Tab)
    assert not plain, "not reached by Tab"
    assert not faint, (step, faint)
