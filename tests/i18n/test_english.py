"""The English window: every page walked, no French text left and one kind of quotes (the rules of
tests/i18n/english.py, on what the admin actually sees: values filled in, a file analysed, a matching preview, the
triage and the status board); the .ts files complete; the choice remembered."""
import errno
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QTableWidget,
    QWizard,
)

from tests.gui.helpers import open_window, written
from tests.gui.test_help import as_checked, complete_every_step
from tests.i18n.english import french_leaks, help_text, quote_faults
from wizard.core import flow, i18n
from wizard.core.matching.entcsv import EntCsvError, read_ent_csv
from wizard.gui.about import about_box
from wizard.gui.crash_dialog import CrashDialog
from wizard.gui.network_settings import NetworkSettings

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "translations" / "wizard_en.ts"
FIXTURES = ROOT / "tests" / "fixtures"
MATCHING = ROOT / "tests" / "matching" / "fixtures"


@pytest.fixture(autouse=True)
def back_to_french():
    yield
    i18n.install(None, "fr")


def french_fragments() -> set[str]:
    """Pieces of every French source text that English must not show (values between braces left out)."""
    fragments = set()
    for message in ET.parse(TS).getroot().iter("message"):
        source, translation = message.findtext("source"), message.findtext("translation")
        if source == translation:
            continue  # « Parent », « Message », « PDF (*.pdf) » are the same words in both languages
        for piece in re.split(r"\{[^}]*\}|\n", source):
            piece = piece.replace("&", "").strip(" :;.,•")
            if len(piece) >= 12:
                fragments.add(piece)
    return fragments


def visible_texts(window) -> list[str]:
    page = window.currentPage()
    texts = [window.windowTitle(), page.title(), page.subTitle()]
    for widget in page.findChildren(QLabel) + window.sideWidget().findChildren(QLabel):
        # ent_verbatim_*: lines reproduced exactly as the ENT shows them, in its own (French) words.
        if widget.isVisibleTo(widget.window()) and not widget.objectName().startswith("ent_verbatim"):
            texts += [widget.text(), widget.accessibleName()]
    for widget in page.findChildren(QAbstractButton):
        texts += [widget.text(), widget.accessibleName()]
    for widget in page.findChildren(QLineEdit):
        texts += [widget.placeholderText(), widget.accessibleName()]
    for widget in page.findChildren(QGroupBox):
        texts.append(widget.title())
    for widget in page.findChildren(QComboBox):
        texts += [widget.itemText(i) for i in range(widget.count())] + [widget.accessibleName()]
    for table in page.findChildren(QTableWidget):
        headers = [table.horizontalHeaderItem(i).text() for i in range(table.columnCount())]
        texts += headers
        # Every cell but the people's names (the preview's PRONOTE and ENT columns): counts, levels, findings,
        # statuses, reasons and decisions are the assistant's words.
        columns = [i for i, header in enumerate(headers) if header not in ("PRONOTE", "ENT")]
        texts += [table.item(row, column).text() for row in range(table.rowCount()) for column in columns
                  if table.item(row, column) is not None]
    for button in (QWizard.WizardButton.NextButton, QWizard.WizardButton.BackButton,
                   QWizard.WizardButton.CancelButton, QWizard.WizardButton.HelpButton):
        texts.append(window.button(button).text())
    # Rich text read as it shows; non-breaking spaces (French typography) would hide a French fragment from a
    # plain-space comparison.
    texts = [help_text(t) if re.search(r"<[a-zA-Z/][^>]*>", t) else t for t in texts if t]
    return [re.sub("[\u00a0\u202f]", " ", t.replace("&", "")) for t in texts]


def unquoted(text: str) -> str:
    """Names of the ENT's and PRONOTE's own menus, buttons and fields stay French on purpose, between “ ”."""
    return re.sub(r"“[^“”]*”", "“”", text)


def faults_on_page(window, data_words: frozenset[str] = frozenset()):
    """French fragments, French words and wrong quotes in what the current page shows. `data_words`: names read
    from the analysed file (its elements and attributes), which
    the technical details show as they are."""
    return faults_in(visible_texts(window), data_words)


def faults_in(texts: list[str], data_words: frozenset[str] = frozenset()):
    fragments = french_fragments()
    found = []
    for text in texts:
        if data_words:
            text = re.sub(r"[^\W\d_]+", lambda word: " " if word.group() in data_words else word.group(), text)
        leftovers = [fragment for fragment in fragments if fragment in unquoted(text)]
        found += [(text[:90], problems) for problems in (leftovers, french_leaks(text), quote_faults(text)) if problems]
    return found


