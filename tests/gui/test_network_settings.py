"""The proxy typed in the wizard's settings: used by the server check, kept without its password."""
import json

import pytest

from tests.gui.helpers import open_window, written
from wizard.gui.network_settings import NetworkSettings


@pytest.fixture
def window(qtbot, data_dir):
    window = open_window(qtbot, data_dir)
    window.progress.type_identity("pronote_url", "https://0301746K.index-education.net/pronote/")
    window.go_to("etablissement")
    return window


def test_a_typed_proxy_is_used_and_its_password_never_written(qtbot, window, data_dir, monkeypatch):
    dialog = NetworkSettings(window.progress, window)
    qtbot.addWidget(dialog)
    dialog.field.setText("http://agent:s3cret@proxy.lycee.test:3128")
    dialog._accept()
    assert dialog.result() == dialog.DialogCode.Accepted
    written(window.progress)
    saved = (data_dir / "progress.json").read_text(encoding="utf-8")
    assert "s3cret" not in saved and "agent" not in saved
    assert json.loads(saved)["settings"]["proxy"] == "http://proxy.lycee.test:3128"
    seen = {}

    def fake_probe(url, **options):
        seen.update(options)
        raise RuntimeError("stop here")  # the worker reports it; nothing leaves the machine

    monkeypatch.setattr("wizard.core.probe.probe_server", fake_probe)
    server = window.currentPage().server
    server.start()
    qtbot.waitUntil(lambda: not server.running, timeout=5000)
    assert seen["proxy"] == "http://agent:s3cret@proxy.lycee.test:3128" and seen["purpose"] == "address"


def test_a_proxy_that_is_no_address_is_refused_in_one_sentence(qtbot, window):
    dialog = NetworkSettings(window.progress, window)
    qtbot.addWidget(dialog)
    dialog.field.setText("pas un proxy")
    dialog._accept()
    assert dialog.result() != dialog.DialogCode.Accepted and not dialog.problem.isHidden()
    assert window.progress.settings["proxy"] == ""


def test_the_system_proxy_is_shown(qtbot, window, monkeypatch):
    monkeypatch.setenv("HTTPS_PROXY", "http://proxy.academie.test:8080")
    dialog = NetworkSettings(window.progress, window)
    qtbot.addWidget(dialog)
    texts = " ".join(label.text() for label in dialog.findChildren(type(dialog.problem).__mro__[1]))
    assert "proxy.academie.test:8080" in texts
