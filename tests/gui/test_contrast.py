"""Contrast measured on grabs of the real window (issue 23, RGAA 3.2 and 3.3): text ≥ 4.5:1 – placeholders,
the expected formats, the notices on their tint, the steps list, the values to copy – and focus marks and the
check boxes' and radio buttons' outlines (« contour ») and the current step's mark, which takes Qt's « selected »
tint, ≥ 3:1, in a light and a dark palette, at 100 %, 125 % and
150 % (tools/contrast.py, one process per configuration)."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("scheme, scale", [("light", "1"), ("dark", "1"), ("light", "1.25"), ("dark", "1.25"),
                                           ("light", "1.5"), ("dark", "1.5")])
def test_text_and_focus_marks_have_the_contrast_rgaa_asks(scheme, scale, tmp_path):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PRONOTE_ENT_WIZARD_LOG_DIR": str(tmp_path / "logs")}
    env.pop("QT_SCALE_FACTOR", None)
    done = subprocess.run([sys.executable, str(ROOT / "tools" / "contrast.py"), "--scheme", scheme, "--scale", scale,
                           "--json"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]
    measures = json.loads(done.stdout.strip().splitlines()[-1])["measures"]
    assert len(measures) >= 18
    for name, found in measures.items():
        assert found["ratio"] is not None, (name, found)
        # Graphics (focus marks, outlines, the current step's mark in its selected row): 3:1; text: 4.5:1.
        needed = 3.0 if name.startswith(("indicateur de focus", "contour", "marque")) else 4.5
        assert found["ratio"] >= needed, (name, found)
