"""English words in Danish text: the jargon no glossary can list in full.

Business text borrows English freely ("showcase", "pipeline", "product-market
fit", "startuppet"), and a municipal reader finds each one alien. A word counts
as English when spaCy's English lemma table knows it and the Danish one does
not; Danish endings on an English stem ("boardet", "startuppet", "pitch'en"),
hyphenated compounds with an English part ("velfærds-setup") and closed
compounds with an English first part ("onboardingforløb") count too. Names,
quotations, words the glossary already matched, words municipalities write
themselves (the glossary's loanwords) and capitalised sentence starts (too
often a company's name) are left alone. Neighbouring English words form one
finding ("high trust society").
"""

from __future__ import annotations

from collections.abc import Sequence

from kommunsk.language.lexicon import Lexicon
from kommunsk.language.tokenise import Token

MIN_STEM = 4  # a standalone English word must be at least this long ("hype", "lead")
MIN_PREFIX, MIN_REST = 5, 5  # both parts of "onboarding|forløb" must be real words, not endings
MAX_COMPOUND = 40
MAX_MEMO = 200_000  # longer tokens are not split (and a hostile 100,000-letter "word" stays cheap)
ENDINGS = ("erne", "ene", "ens", "ets", "en", "et", "er", "es", "e", "s")
JOINING = frozenset({"of", "and", "the", "to", "for", "on", "in", "with", "by", "as", "a"})


class EnglishWords:
    """Decides, word by word, whether a token is English that a municipality would not write."""

    def __init__(self, english: Lexicon, danish: Lexicon, loanwords: frozenset[str]) -> None:
        self.english = english
        self.danish = danish
        self.loanwords = loanwords
        self._memo: dict[str, bool] = {}  # lower-case word -> English? (a text repeats its words)

    def runs(
        self, text: str, words: Sequence[Token], skip: Sequence[bool], starts: Sequence[bool]
    ) -> list[tuple[int, int]]:
        """(first, last) word indices of each run of English words; `skip` marks words to leave alone.

        A run never crosses a sentence boundary, and joining words ("of", "and") stay inside it.
        """
        found: list[tuple[int, int]] = []
        memo = self._memo
        # most words are known not to be English: leave them out before looking closer
        open_words = [
            i
            for i, (word, skipped) in enumerate(zip(words, skip, strict=True))
            if not skipped and memo.get(word.lower) is not False
        ]
        index = 0
        for candidate in open_words:
            if candidate < index or not self._alien(text, words[candidate], starts[candidate]):
                continue
            first = last = candidate
            while (
                not starts[first]
                and first > 0
                and self._joins(text, words[first - 1], skip[first - 1])
            ):
                first -= 1
            probe = last + 1
            while (
                probe < len(words)
                and not starts[probe]
                and self._joins(text, words[probe], skip[probe])
            ):
                if words[probe].lower not in JOINING:
                    last = probe
                probe += 1
            while words[first].lower in JOINING and first < last:
                first += 1
            found.append((first, last))
            index = max(probe, last + 1)
        return found

    def _joins(self, text: str, word: Token, skip: bool) -> bool:
        """A neighbour joins a run when it is English too (even if Danish also has the word)."""
        if skip or not text[word.start : word.end][:1].islower():
            return False
        return word.lower in JOINING or word.lower in self.english or self._alien(text, word, False)

    def any_english(self, text: str) -> bool:
        """Is any part of `text` (split at spaces and hyphens) an English word Danish lacks?"""
        parts = text.lower().replace("-", " ").split()
        return any(self._english(part, MIN_STEM) for part in parts)

    def _alien(self, text: str, word: Token, sentence_start: bool) -> bool:
        written = text[word.start : word.end]
        if not written[:1].isalpha() or (
            written[:1].isupper() and (sentence_start or written.isupper())
        ):
            return False
        found = self._memo.get(word.lower)
        if found is None:
            if len(self._memo) > MAX_MEMO:
                self._memo.clear()
            found = self._memo[word.lower] = self._alien_word(word.lower)
        return found

    def _alien_word(self, lower: str) -> bool:
        if lower in self.loanwords:
            return False
        if "-" in lower:
            if lower.replace("-", "") in self.danish:
                return False  # a word split at a line break ("implemente-rede"), not a compound
            return any(self._english(part, MIN_STEM) for part in lower.split("-"))
        return self._english(lower, MIN_STEM) or self._english_prefix(lower)

    def _english(self, word: str, shortest: int) -> bool:
        """An English word, perhaps with a Danish ending, that Danish and the loanwords lack."""
        base = word.split("'")[0]
        if base in self.danish or not base.isascii():
            return False
        stems = _stems(base)
        if any(stem in self.loanwords for stem in stems):
            return False
        return any(len(stem) >= shortest and stem in self.english for stem in stems)

    def _english_prefix(self, word: str) -> bool:
        """A closed compound whose first part is English and whose rest is Danish: "onboardingforløb"."""
        if word in self.danish or len(word) > MAX_COMPOUND:
            return False
        for cut in range(len(word) - MIN_REST, MIN_PREFIX - 1, -1):
            prefix, rest = word[:cut], word[cut:]
            if rest[:1] == "s" and rest[1:] in self.danish and len(rest) > MIN_REST:
                rest = rest[1:]
            if len(rest) >= MIN_REST and rest in self.danish and self._english(prefix, MIN_PREFIX):
                return True
        return False


def _stems(word: str) -> list[str]:
    """The word and what is left after a Danish ending (and an undoubled final consonant)."""
    stems = [word]
    for ending in ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            stem = word[: -len(ending)]
            stems.append(stem)
            if len(stem) > 3 and stem[-1] == stem[-2]:
                stems.append(stem[:-1])
    return stems
