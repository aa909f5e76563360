"""jsontext.loads answers as json.loads does – the same value, or the same error with the same message – while
the first page opens without importing json (tests/gui/test_startup.py)."""
import json
import math
from pathlib import Path

import pytest

from wizard.core import jsontext

ROOT = Path(__file__).resolve().parents[1]

VALID = [
    "{}", "[]", "0", "-1.5e3", "true", "null", '"é"', ' \t\n\r{"a": [1, 2, {"b": null}]} \n',
    '{"a": 1, "a": 2}',  # the last key wins
    '"\\u00e9\\ud83d\\ude00\\n\\"\\\\"', '"\\ud800"',  # escapes, a pair and a lone surrogate
    '[1e400, -1e400, 12345678901234567890, 0.1]', '[NaN, Infinity, -Infinity]', '"' + "x" * 100_000 + '"',
    "[" * 100 + "]" * 100,
]
INVALID = [
    "", "   ", "{", "[1,]", '{"a" 1}', "{'a': 1}", "tru", "01", '"a\nb"',  # a raw line break inside a string
    '{"a": 1} x', "[1] [2]", "\ufeff{}",  # json refuses a byte order mark left in the text
    "nan", "[-]", '"\\x41"', "1" * 5000,  # more digits than Python's int allows
    "[" * 100_000 + "]" * 100_000,  # deeper than Python's recursion
]


def same(a, b) -> bool:
    if isinstance(a, float) and isinstance(b, float) and math.isnan(a):
        return math.isnan(b)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(same(a[k], b[k]) for k in a)
    return type(a) is type(b) and a == b


@pytest.mark.parametrize("text", VALID, ids=range(len(VALID)))
def test_valid_json_reads_as_json_reads_it(text):
    assert same(jsontext.loads(text), json.loads(text))


@pytest.mark.parametrize("text", INVALID, ids=range(len(INVALID)))
def test_invalid_json_raises_json_s_own_error(text):
    with pytest.raises((ValueError, RecursionError)) as expected:
        json.loads(text)
    with pytest.raises(type(expected.value)) as got:
        jsontext.loads(text)
    assert str(got.value) == str(expected.value)


@pytest.mark.parametrize("path", sorted((ROOT / "resources" / "ent").glob("*.json"))
                         + sorted((ROOT / "tests" / "fixtures").rglob("*.json")), ids=lambda path: path.name)
def test_the_files_the_app_reads_read_alike(path):
    text = path.read_bytes().decode("utf-8", errors="replace").removeprefix("\ufeff")
    try:
        expected = json.loads(text)
    except (ValueError, RecursionError):
        return  # a fixture of a broken file: the cases above cover errors
    assert same(jsontext.loads(text), expected)


def test_without_the_c_decoder_json_reads(monkeypatch):
    """Another Python than CPython has no `_json`: json's own decoder answers."""
    import sys

    monkeypatch.setitem(sys.modules, "_json", None)  # import _json now raises ImportError
    assert jsontext.loads('{"a": [1]}') == {"a": [1]}
    with pytest.raises(json.JSONDecodeError):
        jsontext.loads("{")
