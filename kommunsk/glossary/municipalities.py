"""The registry of Denmark's 98 municipalities, with dated facts and forgiving look-up.

Like pycountry's databases it answers `get` (exact code or name), `lookup`
(any code, name, official name or alias, case- and diacritic-insensitive) and
`search_fuzzy` (closest names) the same way.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from kommunsk.errors import UnknownMunicipality
from kommunsk.language.danish import fold, sort_key


@dataclass(frozen=True)
class DatedName:
    """A name that holds between two dates (either end open)."""

    name: str
    valid_from: str | None = None
    valid_to: str | None = None

    def holds_on(self, day: date) -> bool:
        iso = day.isoformat()
        return (self.valid_from is None or self.valid_from <= iso) and (
            self.valid_to is None or iso <= self.valid_to
        )


@dataclass(frozen=True)
class Municipality:
    """One municipality: official three-digit code, names and dated region membership."""

    code: str
    name: str
    official_name: str
    regions: tuple[DatedName, ...]
    aliases: tuple[str, ...] = ()

    def region(self, on: date | None = None) -> str:
        """The region the municipality belongs to on the given day (today by default)."""
        day = on or date.today()
        for region in self.regions:
            if region.holds_on(day):
                return region.name
        return self.regions[-1].name

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, self.official_name, *self.aliases)


class Municipalities:
    """All municipalities, in Danish alphabetical order."""

    def __init__(self, items: list[Municipality]) -> None:
        self._items = sorted(items, key=lambda m: sort_key(m.name))
        self._by_code = {m.code: m for m in items}
        self._by_key: dict[str, Municipality] = {}
        for m in self._items:
            for name in m.names:
                self._by_key.setdefault(fold(name), m)

    @classmethod
    def from_data(cls, data: dict[str, object]) -> Municipalities:
        items = []
        for raw in data["municipalities"]:  # type: ignore[attr-defined]
            items.append(
                Municipality(
                    code=raw["code"],
                    name=raw["name"],
                    official_name=raw["official_name"],
                    regions=tuple(DatedName(**r) for r in raw["regions"]),
                    aliases=tuple(raw.get("aliases", ())),
                )
            )
        return cls(items)

    @classmethod
    def read(cls, path: Path) -> Municipalities:
        # lazy, for start-up speed: the cached registry needs no YAML parser
        from kommunsk.glossary.yamlfile import load as load_yaml

        return cls.from_data(load_yaml(path).data)

    def __iter__(self) -> Iterator[Municipality]:
        return iter(self._items)

    def __len__(self) -> int:
        return len(self._items)

    def __contains__(self, code: object) -> bool:
        return isinstance(code, str) and _code(code) in self._by_code

    def get(self, code: str) -> Municipality:
        """The municipality with this code ("751" or "0751"); KeyError when there is none."""
        return self._by_code[_code(code)]

    def lookup(self, query: str) -> Municipality:
        """Find by code, name, official name or alias; raises UnknownMunicipality with suggestions."""
        query = query.strip()
        if query.isdigit() and _code(query) in self._by_code:
            return self._by_code[_code(query)]
        key = fold(query)
        found = self._by_key.get(key) or self._by_key.get(key.removesuffix("kommune"))
        if found:
            return found
        raise UnknownMunicipality(query, [m.name for m in self.search_fuzzy(query, limit=3)])

    def search_fuzzy(self, query: str, *, limit: int = 5) -> list[Municipality]:
        """The municipalities whose names are closest to `query`, best first."""
        from rapidfuzz import fuzz, process  # lazy, for start-up speed

        key = fold(query)
        if not key:
            return []
        matches = process.extract(
            key, list(self._by_key), scorer=fuzz.WRatio, limit=limit * 4, score_cutoff=60
        )
        result: list[Municipality] = []
        for name, _score, _index in matches:
            m = self._by_key[name]
            if m not in result:
                result.append(m)
        return result[:limit]

    def search(self, query: str) -> list[Municipality]:
        """Municipalities whose code or any name contains `query` (for listing)."""
        key = fold(query)
        return [m for m in self._items if key in m.code or any(key in fold(n) for n in m.names)]


def _code(code: str) -> str:
    digits = code.strip()
    return digits[-3:] if len(digits) == 4 and digits.startswith("0") else digits
