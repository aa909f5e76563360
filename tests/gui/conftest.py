"""Fixtures of the window's tests."""
from __future__ import annotations

import pytest
from PySide6.QtGui import QAccessible

from wizard.gui import accessibility


@pytest.fixture
def heard(monkeypatch) -> list[tuple[str, bool]]:
    """The announcements sent, as (text, assertive), with an assistive tool taken as listening."""
    said: list[tuple[str, bool]] = []
    monkeypatch.setattr(accessibility, "listening", lambda: True)
    monkeypatch.setattr(accessibility, "_last_said", ["", 0.0])
    monkeypatch.setattr(accessibility, "send", lambda event: said.append(
        (event.message(), event.politeness() == QAccessible.AnnouncementPoliteness.Assertive)))
    return said
