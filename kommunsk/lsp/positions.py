"""Offsets in a Python string to LSP positions and back, in the encoding client and server agreed on.

LSP counts a line's characters in UTF-16 code units unless the client offers
another encoding (`general.positionEncodings`); an emoji is then two units and
an "å" one. Lines end at "\\r\\n", "\\r" or "\\n" only, as the protocol says,
which is also how the readers count them.
"""

from __future__ import annotations

from bisect import bisect_right

from lsprotocol import types

from kommunsk.readers.document import LINE_BREAK, line_starts
from kommunsk.readers.position import UTF8, UTF16, UTF32
from kommunsk.readers.position import code_units as units

__all__ = ["UTF8", "UTF16", "UTF32", "LineIndex", "units"]


class LineIndex:
    """Line starts of one text, so each conversion costs a bisect and one line's length."""

    def __init__(self, text: str, encoding: str = UTF16) -> None:
        self.text = text
        self.encoding = encoding
        self.starts = line_starts(text)

    def position(self, offset: int) -> types.Position:
        """The LSP position of string offset `offset` (clamped to the text)."""
        offset = min(max(offset, 0), len(self.text))
        line = bisect_right(self.starts, offset) - 1
        start = self.starts[line]
        return types.Position(line, units(self.text[start:offset], self.encoding))

    def range(self, start: int, end: int) -> types.Range:
        """The LSP range of text[start:end]."""
        return types.Range(self.position(start), self.position(end))

    def offset(self, position: types.Position) -> int:
        """The string offset of an LSP position; past a line's end means the line's end."""
        if position.line >= len(self.starts):
            return len(self.text)
        start = self.starts[max(position.line, 0)]
        end = self._line_end(position.line)
        count = 0
        for index in range(start, end):
            if count >= position.character:
                return index
            count += units(self.text[index], self.encoding)
        return end

    def _line_end(self, line: int) -> int:
        """Where line `line` ends, before its line break."""
        if line + 1 >= len(self.starts):
            return len(self.text)
        found = LINE_BREAK.search(self.text, self.starts[line])
        return found.start() if found else len(self.text)
