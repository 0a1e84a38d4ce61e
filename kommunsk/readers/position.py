"""Where a text offset is in the file: 1-based line and column, or paragraph and column for Word.

Findings carry offsets into `Document.text`; only reporters need lines. A line
ends at "\\r\\n", "\\r" or "\\n" (as Markdown parsers count them), and the line
ending is never part of the line. Columns count characters (code points), so a
decomposed "å" counts two, as an editor on that file would show it.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from kommunsk.readers.document import LINE_BREAK, Document

_ENTITY = re.compile(r"&#?[0-9A-Za-z]+;?")
UTF8, UTF16, UTF32 = "utf-8", "utf-16", "utf-32"


def code_units(text: str, encoding: str = UTF16) -> int:
    """How many code units `text` takes in `encoding` (a lone surrogate counts as one): the
    length that editors (LSP) and LanguageTool clients count offsets in."""
    if encoding == UTF32:
        return len(text)
    if encoding == UTF8:
        return len(text.encode("utf-8", "surrogatepass"))
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


def line_spans(source: str) -> list[tuple[int, int]]:
    """(start, end) of each line without its line ending."""
    spans = []
    start = 0
    for match in LINE_BREAK.finditer(source):
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(source)))
    return spans


def source_offset(doc: Document, offset: int) -> int:
    """The source offset of text offset `offset` (clamped to the text)."""
    offset = min(max(offset, 0), len(doc.text))
    return offset if doc.offsets is None else doc.offsets[offset]


def source_span(doc: Document, start: int, end: int) -> tuple[int, int]:
    """The source span covering text[start:end]: from the first character to just after the last.

    With a map, the end is not simply offsets[end]: a tag may sit between the
    last character and the next, and an entity is several source characters.
    """
    first = source_offset(doc, start)
    if doc.offsets is None or end <= start:
        return first, max(first, source_offset(doc, end))
    last = source_offset(doc, end - 1)
    entity = _ENTITY.match(doc.source, last) if doc.source.startswith("&", last) else None
    stop = entity.end() if entity and doc.text[end - 1] != "&" else last + 1
    return first, max(first, min(stop, source_offset(doc, end)))


def position(doc: Document, offset: int) -> tuple[int, int]:
    """1-based (line, column) of text offset `offset`; for .docx (paragraph number, column)."""
    if doc.kind == "docx":
        return _locate(doc.paragraphs or (0,), min(max(offset, 0), len(doc.text)))
    return _locate(doc.line_starts, source_offset(doc, offset))


def line_text(doc: Document, line: int) -> str:
    """Source line (.docx: paragraph) number `line`, 1-based, without its ending; "" if none."""
    starts = doc.paragraphs if doc.kind == "docx" else doc.line_starts
    content = doc.text if doc.kind == "docx" else doc.source
    if not 1 <= line <= len(starts):
        return ""
    end = starts[line] if line < len(starts) else len(content)
    return content[starts[line - 1] : end].rstrip("\r\n")


def _locate(starts: list[int] | tuple[int, ...], at: int) -> tuple[int, int]:
    index = max(bisect_right(starts, at) - 1, 0)
    return index + 1, at - starts[index] + 1
