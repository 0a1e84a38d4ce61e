"""The Glossary: the bundled termbase plus a user's overlays, loaded, checked and queryable.

Concepts answer the same three questions as municipalities do: `get` (by id),
`lookup` (by any term or business form) and `search_fuzzy` (closest words).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from kommunsk.errors import GlossaryError, UnknownConcept
from kommunsk.glossary.model import Concept, RegisterLists
from kommunsk.glossary.municipalities import Municipalities
from kommunsk.glossary.paths import bundled_glossary
from kommunsk.glossary.problems import Problem
from kommunsk.language.danish import fold

if TYPE_CHECKING:
    from kommunsk.glossary.loader import Loaded


@dataclass(frozen=True)
class Meta:
    """The glossary's identity: name, semantic version, release date, schema version."""

    name: str
    version: str
    released: str
    schema_version: int


class Glossary:
    """A loaded, validated glossary. Build it with `Glossary.load` or `kommunsk.load`."""

    def __init__(
        self,
        meta: Meta,
        concepts: Sequence[Concept] | Mapping[str, Concept],
        municipalities: Municipalities | Callable[[], Municipalities],
        *,
        as_of: date | None = None,
        root: Path | None = None,
        overlays: tuple[Path, ...] = (),
        register: RegisterLists | None = None,
    ) -> None:
        self.meta = meta
        self.register = register or RegisterLists()
        self._municipalities = municipalities  # or a function that decodes them when first used
        self.as_of = as_of
        self.root = root
        self.overlays = overlays
        # a Mapping may decode concepts on demand (the disk cache does), so a check
        # only builds the concepts it reports on
        self._by_id: Mapping[str, Concept] = (
            concepts if isinstance(concepts, Mapping) else {c.id: c for c in concepts}
        )

    def dated(self, as_of: date) -> Glossary:
        """The same glossary, valid as of `as_of`; nothing not yet decoded is decoded for it."""
        return Glossary(
            self.meta,
            self._by_id,
            self._municipalities,
            as_of=as_of,
            root=self.root,
            overlays=self.overlays,
            register=self.register,
        )

    @property
    def municipalities(self) -> Municipalities:
        """The 98 municipalities (decoded from the cache the first time they are asked for)."""
        found = self._municipalities
        if not isinstance(found, Municipalities):
            found = self._municipalities = found()
        return found

    @cached_property
    def concepts(self) -> tuple[Concept, ...]:
        """Every concept, in the order the glossary lists them."""
        return tuple(self._by_id.values())

    @classmethod
    def load(
        cls,
        overlays: Sequence[str | Path] = (),
        *,
        as_of: date | None = None,
        root: str | Path | None = None,
    ) -> Glossary:
        """Load the bundled glossary (or `root`) plus overlays; raise GlossaryError on any problem."""
        base = Path(root) if root else bundled_glossary()
        loaded, problems = read_all(base, [Path(p) for p in overlays])
        if problems:
            raise GlossaryError(problems)
        meta = Meta(
            name=loaded.meta["name"],
            version=loaded.meta["version"],
            released=loaded.meta["released"],
            schema_version=loaded.meta["schema_version"],
        )
        municipalities = Municipalities.from_data(loaded.municipalities, loaded.profiles)
        return cls(
            meta,
            loaded.concepts,
            municipalities,
            as_of=as_of,
            root=base,
            overlays=tuple(Path(p) for p in overlays),
            register=RegisterLists(
                names=tuple(n["name"] for n in loaded.register.get("names", ())),
                loanwords=tuple(w["word"] for w in loaded.register.get("loanwords", ())),
            ),
        )

    @property
    def version(self) -> str:
        return self.meta.version

    @property
    def day(self) -> date:
        """The date validity periods are applied for (today unless loaded 'as of' a date)."""
        return self.as_of or date.today()

    def __iter__(self) -> Iterator[Concept]:
        return iter(self.concepts)

    def __len__(self) -> int:
        return len(self._by_id)

    def __contains__(self, concept_id: object) -> bool:
        return concept_id in self._by_id

    def get(self, concept_id: str) -> Concept:
        """The concept with this id; KeyError when there is none."""
        return self._by_id[concept_id]

    def lookup(self, word: str) -> Concept:
        """The concept whose term, business form or id is `word` (any case, any diacritics)."""
        found = self._words.get(fold(word))
        if found:
            return found[0]
        raise UnknownConcept(word, [w for w, _ in self.search_fuzzy(word, limit=5)])

    def search_fuzzy(self, word: str, *, limit: int = 5) -> list[tuple[str, Concept]]:
        """The closest written words and their concepts, best first."""
        from rapidfuzz import fuzz, process  # lazy, for start-up speed

        key = fold(word)
        if not key:
            return []
        results: list[tuple[str, Concept]] = []
        for _key, _score, index in process.extract(
            key, self._word_keys, scorer=fuzz.WRatio, limit=limit * 3, score_cutoff=70
        ):
            shown, concept = self._word_list[index]
            if all(concept is not c for _, c in results):
                results.append((shown, concept))
        return results[:limit]

    @cached_property
    def _word_list(self) -> list[tuple[str, Concept]]:
        words: list[tuple[str, Concept]] = []
        for concept in self.concepts:
            words += [(t.term, concept) for t in concept.terms]
            words += [(b.form, concept) for b in concept.business_forms]
            words += [(v.term, concept) for v in concept.variants]
            words.append((concept.id, concept))
        return words

    @cached_property
    def _word_keys(self) -> list[str]:
        return [fold(w) for w, _ in self._word_list]

    @cached_property
    def _words(self) -> dict[str, list[Concept]]:
        index: dict[str, list[Concept]] = {}
        for (_, concept), key in zip(self._word_list, self._word_keys, strict=True):
            index.setdefault(key, [])
            if concept not in index[key]:
                index[key].append(concept)
        return index


