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
from collections.abc import Sequence
from dataclasses import dataclass

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
    """Sentence starts and numbers for the words of `text`."""
    starts: list[bool] = []
    ids: list[int] = []
    sentence = 0
    previous_end = 0
    for position, word in enumerate(words):
        gap = text[previous_end : word.start]
        begins = position == 0 or (gap != " " and _breaks(gap, text[word.start]))
        if begins and position > 0:
            sentence += 1
        starts.append(begins)
        ids.append(sentence)
        previous_end = word.end
    return Sentences(tuple(starts), tuple(ids))


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
