"""Frozen dataclasses to plain JSON data and back, guided by their type hints.

The on-disk cache stores the validated glossary this way, so a cached start
needs neither YAML nor the schema validator.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from collections.abc import Callable
from functools import cache
from typing import Any, TypeVar

T = TypeVar("T")


def to_data(obj: Any) -> Any:
    """A dataclass (or containers of them) as JSON-ready data."""
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {f.name: to_data(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
    if isinstance(obj, tuple | list):
        return [to_data(x) for x in obj]
    return obj


Converter = Callable[[Any], Any]


def from_data(cls: type[T], data: Any) -> T:
    """Rebuild an instance of dataclass `cls` from `to_data` output (TypeError if its keys differ)."""
    plan = _plan(cls)  # type: ignore[arg-type]  # classes are hashable
    if data.keys() != plan.converters.keys():
        raise TypeError(f"{cls.__name__}: expected the fields {sorted(plan.converters)}")
    values = {
        name: value
        if value is None or (convert := plan.converters[name]) is None
        else convert(value)
        for name, value in data.items()
    }
    if not plan.direct:
        return cls(**values)
    # A frozen dataclass's __init__ sets each field through object.__setattr__, which made
    # decoding the concepts a check needs a tenth of its start-up; with every field present
    # and no __post_init__, filling the instance's dict gives the same object.
    made: T = object.__new__(cls)
    made.__dict__.update(values)
    return made


class _Plan(typing.NamedTuple):
    converters: dict[str, Converter | None]  # by field name, for every field
    direct: bool  # the instance may be filled without calling __init__


@cache
def _plan(cls: type) -> _Plan:
    """How to rebuild each field of `cls`, worked out once per class, because a cached start
    decodes thousands of values with the same few types."""
    hints = typing.get_type_hints(cls)
    converters = {f.name: _converter(hints[f.name]) for f in dataclasses.fields(cls)}
    direct = not hasattr(cls, "__post_init__") and not hasattr(cls, "__slots__")
    return _Plan(converters, direct)


@cache
def _converter(hint: Any) -> Converter | None:
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        options = [a for a in typing.get_args(hint) if a is not type(None)]
        return _converter(options[0]) if len(options) == 1 else None
    if origin is tuple:
        inner = _converter(typing.get_args(hint)[0])
        if inner is None:
            return tuple
        return lambda value: tuple(None if v is None else inner(v) for v in value)
    if dataclasses.is_dataclass(hint) and isinstance(hint, type):
        return lambda value: from_data(hint, value)
    return None