def read_all(root: Path, overlays: list[Path]) -> tuple[Loaded, list[Problem]]:
    """Read, extend and check a glossary directory with overlays; return data and all problems."""
    # lazy, for start-up speed: YAML and the JSON Schema validator are needed only on a cache miss
    from kommunsk.glossary.checks import check
    from kommunsk.glossary.loader import read_directory, read_overlays

    loaded = read_directory(root)
    if overlays:
        read_overlays(overlays, loaded)
    problems = list(loaded.problems)
    problems += _apply_extensions(loaded)
    _attach_local_variants(loaded)
    codes = {str(m["code"]) for m in loaded.municipalities.get("municipalities", ())}
    if loaded.meta:
        problems += check(loaded, codes)
    return loaded, problems


def _attach_local_variants(loaded: Loaded) -> None:
    """Give each concept with a `local` source the variants its category's profile facts name."""
    from kommunsk.glossary import records  # lazy, like read_all's imports
    from kommunsk.glossary.local import variants_from

    for index, concept in enumerate(loaded.concepts):
        if concept.local is None:
            continue
        found = variants_from(concept.local, loaded.profiles)
        taken = {(v.code, v.term) for v in concept.variants}
        extra = tuple(v for v in found if (v.code, v.term) not in taken)
        if extra:
            origin = loaded.origins.pop(id(concept))
            loaded.concepts[index] = records.with_variants(concept, extra)
            loaded.origins[id(loaded.concepts[index])] = origin


def _apply_extensions(loaded: Loaded) -> list[Problem]:
    from kommunsk.glossary import records  # lazy, like read_all's imports

    problems: list[Problem] = []
    positions = {c.id: i for i, c in enumerate(loaded.concepts)}
    for raw, origin in loaded.extensions:
        index = positions.get(raw["id"])
        if index is None:
            problems.append(
                Problem(origin.location("id"), f"extends unknown concept '{raw['id']}'", raw["id"])
            )
            continue
        base = loaded.concepts[index]
        taken = {v.code for v in base.variants}
        for code in raw.get("variants", {}):
            if code in taken:
                problems.append(
                    Problem(
                        origin.location("variants", code, key=True),
                        f"municipality {code} already has a variant at {base.location}; "
                        "remove one of them",
                        base.id,
                        f"variants > {code}",
                    )
                )
        extended = records.extend(base, raw)
        loaded.origins[id(extended)] = loaded.origins[id(base)]
        loaded.concepts[index] = extended
    return problems
