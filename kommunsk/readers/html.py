"""HTML: the text a reader of the page sees, with a map from each character back to the file.

Only visible text counts: scripts, styles, templates, <noscript> and the head
(except its <title>) are skipped, and so are tags, attributes and comments.
Entities are decoded ("b&oslash;rger" reads "børger"), so text and source no
longer share offsets; `offsets[i]` is where text[i] starts in the file (an
entity maps to its "&"). Block elements end a line, so words in neighbouring
cells or paragraphs never run together. The page is tokenised by `markup`, in
time linear in its size however broken the markup is.
"""

from __future__ import annotations

import html
from bisect import bisect_left

from kommunsk.readers.document import Document
from kommunsk.readers.encoding import Decoded
from kommunsk.readers.markup import Event, events
from kommunsk.readers.suppress import comment_marker_at, in_markup

_HIDDEN = frozenset({"script", "style", "template", "noscript"})
_BLOCK = frozenset(
    {
        "address", "article", "aside", "blockquote", "body", "caption", "dd", "details",
        "dialog", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form",
        "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "html", "legend", "li",
        "main", "nav", "ol", "option", "p", "pre", "section", "summary", "table", "tbody",
        "td", "tfoot", "th", "thead", "title", "tr", "ul",
    }
)  # fmt: skip


class _VisibleText:
    """Collects visible text and the source offset of each character, event by event.

    Data is taken from the source at the event's own span, so the map can never
    drift from the file.
    """

    def __init__(self, source: str) -> None:
        self.source = source
        self.pieces: list[str] = []
        self.offsets: list[int] = []
        self.end = 0
        self.hidden = 0
        self.in_head = False
        self.in_title = False
        self.comments: list[int] = []

    @property
    def visible(self) -> bool:
        """Whether text here is shown: not in a hidden element, not in the head unless the title."""
        return self.hidden == 0 and (not self.in_head or self.in_title)

    def feed(self, event: Event) -> None:
        """Handle one event of the page."""
        if event.kind == "data":
            if self.visible:
                self._emit(self.source[event.start : event.end], event.start, event.end, each=True)
        elif event.kind == "ref":
            self._reference(event.name, event.start, event.end)
        elif event.kind == "start":
            self._start(event.name, event.start)
            if event.closed:
                self._end(event.name, event.start)
        elif event.kind == "end":
            self._end(event.name, event.start)
        elif event.kind == "comment":
            self.comments.append(event.start)

    def _start(self, tag: str, at: int) -> None:
        """A start tag: hidden and head sections open, block elements end the line."""
        if tag in _HIDDEN:
            self.hidden += 1
        elif tag == "head":
            self.in_head = True
        elif tag == "title":
            self.in_title = True
        elif tag == "br":
            self._break(at, force=True)
        elif tag in _BLOCK:
            self.in_head = False  # a body element ends a head whose end tag was left out
            self._break(at)

    def _end(self, tag: str, at: int) -> None:
        """An end tag: the counterpart of `_start`."""
        if tag in _HIDDEN:
            self.hidden = max(self.hidden - 1, 0)
        elif tag == "head":
            self.in_head = False
        elif tag == "title":
            self._break(at)
            self.in_title = False
        elif tag in _BLOCK:
            self._break(at)

    def _reference(self, raw: str, at: int, end: int) -> None:
        """An entity or character reference: decoded, every character mapped to the "&"."""
        if not self.visible:
            return
        decoded = html.unescape(raw)
        self._emit(decoded, at, end, each=decoded == raw)

    def _emit(self, piece: str, at: int, end: int, *, each: bool) -> None:
        """Add visible text; `each` maps character by character, else all to `at` (an entity)."""
        if not piece:
            return
        self.pieces.append(piece)
        self.offsets.extend(range(at, at + len(piece)) if each else [at] * len(piece))
        self.end = max(self.end, end)

    def _break(self, at: int, *, force: bool = False) -> None:
        """End the current line of text, unless it is already ended (or nothing came yet)."""
        if not self.visible:
            return
        if force or (self.pieces and not self.pieces[-1].endswith("\n")):
            self._emit("\n", at, at, each=False)


def read_html(decoded: Decoded, path: str) -> Document:
    """A Document of the page's visible text with a map back into the HTML source."""
    source = decoded.text
    parser = _VisibleText(source)
    for event in events(source):
        parser.feed(event)
    text = "".join(parser.pieces)
    offsets = [*parser.offsets, parser.end]
    return Document(
        path=path,
        text=text,
        source=source,
        kind="html",
        encoding=decoded.encoding,
        newline=decoded.newline,
        offsets=offsets,
        ignored=in_markup(text, _markers(source, parser.comments, offsets, len(text))),
        bom=decoded.bom,
        byte_order=decoded.byte_order,
    )


def _markers(
    source: str, comments: list[int], offsets: list[int], length: int
) -> list[tuple[str, int, int]]:
    """Marker comments, moved from source offsets to the text offsets around them."""
    markers = []
    for at in comments:
        marker = comment_marker_at(source, at)
        if marker is not None:
            directive, start, end = marker
            first = bisect_left(offsets, start, 0, length)
            markers.append((directive, first, bisect_left(offsets, end, first, length)))
    return markers
