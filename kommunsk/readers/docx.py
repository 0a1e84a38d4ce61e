"""Word .docx: every story's paragraphs in reading order, each with where a Word user finds it.

A .docx has no lines, so a finding is placed as (paragraph, column), and each
paragraph also carries a place a Word user can find: the heading above it and
the paragraph's number under that heading, or the table cell, header, footnote
or text box it sits in ("Økonomi › afsnit 2", "sidefod › afsnit 1").

The paragraphs are numbered in this order: the body from top to bottom, with
the paragraphs of each table cell where the table stands (row by row, each cell
once, nested tables inside their cell) and the paragraphs of a text box right
after the paragraph that holds it; then for each section its headers and then
its footers; then the footnotes, the endnotes, and (when asked for) the
comments already in the document. Text deleted in tracked changes is left out,
inserted text is read. A line break inside a paragraph becomes a space, so one
text line is one paragraph.

The package is opened by `package` (sizes checked before anything is
unpacked, XML parsed without entities), and the paragraphs are read from the
XML itself: python-docx would unpack every part, images included, and its
`Paragraph.text` looks only at direct children, losing tracked insertions and
content controls. The same walk, over python-docx's own elements, tells
`kommunsk.word` which `w:t` holds each character, so comments and tracked
changes land on exactly the words that were read.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, Protocol

from kommunsk.errors import ReadError
from kommunsk.readers.document import Document
from kommunsk.readers.package import Package, damaged
from kommunsk.readers.suppress import in_lines

_W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_W = f"{{{_W_NS}}}"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_BODY = f"{_W}body"
_RELATIONSHIP_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
# Each section's headers, then its footers, in the order python-docx names them.
_HEADERS_AND_FOOTERS = tuple(
    (kind, variant)
    for kind in ("headerReference", "footerReference")
    for variant in ("default", "first", "even")
)
_PARAGRAPH = f"{_W}p"
_TABLE = f"{_W}tbl"
_ROW = f"{_W}tr"
_CELL = f"{_W}tc"
_TEXT = f"{_W}t"
_RUN = f"{_W}r"
_TEXT_BOX = f"{_W}txbxContent"
_NOTE_REFERENCES = frozenset({f"{_W}footnoteReference", f"{_W}endnoteReference"})
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
# revisions, text boxes (their own paragraphs), properties, field codes, and the
# fallback copy of a shape (the same text box again, for older programs).
_NOT_TEXT = frozenset(
    {
        *(f"{_W}{name}" for name in ("del", "moveFrom", "txbxContent", "pPr", "rPr", "instrText")),
        f"{_MC}Fallback",
    }
)
_LINE_BREAKS = str.maketrans({"\n": " ", "\r": " ", "\x0b": " "})
# Notes Word draws itself (the separator lines), not text anyone wrote.
_NOTE_KINDS = frozenset({"", "normal"})
_NOTES = (
    ("/footnotes", "footnote", "fodnote"),
    ("/endnotes", "endnote", "slutnote"),
)
_HEADING_NAME = re.compile(r"(heading|overskrift)\s*[1-9]|title|titel", re.IGNORECASE)
_PLACE_WIDTH = 40  # a heading longer than this is cut in a place


class Parts(Protocol):
    """The parts of a Word package: `Package` when reading, python-docx's parts when writing."""

    path: str

    def xml(self, name: str) -> Any: ...

    def relationships(self, part: str) -> dict[str, tuple[str, str]]: ...

    def main_part(self) -> str: ...


@dataclass(frozen=True)
class Piece:
    """One element of a paragraph that stands for text: a `w:t`, or a tab or break as a character."""

    element: Any
    start: int  # offset of its first character in the paragraph's text
    text: str


@dataclass(frozen=True)
class Paragraph:
    """A paragraph as read: its text, where it is, and the elements its characters come from.

    story   "body", "header", "footer", "footnote", "endnote", "textbox" or "comment"
    anchor  for a paragraph outside the body: the body run that shows it (a note's
            reference mark, a text box's drawing), or None when there is none
    """

    element: Any
    part: str
    story: str
    place: str
    text: str
    pieces: tuple[Piece, ...]
    anchor: Any = None


def read_docx(data: bytes, path: str, *, comments: bool = False) -> Document:
    """A Document of every paragraph of a .docx, joined by "\\n"; ReadError if it is damaged.

    With `comments`, the text of the comments already in the document is read too.
    """
    package = Package(data, path)
    try:
        return document_of(list(paragraphs(package, comments=comments)), path)
    except ReadError:
        raise
    except (AttributeError, KeyError, TypeError, ValueError, RecursionError) as error:
        raise damaged(path) from error


def document_of(found: list[Paragraph], path: str) -> Document:
    """The Document of paragraphs read by `paragraphs`: texts joined by "\\n", places kept."""
    texts = [p.text for p in found]
    starts: list[int] = []
    at = 0
    for text in texts:
        starts.append(at)
        at += len(text) + 1
    text = "\n".join(texts)
    return Document(
        path=path,
        text=text,
        source=text,
        kind="docx",
        ignored=in_lines(text, [(s, s + len(t)) for s, t in zip(starts, texts, strict=True)]),
        paragraphs=tuple(starts),
        places=tuple(p.place for p in found),
    )


