"""The real window used as an adversarial admin would: a finished pass looked at in the other language, a progress
file edited by hand within what the loader accepts, a count written the French way, a folder dropped for a file."""
from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

from PySide6.QtWidgets import QApplication

from tests.gui.helpers import next_button, open_window, type_into, written
from tests.gui.test_help import as_checked, complete_every_step

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "walk" / "IdPN_To_KOSMOS.xml"
CHECKED_AT = 1_788_000_000 * 10**9  # a file's time at its check: whole seconds, kept as set by every file system


def analysed_then_finished(qtbot, window, file: Path) -> dict:
    """The pass of the current school analyses `file`, then reaches « fin » (its pass is history)."""
    progress = window.progress
    complete_every_step(progress)
    progress.cycle["finished_at"] = None
    window.go_to("fichier")
    page = window.currentPage()
    page.analyse(file)
    qtbot.waitUntil(lambda: not page.task.running, timeout=20000)
    assert progress.cycle["analysis"]["counts"]["total"] > 0
    window.go_to("fin")
    assert progress.pass_finished
    return json.loads(json.dumps(progress.cycle))


def test_a_finished_pass_seen_in_the_other_language_shows_its_analysis_as_recorded(qtbot, data_dir, tmp_path):
    """Before: the file page of a finished pass, seen in English, read the file again and said « The analysis ended
    for a school or an import that no longer exists: its result was not saved », with no counts shown."""
    file = tmp_path / "IdPN_To_KOSMOS.xml"
    shutil.copy(FIXTURE, file)
    window = open_window(qtbot, data_dir)
    recorded = analysed_then_finished(qtbot, window, file)
    window.close()

    again = open_window(qtbot, data_dir, "en")
    again.go_to("fin")
    while again.current_step() != "fichier":
        again.back()
    page = again.currentPage()
    assert not page.task.running
    assert page.counts.isVisible() and page.counts.rowCount() >= 2
    assert "no longer exists" not in page.status.text() and page.status.objectName() != "analysis_status_warning"
    assert json.loads(json.dumps(again.progress.cycle)) == recorded  # history unchanged


def test_counts_and_sizes_beyond_64_bits_in_a_hand_edited_progress_file_show(qtbot, data_dir):
    """The loader takes any count ≥ 0. Before: a count of 10**20 (QLocale's toString takes 64 bits) or a size beyond
    a float raised OverflowError on the file page – the crash dialog instead of the page."""
    window = open_window(qtbot, data_dir)
    complete_every_step(window.progress)
    window.progress.cycle["finished_at"] = None
    window.progress.cycle["analysis"]["counts"] = {"eleve": 10**20, "total": 10**20}
    window.progress.cycle["file"]["size"] = 10**400
    window.progress.arrive_at("fichier")
    written(window.progress)
    window.close()
    QApplication.processEvents()

    again = open_window(qtbot, data_dir)  # (pytest-qt fails the test on an exception raised inside Qt)
    assert not again.recovery_message  # the loader took the document as it is
    again.go_to("fichier")
    page = again.currentPage()
    assert page.counts.item(page.counts.rowCount() - 1, 1).text() == "\u202f".join(["100"] + ["000"] * 6)
    assert " Go" in page.file_label.text()


def test_the_ents_count_written_the_french_way_is_taken(qtbot, data_dir):
    """The field takes « 1 575 » and « +5 » (its validator reads the language's grouping and sign). Before: the page
    then said « Saisissez le nombre d'identifiants… » as if nothing was typed, and « Suivant » stayed greyed."""
    window = open_window(qtbot, data_dir)
    complete_every_step(window.progress)
    window.progress.cycle["finished_at"] = None
    window.progress.cycle["analysis"]["counts"] = {"total": 1575}
    window.go_to("import_ent")
    page = window.currentPage()
    for typed, number in (("1 575", 1575), ("1\u202f575", 1575), ("+5", 5)):
        type_into("reported_count", typed)
        assert page.count.text() == typed
        assert window.progress.cycle["reported_count"] == number, typed
        assert next_button(window).isEnabled() and not page.reason.isVisible()


def test_the_failures_count_written_the_french_way_is_noted(qtbot, data_dir):
    """Before: the field took « 1 575 » and « Noter ce nombre » answered « … s'écrit en chiffres, par exemple 12 »."""
    window = open_window(qtbot, data_dir)
    complete_every_step(window.progress)
    window.go_to("echecs")
    page = window.currentPage()
    type_into("failures_count", "1 575")
    assert page.count.text() == "1 575" and next_button(window).isEnabled()
    page.note.click()
    assert window.progress.school["failures"][-1]["count"] == 1575
    assert page.message.objectName() == "failures_message_ok"


