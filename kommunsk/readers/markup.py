"""A linear HTML tokenizer: tags, text, references and comments, each with its source offset.

The standard library's `html.parser` rescans the rest of the file at every
unclosed `<p`, `<!--`, `<?` or `</` (200 KB of broken markup took a minute),
so this scanner follows the HTML5 tokenizer's states instead, closely enough to
find the visible text: every step consumes what it looked at, and whatever
is never closed (a tag, a quoted attribute, a comment) runs to the end of the
file, as in a browser. Time and memory are linear in the file's size.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

_SPECIAL = re.compile(r"[<&]")
_TAG_NAME = re.compile(r"[a-zA-Z][^\t\n\r\f />]*")
# One step inside a tag: spaces, a "/", "=" and its value (a quote left open runs to the
# end of the file), or an attribute name. Every alternative consumes at least one character.
_IN_TAG = re.compile(
    r"[\t\n\r\f ]+|/|=[\t\n\r\f ]*(?:\"[^\"]*\"?|'[^']*'?|[^\t\n\r\f >]*)|[^\t\n\r\f />=]+"
)
_REFERENCE = re.compile(r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[a-zA-Z][a-zA-Z0-9]*);?")
# Longer references are not references (and a 5 000-digit number must never reach int()).
MAX_REFERENCE = 40
_RAW_TEXT = frozenset({"script", "style"})
_RAW_END = {tag: re.compile(rf"</{tag}(?=[\t\n\r\f />]|\Z)", re.IGNORECASE) for tag in _RAW_TEXT}


class Event(NamedTuple):
    """One piece of the page: kind ("start", "end", "data", "ref", "comment", "cut"), name, span.

    "cut" is a tag the file ends inside: a browser drops it, and so does the reader.
    """

    kind: str
    name: str
    start: int
    end: int
    closed: bool = False  # a start tag written "<br/>"


def events(source: str) -> Iterator[Event]:
    """The page's events in source order; text between markup comes as "data" spans."""
    at = 0
    text_from = 0
    size = len(source)
    while True:
        found = _SPECIAL.search(source, at)
        if found is None:
            break
        at = found.start()
        markup = _reference(source, at) if source[at] == "&" else _markup(source, at)
        if markup is None:
            at += 1  # a lone "<" or "&" is text
            continue
        if text_from < at:
            yield Event("data", "", text_from, at)
        yield markup
        at = text_from = markup.end
        if markup.kind == "start" and markup.name in _RAW_TEXT and not markup.closed:
            at = text_from = _raw_text_end(source, markup.name, at)
    if text_from < size:
        yield Event("data", "", text_from, size)


def _reference(source: str, at: int) -> Event | None:
    """A character or entity reference at `at`, or None when the "&" is plain text."""
    match = _REFERENCE.match(source, at)
    if match is None or match.end() - at > MAX_REFERENCE:
        return None
    return Event("ref", match.group(), at, match.end())


def _markup(source: str, at: int) -> Event | None:
    """The tag, comment or declaration that starts with the "<" at `at`, or None for text."""
    following = source[at + 1 : at + 2]
    if following == "!":
        if source.startswith("<!--", at):
            return _comment(source, at)
        return _bogus(source, at, at + 2)
    if following == "?":
        return _bogus(source, at, at + 1)
    if following == "/":
        if source.startswith(">", at + 2):
            return Event("comment", "", at, at + 3)  # "</>" is dropped
        if _TAG_NAME.match(source, at + 2):
            return _tag(source, at, at + 2, "end")
        return _bogus(source, at, at + 2) if at + 2 < len(source) else None
    if _TAG_NAME.match(source, at + 1):
        return _tag(source, at, at + 1, "start")
    return None


def _tag(source: str, at: int, name_at: int, kind: str) -> Event:
    """A start or end tag; without its ">" it runs to the end of the file and is cut."""
    name = _TAG_NAME.match(source, name_at)
    assert name is not None  # the caller checked
    pos = name.end()
    closed = False
    size = len(source)
    while pos < size and source[pos] != ">":
        step = _IN_TAG.match(source, pos)
        assert step is not None  # some alternative matches any character but ">"
        closed = step.group() == "/"
        pos = step.end()
    if pos >= size:
        return Event("cut", "", at, size)
    return Event(kind, name.group().lower(), at, pos + 1, closed)


def _comment(source: str, at: int) -> Event:
    """`<!-- ... -->`; `<!-->` and `<!--->` are empty comments, an open one runs to the end."""
    for short in ("<!-->", "<!--->"):
        if source.startswith(short, at):
            return Event("comment", "", at, at + len(short))
    end = source.find("-->", at + 4)
    return Event("comment", "", at, len(source) if end < 0 else end + 3)


def _bogus(source: str, at: int, body: int) -> Event:
    """A declaration, processing instruction or broken end tag: up to the next ">"."""
    end = source.find(">", body)
    return Event("comment", "", at, len(source) if end < 0 else end + 1)


def _raw_text_end(source: str, tag: str, at: int) -> int:
    """Where a script's or style's content ends: at its end tag, or at the end of the file."""
    found = _RAW_END[tag].search(source, at)
    return len(source) if found is None else found.start()
