"""JSON text read without importing the `json` package on the way to the first page.

The welcome page reads JSON (the ENT's data file, and the progress file once there is one) but writes none.
Importing `json` compiles six regular expressions and builds its encoder: 1.4 % of the first launch
(bench/startup.py, paired runs). CPython's decoder is written in C (`_json.make_scanner`, what `json.loads`
runs underneath); `loads` calls it directly with `json.loads`'s own defaults, and hands anything it does not
accept to `json.loads` itself – so every error is json's, with its message and line. Qt-free.
"""
from __future__ import annotations

WHITESPACE = " \t\n\r"  # what JSON calls whitespace (json.decoder.WHITESPACE)


class _Defaults:
    """`json.JSONDecoder()`'s settings, as the C scanner reads them from its context."""

    strict = True  # control characters inside strings are refused
    object_hook = None
    object_pairs_hook = None  # duplicate keys: the last one wins, as in json.loads
    parse_float = float
    parse_int = int  # with Python's limit on the digits of an int, as in json.loads
    parse_constant = {"-Infinity": float("-inf"), "Infinity": float("inf"), "NaN": float("nan")}.__getitem__


def loads(text: str):
    """What `json.loads(text)` returns, or raises: ValueError (json.JSONDecodeError for malformed text),
    RecursionError for nesting deeper than Python's recursion allows."""
    try:
        from _json import make_scanner
    except ImportError:  # another Python than CPython: json has a pure-Python decoder
        make_scanner = None
    if make_scanner is not None:
        start = len(text) - len(text.lstrip(WHITESPACE))
        try:
            value, end = make_scanner(_Defaults)(text, start)
        except (StopIteration, ValueError, RecursionError):
            pass  # json says what is wrong, below
        else:
            if not text[end:].strip(WHITESPACE):
                return value
    import json

    return json.loads(text)
