"""JSON from outside read with its nesting bounded (safejson): the brackets are counted outside strings, exactly,
before the parser – which recurses – sees the text."""
import json
import random
import re

import pytest

from wizard.core import safejson


def depth_by_hand(text: str) -> int | None:
    """The nesting of brackets outside JSON strings, one character at a time; None for a text that ends inside
    a string."""
    depth = deepest = 0
    in_string = escaped = False
    for character in text:
        if in_string:
            if escaped:
                escaped = False
            elif character == "\\":
                escaped = True
            elif character == '"':
                in_string = False
        elif character == '"':
            in_string = True
        elif character in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif character in "]}":
            depth -= 1
    return None if in_string else deepest


def test_the_nesting_is_measured_outside_strings_even_with_escapes():
    """On 20,000 random texts of quotes, backslashes and brackets, and on the shapes a saved file has; where a
    string is left open (no JSON), as the one-character-at-a-time pattern counts."""
    rng = random.Random(2026)
    texts = ["".join(rng.choice('"\\[]{}a ') for _ in range(rng.randint(0, 40))) for _ in range(20_000)]
    texts += ['{"a": ["x\\"]", {"b": "\\\\"}], "c": "[[["}', '"' + "[" * 50, '["\\u00e9\\n", "]"]' * 100]
    closed = [text for text in texts if depth_by_hand(text) is not None]
    assert len(closed) > 5000
    assert [text for text in closed if safejson.depth(text) != depth_by_hand(text)] == []
    one_at_a_time = re.compile(r'"(?:[^"\\]|\\.)*"', re.DOTALL)
    assert [text for text in texts if safejson._STRING.sub("", text) != one_at_a_time.sub("", text)] == []


def test_at_the_limit_it_reads_as_json_reads_and_one_more_is_refused_before_parsing(monkeypatch):
    text = '{"a": ' + "[" * 9 + "]" * 9 + "}"
    assert safejson.loads(text, 10) == json.loads(text)
    monkeypatch.setattr(safejson.json, "loads", lambda text: pytest.fail("parsed"))
    with pytest.raises(safejson.TooDeep):
        safejson.loads(text, 9)


def test_a_million_brackets_are_refused_not_a_recursion_error():
    with pytest.raises(safejson.TooDeep):
        safejson.loads("[" * 1_000_000, 32)


def test_malformed_text_raises_json_s_own_error_with_its_line():
    with pytest.raises(json.JSONDecodeError) as refused:
        # (Not a trailing comma: Python 3.13 reports it on the comma's line, 3.12 on the brace's.)
        safejson.loads('{\n"a": 1,\n"b" 2}', 32)
    assert refused.value.lineno == 3