def test_a_folder_or_a_vanished_file_is_announced(qtbot, data_dir, tmp_path, heard):
    """The error comes away from the focus (the file dialog has closed, or a folder was dropped): before, it was shown
    but never said to a screen reader, whose user heard nothing happen."""
    window = open_window(qtbot, data_dir)
    complete_every_step(window.progress)
    window.progress.cycle["finished_at"] = None
    window.go_to("fichier")
    page = window.currentPage()
    for chosen in (tmp_path, tmp_path / "disparu.xml"):
        heard.clear()
        page.analyse(chosen)
        qtbot.waitUntil(lambda: bool(heard), timeout=2000)
        assert heard == [(page.status.text(), True)] and "rien n'a été changé" in page.status.text()


def test_an_analysis_that_ends_for_another_school_is_announced(qtbot, data_dir, tmp_path, monkeypatch, heard):
    """Where its result went (« … rattaché à cet établissement, pas à celui affiché ») is a status change
    away from the focus: before, shown only."""
    from tests.gui.test_jobs import Gate, two_schools_on_the_file_page
    from wizard.pages import fichier

    window, progress, first, second, copy = two_schools_on_the_file_page(qtbot, data_dir, tmp_path)
    gate = Gate(fichier.run_analysis)
    monkeypatch.setattr(fichier, "run_analysis", gate)
    page = window.currentPage()
    page.analyse(copy)
    assert gate.started.wait(10)
    progress.switch_school(second)
    QApplication.processEvents()  # « Analyse … en cours… », said at the next turn of the event loop
    heard.clear()
    gate.go.set()
    qtbot.waitUntil(lambda: not page.task.running and "pas à celui affiché" in page.status.text(), timeout=20000)
    qtbot.waitUntil(lambda: bool(heard), timeout=2000)
    assert heard == [(page.status.text(), False)]


def checked_on_the_file_page(qtbot, data_dir, file: Path):
    """The window of a school whose walk is done and whose pass is open again, `file` checked on the file page."""
    window = open_window(qtbot, data_dir)
    complete_every_step(window.progress)
    window.progress.cycle["finished_at"] = None
    window.go_to("fichier")
    page = window.currentPage()
    page.analyse(file)
    qtbot.waitUntil(lambda: not page.task.running, timeout=20000)
    return window


def test_a_file_exported_again_after_its_check_is_checked_again(qtbot, data_dir, tmp_path):
    """PRONOTE writes its export under the same name each time. Before: a file replaced after its check went on as
    verified – the import page said to import « le fichier vérifié », the file page showed the old verdict."""
    file = tmp_path / "IdPN_To_KOSMOS.xml"
    shutil.copy(FIXTURE, file)
    window = checked_on_the_file_page(qtbot, data_dir, file)
    assert window.progress.cycle["analysis"]["errors"] == 0

    file.write_text("<?xml version='1.0'?><PARTENAIRE_INDEX/>", encoding="utf-8")  # exported again: nobody in it
    window.go_to("import_ent")
    warning = window.currentPage().file_changed
    assert warning.isVisible() and "IdPN_To_KOSMOS.xml" in warning.text() and "a changé" in warning.text()

    window.go_to("fichier")
    page = window.currentPage()
    qtbot.waitUntil(lambda: not page.task.running, timeout=20000)
    assert page.status.objectName() == "analysis_status_error"
    assert window.progress.cycle["analysis"] is None  # nobody in it: no analysis stands
    assert not next_button(window).isEnabled()


def failures_page_on_noter(qtbot, data_dir, count: str):
    """The failures page of a school whose walk is done, `count` typed, the keyboard on « Noter ce nombre »."""
    from tests.gui.helpers import tab_to

    window = open_window(qtbot, data_dir)
    complete_every_step(window.progress)
    window.go_to("echecs")
    type_into("failures_count", count)
    tab_to(lambda widget: widget.objectName() == "note_failures")
    return window, window.currentPage()


