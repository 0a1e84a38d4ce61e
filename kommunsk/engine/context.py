"""Context: whether the words around a match let it count (the glossary's context conditions).

A condition looks in one of three scopes: a window of words either side (the
default), the whole sentence, or the whole document. A word with two senses
("kunder" who are citizens, or companies buying something) usually needs the
sentence; a subject ("patienterne" in a proposal about home care) the document.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from kommunsk.engine.candidates import Candidate
from kommunsk.engine.index import Entry
from kommunsk.language.sentences import Sentences
from kommunsk.language.tokenise import Token


@dataclass
class Surroundings:
    """The words of one text, with its sentences; sets of words are built once, on demand."""

    words: list[Token]
    sentences: Sentences
    _document: frozenset[str] | None = field(default=None, repr=False)
    _by_sentence: dict[int, frozenset[str]] = field(default_factory=dict, repr=False)

    def document(self) -> frozenset[str]:
        if self._document is None:
            self._document = frozenset(_with_parts(self.words))
        return self._document

    def sentence(self, index: int) -> frozenset[str]:
        number = self.sentences.ids[index]
        found = self._by_sentence.get(number)
        if found is None:
            first, last = self.sentences.bounds(index)
            found = self._by_sentence[number] = frozenset(_with_parts(self.words[first : last + 1]))
        return found


def _with_parts(words: list[Token]) -> set[str]:
    """The words, and the parts of hyphenated ones ("SaaS-investorer" also counts as "investorer")."""
    found = {w.lower for w in words}
    found.update(part for w in words if "-" in w.lower for part in w.lower.split("-") if part)
    return found


def context_ok(entry: Entry, candidate: Candidate, around: Surroundings) -> bool:
    """Do the words around the match satisfy the entry's context condition?"""
    if not entry.requires and not entry.excludes:
        return True
    if entry.excludes and _near(entry.excludes_scope, entry, candidate, around).intersection(
        entry.excludes
    ):
        return False
    return not entry.requires or bool(
        _near(entry.scope, entry, candidate, around).intersection(entry.requires)
    )


def _near(
    scope: str, entry: Entry, candidate: Candidate, around: Surroundings
) -> frozenset[str] | set[str]:
    """The words a condition looks at in `scope`; the matched words themselves never count."""
    own = {w.lower for w in around.words[candidate.first : candidate.last + 1]}
    if scope == "document":
        return around.document() - own
    if scope == "sentence":
        return around.sentence(candidate.first) - own
    low = max(0, candidate.first - entry.window)
    high = min(len(around.words), candidate.last + entry.window + 1)
    return {
        t.lower
        for k, t in enumerate(around.words[low:high], low)
        if not candidate.first <= k <= candidate.last
    }
