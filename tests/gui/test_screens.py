"""Every screen and scale (issue 12, item 2): every page, with realistic content, on a 1280×800 screen at 150 %
scaling, on 1024×768 at 100 % and on 1366×768 at 125 %: the window inside the screen's available area, « Suivant »
on screen, the page filling its place, one scrolling area (no scroll bar inside it, none sideways), copy fields
showing their whole value, text using the page's width – at the size the window opens and at its smallest.

A screen size and a scale are fixed when Qt starts, so each configuration runs in a fresh process: the offscreen
platform takes its screens from a JSON file (`-platform offscreen:configfile=…`, see qoffscreenintegration.cpp),
QT_SCALE_FACTOR scales it; the process prints its measurements as JSON."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from wizard.core.typography import plain

ROOT = Path(__file__).resolve().parents[2]
# (screen width, height in device pixels, scale, language): 1280×800 at 150 % leaves 853×533 logical pixels;
# English words are longer or shorter than French ones.
CONFIGS = {"1280x800@150": (1280, 800, 1.5, "fr"), "1024x768@100": (1024, 768, 1.0, "fr"),
           "1366x768@125": (1366, 768, 1.25, "fr"), "1280x800@150-en": (1280, 800, 1.5, "en")}
PAGES = ["accueil", "etablissement", "ent_service", "ent_acces", "pronote_net_avertissement", "pronote_net",
         "export_mode", "export_pronote", "fichier", "import_ent", "rapprochement", "echecs", "fin",
         "etablissement+triage", "accueil+board"]


def run_measurements(config: str, tmp_path: Path) -> dict:
    width, height, scale, language = CONFIGS[config]
    screens = tmp_path / "screens.json"
    screens.write_text(json.dumps({"screens": [{"name": "ecran", "x": 0, "y": 0, "width": width, "height": height,
                                                "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1.0}]}),
                       encoding="utf-8")
    # The file is named relative to the process's folder: Qt splits the platform's options at each colon, and a
    # Windows path has one after its drive letter (« configfile=C:\… » would name a file « C »).
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen:configfile=screens.json", "QT_SCALE_FACTOR": str(scale),
           "PRONOTE_ENT_WIZARD_LOG_DIR": str(tmp_path / "logs"),
           "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
    code = f"from tests.gui.test_screens import measure_every_page; measure_every_page({language!r})"
    done = subprocess.run([sys.executable, "-c", code], cwd=screens.parent, env=env, capture_output=True, text=True,
                          timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.fixture(scope="module", params=list(CONFIGS))
def measured(request, tmp_path_factory):
    return request.param, run_measurements(request.param, tmp_path_factory.mktemp(request.param))


def test_every_page_was_measured(measured):
    config, found = measured
    assert sorted(found["pages"]) == sorted(PAGES), config
    width, height, scale, _language = CONFIGS[config]
    assert found["screen"] == [0, 0, round(width / scale), round(height / scale)]


@pytest.mark.parametrize("size", ["opened", "smallest"])
def test_window_inside_the_screen_and_next_on_it(measured, size):
    config, found = measured
    sx, sy, sw, sh = found["screen"]
    for page, sizes in found["pages"].items():
        seen = sizes[size]
        x, y, w, h = seen["frame"]
        assert sx <= x and sy <= y and x + w <= sx + sw and y + h <= sy + sh, (config, page, seen["frame"])
        nx, ny, nw, nh = seen["next"]
        assert seen["next_visible"], (config, page)
        assert x <= nx and y <= ny and nx + nw <= x + w and ny + nh <= y + h, (config, page, seen["next"])
    if size == "smallest":  # works down to 800×500 logical pixels, or the whole screen when it is smaller
        w, h = found["pages"]["accueil"]["smallest"]["frame"][2:]
        assert w <= max(800, sw) + 2 and h <= max(500, sh) + 30, (config, w, h)


@pytest.mark.parametrize("size", ["opened", "smallest"])
def test_one_scrolling_area_filling_the_page(measured, size):
    config, found = measured
    for page, sizes in found["pages"].items():
        seen = sizes[size]
        assert not seen["nested_scrolling"], (config, page, seen["nested_scrolling"])
        assert not seen["sideways"], (config, page, "the page scrolls sideways", seen["too_wide"])
        assert seen["page_height"] >= seen["frame_height"] - 8, (config, page, "blank under the page")


@pytest.mark.parametrize("size", ["opened", "smallest"])
def test_copy_fields_show_their_whole_value_and_text_uses_the_width(measured, size):
    config, found = measured
    for page, sizes in found["pages"].items():
        seen = sizes[size]
        assert not seen["clipped_values"], (config, page, seen["clipped_values"])
        assert not seen["narrow_texts"], (config, page, seen["narrow_texts"])
    values = found["pages"]["ent_service"][size]["values"]
    assert {"value_service_title", "value_pronote_url", "value_cas_url"} <= set(values), values


# -- in the subprocess ---------------------------------------------------------------------------------------
def measure_every_page(language: str) -> None:
    """Fill a school as an admin would (a real file with warnings, the ENT's account list loaded), take the
    window to every page, and print what the tests above check, as JSON."""
    import random
    import shutil
    import tempfile

    from PySide6.QtWidgets import QApplication

    from tests.gui.test_help import complete_every_step
    from tools.screenshots import demo_people, server_answer, write_ent_list, write_pronote_file
    from wizard.app import create_window
    from wizard.core import flow
    from wizard.core.filecheck import analysis_record, run_analysis

    app = QApplication([sys.argv[0]])
    work = Path(tempfile.mkdtemp())
    rng = random.Random(12)
    people = demo_people(rng)
    write_pronote_file(people, work / "IdPN_To_KOSMOS.xml")
    write_ent_list(people, work / "comptes.csv", rng)
    window = create_window(work / "data", language)
    window.show()
    pages = {"accueil": both_sizes(app, window)}  # as a first launch opens
    progress = window.progress
    complete_every_step(progress)
    info, found = run_analysis(work / "IdPN_To_KOSMOS.xml", progress.school, "complet", advance=lambda f: None,
                               cancelled=lambda: False)
    progress.record_analysis(info, analysis_record(found, "complet"))
    progress.read_warnings(True)
    progress.type_reported_count(found.counts["total"])
    for step in flow.path_to("fin", progress.school)[1:]:
        window.go_to(step)
        if step == "rapprochement":
            preview = window.currentPage().preview
            preview.start(work / "comptes.csv")
            settle(app, until=lambda preview=preview: not preview.running)
            preview.details_button.setChecked(True)  # the widest the table gets
        pages[step] = both_sizes(app, window)
    window.go_to("etablissement")
    page = window.currentPage()
    page.fields["name"].setText("Collège Via Domitia, Manduel")  # the server's name differs: « Utiliser ce nom »
    page.server._done(server_answer(progress.identity["pronote_url"], delegated=True, purpose="address"))
    pages["etablissement+triage"] = both_sizes(app, window)
    progress.finish_walk()
    window.resume()
    pages["accueil+board"] = both_sizes(app, window)
    screen = window.screen().availableGeometry()
    window.close()
    shutil.rmtree(work, ignore_errors=True)  # the made-up names go with the process
    print(json.dumps({"screen": [screen.x(), screen.y(), screen.width(), screen.height()], "pages": pages}))


def settle(app, until=lambda: True, limit: float = 60.0) -> None:
    import time

    end = time.monotonic() + limit
    for _ in range(5):
        app.processEvents()
    while not until() and time.monotonic() < end:
        app.processEvents()
        time.sleep(0.02)
    for _ in range(5):
        app.processEvents()


def both_sizes(app, window) -> dict:
    opened = window.size()
    settle(app)
    seen = {"opened": measure_page(window)}
    window.resize(window.minimumSize())
    settle(app)
    seen["smallest"] = measure_page(window)
    window.resize(opened)
    settle(app)
    return seen


def measure_page(window) -> dict:
    from PySide6.QtCore import QPoint
    from PySide6.QtGui import QFontMetrics
    from PySide6.QtWidgets import QAbstractScrollArea, QLabel, QWizard

    from wizard.gui.widgets import Notice

    page = window.currentPage()
    body = page.scroll_area.widget()
    which = QWizard.WizardButton.FinishButton if window.current_step() == "fin" else QWizard.WizardButton.NextButton
    button = window.button(which)
    if getattr(page, "board_box", None) is not None and page.board_box.isVisible():
        button = page.primary  # the board's way forward is the entry due (« Suivant » is not there: issue 19)
    corner = button.mapToGlobal(QPoint(0, 0))
    frame = window.frameGeometry()
    nested = [area.objectName() or type(area).__name__ for area in body.findChildren(QAbstractScrollArea)
              if area.isVisibleTo(body) and (area.verticalScrollBar().isVisible()
                                             or area.horizontalScrollBar().isVisible())]
    clipped, values = [], []
    for label in body.findChildren(QLabel):
        if not (label.objectName().startswith("value_") and label.isVisibleTo(body)):
            continue
        values.append(label.objectName())
        room = label.contentsRect().width() - 2 * label.margin() - 12  # the style sheet's padding
        longest = max((QFontMetrics(label.font()).horizontalAdvance(word) for word in label.text().split()), default=0)
        if label.height() < label.heightForWidth(label.width()) or longest > room:
            clipped.append(label.objectName())
    # Texts meant to read across the page: the checklist's actions and the notices directly on the page.
    narrow = []
    for label in body.findChildren(QLabel):
        if not label.isVisibleTo(body) or not label.text():
            continue
        if type(label).__name__ == "_ClickLabel" or (isinstance(label, Notice) and label.parentWidget() is body):
            if label.width() < 0.7 * body.width():
                narrow.append(f"{label.objectName() or type(label).__name__}: {label.width()} of {body.width()}")
    too_wide = [f"{child.objectName() or type(child).__name__} {child.minimumSizeHint().width()}"
                for child in body.children() if hasattr(child, "minimumSizeHint") and child.isVisibleTo(body)
                and child.minimumSizeHint().width() > page.scroll_area.viewport().width()]
    return {
        "frame": [frame.x(), frame.y(), frame.width(), frame.height()],
        "next": [corner.x(), corner.y(), button.width(), button.height()],
        "next_visible": button.isVisible(),
        "page_height": page.height(),
        "frame_height": page.parentWidget().height(),
        "nested_scrolling": nested,
        "sideways": page.scroll_area.horizontalScrollBar().isVisible(),
        "too_wide": too_wide,
        "clipped_values": clipped,
        "values": values,
        "narrow_texts": narrow,
    }


# -- the file dialog -----------------------------------------------------------------------------------------
def test_the_file_dialog_is_french_and_opens_in_downloads(qtbot, data_dir, tmp_path, monkeypatch):
    """On Linux Qt's own dialog (not the desktop's, which may not follow the wizard's language), every label in French –
    two of them Qt's French translation misses – opening in the Downloads folder rather than at the disk's root."""
    from PySide6.QtCore import QStandardPaths, QTimer
    from PySide6.QtWidgets import QApplication, QFileDialog, QLabel

    from tests.gui.helpers import open_window
    from wizard.gui import files

    downloads = tmp_path / "Téléchargements"
    downloads.mkdir()
    real = QStandardPaths.writableLocation
    monkeypatch.setattr(QStandardPaths, "writableLocation", lambda where: str(downloads) if where ==
                        QStandardPaths.StandardLocation.DownloadLocation else real(where))
    window = open_window(qtbot, data_dir)
    seen = {}

    def look():
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QFileDialog):
            QTimer.singleShot(20, look)
            return
        seen["folder"] = dialog.directory().absolutePath()
        seen["labels"] = [label.text() for label in dialog.findChildren(QLabel) if label.isVisible()]
        seen["native"] = dialog.testOption(QFileDialog.Option.DontUseNativeDialog)
        dialog.reject()

    QTimer.singleShot(20, look)
    assert files.open_file(window, "Fichier des identifiants PRONOTE", "Fichier XML (*.xml)") == ""
    assert Path(seen["folder"]) == downloads  # Qt writes « / » where Windows writes « \ »
    # Qt's own dialog on Linux; Windows and macOS ask for theirs (which offscreen Qt replaces with its own).
    assert seen["native"] is not sys.platform.startswith(("win", "darwin"))
    assert {"Voir dans\u00a0:", "Fichiers de type\u00a0:", "&Nom de fichier\u00a0:"} <= set(seen["labels"]), seen


# -- what shows, and where -------------------------------------------------------------------------------------
def test_controls_that_need_data_appear_with_it(qtbot, data_dir):
    from tests.gui.helpers import open_window
    from tests.gui.test_help import complete_every_step

    window = open_window(qtbot, data_dir)
    window.next()
    school = window.currentPage()
    # Under the UAI and address fields, the expected format before anything is typed (RGAA 11.10: not only in a
    # placeholder, issue 23), then the verdict; each is also its field's accessible description.
    for message, field in ((school.uai_message, "uai"), (school.url_message, "pronote_url")):
        assert message.isVisible() and plain(message.text()).startswith("Format attendu : ")
        assert school.fields[field].accessibleDescription() == message.text()
    school.fields["uai"].setText("0301746K")
    assert school.uai_message.objectName() == "uai_message_ok" and school.uai_message.text() == "✓ Code UAI valide."
    assert school.fields["uai"].accessibleDescription() == school.uai_message.text()
    school.fields["uai"].setText("0301746X")
    assert school.uai_message.objectName() == "uai_message_error"
    assert school.fields["uai"].accessibleDescription() == school.uai_message.text()
    assert not school.triage.isVisible() and not school.use_name.isVisible()
    complete_every_step(window.progress)
    window.progress.forget_analysis()
    window.go_to("fichier")
    page = window.currentPage()
    assert not [w.objectName() for w in (page.counts, page.filter_row, page.findings, page.details_button,
                                         page.read_warnings) if w.isVisible()]
    complete_every_step(window.progress)
    window.go_to("rapprochement")
    assert not window.currentPage().preview.result_part.isVisible()  # no filter before the account list


def test_the_side_panel_puts_the_skipped_parts_where_the_path_jumps_them(data_dir):
    from wizard.core.progress import Progress
    from wizard.core.store import ProgressStore
    from wizard.gui.steps_panel import panel_lines

    store = ProgressStore(data_dir)
    store.acquire()
    progress = Progress.open(store)
    progress.declare_already_connected(verified=True)
    rows = panel_lines(progress.school, "export_mode")
    assert [plain(text) for _kind, text in rows[:4]] == [
        "Bienvenue", "Votre établissement", "Parties 1 et 2 : déjà faites", "Partie 3 – Identifiants"]
    assert rows[2][0] == "skipped" and rows[4] == ("current", "Import complet ou partiel")
    assert rows[-1] == ("todo", "Terminé")
    progress.finish_walk()
    assert panel_lines(progress.school, "accueil")[-1] == ("done", "Terminé")
