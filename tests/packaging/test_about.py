"""« À propos », the icons, the desktop entry, and the window as the bundle's smoke test opens it."""
import configparser
import os
import struct
import subprocess
import sys

from PySide6.QtWidgets import QApplication, QWizard

import wizard
from tests.packaging.conftest import ROOT
from wizard.app import create_window
from wizard.gui import about as ui_about
from wizard.gui.branding import app_icon


def test_about_text_has_version_and_licence():
    text = ui_about.about_html()
    assert f"Version {wizard.__version__}" in text
    assert "EUPL-1.2" in text and "licence publique de l'Union européenne" in text
    assert "Assistant d'interconnexion PRONOTE – mon ENT Occitanie" in text
    assert "Journal" in text


def test_about_box_has_the_icon(qtbot):
    box = ui_about.about_box()
    qtbot.addWidget(box)
    assert box.windowTitle() == "À propos"
    assert not box.iconPixmap().isNull()


def test_window_has_icon_and_about_button(qtbot, data_dir, monkeypatch):
    window = create_window(data_dir)
    qtbot.addWidget(window)
    assert not window.windowIcon().isNull()
    assert window.testOption(QWizard.WizardOption.HaveCustomButton1)
    button = window.button(QWizard.WizardButton.CustomButton1)
    assert button.text() == "À propos"
    opened = []
    monkeypatch.setattr(ui_about, "show_about", lambda parent=None: opened.append(parent))
    window.show()
    button.click()
    # The dialog's module is looked up when clicked, so the patched function is called.
    assert opened == [window]
    window.close()


def test_app_icon_loads():
    assert not app_icon().isNull()
    assert QApplication.instance() is not None


def test_smoke_test_flag_opens_the_window_and_exits(tmp_path):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PRONOTE_ENT_WIZARD_LOG_DIR": str(tmp_path / "logs")}
    done = subprocess.run([sys.executable, str(ROOT / "main.py"), "--smoke-test", "--data-dir", str(tmp_path / "d")],
                          env=env, capture_output=True, text=True, timeout=60, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("smoke-test: ok « Assistant d'interconnexion PRONOTE")
    assert "mon ENT Occitanie" in done.stdout
    assert "démarrage fenêtre" in (tmp_path / "logs" / "assistant.log").read_text(encoding="utf-8")


def test_desktop_entry_matches_the_desktop_file_name():
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str
    entry.read(ROOT / "packaging" / "pronote-ent-wizard.desktop", encoding="utf-8")
    section = entry["Desktop Entry"]
    # The file is pronote-ent-wizard.desktop and run_gui sets desktopFileName to the same: Wayland's icon lookup.
    assert section["Type"] == "Application" and section["Terminal"] == "false"
    assert section["Exec"] == "pronote-ent-wizard" and section["Icon"] == "pronote-ent-wizard"
    assert section["StartupWMClass"] == "pronote-ent-wizard"
    shell = (ROOT / "wizard" / "gui" / "shell.py").read_text(encoding="utf-8")
    assert 'setDesktopFileName("pronote-ent-wizard")' in shell
    assert (ROOT / "resources" / "icons" / "pronote-ent-wizard.png").exists()


def test_windows_and_macos_icons_are_valid_containers():
    ico = (ROOT / "packaging" / "icons" / "pronote-ent-wizard.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", ico[:6])
    assert (reserved, kind) == (0, 1) and count >= 5
    sides = {ico[6 + 16 * i] or 256 for i in range(count)}
    assert {16, 32, 48, 256} <= sides
    icns = (ROOT / "packaging" / "icons" / "pronote-ent-wizard.icns").read_bytes()
    assert icns[:4] == b"icns" and struct.unpack(">I", icns[4:8])[0] == len(icns)
    assert b"ic10" in icns and b"\x89PNG" in icns


def test_a_command_without_console_streams_still_exits_cleanly(monkeypatch):
    """Windows GUI script or windowed bundle given a command: no stdout/stderr, yet no crash, the exit code stays."""
    from wizard.app import main

    monkeypatch.setattr(sys, "stdout", None)
    monkeypatch.setattr(sys, "stderr", None)
    assert main(["probe", "ftp://exemple.invalid/"]) != 0
