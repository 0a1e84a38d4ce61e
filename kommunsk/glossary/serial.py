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
    """Rebuild an instance of dataclass `cls` from `to_data` output."""
    converters = _field_converters(cls)  # type: ignore[arg-type]  # classes are hashable
    kwargs = {}
    for name, value in data.items():
        convert = converters[name]
        kwargs[name] = value if convert is None or value is None else convert(value)
    return cls(**kwargs)


@cache
def _field_converters(cls: type) -> dict[str, Converter | None]:
    """For each field of `cls`, how to rebuild its value (None: as it is), worked out once per
    class, because a cached start decodes thousands of values with the same few types."""
    return {name: _converter(hint) for name, hint in typing.get_type_hints(cls).items()}


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
