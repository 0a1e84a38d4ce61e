"""The Document: what a reader makes of a file, with the map back to the file's own text."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property

LINE_BREAK = re.compile(r"\r\n|\r|\n")

KINDS = ("text", "markdown", "html", "docx")


@dataclass(frozen=True)
class Document:
    """What a reader produced.

    text      the prose to annotate; offsets of annotations refer to it
    source    the decoded file content (for line/column and for showing the line)
    offsets   None when text and source share offsets; else offsets[i] is the source offset
              of text[i] (len(offsets) == len(text) + 1, the last entry maps the end)
    kind      "text", "markdown", "html" or "docx"
    encoding  the detected encoding ("utf-8", "utf-8-sig", "cp1252", ...)
    newline   the dominant line ending of the source ("\\n" or "\\r\\n")
    ignored   text ranges (start, end) that suppression comments switched off
    paragraphs  for docx: the text offset where each paragraph starts
                (positions are then paragraph numbers)
    places      for docx: where a Word user finds each paragraph ("Økonomi › afsnit 2")
    """

    path: str
    text: str
    source: str
    kind: str
    encoding: str = "utf-8"
    newline: str = "\n"
    offsets: list[int] | None = None
    ignored: tuple[tuple[int, int], ...] = ()
    paragraphs: tuple[int, ...] = field(default=())
    places: tuple[str, ...] = field(default=())
    bom: bool = False
    byte_order: str = ""  # "little" or "big" for UTF-16 (kept so a rewrite stores it the same way)

    @cached_property
    def line_starts(self) -> list[int]:
        """Source offsets where lines begin; computed once so many findings cost a bisect each."""
        return line_starts(self.source)

    def is_ignored(self, start: int, end: int) -> bool:
        """True when text[start:end] overlaps a range that a suppression comment switched off."""
        return any(start < stop and begin < max(end, start + 1) for begin, stop in self.ignored)


def shown(path: str) -> str:
    """How a path appears in messages: standard input has no name of its own."""
    return "standardinput" if path == "-" else path


def line_starts(source: str) -> list[int]:
    """Offsets where the lines of `source` begin; the first line begins at 0."""
    return [0, *(match.end() for match in LINE_BREAK.finditer(source))]
