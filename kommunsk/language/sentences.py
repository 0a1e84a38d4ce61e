"""Sentences: which words begin one, and which sentence each word belongs to.

Danish capitalises only names and the first word of a sentence, so knowing
where sentences begin tells a name ("vi bruger Trustpilot") from a capitalised
ordinary word ("Kunderne er glade"). A sentence ends at ".", "!" or "?" when
the next word begins with a capital or a digit, at a colon or a line break
before a capital, and always at a blank line (headings, list items and
paragraphs are sentences of their own). Abbreviations such as "bl.a." and
"fx" are followed by a lower-case word, so they do not end a sentence.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import accumulate
from operator import itemgetter

from kommunsk.language.tokenise import Token

_END = re.compile(r"[.!?]")
_BLANK_LINE = re.compile(r"\n[ \t]*\n")
_OPENERS = "\"'“”„«»‘’([{*#>-–—•·"  # may stand between a sentence end and the next word


@dataclass(frozen=True)
class Sentences:
    """Per word: does it begin a sentence, and the number of the sentence it is in."""

    starts: tuple[bool, ...]
    ids: tuple[int, ...]

    def bounds(self, index: int) -> tuple[int, int]:
        """The first and last word index of the sentence that word `index` is in."""
        sentence = self.ids[index]
        first = index
        while first > 0 and self.ids[first - 1] == sentence:
            first -= 1
        last = index
        while last + 1 < len(self.ids) and self.ids[last + 1] == sentence:
            last += 1
        return first, last


def split(text: str, words: Sequence[Token]) -> Sentences:
    """Sentence starts and numbers for the words of `text`.

    Only a gap holding ".", "!", "?", ":" or a line break can end a sentence,
    so only the words after such characters are looked at (a tenth of them in prose).
    """
    if not words:
        return Sentences((), ())
    starts = [False] * len(words)
    starts[0] = True
    positions = list(map(itemgetter(0), words))
    for mark in _MAY_END.finditer(text):
        index = bisect_right(positions, mark.start())
        if 0 < index < len(words) and not starts[index]:
            gap = text[words[index - 1].end : words[index].start]
            starts[index] = _breaks(gap, text[words[index].start])
    ids = [count - 1 for count in accumulate(starts)]
    return Sentences(tuple(starts), tuple(ids))


_MAY_END = re.compile(r"[.!?:\n]")


def _breaks(gap: str, first: str) -> bool:
    """Does the text between two words end a sentence, given the next word's first letter?"""
    if gap == " ":
        return False  # the common case: two words of one sentence
    if _BLANK_LINE.search(gap):
        return True
    opening = first.isupper() or first.isdigit()
    if not opening:
        return False
    core = gap.strip(" \t" + _OPENERS)
    return bool(_END.search(gap)) or ":" in core or "\n" in gap
