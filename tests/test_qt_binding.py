"""Guards against a Qt binding release that breaks the wizard in ways no page test would name clearly."""
import subprocess
import sys

OVERRIDE_RETURNING_BOOL = r"""
import os
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from PySide6.QtWidgets import QApplication, QWizard, QWizardPage
app = QApplication([])
class Page(QWizardPage):
    def isComplete(self):
        return True
wizard = QWizard(); page = Page(); wizard.addPage(page); wizard.addPage(QWizardPage()); wizard.show()
for _ in range(2000):
    page.completeChanged.emit()
print("ok")
"""


def test_bool_returned_by_a_python_override_is_not_over_released():
    # PySide6 6.12.0 released the `True` singleton once per call, aborting the interpreter (« bool_dealloc »).
    result = subprocess.run([sys.executable, "-c", OVERRIDE_RETURNING_BOOL], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0 and result.stdout.strip() == "ok", result.stderr[-500:]
