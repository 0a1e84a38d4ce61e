"""Dataclasses to plain data and back, as the cache stores the glossary."""

from __future__ import annotations

import dataclasses
import marshal

import pytest

from kommunsk.engine.registry import load
from kommunsk.glossary.model import Concept, Source
from kommunsk.glossary.serial import from_data, to_data


def test_every_concept_comes_back_equal_through_the_cache_format() -> None:
    for concept in load():
        again = from_data(Concept, marshal.loads(marshal.dumps(to_data(concept))))
        assert again == concept and hash(again) == hash(concept)
        assert isinstance(again.terms, tuple) and isinstance(again.variants, tuple)


def test_a_rebuilt_value_is_still_frozen() -> None:
    concept = next(iter(load()))
    again = from_data(Concept, to_data(concept))
    with pytest.raises(dataclasses.FrozenInstanceError):
        again.id = "andet"  # type: ignore[misc]


@pytest.mark.parametrize("change", ["missing", "unknown"])
def test_data_with_other_keys_than_the_fields_is_refused(change: str) -> None:
    data = to_data(Source(title="KL", url="https://www.kl.dk/"))
    if change == "missing":
        del data["url"]
    else:
        data["forfatter"] = "x"
    with pytest.raises(TypeError):
        from_data(Source, data)


@dataclasses.dataclass(frozen=True)
class _Checked:
    name: str
    seen: list[str] = dataclasses.field(default_factory=list, compare=False)

    def __post_init__(self) -> None:
        self.seen.append(self.name)


def test_a_class_with_post_init_is_built_through_init() -> None:
    made = from_data(_Checked, {"name": "a", "seen": []})
    assert made.seen == ["a"]
