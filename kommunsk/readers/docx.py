"""Word .docx: paragraphs in reading order, positions as paragraph numbers.

A .docx has no lines, so a finding is placed as (paragraph, column). The
paragraphs are numbered in this order: the body from top to bottom, with the
paragraphs of each table cell where the table stands (row by row, each cell
once), then for each section its headers and then its footers. A line break
inside a paragraph becomes a space, so one text line is one paragraph.

The package is opened by `package` (sizes checked before anything is
unpacked, XML parsed without entities), and the paragraphs are read from the
XML itself: python-docx would unpack every part, images included, and its
`Paragraph.text` looks only at direct children, losing tracked insertions and
content controls.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from kommunsk.errors import ReadError
from kommunsk.readers.document import Document
from kommunsk.readers.package import Package, damaged
from kommunsk.readers.suppress import in_lines

_W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_W = f"{{{_W_NS}}}"
_NS = {"w": _W_NS}
_BODY = f"{_W}body"
_SECTIONS = "./w:p/w:pPr/w:sectPr | ./w:sectPr"
_RELATIONSHIP_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
# Each section's headers, then its footers, in the order python-docx names them.
_HEADERS_AND_FOOTERS = tuple(
    (kind, variant)
    for kind in ("headerReference", "footerReference")
    for variant in ("default", "first", "even")
)
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
    """The text of every paragraph, in numbering order; ReadError for anything unreadable.

    The package is checked before anything is unpacked (see `package`); a damaged
    file can still fail in many ways below that, and each becomes the same ReadError.
    """
    package = Package(data, path)
    try:
        return [text.translate(_LINE_BREAKS) for text in _document(package)]
    except ReadError:
        raise
    except (AttributeError, KeyError, TypeError, ValueError, RecursionError) as error:
        raise damaged(path) from error


def _document(package: Package) -> Iterator[str]:
    """The body, then each section's headers and footers (those not linked to the previous)."""
    main = package.main_part()
    root = package.xml(main)
    body = root.find(_BODY)
    if body is None:
        raise damaged(package.path, f"delen {main} har ingen brødtekst")
    yield from _blocks(body)
    related = package.relationships(main)
    for section in body.xpath(_SECTIONS, namespaces=_NS):
        for kind, variant in _HEADERS_AND_FOOTERS:
            reference = next(
                (r for r in section.findall(f"{_W}{kind}") if r.get(f"{_W}type") == variant), None
            )
            if reference is None:
                continue  # linked to the previous section's, which was read there
            target = related.get(reference.get(_RELATIONSHIP_ID, ""))
            if target is None:
                raise damaged(package.path, f"et sidehoved eller en sidefod mangler i {main}")
            yield from _blocks(package.xml(target[1]))


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
