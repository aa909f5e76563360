"""tools/junit_summary.py: the Windows stage's figures, read from pytest's JUnit XML."""
import sys

from tests.conftest import ROOT

sys.path.insert(0, str(ROOT / "tools"))
import junit_summary  # noqa: E402

RUN = """<?xml version="1.0" encoding="utf-8"?><testsuites><testsuite name="pytest" tests="5">
<testcase classname="tests.probe.test_a" name="test_ok" time="0.1"/>
<testcase classname="tests.probe.test_a" name="test_ok_too" time="0.1"/>
<testcase classname="tests.test_store" name="test_symlink" time="0"><skipped type="pytest.skip"
 message="Wine 8.0: CreateSymbolicLinkW makes no link">skip</skipped></testcase>
<testcase classname="tests.gui.test_x" name="test_linux_only" time="0"><skipped message="xcb only"/></testcase>
<testcase classname="tests.gui.test_x" name="test_broken" time="1"><failure message="AssertionError: 2 == 0&#10;more">
trace</failure></testcase>
<testcase classname="tests.gui.test_x" name="test_setup" time="1"><error message="fixture failed">trace</error>
</testcase></testsuite></testsuites>"""
COLLECTION = """<?xml version="1.0" encoding="utf-8"?><testsuites><testsuite name="pytest" tests="1">
<testcase classname="tests.bus.test_bus" name="" time="0"><error message="collection failure">tests/bus/test_bus.py:32
E   OSError: [WinError 6] Invalid handle</error></testcase></testsuite></testsuites>"""


def test_figures_failures_and_wine_skips_are_listed(tmp_path, capsys):
    path = tmp_path / "junit.xml"
    path.write_text(RUN, encoding="utf-8")
    assert junit_summary.main([str(path), "--label", "Windows"]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "FAILED tests.gui.test_x::test_broken — AssertionError: 2 == 0"
    assert lines[1] == "FAILED tests.gui.test_x::test_setup — fixture failed"
    assert lines[2] == ("skipped under Wine: tests.test_store::test_symlink — Wine 8.0: CreateSymbolicLinkW makes "
                        "no link")
    assert lines[-1] == "Windows: 2 passed, 2 failed, 2 skipped"


def test_a_clean_run_passes_and_a_missing_file_fails(tmp_path, capsys):
    path = tmp_path / "junit.xml"
    path.write_text(RUN.split('<testcase classname="tests.gui')[0] + "</testsuite></testsuites>", encoding="utf-8")
    assert junit_summary.main([str(path)]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == "2 passed, 0 failed, 1 skipped"
    assert junit_summary.main([str(tmp_path / "absent.xml")]) == 1
    assert capsys.readouterr().out.splitlines()[-1] == "0 passed, 1 failed"


def test_a_collection_error_says_why(tmp_path, capsys):
    path = tmp_path / "junit.xml"
    path.write_text(COLLECTION, encoding="utf-8")
    assert junit_summary.main([str(path), "--label", "Windows"]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "FAILED tests.bus.test_bus — collection failure: OSError: [WinError 6] Invalid handle"
    assert lines[-1] == "Windows: 0 passed, 1 failed, 0 skipped"
