"""Suppression comments: the writer's way to say "this passage is meant as written".

Markup (Markdown, HTML) uses comments that never show in the rendered text::

    <!-- kommunsk: ignore -->          the next non-empty line
    <!-- kommunsk: off --> ... <!-- kommunsk: on -->   everything between

Plain text and Word have no comments, so a line (paragraph) that merely
contains `kommunsk: ignore`, `kommunsk: off` or `kommunsk: on` is the marker;
it may follow `#` or `//`. All ranges are offsets in `Document.text`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from kommunsk.readers.position import line_spans

Range = tuple[int, int]
Marker = tuple[str, int, int]
"""A directive ("ignore", "off", "on") and the text span of the comment that holds it."""

_LINE_MARKER = re.compile(r"kommunsk\s*:\s*(ignore|off|on)\b", re.IGNORECASE)
_COMMENT_MARKER = re.compile(r"<!--\s*kommunsk\s*:\s*(ignore|off|on)\s*-->", re.IGNORECASE)
_NON_SPACE = re.compile(r"\S")
_LINE_END = re.compile(r"[\r\n]")


def comment_markers(source: str) -> list[Marker]:
    """Every `<!-- kommunsk: ... -->` comment in `source` (already stripped of code, if any)."""
    return [(m.group(1).lower(), m.start(), m.end()) for m in _COMMENT_MARKER.finditer(source)]


def comment_marker_at(source: str, at: int) -> Marker | None:
    """The marker comment starting exactly at `at`, for parsers that report where comments are."""
    match = _COMMENT_MARKER.match(source, at)
    return (match.group(1).lower(), match.start(), match.end()) if match else None


def in_markup(text: str, markers: Iterable[Marker]) -> tuple[Range, ...]:
    """Ranges of `text` switched off by comment markers given in text offsets.

    "ignore" covers the next line that has any prose after the comment (the rest
    of the comment's own line if prose follows it there); "off" runs from its
    comment to the end of the next "on" comment, or to the end of the text.
    """
    ranges: list[Range] = []
    off: int | None = None
    for directive, start, end in markers:
        if directive == "off":
            off = start if off is None else off
        elif directive == "on":
            if off is not None:
                ranges.append((off, end))
                off = None
        elif off is None:
            ranges.extend(_next_line(text, end))
    if off is not None:
        ranges.append((off, len(text)))
    return _merged(ranges)


def in_lines(text: str, lines: list[Range] | None = None) -> tuple[Range, ...]:
    """Ranges switched off by marker lines in plain text; `lines` defaults to the text's lines.

    A line with "ignore" switches off the next non-empty line; a line with "off"
    starts a block that ends with the line that says "on" (both included).
    """
    return LineMarkers().ranges(text, lines)


class LineMarkers:
    """`in_lines` for a text read in pieces: an open "off" block or a pending "ignore" carries over."""

    def __init__(self) -> None:
        self.off = False
        self.pending = False

    def ranges(self, text: str, lines: list[Range] | None = None) -> tuple[Range, ...]:
        """The switched-off ranges of this piece, given what the pieces before it left open."""
        ranges: list[Range] = []
        off: int | None = 0 if self.off else None
        for start, end in lines if lines is not None else line_spans(text):
            found = [m.group(1).lower() for m in _LINE_MARKER.finditer(text, start, end)]
            if off is not None:
                if "on" in found:
                    ranges.append((off, end))
                    off = None
                continue
            if self.pending and text[start:end].strip():
                ranges.append((start, end))
                self.pending = False
            if "off" in found:
                off = start
            elif "ignore" in found:
                self.pending = True
        self.off = off is not None
        if off is not None:
            ranges.append((off, len(text)))
        return _merged(ranges)


def _next_line(text: str, at: int) -> list[Range]:
    first = _NON_SPACE.search(text, at)
    if first is None:
        return []
    end = _LINE_END.search(text, first.start())
    return [(first.start(), end.start() if end else len(text))]


def _merged(ranges: list[Range]) -> tuple[Range, ...]:
    """Sorted ranges with overlaps joined, so callers can test membership simply."""
    out: list[Range] = []
    for start, end in sorted(ranges):
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return tuple(out)
