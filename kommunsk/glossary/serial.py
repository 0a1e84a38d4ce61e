"""Frozen dataclasses to plain JSON data and back, guided by their type hints.

The on-disk cache stores the validated glossary this way, so a cached start
needs neither YAML nor the schema validator.
"""

from __future__ import annotations

import dataclasses
import types
import typing
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


@cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def from_data(cls: type[T], data: Any) -> T:
    """Rebuild an instance of dataclass `cls` from `to_data` output."""
    hints = _hints(cls)  # type: ignore[arg-type]  # classes are hashable
    kwargs = {name: _convert(hints[name], value) for name, value in data.items()}
    return cls(**kwargs)


def _convert(hint: Any, value: Any) -> Any:
    if value is None:
        return None
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        options = [a for a in typing.get_args(hint) if a is not type(None)]
        return _convert(options[0], value) if len(options) == 1 else value
    if origin is tuple:
        args = typing.get_args(hint)
        return tuple(_convert(args[0], v) for v in value)
    if dataclasses.is_dataclass(hint) and isinstance(hint, type):
        return from_data(hint, value)
    return value
