"""The Record machinery of `nlentry.model`: the cheap builders agree with the classes they stand for."""

from __future__ import annotations

import inspect
from collections.abc import Callable
from typing import Any

import pytest

from nlentry.model import Record, maker
from nlentry.semantics import values

# the builders written out by hand (`nlentry.semantics.values`), each with the class it makes
BUILDERS = [(values.make_clock, values.Clock), (values.make_clock_range, values.ClockRange),
            (values.make_day, values.DayRef), (values.make_duration, values.Duration),
            (values.make_pair, values.Pair), (values.make_item, values.Item)]


def _parameters(function: Callable[..., Any]) -> list[tuple[str, Any, Any, Any]]:
    """Name, kind, default and annotation of each parameter (`self` left out)."""
    return [(p.name, p.kind, p.default, p.annotation) for p in inspect.signature(function).parameters.values()
            if p.name != "self"]


@pytest.mark.parametrize("build, cls", BUILDERS, ids=[cls.__name__ for _, cls in BUILDERS])
def test_a_builder_takes_what_its_class_takes_with_the_same_defaults(build: Callable[..., Any],
                                                                     cls: type[Record]) -> None:
    assert _parameters(build) == _parameters(cls.__init__)
    assert [name for name, *_ in _parameters(build)] == list(cls._fields)
    required = [name for name, _, default, _ in _parameters(build) if default is inspect.Parameter.empty]
    made, called = build(*required), cls(*required)  # every default left to the builder and to the class
    assert type(made) is cls and made == called and made._values() == called._values()


def test_every_hand_written_builder_is_checked() -> None:
    written = {name for name, value in vars(values).items() if name.startswith("make_") and callable(value)}
    assert written == {build.__name__ for build, _ in BUILDERS}


def test_a_made_builder_takes_every_field_in_slot_order() -> None:
    build = maker(values.Pair)
    assert [name for name, *_ in _parameters(build)] == list(values.Pair._fields)
    assert build(9, 11, "-", False) == values.Pair(9, 11, "-", False)
