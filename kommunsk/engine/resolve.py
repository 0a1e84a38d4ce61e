"""Choose among candidate matches: context conditions, validity, and one winner per span.

Overlaps resolve to the longest match; on the same span the most specific
wins (a satisfied context condition, then any match before a fuzzy one, a
glossary word before a municipality's local name, exact before lemma before
compound, then jargon before a recognised term). Fuzzy candidates can
therefore never outrank an exact or lemma match.
"""

from __future__ import annotations

from datetime import date

from kommunsk.engine.candidates import MATCH_RANK, Candidate
from kommunsk.engine.context import Surroundings, context_ok
from kommunsk.engine.index import Entry
from kommunsk.glossary.termbase import Glossary

ROLE_RANK = {"business": 0, "variant": 1, "term": 2}


def resolve(
    candidates: list[Candidate],
    entries: list[Entry],
    around: Surroundings,
    glossary: Glossary,
    day: date,
) -> list[Candidate]:
    """The winning candidates: at most one per span, none overlapping, sorted by start."""
    usable = [
        c
        for c in candidates
        if context_ok(entries[c.entry], c, around)
        and not glossary.get(entries[c.entry].concept).is_future(day)
    ]
    usable.sort(key=lambda c: _rank(c, entries[c.entry]))
    taken = bytearray(len(around.words))  # candidates span whole words, so overlap is per word
    chosen: list[Candidate] = []
    for candidate in usable:
        if any(taken[candidate.first : candidate.last + 1]):
            continue
        taken[candidate.first : candidate.last + 1] = b"\x01" * (
            candidate.last - candidate.first + 1
        )
        chosen.append(candidate)
    return sorted(chosen, key=lambda c: c.start)


def _rank(candidate: Candidate, entry: Entry) -> tuple[int, ...]:
    return (
        -(candidate.end - candidate.start),
        0 if entry.requires else 1,
        candidate.match == "fuzzy",
        # one municipality's name for something ("Socialudvalget") says less about the concept
        # than a glossary term that matches the same words
        entry.role == "variant",
        MATCH_RANK[candidate.match],
        ROLE_RANK[entry.role],
        -candidate.score,
        candidate.start,
    )
