"""What nlentry's modules need of `typing` when they run: `NamedTuple` classes and `overload`.

Importing `typing` (and making its `NamedTuple` classes) is some milliseconds of every cold `nlentry`
command, a tenth of a cold `nlentry parse`. The modules on that path therefore take `typing`'s names for
the type checker only, and these at run time::

    TYPE_CHECKING = False
    if not TYPE_CHECKING:
        from nlentry._typing import NamedTuple
    else:
        from typing import Any, NamedTuple

(`TYPE_CHECKING = False`, set in the module itself, is true to mypy; the `else` branch comes last so that
linters read the names as `typing`'s.) `tests/test_import_cost.py` checks that `typing` stays away.
"""

from __future__ import annotations

from collections import namedtuple

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

__all__ = ["NamedTuple", "overload"]


def overload(function: object) -> object:
    """`typing.overload` at run time: the variants are for the type checker, the last definition wins."""
    return function


# what `typing.NamedTuple` refuses in a class body, and what it does not copy onto the class
_PROHIBITED = frozenset({"__new__", "__init__", "__slots__", "__getnewargs__", "_fields", "_field_defaults",
                         "_make", "_replace", "_asdict", "_source"})
_SPECIAL = frozenset({"__module__", "__name__", "__annotations__"})


class _NamedTupleMeta(type):
    """Makes `class Name(NamedTuple): field: type = default ...` the `collections.namedtuple` class that
    `typing.NamedTuple` makes of it: the fields in order with their defaults, and the body's docstring and
    methods on it (the annotations are kept as written, not turned into `typing.ForwardRef`s)."""

    def __new__(mcs, typename: str, bases: tuple[type, ...], namespace: dict[str, Any]) -> type:
        if not bases:  # `NamedTuple` itself
            return super().__new__(mcs, typename, bases, namespace)
        annotations = dict(namespace.get("__annotations__", {}))
        defaults = tuple(namespace[name] for name in annotations if name in namespace)
        if any(name not in namespace for name in list(annotations)[len(annotations) - len(defaults):]):
            raise TypeError(f"{typename}: a field without a default cannot follow one with a default")
        made: type = namedtuple(typename, list(annotations), defaults=defaults,  # type: ignore[misc]
                                module=namespace["__module__"])
        made.__annotations__ = annotations
        for key, value in namespace.items():
            if key in _PROHIBITED:
                raise AttributeError(f"Cannot overwrite NamedTuple attribute {key}")
            if key not in _SPECIAL and key not in annotations:
                setattr(made, key, value)
        return made


class NamedTuple(metaclass=_NamedTupleMeta):
    """`typing.NamedTuple` at run time, without importing `typing` (see the module docstring)."""