def dialog_texts(dialog) -> list[str]:
    texts = [dialog.windowTitle()]
    for label in dialog.findChildren(QLabel):
        texts += [label.text(), label.accessibleName()]
    for widget in dialog.findChildren(QAbstractButton):
        texts += [widget.text(), widget.accessibleName()]
    for widget in dialog.findChildren(QLineEdit):
        texts += [widget.placeholderText(), widget.accessibleName()]
    texts = [help_text(t) if re.search(r"<[a-zA-Z/][^>]*>", t) else t for t in texts if t]
    return [re.sub("[\u00a0\u202f]", " ", t.replace("&", "")) for t in texts]


def names_in(xml_file: Path) -> frozenset[str]:
    """Every word of the element and attribute names and attribute values of a (small) identifier file, read
    loosely: some fixtures do not declare their Windows-1252 encoding on purpose."""
    raw = xml_file.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        text = raw.decode("cp1252")
    names = re.findall(r"</?([\w:.-]+)", text) + [part for pair in re.findall(r"([\w:.-]+)=\"([^\"]*)\"", text)
                                                  for part in pair]
    return frozenset(word for name in names for word in re.findall(r"[^\W\d_]+", name))


def test_every_page_in_english_has_no_french_left(qtbot, data_dir):
    window = open_window(qtbot, data_dir, language="en")
    complete_every_step(window.progress)
    fragments = french_fragments()
    assert len(fragments) > 150
    seen = []
    for step in flow.path_to("fin", window.progress.school):
        window.go_to(step)
        assert window.current_step() == step
        assert not faults_on_page(window), step
        seen.append(step)
    assert seen[-1] == "fin"
    window.go_to("etablissement")
    assert "Next" in window.button(QWizard.WizardButton.NextButton).text().replace("&", "")


def test_the_dialogs_read_in_english(qtbot, data_dir, monkeypatch):
    """« À propos », the proxy settings, the crash dialog in its three cases and the question on quitting."""
    window = open_window(qtbot, data_dir, language="en")
    dialogs = {"about": about_box(window), "proxy": NetworkSettings(window.progress, window)}
    for saved in (True, False, None):
        dialogs[f"crash saved={saved}"] = CrashDialog(str(data_dir / "wizard.log"), window, saved)
    asked = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: asked.append(box) or 0)
    window.reject()
    dialogs["quit"] = asked[0]
    for name, dialog in dialogs.items():
        texts = dialog_texts(dialog)
        assert len(" ".join(texts)) > 20, name
        assert not faults_in(texts), name


def analyse(qtbot, window, path: Path) -> None:
    window.go_to("fichier")
    page = window.currentPage()
    page.analyse(path)
    qtbot.waitUntil(lambda: not page.task.running, timeout=15000)
    page.details_button.setChecked(True)
    QApplication.processEvents()


@pytest.mark.parametrize("fixture", ["documented.xml", "child_elements.xml", "windows1252_undeclared.xml"])
def test_an_analysed_file_reads_in_english(qtbot, data_dir, tmp_path, fixture):
    """Counts, findings and the technical details (the profile's source among them) as the admin sees them after
    choosing a real file."""
    window = open_window(qtbot, data_dir, language="en")
    complete_every_step(window.progress)
    path = tmp_path / fixture
    shutil.copy(FIXTURES / "idfile" / fixture, path)
    analyse(qtbot, window, path)
    page = window.currentPage()
    assert page.details.isVisible() and page.counts.rowCount() > 1
    assert not faults_on_page(window, data_words=names_in(path))


def test_the_matching_preview_the_triage_and_the_board_read_in_english(qtbot, data_dir, tmp_path):
    from tools.screenshots import server_answer

    window = open_window(qtbot, data_dir, language="en")
    complete_every_step(window.progress)
    shutil.copy(MATCHING / "pronote.xml", tmp_path / "IdPN_To_KOSMOS.xml")
    as_checked(window.progress.cycle, tmp_path / "IdPN_To_KOSMOS.xml")
    window.go_to("rapprochement")
    preview = window.currentPage().preview
    preview.start(MATCHING / "ent.csv")
    qtbot.waitUntil(lambda: not preview.running, timeout=15000)
    QApplication.processEvents()
    assert preview.result is not None
    assert not faults_on_page(window), "rapprochement"
    window.go_to("etablissement")
    window.currentPage().server._done(server_answer(window.progress.identity["pronote_url"], delegated=True,
                                                    purpose="address"))
    assert window.currentPage().triage.isVisible()
    assert not faults_on_page(window), "triage"
    window.go_to("import_ent")
    assert window.validateCurrentPage()  # records the import: the board and the mode page tell of it
    window.progress.finish_walk()
    window.resume()
    assert window.current_step() == "accueil"
    assert not faults_on_page(window), "board"


