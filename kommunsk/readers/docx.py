"""Word .docx: paragraphs in reading order, positions as paragraph numbers.

A .docx has no lines, so a finding is placed as (paragraph, column). The
paragraphs are numbered in this order: the body from top to bottom, with the
paragraphs of each table cell where the table stands (row by row, each cell
once), then for each section its headers and then its footers. A line break
inside a paragraph becomes a space, so one text line is one paragraph.

python-docx opens the package; the paragraphs are read from the XML itself,
because its `Paragraph.text` and `iter_inner_content` look only at direct
children and would lose tracked insertions and content controls.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from kommunsk.errors import ReadError
from kommunsk.readers.document import Document, shown
from kommunsk.readers.suppress import in_lines

if TYPE_CHECKING:
    from docx.document import Document as WordDocument
    from docx.section import _BaseHeaderFooter

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_PARAGRAPH = f"{_W}p"
_TABLE = f"{_W}tbl"
_TEXT = f"{_W}t"
# Elements that only wrap blocks, rows or cells (content controls, custom XML).
_WRAPPERS = frozenset(f"{_W}{name}" for name in ("sdt", "sdtContent", "customXml"))
# Run content that stands for a character; a line or page break separates words.
_CHARACTERS = {
    f"{_W}tab": "\t",
    f"{_W}ptab": "\t",
    f"{_W}br": " ",
    f"{_W}cr": " ",
    f"{_W}noBreakHyphen": "-",
    f"{_W}softHyphen": "\u00ad",
}
# Subtrees that are not this paragraph's visible text: deleted or moved-away
# revisions, text boxes (their own paragraphs), properties, field codes.
_NOT_TEXT = frozenset(
    f"{_W}{name}" for name in ("del", "moveFrom", "txbxContent", "pPr", "rPr", "instrText")
)
_LINE_BREAKS = str.maketrans({"\n": " ", "\r": " ", "\x0b": " "})


def read_docx(data: bytes, path: str) -> Document:
    """A Document of every paragraph of a .docx, joined by "\\n"; ReadError if it is damaged."""
    paragraphs = _paragraphs(data, path)
    starts: list[int] = []
    at = 0
    for paragraph in paragraphs:
        starts.append(at)
        at += len(paragraph) + 1
    text = "\n".join(paragraphs)
    return Document(
        path=path,
        text=text,
        source=text,
        kind="docx",
        ignored=in_lines(text, [(s, s + len(p)) for s, p in zip(starts, paragraphs, strict=True)]),
        paragraphs=tuple(starts),
    )


def _paragraphs(data: bytes, path: str) -> list[str]:
    """The text of every paragraph, in numbering order.

    A damaged file can fail anywhere in the zip, XML and part layers, each with
    its own exception type, so every failure becomes the same ReadError.
    """
    import docx  # lazy: python-docx is loaded only for Word files

    try:
        word = docx.Document(io.BytesIO(data))
        return [text.translate(_LINE_BREAKS) for text in _document(word)]
    except Exception as error:
        raise ReadError(f"kan ikke læse Word-filen {shown(path)}: filen er beskadiget") from error


def _document(word: WordDocument) -> Iterator[str]:
    yield from _blocks(word.element.body)
    for section in word.sections:
        parts: list[_BaseHeaderFooter] = [
            section.header,
            section.first_page_header,
            section.even_page_header,
            section.footer,
            section.first_page_footer,
            section.even_page_footer,
        ]
        for part in parts:
            if not part.is_linked_to_previous:  # a linked one repeats the previous section's
                yield from _blocks(part.part.element)


def _blocks(container: Any) -> Iterator[str]:
    """Paragraph texts of a body, header, footer or cell; tables are entered where they stand."""
    for child in container:
        if child.tag == _PARAGRAPH:
            pieces: list[str] = []
            _collect(child, pieces)
            yield "".join(pieces)
        elif child.tag == _TABLE:
            yield from _table(child)
        elif child.tag in _WRAPPERS:
            yield from _blocks(child)


def _table(table: Any) -> Iterator[str]:
    """Every cell (w:tc) row by row; a merged cell is one element, so it is read once."""
    for cell in table.iter(f"{_W}tc"):
        if _owner(cell) is table:  # cells of nested tables are read inside their own cell
            yield from _blocks(cell)


def _owner(cell: Any) -> Any:
    parent = cell.getparent()
    while parent is not None and parent.tag != _TABLE:
        parent = parent.getparent()
    return parent


def _collect(element: Any, pieces: list[str]) -> None:
    """The visible text under a paragraph element, in document order."""
    for child in element:
        tag = child.tag
        if tag == _TEXT:
            pieces.append(child.text or "")
        elif tag in _CHARACTERS:
            pieces.append(_CHARACTERS[tag])
        elif tag not in _NOT_TEXT:
            _collect(child, pieces)
