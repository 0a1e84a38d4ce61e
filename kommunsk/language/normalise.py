"""Normalise text for matching while keeping a map back to the caller's original offsets.

Three things would otherwise hide a word: decomposed letters (NFD "å" is two
code points), soft hyphens inside words, and words split by a hyphen at a line
break ("plejehjems-\\nbeboere"). Each normalised character remembers the span
of original characters it came from, so annotations point into the original.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

SOFT_HYPHEN = "\u00ad"
_SPECIAL = re.compile(
    r"[^\W\d_][\u0300-\u036f]+"  # a letter with combining marks (NFD)
    r"|\u00ad"  # soft hyphen
    r"|(?<=[^\W\d_])-[ \t]*\r?\n[ \t]*(?=[a-zæøå])"  # hyphen at a line break inside a word
)


@dataclass(frozen=True)
class Normalised:
    """Normalised text; `starts[i]`/`ends[i]` give the original span of normalised char i."""

    text: str
    starts: list[int] | None = None
    ends: list[int] | None = None

    def original(self, start: int, end: int) -> tuple[int, int]:
        """The original span for a normalised span [start, end)."""
        if self.starts is None or self.ends is None:
            return start, end
        if end <= start:
            at = (
                self.starts[start]
                if start < len(self.starts)
                else self.ends[-1]
                if self.ends
                else 0
            )
            return at, at
        return self.starts[start], self.ends[end - 1]


_SAME_LENGTH = (("\u2019", "'"), ("\u2011", "-"), ("\u00a0", " "))
# quick tests for each of _SPECIAL's alternatives: one scan each for a character or a literal,
# where _SPECIAL itself tries its alternation at every letter of a long text
_COMBINING = re.compile("[\u0300-\u036f]")
_BREAK_HYPHEN = re.compile(r"-[ \t]*\r?\n[ \t]*[a-zæøå]")  # then: is a letter before it?
_LETTER = re.compile(r"[^\W\d_]")


def normalise(text: str) -> Normalised:
    """NFC, without soft hyphens and line-break hyphenation; identity when nothing applies.

    Typographic apostrophes, non-breaking hyphens and spaces become their plain
    forms first; that keeps every offset, so it needs no map.
    """
    for typographic, plain in _SAME_LENGTH:
        if typographic in text:
            text = text.replace(typographic, plain)
    if not (SOFT_HYPHEN in text or _COMBINING.search(text) or _hyphenated_break(text)):
        return Normalised(text)
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    position = 0
    for match in _SPECIAL.finditer(text):
        _copy(text, position, match.start(), out, starts, ends)
        piece = match.group()
        if piece[0].isalpha():
            composed = unicodedata.normalize("NFC", piece)
            for char in composed:
                out.append(char)
                starts.append(match.start())
                ends.append(match.end())
        position = match.end()
    _copy(text, position, len(text), out, starts, ends)
    return Normalised("".join(out), starts, ends)


def _hyphenated_break(text: str) -> bool:
    return any(
        m.start() > 0 and _LETTER.match(text, m.start() - 1) for m in _BREAK_HYPHEN.finditer(text)
    )


def _copy(
    text: str, start: int, end: int, out: list[str], starts: list[int], ends: list[int]
) -> None:
    out.append(text[start:end])
    starts.extend(range(start, end))
    ends.extend(range(start + 1, end + 1))