def paragraphs(parts: Parts, *, comments: bool = False) -> Iterator[Paragraph]:
    """Every paragraph in numbering order (see the module docstring)."""
    main = parts.main_part()
    root = parts.xml(main)
    body = root.find(_BODY)
    if body is None:
        raise damaged(parts.path, f"delen {main} har ingen brødtekst")
    related = parts.relationships(main)
    walk = _Walk(main, "body", _heading_styles(parts, related))
    yield from walk.blocks(body)
    yield from _headers_and_footers(parts, body, related)
    for kind, tag, label in _NOTES:
        for target in _targets(related, kind):
            yield from _notes(parts.xml(target), target, tag, label, walk.references)
    if comments:
        for target in _targets(related, "/comments"):
            yield from _comments(parts.xml(target), target)


def paragraph_text(element: Any) -> tuple[str, tuple[Piece, ...]]:
    """The visible text of one `w:p` and the pieces it is made of (text boxes left out)."""
    collector = _Collector()
    collector.collect(element)
    return "".join(p.text for p in collector.pieces), tuple(collector.pieces)


def _targets(related: dict[str, tuple[str, str]], kind: str) -> list[str]:
    return [target for rel_type, target in related.values() if rel_type.endswith(kind)]


def _headers_and_footers(
    parts: Parts, body: Any, related: dict[str, tuple[str, str]]
) -> Iterator[Paragraph]:
    """Each section's headers, then its footers (those not linked to the previous section's)."""
    sections = _sections(body)
    for number, section in enumerate(sections, start=1):
        for kind, variant in _HEADERS_AND_FOOTERS:
            reference = next(
                (r for r in section.findall(f"{_W}{kind}") if r.get(f"{_W}type") == variant), None
            )
            if reference is None:
                continue  # linked to the previous section's, which was read there
            target = related.get(reference.get(_RELATIONSHIP_ID, ""))
            if target is None:
                raise damaged(parts.path, "et sidehoved eller en sidefod mangler")
            story = "header" if kind == "headerReference" else "footer"
            label = "sidehoved" if story == "header" else "sidefod"
            if len(sections) > 1:
                label = f"{label} (sektion {number})"
            walk = _Walk(target[1], story, frozenset(), label)
            yield from walk.blocks(parts.xml(target[1]))


def _sections(body: Any) -> list[Any]:
    """Every section's properties in order: those ending a paragraph, then the body's last."""
    found = [p.find(f"{_W}pPr/{_W}sectPr") for p in body.findall(_PARAGRAPH)]
    return [s for s in [*found, body.find(f"{_W}sectPr")] if s is not None]


def _notes(
    root: Any, part: str, tag: str, label: str, references: dict[tuple[str, str], Any]
) -> Iterator[Paragraph]:
    """The footnotes or endnotes Word shows with a number, numbered as Word numbers them."""
    number = 0
    for note in root.findall(f"{_W}{tag}"):
        if note.get(f"{_W}type", "") not in _NOTE_KINDS:
            continue
        number += 1
        anchor = references.get((tag, note.get(f"{_W}id", "")))
        walk = _Walk(part, tag, frozenset(), f"{label} {number}", anchor)
        yield from walk.blocks(note)


def _comments(root: Any, part: str) -> Iterator[Paragraph]:
    """The comments already in the document, each labelled with its author."""
    for number, comment in enumerate(root.findall(f"{_W}comment"), start=1):
        author = comment.get(f"{_W}author", "")
        label = f"kommentar {number}" + (f" fra {author}" if author else "")
        yield from _Walk(part, "comment", frozenset(), label).blocks(comment)


def _heading_styles(parts: Parts, related: dict[str, tuple[str, str]]) -> frozenset[str]:
    """Ids of the paragraph styles that are headings (by name or outline level, inherited too)."""
    based: dict[str, str] = {}
    headings: set[str] = set()
    for target in _targets(related, "/styles"):
        for style in parts.xml(target).findall(f"{_W}style"):
            if style.get(f"{_W}type") != "paragraph":
                continue
            style_id = style.get(f"{_W}styleId", "")
            name = style.find(f"{_W}name")
            level = style.find(f"{_W}pPr/{_W}outlineLvl")
            if (name is not None and _HEADING_NAME.fullmatch(name.get(f"{_W}val", ""))) or (
                level is not None and level.get(f"{_W}val", "9") != "9"
            ):
                headings.add(style_id)
            parent = style.find(f"{_W}basedOn")
            if parent is not None:
                based[style_id] = parent.get(f"{_W}val", "")
    return frozenset(s for s in {*headings, *based} if _inherits(s, headings, based))


def _inherits(style: str, headings: set[str], based: dict[str, str]) -> bool:
    seen: set[str] = set()
    while style and style not in seen:
        if style in headings:
            return True
        seen.add(style)
        style = based.get(style, "")
    return False


