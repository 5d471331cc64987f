"""JSON from outside, read strictly: refuse what `json.loads` accepts but no JSON peer can use.

Usage::

    from nlentry.strictjson import loads

    try:
        value = loads(line)
    except ValueError as exc:           # one line, meant for the person who sent it
        print(exc)

`json.loads` takes `NaN`, `Infinity` and `1e999` (not JSON, and `json.dumps` writes them back as
invalid JSON), raises `RecursionError` for a deeply nested array, and a bare `ValueError` about
`sys.set_int_max_str_digits` for a number of thousands of digits. Here each is a `ValueError` with
a clear message, like bad syntax and bytes that are not UTF-8. Strings may still hold lone
surrogates (`"\\ud800"` is valid JSON): `encodable` tells whether a value can be written back.
"""

from __future__ import annotations

import json
import math
import sys
from typing import Any

__all__ = ["encodable", "loads"]

_MAX_DIGITS = 4300  # Python's own default limit of int <-> str conversion


def _constant(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON number")


def _float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise ValueError(f"the number {text[:20]} is out of range")
    return value


def _int(text: str) -> int:
    limit = getattr(sys, "get_int_max_str_digits", lambda: _MAX_DIGITS)() or _MAX_DIGITS
    if len(text.lstrip("-")) > limit:
        raise ValueError(f"a number of {len(text.lstrip('-'))} digits is too long (at most {limit})")
    return int(text)


def loads(data: str | bytes) -> Any:
    """The value of a JSON document; `ValueError` (one line, saying why) for anything not plain JSON."""
    if isinstance(data, bytes):
        try:
            data = data.decode("utf-8")
        except UnicodeDecodeError:
            raise ValueError("not UTF-8 text") from None
    try:
        return json.loads(data.lstrip("\ufeff"), parse_constant=_constant, parse_float=_float, parse_int=_int)
    except json.JSONDecodeError as exc:
        raise ValueError(f"not valid JSON: {exc.msg} (column {exc.colno})") from None
    except RecursionError:
        raise ValueError("not valid JSON: nested too deeply") from None


def encodable(value: object) -> bool:
    """True when `value` (a JSON value) holds no lone surrogate, so it can be written as UTF-8 JSON."""
    try:
        json.dumps(value, ensure_ascii=False).encode("utf-8")
    except (UnicodeEncodeError, RecursionError, ValueError):
        return False
    return True
