"""Issue 22, 11: hand edits of the progress file must not make the board say « vérifié » with no check behind it."""
import json
from datetime import date

from wizard.core import status
from wizard.core.progress import Progress
from wizard.core.store import ProgressStore, read_current_school


def reopened(data_dir) -> Progress:
    store = ProgressStore(data_dir)
    store.acquire()
    return Progress.open(store)


def edited(data_dir, change) -> None:
    path = data_dir / "progress.json"
    doc = json.loads(path.read_text(encoding="utf-8"))
    change(doc["schools"][doc["current"]])
    path.write_text(json.dumps(doc), encoding="utf-8")


def test_verified_by_hand_edit_reads_declared(data_dir):
    progress = reopened(data_dir)
    progress.type_identity("name", "Collège")
    progress.store.release()

    def claim(school):
        school["connection"] = {"date": "2026-09-01T10:00:00", "verified": True, "how": "already_in_place"}
        school["setup_finished_at"] = "2026-09-01T10:00:00"
        school["server_checks"] = [{"date": "2026-09-01T09:00:00", "kind": "address", "outcome": "cas_inactive",
                                    "verified": True, "version": "", "cas_host": "", "message": ""}]

    edited(data_dir, claim)
    progress = reopened(data_dir)
    rows = status.board(progress.school, date.today())
    assert rows[0].state == status.DECLARED and "non vérifié" in rows[0].detail
    assert read_current_school(data_dir)["connection"]["verified"] is False  # the commands read it so too
    progress.store.release()


def test_a_check_that_saw_the_delegation_keeps_it_verified(data_dir):
    from tools.screenshots import server_answer

    progress = reopened(data_dir)
    progress.type_identity("pronote_url", "https://0301746K.index-education.net/pronote/")
    progress.record_server_check("address", server_answer(progress.identity["pronote_url"], True, "address"))
    progress.declare_already_connected(verified=True)
    progress.store.release()
    progress = reopened(data_dir)
    assert status.board(progress.school, date.today())[0].state == status.VERIFIED
    progress.store.release()