class _Walk:
    """Walks one story (the body, a header, a note), numbering paragraphs under each heading."""

    def __init__(
        self, part: str, story: str, headings: frozenset[str], label: str = "", anchor: Any = None
    ) -> None:
        self.part = part
        self.story = story
        self.headings = headings
        self.heading = label  # the place's first step: the heading above, or the story's name
        self.anchor = anchor
        self.counts: list[int] = [0]  # paragraphs counted at each depth (body, cell, cell in cell)
        self.tables = 0
        self.within: list[str] = []  # the table cells the walk is in, outermost first
        self.references: dict[tuple[str, str], Any] = {}  # (note kind, id) -> body run

    def blocks(self, container: Any) -> Iterator[Paragraph]:
        """Paragraphs of a body, header, footer, note or cell; tables are entered where they stand."""
        for child in container:
            if child.tag == _PARAGRAPH:
                yield from self.paragraph(child)
            elif child.tag == _TABLE:
                yield from self.table(child)
            elif child.tag in _WRAPPERS:
                yield from self.blocks(child)

    def paragraph(self, element: Any) -> Iterator[Paragraph]:
        """One paragraph, then the paragraphs of the text boxes it holds."""
        collector = _Collector()
        collector.collect(element)
        text = "".join(p.text for p in collector.pieces)
        place = self._place(element, text)
        for tag, note_id, run in collector.references:
            self.references[(tag, note_id)] = run
        yield Paragraph(
            element, self.part, self.story, place, text, tuple(collector.pieces), self.anchor
        )
        for number, (box, run) in enumerate(collector.boxes, start=1):
            inner = _Walk(self.part, "textbox", frozenset(), f"{place} › tekstboks {number}")
            inner.anchor = self.anchor if self.anchor is not None else run
            yield from inner.blocks(box)

    def table(self, table: Any) -> Iterator[Paragraph]:
        """Every cell (w:tc) row by row; a merged cell is one element, so it is read once."""
        self.tables += 1
        number = self.tables
        for row_number, row in enumerate(_own(table, _ROW), start=1):
            for cell_number, cell in enumerate(_own(row, _CELL), start=1):
                self.within.append(f"tabel {number}, række {row_number}, celle {cell_number}")
                self.counts.append(0)
                saved, self.tables = self.tables, 0
                yield from self.blocks(cell)
                self.tables = saved
                self.counts.pop()
                self.within.pop()

    def _place(self, element: Any, text: str) -> str:
        """Where a Word user finds this paragraph; a heading starts a new count."""
        if self.story == "body" and not self.within and self._is_heading(element) and text.strip():
            self.heading = _shortened(" ".join(text.split()))
            self.counts[-1] = 0
            self.tables = 0
            return self.heading
        if text.strip():
            self.counts[-1] += 1
        steps = [s for s in (self.heading, *self.within) if s]
        return " › ".join([*steps, f"afsnit {max(self.counts[-1], 1)}"])

    def _is_heading(self, element: Any) -> bool:
        style = element.find(f"{_W}pPr/{_W}pStyle")
        if style is not None and style.get(f"{_W}val", "") in self.headings:
            return True
        level = element.find(f"{_W}pPr/{_W}outlineLvl")
        return level is not None and level.get(f"{_W}val", "9") != "9"


def _own(parent: Any, tag: str) -> Iterator[Any]:
    """Rows of a table or cells of a row, also when a content control wraps them."""
    for child in parent:
        if child.tag == tag:
            yield child
        elif child.tag in _WRAPPERS:
            yield from _own(child, tag)


def _shortened(text: str) -> str:
    return text if len(text) <= _PLACE_WIDTH else text[: _PLACE_WIDTH - 1].rstrip() + "…"


class _Collector:
    """The visible text under a paragraph in document order, piece by piece."""

    def __init__(self) -> None:
        self.pieces: list[Piece] = []
        self.at = 0
        self.boxes: list[tuple[Any, Any]] = []  # (w:txbxContent, the run that holds it)
        self.references: list[tuple[str, str, Any]] = []  # (note kind, id, the run)

    def collect(self, element: Any) -> None:
        for child in element:
            tag = child.tag
            if tag == _TEXT:
                self._add(child, (child.text or "").translate(_LINE_BREAKS))
            elif tag in _CHARACTERS:
                self._add(child, _CHARACTERS[tag])
            elif tag == _TEXT_BOX:
                self.boxes.append((child, _run_of(child)))
            elif tag in _NOTE_REFERENCES:
                kind = "footnote" if tag.endswith("footnoteReference") else "endnote"
                self.references.append((kind, child.get(f"{_W}id", ""), _run_of(child)))
            elif tag not in _NOT_TEXT:
                self.collect(child)

    def _add(self, element: Any, text: str) -> None:
        if text:
            self.pieces.append(Piece(element, self.at, text))
            self.at += len(text)


def _run_of(element: Any) -> Any:
    """The outermost run holding `element` (a run inside a text box belongs to the box)."""
    found = None
    parent = element.getparent()
    while parent is not None and parent.tag != _BODY:
        if parent.tag == _RUN:
            found = parent
        parent = parent.getparent()
    return found
