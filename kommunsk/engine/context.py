"""Context: whether the words around a match let it count (the glossary's context conditions)."""

from __future__ import annotations

from kommunsk.engine.candidates import Candidate
from kommunsk.engine.index import Entry
from kommunsk.language.tokenise import Token


def context_ok(entry: Entry, candidate: Candidate, tokens: list[Token]) -> bool:
    """Do the words around the match satisfy the entry's context condition?"""
    if not entry.requires and not entry.excludes:
        return True
    low = max(0, candidate.first - entry.window)
    high = min(len(tokens), candidate.last + entry.window + 1)
    around = {
        t.lower
        for k, t in enumerate(tokens[low:high], low)
        if not candidate.first <= k <= candidate.last
    }
    if entry.excludes and around.intersection(entry.excludes):
        return False
    return not entry.requires or bool(around.intersection(entry.requires))