def test_noter_ce_nombre_pressed_twice_keeps_its_confirmation(qtbot, data_dir, heard):
    """A double-click, or Space pressed twice, on « Noter ce nombre ». Before: the second press found the field
    emptied by the first and replaced « Noté : 12 le … » by the error « Saisissez le nombre … », said aloud."""
    from PySide6.QtCore import Qt

    from tests.gui.helpers import press

    window, page = failures_page_on_noter(qtbot, data_dir, "12")
    press(Qt.Key.Key_Space)
    press(Qt.Key.Key_Space)
    QApplication.processEvents()
    assert [entry["count"] for entry in window.progress.school["failures"]] == [12]
    assert page.message.objectName() == "failures_message_ok" and "Noté\xa0: 12" in page.message.text()
    assert not [text for text, assertive in heard if assertive]
    # With nothing noted just before, the empty field still gets its sentence.
    page.unnote.click()
    page.note.click()
    assert page.message.objectName() == "failures_message_error"


def test_a_button_that_hides_itself_leaves_the_keyboard_on_the_page(qtbot, data_dir):
    """« Retirer le dernier nombre noté » (the last one) and « Utiliser le nom … » hide once pressed. Before: the
    focus went on to « Précédent », where the next Space left the page."""
    from PySide6.QtCore import Qt

    from tests.gui.helpers import focused, press, tab_to
    from tools.screenshots import server_answer

    window, page = failures_page_on_noter(qtbot, data_dir, "12")
    press(Qt.Key.Key_Space)
    tab_to(lambda widget: widget.objectName() == "unnote_failures")
    press(Qt.Key.Key_Space)
    assert window.progress.school["failures"] == [] and not page.unnote.isVisible()
    assert focused() is page.count

    window.go_to("etablissement")
    page = window.currentPage()
    page.server._done(server_answer(window.progress.identity["pronote_url"], delegated=False, purpose="address"))
    assert page.use_name.isVisible()
    tab_to(lambda widget: widget is page.use_name)
    press(Qt.Key.Key_Space)
    assert window.progress.identity["name"] == "LYCEE JEAN MOULIN"
    assert focused() is page.fields["name"]


def test_passer_a_l_import_complet_leaves_the_keyboard_on_the_file_button(qtbot, data_dir):
    """The partial export listed everybody; « Passer à l'import complet » hides with its sentence. Before: the
    focus went on to « Précédent » (the file itself gone: nothing else took it)."""
    from PySide6.QtCore import Qt

    from tests.gui.helpers import focused, press, tab_to
    from wizard.core import flow

    window = open_window(qtbot, data_dir)
    complete_every_step(window.progress)
    cycle = window.progress.cycle
    cycle["finished_at"] = None
    cycle["mode"] = cycle["analysis"]["mode"] = "partiel"
    cycle["analysis"]["finding_counts"] = {"tous_deja_importes": 1}
    for item in flow.checklist("export_pronote", "partiel"):
        window.progress.tick("export_pronote", item["id"], True)
    window.go_to("fichier")
    page = window.currentPage()
    assert page.to_full.isVisible()
    tab_to(lambda widget: widget is page.to_full)
    press(Qt.Key.Key_Space)
    assert window.progress.cycle["mode"] == "complet" and not page.everybody.isVisible()
    assert focused() is page.choose


def test_back_shows_the_school_as_the_other_pages_use_it(qtbot, data_dir):
    """What goes forward is the settled form (etablissement.validate). Before: Back showed the text as typed –
    « 0301746k » with spaces, …/eleve.html, a pasted line break – while the next pages, and the same page once
    the app reopened, showed 0301746K and the address without its page."""
    from tests.gui.helpers import go_next_by_keyboard

    window = open_window(qtbot, data_dir)
    go_next_by_keyboard(window)
    page = window.currentPage()
    typed = {"name": "  Collège\nVia Domitia ", "uai": " 0301746k ",
             "pronote_url": "https://0301746K.index-education.net/pronote/eleve.html?login=true"}
    for key, text in typed.items():
        page.fields[key].setText(text)  # as pasted
    go_next_by_keyboard(window)
    assert window.current_step() == "ent_service"
    window.back()
    identity = window.progress.identity
    assert identity["uai"] == "0301746K" and identity["pronote_url"] == "https://0301746k.index-education.net/pronote/"
    assert {key: page.fields[key].text() for key in typed} == {key: identity[key] for key in typed}
    assert "Adresse retenue" in page.url_message.text() and next_button(window).isEnabled()


