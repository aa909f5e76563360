"""Logs: a rotated file in the log dir, and never a name or a birth date in it."""
import io
import logging
import logging.handlers
import platform
import sys
import types
from contextlib import redirect_stderr

from tests.packaging.conftest import FIXTURE, PERSONAL, read_logs
from wizard import __version__
from wizard.core import logs


def test_log_file_written_in_the_log_dir_and_rotated(log_file, tmp_path):
    handlers = [h for h in logging.getLogger("wizard").handlers if isinstance(h, logging.handlers.RotatingFileHandler)]
    assert len(handlers) == 1
    handler = handlers[0]
    assert handler.baseFilename == str(log_file)
    assert (handler.maxBytes, handler.backupCount) == (logs.MAX_BYTES, logs.BACKUP_COUNT)
    assert 0 < handler.maxBytes <= 5_000_000 and handler.backupCount >= 1  # bounded on a school PC's disk

    logging.getLogger("wizard.test").info("démarrage")
    assert "démarrage" in read_logs(log_file.parent)

    # Rotation really happens: past maxBytes the file is renamed .1 and a new one starts.
    handler.maxBytes = 2_000
    for number in range(100):
        logging.getLogger("wizard.test").info("ligne %d %s", number, "x" * 50)
    assert (log_file.parent / "assistant.log.1").exists()
    assert log_file.stat().st_size <= 2_000


def test_the_handler_follows_a_new_log_dir(tmp_path, monkeypatch):
    first = logs.setup_logging()
    monkeypatch.setenv("PRONOTE_ENT_WIZARD_LOG_DIR", str(tmp_path / "autre"))
    second = logs.setup_logging()
    assert first != second and second.parent == tmp_path / "autre"
    assert sum(isinstance(h, logging.handlers.RotatingFileHandler) for h in logging.getLogger("wizard").handlers) == 1


# Data reaches exceptions at run time, never through the source code (which the traceback quotes): built apart.
PUPIL, OTHER = "MARTIN Lina né le 2013-02-14", "ligne 12 : « DUPONT Théo » né le 03/11/2012"
BUGGY_ANSWER = "réponse inattendue pour 'MARTIN Lina' (2013-02-14)"


def test_exception_messages_lose_dates_and_quoted_values(log_file):
    try:
        {}[PUPIL]
    except KeyError as exc:
        logs.log_exception(exc)
    try:
        raise ValueError(OTHER)
    except ValueError as exc:
        logs.log_exception(exc)
    logging.getLogger("wizard.test").warning("date lue : 1975-04-12")
    text = read_logs(log_file.parent)
    assert "KeyError" in text and "ValueError" in text and "Traceback" in text
    for word in ("MARTIN", "Lina", "2013-02-14", "DUPONT", "Théo", "03/11/2012", "1975-04-12"):
        assert word not in text


def test_code_names_stay_readable(log_file):
    try:
        import wizard.module_absent  # noqa: F401
    except ImportError as exc:
        logs.log_exception(exc)
    assert "No module named 'wizard.module_absent'" in read_logs(log_file.parent)


def test_no_name_in_the_logs_after_analysing_a_file(log_file, data_dir):
    """The analysis of the fixture (through the headless `check`, as the page does through filecheck) logs at
    DEBUG level here: still no name nor birth date in the file."""
    from wizard.commands.cli import run

    logging.getLogger("wizard").setLevel(logging.DEBUG)
    out, err = io.StringIO(), io.StringIO()
    saved = sys.stdout
    sys.stdout = out
    try:
        with redirect_stderr(err):
            run(["check", str(FIXTURE), "--json", "--data-dir", str(data_dir)])
    finally:
        sys.stdout = saved
    logging.getLogger("wizard").info("analyse terminée")
    text = read_logs(log_file.parent)
    assert "analyse terminée" in text
    for word in PERSONAL:
        assert word not in text, word


def test_a_bug_in_a_command_is_one_french_sentence_and_a_non_zero_exit(log_file, monkeypatch, capsys):
    """A command that raises (here a fake `probe` with a name in its message) ends in one sentence, exit 3, the
    traceback in the log only, without the name."""
    from wizard.commands.cli import run

    def run_probe(args, data_dir):
        raise RuntimeError(BUGGY_ANSWER)

    monkeypatch.setitem(sys.modules, "wizard.commands.probe", types.SimpleNamespace(run_probe=run_probe))
    code = run(["probe", "https://exemple.invalid/pronote/"])
    out, err = capsys.readouterr()
    assert code != 0
    assert err.count("\n") == 1 and err.startswith("Erreur inattendue") and str(log_file) in err
    assert "Traceback" not in err + out
    text = read_logs(log_file.parent)
    assert "RuntimeError" in text and "run_probe" in text
    assert "MARTIN" not in text and "2013-02-14" not in text


def test_faulthandler_writes_beside_the_log(tmp_path, monkeypatch):
    import faulthandler

    monkeypatch.setattr(logs, "_fault_file", None)
    was_enabled = faulthandler.is_enabled()
    try:
        logs.enable_faulthandler()
        assert faulthandler.is_enabled()
        assert (tmp_path / "logs" / "plantage.log").exists()
    finally:
        faulthandler.disable()
        if logs._fault_file is not None:
            logs._fault_file.close()
        if was_enabled:
            faulthandler.enable()


def test_the_start_line_names_the_build_python_and_system(log_file):
    """What a log sent by a school must say first: which version runs on which Python and system."""
    logs.log_startup("fenêtre")
    line = read_logs(log_file.parent).splitlines()[-1]
    assert f"démarrage fenêtre {__version__}" in line
    for said in (platform.python_version(), platform.system(), platform.release(), platform.machine()):
        assert said in line
