"""HTML: the text a reader of the page sees, with a map from each character back to the file.

Only visible text counts: scripts, styles, templates, <noscript> and the head
(except its <title>) are skipped, and so are tags, attributes and comments.
Entities are decoded ("b&oslash;rger" reads "børger"), so text and source no
longer share offsets; `offsets[i]` is where text[i] starts in the file (an
entity maps to its "&"). Block elements end a line, so words in neighbouring
cells or paragraphs never run together.
"""

from __future__ import annotations

import html
import re
from bisect import bisect_left
from html.parser import HTMLParser

from kommunsk.errors import ReadError
from kommunsk.readers.document import Document, shown
from kommunsk.readers.encoding import Decoded
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
_NEWLINE = re.compile(r"\n")


class _VisibleText(HTMLParser):
    """Collects visible text and the source offset of each character.

    `getpos()` gives (line, column) of the event being handled, counting "\\n"
    only; `_at` turns that into an offset. Data is taken from the source at
    that offset, so a parser that changed the data can never shift the map.
    """

    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=False)
        self.source = source
        self.line_starts = [0, *(match.end() for match in _NEWLINE.finditer(source))]
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

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _HIDDEN:
            self.hidden += 1
        elif tag == "head":
            self.in_head = True
        elif tag == "title":
            self.in_title = True
        elif tag == "br":
            self._break(force=True)
        elif tag in _BLOCK:
            self.in_head = False  # a body element ends a head whose end tag was left out
            self._break()

    def handle_endtag(self, tag: str) -> None:
        if tag in _HIDDEN:
            self.hidden = max(self.hidden - 1, 0)
        elif tag == "head":
            self.in_head = False
        elif tag == "title":
            self._break()
            self.in_title = False
        elif tag in _BLOCK:
            self._break()

    def handle_data(self, data: str) -> None:
        if not self.visible:
            return
        at = self._at()
        if not self.source.startswith(data, at):
            found = self.source.find(data, at)
            at = found if found >= 0 else at
        self._emit(data, at, at + len(data), each=self.source.startswith(data, at))

    def handle_entityref(self, name: str) -> None:
        self._reference("&" + name)

    def handle_charref(self, name: str) -> None:
        self._reference("&#" + name)

    def handle_comment(self, data: str) -> None:
        self.comments.append(self._at())

    def _reference(self, raw: str) -> None:
        """An entity or character reference: decoded, every character mapped to the "&"."""
        if not self.visible:
            return
        at = self._at()
        if self.source.startswith(";", at + len(raw)):
            raw += ";"
        decoded = html.unescape(raw)
        self._emit(decoded, at, at + len(raw), each=decoded == raw)

    def _emit(self, piece: str, at: int, end: int, *, each: bool) -> None:
        if not piece:
            return
        self.pieces.append(piece)
        self.offsets.extend(range(at, at + len(piece)) if each else [at] * len(piece))
        self.end = max(self.end, end)

    def _break(self, *, force: bool = False) -> None:
        """End the current line of text, unless it is already ended (or nothing came yet)."""
        if not self.visible:
            return
        if force or (self.pieces and not self.pieces[-1].endswith("\n")):
            at = self._at()
            self._emit("\n", at, at, each=False)

    def _at(self) -> int:
        line, column = self.getpos()
        return self.line_starts[line - 1] + column


def read_html(decoded: Decoded, path: str) -> Document:
    """A Document of the page's visible text with a map back into the HTML source."""
    source = decoded.text
    parser = _VisibleText(source)
    try:
        parser.feed(source)
        parser.close()
    except (AssertionError, ValueError, IndexError) as error:
        raise ReadError(f"kan ikke læse HTML i {shown(path)}: {error}") from error
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