def test_back_from_the_end_of_the_first_walk_to_the_welcome_page_shows_the_board(qtbot, data_dir, monkeypatch):
    """The first walk, by keyboard, to « Terminé », then « Précédent » to the first page. Before: the window took
    the page for the board (the walk was finished), hid « Suivant », and asked a board never made for its entry
    due – AttributeError, the unexpected-error dialog, and a page with no way on."""
    from PySide6.QtCore import Qt

    from tests.gui.helpers import press
    from tests.gui.test_walk import walk_to_end

    window = open_window(qtbot, data_dir)
    walk_to_end(window, qtbot, monkeypatch)
    while window.current_step() != "accueil":
        window.back()  # « Précédent » (its Alt+P clicks it after an animation: slow to wait for, page by page)
    page = window.currentPage()
    assert page.board_box is not None and page.board_box.isVisible()
    assert page.primary is not None and page.primary.isVisible() and page.primary.isDefault()
    assert not next_button(window).isVisible()
    press(Qt.Key.Key_Return)  # the entry due: a partial import, the full one being done
    assert window.current_step() == "export_mode"


def test_a_failures_count_typed_then_precedent_is_still_there(qtbot, data_dir):
    """« Back never loses what was typed » (DESIGN.md). Before: a count typed on the failures page, then
    « Précédent » to the board (or to the matching page) and back, was gone – never noted, nothing said."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QWizard

    from tests.gui.helpers import press, tab_to
    from tests.gui.test_board_entries import finished_school, press_entry
    from wizard.core import status

    window = finished_school(qtbot, data_dir)
    press_entry(window, status.FAILURES)
    assert window.current_step() == "echecs"
    type_into("failures_count", "7")
    type_into("failures_day", "01/12/2026")
    back = window.button(QWizard.WizardButton.BackButton)
    tab_to(lambda widget: widget is back)
    press(Qt.Key.Key_Space)
    assert window.current_step() == "accueil" and window.progress.school["failures"] == []
    press_entry(window, status.FAILURES)
    page = window.currentPage()
    assert (page.count.text(), page.day.text()) == ("7", "01/12/2026")
    tab_to(lambda widget: widget.objectName() == "note_failures")
    press(Qt.Key.Key_Space)
    assert [(e["day"], e["count"]) for e in window.progress.school["failures"]] == [("2026-12-01", 7)]
    # Noted: the next visit starts empty again, on today's date.
    window.back()
    press_entry(window, status.FAILURES)
    assert window.currentPage().count.text() == ""


def test_the_matching_table_of_one_school_never_shows_on_anothers_page(qtbot, data_dir, tmp_path):
    """School A's ENT list compared on its matching page; back to the first page, school B chosen, on to B's
    matching page. Before: A's table – names, birth dates, identifiers – and A's counts were still there."""
    from tests.gui.test_jobs import FIXTURE, two_schools_on_the_file_page
    from tests.gui.test_matching_page import FIXTURES

    window, progress, first, second, copy = two_schools_on_the_file_page(qtbot, data_dir, tmp_path)
    for school in (first, second):
        as_checked(progress.doc["schools"][school]["cycle"], FIXTURE)
    window.go_to("rapprochement")
    preview = window.currentPage().preview
    preview.start(FIXTURES / "ent.csv")
    qtbot.waitUntil(lambda: not preview.running and not preview.filtering, timeout=15000)
    assert preview.model.rowCount() > 0 and preview.result_part.isVisible()

    window.go_to("accueil")
    combo = window.currentPage().school_combo
    combo.setCurrentIndex(combo.findData(second))
    combo.activated.emit(combo.currentIndex())  # as chosen in the list
    assert progress.school["id"] == second
    window.go_to("rapprochement")
    preview = window.currentPage().preview
    assert preview.model.rowCount() == 0 and not preview.result_part.isVisible()
    assert not preview.status.isVisible() and preview.csv_path is None


def test_the_matching_refuses_a_pronote_file_exported_again_since_its_check(qtbot, data_dir, tmp_path):
    """Before: the matching read the file at the recorded path as it is now – re-exported since, it matched a
    file never checked, silently."""
    from tests.gui.test_matching_page import FIXTURES

    window = open_window(qtbot, data_dir)
    complete_every_step(window.progress)
    pronote = tmp_path / "IdPN_To_KOSMOS.xml"
    shutil.copy(FIXTURES / "pronote.xml", pronote)
    as_checked(window.progress.cycle, pronote)
    window.go_to("rapprochement")
    preview = window.currentPage().preview
    with pronote.open("a", encoding="utf-8") as again:
        again.write("\n<!-- exporté de nouveau -->\n")
    preview.start(FIXTURES / "ent.csv")
    qtbot.waitUntil(lambda: not preview.running, timeout=15000)
    assert preview.result is None and preview.status.objectName() == "matching_status_error"
    assert "a changé depuis sa vérification" in preview.status.text()
    assert "Vérifier le fichier des identifiants" in preview.status.text()


def another_export_of_the_same_size(path: Path, mtime_ns: int) -> None:
    """PRONOTE's next export over `path`: one letter of a name differs, the size is the same, written at
    `mtime_ns` (a copy keeps the first file's time)."""
    data = path.read_bytes()
    at = data.index(b'Nom="') + len(b'Nom="')
    other = data[:at] + (b"Y" if data[at:at + 1] == b"Z" else b"Z") + data[at + 1:]
    path.write_bytes(other)
    os.utime(path, ns=(mtime_ns, mtime_ns))


def test_a_file_exported_again_at_the_same_size_is_checked_again(qtbot, data_dir, tmp_path):
    """Before: only the size told a re-export – another export of the very same size kept the first one's verdict
    on the file page, and the import page said to import « le fichier vérifié ». Its time tells it now."""
    file = tmp_path / "IdPN_To_KOSMOS.xml"
    shutil.copy(FIXTURE, file)
    os.utime(file, ns=(CHECKED_AT, CHECKED_AT))
    window = checked_on_the_file_page(qtbot, data_dir, file)
    first = window.progress.cycle["file"]["sha256"]
    assert window.progress.cycle["file"]["mtime_ns"] == CHECKED_AT

    another_export_of_the_same_size(file, CHECKED_AT + 4 * 10**9)
    window.go_to("import_ent")
    warning = window.currentPage().file_changed
    assert warning.isVisible() and "a changé" in warning.text()
    window.go_to("fichier")
    page = window.currentPage()
    qtbot.waitUntil(lambda: not page.task.running, timeout=20000)
    assert window.progress.cycle["file"]["sha256"] not in ("", first)  # the new export, checked
    assert window.progress.cycle["file"]["mtime_ns"] == CHECKED_AT + 4 * 10**9


def test_the_matching_refuses_a_file_rewritten_at_the_same_size_and_time_since_its_check(qtbot, data_dir, tmp_path):
    """Before: the matching refused a file whose size had changed, and matched a same-size export copied over the
    one checked with its time kept – people never checked nor imported, shown and counted as the school's."""
    from tests.gui.test_matching_page import FIXTURES

    window = open_window(qtbot, data_dir)
    complete_every_step(window.progress)
    pronote = tmp_path / "IdPN_To_KOSMOS.xml"
    shutil.copy(FIXTURES / "pronote.xml", pronote)
    os.utime(pronote, ns=(CHECKED_AT, CHECKED_AT))
    as_checked(window.progress.cycle, pronote)
    matching_before = json.loads(json.dumps(window.progress.school["matching"]))
    window.go_to("rapprochement")
    preview = window.currentPage().preview
    another_export_of_the_same_size(pronote, CHECKED_AT)
    preview.start(FIXTURES / "ent.csv")
    qtbot.waitUntil(lambda: not preview.running, timeout=15000)
    assert preview.result is None and preview.model.rowCount() == 0 and not preview.result_part.isVisible()
    assert preview.status.objectName() == "matching_status_error"
    assert "a changé depuis sa vérification" in preview.status.text()
    assert "Vérifier le fichier des identifiants" in preview.status.text()
    assert window.progress.school["matching"] == matching_before  # no count of it kept


def test_an_accented_server_name_is_shown_in_the_form_the_assistant_uses(qtbot, data_dir):
    """Before: « https://collège-exemple.index-education.net/pronote/ » was refused (« pas de nom de serveur
    valide ») while its xn-- form was accepted. Now the page shows the address retained, in its xn-- form, with a
    sentence saying why; the CAS URL to type in the ENT is the same ASCII form."""
    from tests.gui.helpers import go_next_by_keyboard
    from wizard.core.typography import plain

    window = open_window(qtbot, data_dir)
    go_next_by_keyboard(window)
    page = window.currentPage()
    for key, text in {"name": "Collège Exemple", "uai": "0301746K",
                      "pronote_url": "https://collège-exemple.index-education.net/pronote/eleve.html"}.items():
        page.fields[key].setText(text)
    shown = plain(page.url_message.text())
    assert shown.startswith("Adresse retenue : https://xn--collge-exemple-yjb.index-education.net/pronote/\n")
    assert "« collège-exemple.index-education.net » s'écrit « xn--collge-exemple-yjb" in shown
    assert next_button(window).isEnabled()
    go_next_by_keyboard(window)
    assert window.current_step() == "ent_service"
    assert window.progress.identity["pronote_url"] == "https://xn--collge-exemple-yjb.index-education.net/pronote/"