def test_the_import_mode_in_english(qtbot, data_dir):
    window = open_window(qtbot, data_dir, language="en")
    complete_every_step(window.progress)
    window.go_to("import_ent")
    assert window.validateCurrentPage()
    window.go_to("export_mode")
    assert not faults_on_page(window)


def test_findings_of_a_french_analysis_are_read_again_in_english(qtbot, data_dir, tmp_path):
    window = open_window(qtbot, data_dir)
    complete_every_step(window.progress)
    path = tmp_path / "windows1252_undeclared.xml"
    shutil.copy(FIXTURES / "idfile" / path.name, path)
    analyse(qtbot, window, path)
    window.close()
    again = open_window(qtbot, data_dir, language="en")  # the admin switched the language afterwards
    again.go_to("fichier")
    # The file is read again in a worker thread: wait for it (one turn of the event loop was a race).
    qtbot.waitUntil(lambda: again.currentPage().findings.rowCount() > 0, timeout=10000)
    assert not faults_on_page(again, data_words=names_in(path))


def test_a_french_server_check_is_said_again_in_english(qtbot, data_dir):
    from tools.screenshots import server_answer

    window = open_window(qtbot, data_dir)
    complete_every_step(window.progress)
    window.go_to("pronote_net")
    window.currentPage().server._done(server_answer(window.progress.identity["pronote_url"], delegated=True,
                                                    purpose="delegation"))
    window.close()
    again = open_window(qtbot, data_dir, language="en")  # the admin switched the language afterwards
    again.go_to("pronote_net")
    QApplication.processEvents()
    assert again.currentPage().server.message.isVisible()
    assert not faults_on_page(again)


def test_a_failed_save_is_told_in_english(qtbot, data_dir, monkeypatch):
    window = open_window(qtbot, data_dir, language="en")
    window.next()
    written(window.progress)  # the step left is on disk before the disk starts refusing
    page = window.currentPage()

    def refuse(*args, **kwargs):
        raise OSError(errno.EACCES, "refused")

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    page.fields["name"].setText("Collège Via Domitia")
    written(window.progress)
    qtbot.waitUntil(lambda: page.save_banner is not None and page.save_banner.isVisible())
    assert not faults_on_page(window)


def test_unrecognised_columns_are_quoted_in_english(qtbot, data_dir, tmp_path):
    open_window(qtbot, data_dir, language="en")
    listing = tmp_path / "comptes.csv"
    listing.write_text("Nom;Colonne B\nx;y\n", encoding="utf-8")
    with pytest.raises(EntCsvError) as refused:
        read_ent_csv(listing)
    assert refused.value.message.startswith("Columns not recognised")
    assert not quote_faults(refused.value.message)


def test_reasons_and_checks_are_english_too(qtbot, data_dir):
    window = open_window(qtbot, data_dir, language="en")
    window.next()
    assert window.currentPage().reason.text().startswith("Type the school's UAI code")


def test_language_choice_is_remembered(qtbot, data_dir):
    window = open_window(qtbot, data_dir)
    page = window.currentPage()
    chosen = []
    window.language_chosen.connect(chosen.append)
    page.language_combo.setCurrentIndex(page.language_combo.findData("en"))
    page.language_combo.activated.emit(page.language_combo.currentIndex())
    assert chosen == ["en"]
    window.close()
    again = open_window(qtbot, data_dir)
    assert again.windowTitle() == "PRONOTE – mon ENT Occitanie interconnection assistant"


def test_translation_files_have_no_unfinished_entries():
    result = subprocess.run([sys.executable, "tools/update_translations.py", "--check"], cwd=ROOT,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout
    tree = ET.parse(TS)
    assert not [m for m in tree.getroot().iter("translation") if m.get("type") == "unfinished"]
    assert (ROOT / "resources" / "translations" / "wizard_en.qm").stat().st_size > 1000


@pytest.mark.parametrize("step", flow.STEP_IDS)
def test_help_exists_in_english(step):
    assert (ROOT / "resources" / "help" / "en" / f"{step}.html").exists()
