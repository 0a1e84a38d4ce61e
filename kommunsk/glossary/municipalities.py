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
from typing import Any

from kommunsk.errors import UnknownMunicipality
from kommunsk.glossary.model import Source
from kommunsk.glossary.records import source as read_source
from kommunsk.language.danish import fold, sort_key

# what a municipality's local facts are about, in the order a profile shows them
CATEGORIES = ("committee", "administration", "elder_care_place", "home_care", "job_centre", "other")


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
class LocalFact:
    """Something one municipality calls by its own name, with the page that says so.

    Committees and administrations say which areas they cover; a fact seen in an
    older council term carries that term's dates.
    """

    category: str
    term: str
    source: Source
    summary: str
    verified: bool = True
    covers: tuple[str, ...] = ()
    abbreviation: str | None = None
    words: tuple[str, ...] = ()
    term_of_office: str | None = None
    valid_from: str | None = None
    valid_to: str | None = None
    note: str | None = None

    def holds_on(self, day: date) -> bool:
        return DatedName(self.term, self.valid_from, self.valid_to).holds_on(day)


@dataclass(frozen=True)
class Municipality:
    """One municipality: official three-digit code, names, dated region membership, local facts."""

    code: str
    name: str
    official_name: str
    regions: tuple[DatedName, ...]
    aliases: tuple[str, ...] = ()
    web: str | None = None
    facts: tuple[LocalFact, ...] = ()

    def facts_of(self, category: str, on: date | None = None) -> tuple[LocalFact, ...]:
        """The facts of one category; with a day, only those that hold on it."""
        return tuple(
            f for f in self.facts if f.category == category and (on is None or f.holds_on(on))
        )

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
    def from_data(
        cls, data: dict[str, object], profiles: dict[str, dict[str, Any]] | None = None
    ) -> Municipalities:
        """The registry from municipalities.yaml's data and the profiles' data (by code)."""
        items = []
        for raw in data["municipalities"]:  # type: ignore[attr-defined]
            profile = (profiles or {}).get(raw["code"], {})
            items.append(
                Municipality(
                    code=raw["code"],
                    name=raw["name"],
                    official_name=raw["official_name"],
                    regions=tuple(DatedName(**r) for r in raw["regions"]),
                    aliases=tuple(raw.get("aliases", ())),
                    web=profile.get("web"),
                    facts=tuple(local_fact(f) for f in profile.get("facts", ())),
                )
            )
        return cls(items)

    @classmethod
    def read(cls, path: Path, profiles: list[Path] = ()) -> Municipalities:  # type: ignore[assignment]
        """The registry from municipalities.yaml and the profile files, read straight from YAML."""
        # lazy, for start-up speed: the cached registry needs no YAML parser
        from kommunsk.glossary.yamlfile import load as load_yaml

        found = {}
        for file in profiles:
            data = load_yaml(file).data
            found[str(data["code"])] = data
        return cls.from_data(load_yaml(path).data, found)

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

    def find_one(self, query: str) -> Municipality | None:
        """The municipality `query` names exactly (code, name, official name or alias), or None."""
        try:
            return self.lookup(query)
        except UnknownMunicipality:
            return None

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

    def search(self, query: str, on: date | None = None) -> list[Municipality]:
        """Municipalities whose code or any name contains `query`, or all of a region (on the day).

        "Region Sjælland" (or "sjælland") lists exactly the municipalities that belong
        to that region on the day.
        """
        key = fold(query)
        region = self.region_named(query, on)
        if region:
            return [m for m in self._items if m.region(on) == region]
        return [m for m in self._items if key in m.code or any(key in fold(n) for n in m.names)]

    def region_named(self, query: str, on: date | None = None) -> str | None:
        """The region `query` names ("Region Sjælland", "sjælland", "Østdanmark"), if any on the day."""
        key = fold(query).removeprefix("region")
        if not key:
            return None
        names = {r.name for m in self._items for r in m.regions if r.holds_on(on or date.today())}
        for name in sorted(names):
            if fold(name).removeprefix("region") == key:
                return name
        return None


def from_cache(data: dict[str, Any]) -> Municipality:
    """A Municipality from its cached data (`serial.to_data`'s shape), built directly.

    A check for a municipality loads all 98 with their local facts; the generic
    `serial.from_data` costs tens of milliseconds here, this a few.
    """
    return Municipality(
        code=data["code"],
        name=data["name"],
        official_name=data["official_name"],
        regions=tuple(DatedName(**r) for r in data["regions"]),
        aliases=tuple(data["aliases"]),
        web=data["web"],
        facts=tuple(
            LocalFact(
                **{
                    **f,
                    "source": Source(**f["source"]),
                    "covers": tuple(f["covers"]),
                    "words": tuple(f["words"]),
                }
            )
            for f in data["facts"]
        ),
    )


def local_fact(data: dict[str, Any]) -> LocalFact:
    """A LocalFact from a profile's schema-checked data."""
    return LocalFact(
        category=data["category"],
        term=data["term"],
        source=read_source(data["source"]),
        summary=data["summary"],
        verified=data["verified"],
        covers=tuple(data.get("covers", ())),
        abbreviation=data.get("abbreviation"),
        words=tuple(data.get("words", ())),
        term_of_office=data.get("term_of_office"),
        valid_from=data.get("valid_from"),
        valid_to=data.get("valid_to"),
        note=data.get("note"),
    )


def _code(code: str) -> str:
    digits = code.strip()
    return digits[-3:] if len(digits) == 4 and digits.startswith("0") else digits
