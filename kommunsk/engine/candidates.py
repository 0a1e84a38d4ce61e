"""Find candidate matches in normalised text: exact and inflected forms, multiword terms,
compounds, and guarded fuzzy matches for typos.

Everything that depends on a word alone is computed once per distinct word and
memoised, so a long document costs little more than splitting it into words.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import NamedTuple

from kommunsk.engine.index import MIN_COMPOUND_PART, MIN_FUZZY, Entry, FormIndex, fuzzy_key
from kommunsk.language.inflect import classify
from kommunsk.language.lexicon import Lexicon
from kommunsk.language.tokenise import Token

MATCH_RANK = {"exact": 0, "lemma": 1, "compound": 2, "fuzzy": 3}


class Candidate(NamedTuple):
    """A possible match: a span of normalised text and the entry it may be."""

    start: int
    end: int
    entry: int
    match: str  # exact | lemma | compound | fuzzy
    score: int
    slot: str
    first: int  # index of the first token
    last: int  # index of the last token
    part: tuple[int, int] | None = None  # for compounds: the glossary word's span inside the token


class WordHit(NamedTuple):
    entry: int
    match: str
    score: int
    slot: str
    part: tuple[int, int] | None


@dataclass
class Scorer:
    """The fuzzy comparison, replaceable; defaults live here and nowhere else."""

    max_distance: Callable[[int], int] = lambda length: 1 if length <= 7 else 2

    def best(self, word: str, choices: list[str]) -> tuple[str, int] | None:
        # lazy, for start-up speed: rapidfuzz is needed only when a word reaches the fuzzy matcher
        from rapidfuzz import fuzz, process
        from rapidfuzz.distance import Levenshtein

        limit = self.max_distance(len(word))
        found = process.extractOne(word, choices, scorer=Levenshtein.distance, score_cutoff=limit)
        if not found:
            return None
        return found[0], round(fuzz.ratio(word, found[0]))


class Matcher:
    """Candidate matches for one index; create once, call `candidates` for each text."""

    def __init__(self, index: FormIndex, lexicon: Lexicon, scorer: Scorer | None = None) -> None:
        self.index = index
        self.lexicon = lexicon
        self.scorer = scorer or Scorer()
        self._memo: dict[str, tuple[WordHit, ...]] = {}
        self._buckets: dict[tuple[str, int], list[str]] = {}
        self._modifier_lengths = index.modifier_lengths
        self._head_lengths = index.head_lengths
        self._modifier_starts = {m[:2] for m in index.modifiers}

    def candidates(self, text: str, tokens: list[Token]) -> list[Candidate]:
        """All candidate matches in `text`, unresolved (overlaps allowed)."""
        found: list[Candidate] = []
        multi = self.index.multi
        for i, token in enumerate(tokens):
            lower = token.lower
            if lower in multi:
                found += self._multi(text, tokens, i)
            written = text[token.start : token.end]
            cased = self.index.cased.get(written)
            if cased:
                found += [
                    Candidate(token.start, token.end, e, "exact", 100, slot, i, i)
                    for e, slot in cased
                ]
            elif "-" in written and self.index.cased:
                found += self._cased_parts(written, token, i)
            hits = self._memo.get(lower)
            if hits is None:
                hits = self._memo[lower] = self._word(lower)
            for hit in hits:
                found.append(
                    Candidate(
                        token.start,
                        token.end,
                        hit.entry,
                        hit.match,
                        hit.score,
                        hit.slot,
                        i,
                        i,
                        hit.part,
                    )
                )
        return found

    def entry(self, entry_id: int) -> Entry:
        return self.index.entries[entry_id]

    def _word(self, word: str) -> tuple[WordHit, ...]:
        direct = self.index.forms.get(word)
        if direct:
            return tuple(
                WordHit(
                    e,
                    "exact" if word == self.index.entries[e].word.lower() else "lemma",
                    100,
                    slot,
                    None,
                )
                for e, slot in direct
            )
        if "-" in word:
            return self._hyphenated(word)
        if len(word) >= 2 * MIN_COMPOUND_PART:
            compound = self._compound(word)
            if compound:
                return compound
        if len(word) >= MIN_FUZZY and word.isalpha() and word not in self.lexicon:
            return self._fuzzy(word)
        return ()

    def _cased_parts(self, written: str, token: Token, i: int) -> list[Candidate]:
        """Case-sensitive abbreviations inside hyphenated compounds: RFI-processen, KAM-team."""
        position = 0
        for part in written.split("-"):
            hits = self.index.cased.get(part)
            if hits:
                span = (position, position + len(part))
                return [
                    Candidate(token.start, token.end, e, "compound", 95, slot, i, i, span)
                    for e, slot in hits
                    if self.index.entries[e].compounds != "none"
                ]
            position += len(part) + 1
        return []

    def _hyphenated(self, word: str) -> tuple[WordHit, ...]:
        parts = word.split("-")
        offsets = []
        position = 0
        for part in parts:
            offsets.append((position, position + len(part)))
            position += len(part) + 1
        # longest run of parts that is a glossary word, preferring the head (last parts)
        for size in range(len(parts) - 1, 0, -1):
            for first in (len(parts) - size, 0):
                key = "-".join(parts[first : first + size])
                hits = [
                    (e, s)
                    for e, s in self.index.forms.get(key, ())
                    if self.index.entries[e].compounds != "none"
                ]
                if hits:
                    span = (offsets[first][0], offsets[first + size - 1][1])
                    return tuple(WordHit(e, "compound", 95, s, span) for e, s in hits)
        return ()

    def _compound(self, word: str) -> tuple[WordHit, ...]:
        return self._head(word) or self._modifier(word)

    def _head(self, word: str) -> tuple[WordHit, ...]:
        for length in self._head_lengths:
            if length > len(word) - MIN_COMPOUND_PART:
                continue
            hits = [
                (e, s)
                for e, s in self.index.forms.get(word[-length:], ())
                if self.index.entries[e].compounds == "all"
            ]
            if hits and self._is_word(word[:-length], linking=True):
                span = (len(word) - length, len(word))
                return tuple(WordHit(e, "compound", 90, s, span) for e, s in hits)
        return ()

    def _modifier(self, word: str) -> tuple[WordHit, ...]:
        if word[:2] not in self._modifier_starts:
            return ()
        for length in self._modifier_lengths:
            if length > len(word) - MIN_COMPOUND_PART:
                continue
            entries = self.index.modifiers.get(word[:length])
            if entries and self._is_word(word[length:], linking=False):
                bare = (
                    length - 1
                    if word[length - 1] in "se" and word[: length - 1] in self.index.modifiers
                    else length
                )
                return tuple(WordHit(e, "compound", 90, "modifier", (0, bare)) for e in entries)
        return ()

    def _is_word(self, text: str, *, linking: bool) -> bool:
        """Is `text` an ordinary word (or two), so that the compound split is real?"""
        options = [text]
        if linking and text[-1:] in ("s", "e"):
            options.append(text[:-1])
        for option in options:
            if len(option) >= MIN_COMPOUND_PART and (
                option in self.lexicon or option in self.index.forms
            ):
                return True
        if not linking:
            for cut in range(MIN_COMPOUND_PART, len(text) - MIN_COMPOUND_PART + 1):
                left, right = text[:cut], text[cut:]
                if (
                    left in self.lexicon or (left[-1] == "s" and left[:-1] in self.lexicon)
                ) and right in self.lexicon:
                    return True
        return False

    def _fuzzy(self, word: str) -> tuple[WordHit, ...]:
        bucket = self._bucket(word[0], len(word))
        if not bucket:
            return ()
        best = self.scorer.best(word, bucket)
        if not best:
            return ()
        form, score = best
        return tuple(
            WordHit(e, "fuzzy", score, slot, None)
            for e, slot in self.index.forms.get(form, ())
            if self.index.entries[e].fuzzy
        )

    def _bucket(self, first: str, length: int) -> list[str]:
        """Glossary forms that start like `first` and are within reach of a word this long."""
        key = (first, length)
        found = self._buckets.get(key)
        if found is None:
            reach = self.scorer.max_distance(length)
            found = [
                form
                for size in range(length - reach, length + reach + 1)
                for form in self.index.fuzzy.get(fuzzy_key(first, size), ())
            ]
            self._buckets[key] = found
        return found

    def _multi(self, text: str, tokens: list[Token], i: int) -> list[Candidate]:
        found = []
        for pattern in self.index.multi[tokens[i].lower]:
            entry, head = int(pattern[0][0]), int(pattern[0][1])
            words = pattern[1:]
            last = i + len(words) - 1
            if last >= len(tokens):
                continue
            if all(tokens[i + k].lower in words[k] for k in range(len(words))):
                if self.index.entries[entry].case_sensitive and not _written_as(
                    text, tokens[i : last + 1], self.index.entries[entry].word
                ):
                    continue  # "Børn og Unge" (a name) is not "børn og unge"
                written = self.index.entries[entry].word.lower()
                text = " ".join(t.lower for t in tokens[i : last + 1])
                kind = "exact" if text == written else "lemma"
                slot = classify(tokens[i + head].lower, self.index.slots.get(entry, {})) or ""
                found.append(
                    Candidate(tokens[i].start, tokens[last].end, entry, kind, 100, slot, i, last)
                )
        return found


def _written_as(text: str, tokens: list[Token], word: str) -> bool:
    """Are the tokens written with the capitals of the glossary word (its first letters)?"""
    parts = word.split()
    if len(parts) != len(tokens):
        return False
    return all(
        text[t.start : t.start + 1] == part[:1] for t, part in zip(tokens, parts, strict=True)
    )
