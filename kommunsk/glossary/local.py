"""Local variants from the municipality profiles: each municipality's own committee, its word for a plejecenter.

A concept that says `local: {category: committee, covers: [ældre]}` gets, for
every municipality whose profile names a committee covering ældre, a variant
with that committee's name, its source and its dates. Check then suggests the
municipality's own name where a text uses another one. Only dated committees
become variants (a committee seen in an unknown council term could be long
gone), and administration names seen only before 2018 do not; words for
elder care hold until a profile says otherwise.
"""

from __future__ import annotations

import re
from typing import Any

from kommunsk.glossary.model import LocalSource, Variant
from kommunsk.glossary.records import source

Data = dict[str, Any]
WORD_CATEGORIES = frozenset({"elder_care_place", "home_care"})  # their `words` become variants
RECENT = "2018"  # administration names seen only before this year do not become variants
_REMARK = re.compile(r"\s*\([^)]*\)")  # "Socialforvaltningen (SOF)"
_QUOTES = '"”“«»'


def variants_from(local: LocalSource, profiles: dict[str, Data]) -> tuple[Variant, ...]:
    """The variants a concept's local source stands for, in municipality-code order."""
    found: dict[tuple[str, str], Variant] = {}
    for code in sorted(profiles):
        for fact in profiles[code].get("facts", ()):
            if _applies(local, fact):
                for term in _terms(fact):
                    found.setdefault((code, term), _variant(code, term, fact))
    return tuple(found.values())


def _applies(local: LocalSource, fact: Data) -> bool:
    if fact["category"] != local.category:
        return False
    if local.category == "committee" and not fact.get("valid_from"):
        return False
    if local.category == "administration" and _seen_before(fact, RECENT):
        return False  # administrations are reorganised: a name seen years ago may be gone
    return not local.covers or bool(set(local.covers) & set(fact.get("covers", ())))


def _seen_before(fact: Data, year: str) -> bool:
    """Was the fact only seen before `year` (by its council term or its page's date)?"""
    seen = fact.get("term_of_office", "")[-4:] or str(fact["source"].get("published", ""))[:4]
    return bool(seen) and seen < year


def _terms(fact: Data) -> list[str]:
    """The words a text would use: the plain words, or the name without a bracketed remark."""
    if fact["category"] in WORD_CATEGORIES:
        return list(fact.get("words", ()))
    name = _REMARK.sub("", fact["term"]).strip()
    if not name[:1].isupper() or any(mark in name for mark in _QUOTES):
        return []  # a committee or administration is named with a capital; a description is not
    terms = [name]
    abbreviation = fact.get("abbreviation")
    if abbreviation and abbreviation.isupper() and len(abbreviation) >= 3:
        terms.append(abbreviation)
    return terms


def _variant(code: str, term: str, fact: Data) -> Variant:
    return Variant(
        code=code,
        term=term,
        source=source(fact["source"]),
        verified=fact["verified"],
        valid_from=fact.get("valid_from"),
        valid_to=fact.get("valid_to"),
        note=fact["summary"],
    )
