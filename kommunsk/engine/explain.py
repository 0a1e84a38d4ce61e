"""Explain a municipal term, or a business word, for a company: the whole concept, with its local variant."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from kommunsk.engine.annotator import Annotator
from kommunsk.glossary.model import Concept, Variant
from kommunsk.glossary.municipalities import Municipality
from kommunsk.glossary.serial import to_data
from kommunsk.glossary.termbase import Glossary

FUZZY_CUTOFF = 86
# (concept id, glossary word, match type, matched length) for every glossary word a text could be
WordFinder = Callable[[str], list[tuple[str, str, str, int]]]


@dataclass(frozen=True)
class Explanation:
    """What a query resolved to, or the closest words when it resolved to nothing."""

    query: str
    found: bool
    glossary_version: str
    concept: Concept | None = None
    matched: str | None = None
    match: str | None = None
    municipality: Municipality | None = None
    local: tuple[Variant, ...] = ()
    replaced_by: Concept | None = None
    did_you_mean: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        if not self.found or self.concept is None:
            return {"query": self.query, "found": False, "did_you_mean": list(self.did_you_mean)}
        concept = to_data(self.concept)
        concept.pop("location", None)
        return {
            "query": self.query,
            "found": True,
            "matched": self.matched,
            "match": self.match,
            "concept": concept,
            "municipality": to_data(self.municipality) if self.municipality else None,
            "local_variants": to_data(self.local),
            "replaced_by": self.replaced_by.id if self.replaced_by else None,
        }


def explain(
    glossary: Glossary,
    query: str,
    find_word: WordFinder,
    *,
    municipality: Municipality | None = None,
    as_of: date | None = None,
) -> Explanation:
    """Resolve `query` by written form, inflection, compound or typo, and gather what to show."""
    day = as_of or glossary.day
    concept, matched, how = _resolve(glossary, query, find_word)
    if concept is None:
        close = tuple(dict.fromkeys(word for word, _ in glossary.search_fuzzy(query, limit=5)))
        return Explanation(query, False, glossary.version, did_you_mean=close)
    local = concept.variants_for(municipality.code, day) if municipality else ()
    replacement = None
    if concept.is_retired(day) and concept.replaced_by in glossary:
        replacement = glossary.get(concept.replaced_by or "")
    return Explanation(
        query, True, glossary.version, concept, matched, how, municipality, local, replacement
    )


def _resolve(
    glossary: Glossary, query: str, find_word: WordFinder
) -> tuple[Concept | None, str | None, str | None]:
    text = " ".join(query.split())
    if not text:
        return None, None, None
    try:
        return glossary.lookup(text), text, "exact"
    except LookupError:
        pass
    for concept_id, word, match, length in find_word(text):
        if length >= len(text) * 0.6:
            return glossary.get(concept_id), word, match
    close = glossary.search_fuzzy(text, limit=1)
    if close:
        word, concept = close[0]
        from rapidfuzz import fuzz  # lazy, for start-up speed (see candidates.Scorer)

        if fuzz.ratio(text.casefold(), word.casefold()) >= FUZZY_CUTOFF:
            return concept, word, "fuzzy"
    return None, None, None


def explain_with(
    engine: Annotator,
    query: str,
    *,
    municipality: str | Municipality | None = None,
    as_of: date | None = None,
) -> Explanation:
    """`explain` with an Annotator: the municipality may be a name, and inflected forms resolve."""
    place = engine.municipality(municipality)
    day = as_of or engine.glossary.day
    return explain(
        engine.glossary,
        query,
        engine.lookup,
        municipality=place,
        as_of=day,
    )
