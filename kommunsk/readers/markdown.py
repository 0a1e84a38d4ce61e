"""Markdown: blank out everything that is not prose, so text and source share every offset.

Code, front matter, link destinations and HTML become spaces (line endings
stay), which keeps words apart and needs no offset map: a finding's offset is
directly its place in the file. markdown-it-py finds the blocks (its token
`map` gives their lines); for code spans and links inside a paragraph, its
inline rules are wrapped to record where each match starts and ends, and the
paragraph's content is lined up with its source lines to place them.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from kommunsk.readers.document import Document
from kommunsk.readers.encoding import Decoded
from kommunsk.readers.position import line_spans
from kommunsk.readers.suppress import comment_markers, in_markup

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.rules_inline import StateInline
    from markdown_it.token import Token

Span = tuple[int, int]
Rule = Callable[["StateInline", bool], bool]

_NOT_NEWLINE = re.compile(r"[^\r\n]")
_FRONT_FENCE = re.compile(r"---[ \t]*")
# Raw HTML inside an HTML block: comments, elements whose content is not prose, tags.
_HTML_MARKUP = re.compile(
    r"<!--.*?(?:-->|\Z)"
    r"|<(script|style|pre|textarea)\b.*?(?:</\1\s*>|\Z)"
    r"|<\?.*?(?:\?>|\Z)"
    r"|<![A-Za-z\[].*?(?:>|\Z)"
    r"|</?[A-Za-z][^>]*>?",
    re.DOTALL | re.IGNORECASE,
)
_CODE_BLOCKS = frozenset({"fence", "code_block"})
_LEAF_BLOCKS = frozenset({"paragraph_open", "heading_open", "table_open", "hr", "html_block"})
# markdown-it stops at 20 levels of nesting (ten nested list items) and silently drops the
# rest; blocks may nest to BLOCK_NESTING here, inline parsing keeps its own protective limit.
BLOCK_NESTING = 200
INLINE_NESTING = 20
# When even that is exceeded, unclaimed lines are prose, unless they look like a link
# reference definition ("[id]: https://...").
_LINK_DEFINITION = re.compile(r"[ \t>*+\-0-9.)]*\[[^\]]+\]:")


@dataclass
class _Blanks:
    """Source spans to blank: code first (marker comments inside code do not count), then markup."""

    code: list[Span] = field(default_factory=list)
    markup: list[Span] = field(default_factory=list)


def read_markdown(decoded: Decoded, path: str) -> Document:
    """A Document whose text is the Markdown source with every non-prose character blanked."""
    source = decoded.text
    lines = line_spans(source)
    blanks = _Blanks(code=_front_matter(source, lines))
    _blocks(blank(source, blanks.code), lines, blanks)
    without_code = blank(source, blanks.code)
    text = blank(without_code, blanks.markup)
    return Document(
        path=path,
        text=text,
        source=source,
        kind="markdown",
        encoding=decoded.encoding,
        newline=decoded.newline,
        ignored=in_markup(text, comment_markers(without_code)),
        bom=decoded.bom,
        byte_order=decoded.byte_order,
    )


def blank(text: str, spans: list[Span]) -> str:
    """`text` with every character inside `spans` replaced by a space, except line endings."""
    pieces: list[str] = []
    position = 0
    for start, end in sorted(spans):
        start = max(start, position)
        if end <= start:
            continue
        pieces.append(text[position:start])
        pieces.append(_NOT_NEWLINE.sub(" ", text[start:end]))
        position = end
    pieces.append(text[position:])
    return "".join(pieces)


def _front_matter(source: str, lines: list[Span]) -> list[Span]:
    """YAML front matter: a first line "---" up to a closing "---" or "..." line."""
    if not lines or not _FRONT_FENCE.fullmatch(source[lines[0][0] : lines[0][1]]):
        return []
    for start, end in lines[1:]:
        if source[start:end].rstrip() in ("---", "..."):
            return [(0, end)]
    return []


def _blocks(source: str, lines: list[Span], blanks: _Blanks) -> None:
    """Collect the non-prose spans of every block.

    A non-blank line that no block claims is a link reference definition, except
    where markdown-it gave up on nesting too deep: there it is prose, kept for checking.
    """
    recorder = _Recorder()
    md = _parser(recorder)
    env: dict[str, Any] = {}
    claimed = [False] * len(lines)
    cursor: dict[int, int] = {}
    md.options["maxNesting"] = BLOCK_NESTING
    parsed = md.parse(source, env)
    md.options["maxNesting"] = INLINE_NESTING
    gave_up = any(token.level >= BLOCK_NESTING - 1 for token in parsed)
    for token in parsed:
        if token.map is None:
            continue
        first, last = token.map[0], min(token.map[1], len(lines))
        if token.type in _CODE_BLOCKS or token.type in _LEAF_BLOCKS:
            claimed[first:last] = [True] * (last - first)
        if token.type in _CODE_BLOCKS:
            blanks.code.append(_lines_span(lines, first, last))
        elif token.type == "html_block":
            start, end = _lines_span(lines, first, last)
            blanks.markup.extend(m.span() for m in _HTML_MARKUP.finditer(source, start, end))
        elif token.type == "hr":
            blanks.markup.append(_lines_span(lines, first, last))
        elif token.type == "inline":
            recorder.found.clear()
            md.inline.parse(token.content, md, env, [])
            _place_inline(token, source, lines, cursor, recorder, blanks)
    for (start, end), taken in zip(lines, claimed, strict=True):
        line = source[start:end]
        if not taken and line.strip() and (not gave_up or _LINK_DEFINITION.match(line)):
            blanks.markup.append((start, end))


def _lines_span(lines: list[Span], first: int, last: int) -> Span:
    return lines[first][0], lines[max(last - 1, first)][1]


def _place_inline(
    token: Token,
    source: str,
    lines: list[Span],
    cursor: dict[int, int],
    recorder: _Recorder,
    blanks: _Blanks,
) -> None:
    """Turn the recorded inline matches (offsets in the paragraph's content) into source spans."""
    where = _content_map(token, source, lines, cursor)
    for name, start, end, label_end in recorder.found:
        if name == "backticks":
            blanks.code.extend(_to_source(where, start, end))
        elif name in ("link", "image") and label_end >= 0:
            opening = start + (2 if name == "image" else 1)
            blanks.markup.extend(_to_source(where, start, opening))
            blanks.markup.extend(_to_source(where, label_end, end))
        else:
            blanks.markup.extend(_to_source(where, start, end))


def _content_map(
    token: Token, source: str, lines: list[Span], cursor: dict[int, int]
) -> list[int | None]:
    """For each character of an inline token's content, its source offset (None if unplaced).

    The content is the block's lines with indentation, quote markers and list
    markers removed, joined by "\\n"; each content line is found again in its
    source line. `cursor` remembers how far a line is used up, for table rows
    whose cells are separate inline tokens on one line.
    """
    assert token.map is not None
    where: list[int | None] = []
    for number, piece in enumerate(token.content.split("\n")):
        line = token.map[0] + number
        column = -1
        if piece and line < min(token.map[1], len(lines)):
            start, end = lines[line]
            column = source.find(piece, cursor.get(line, start), end)
        if column < 0:
            where.extend([None] * len(piece))
        else:
            where.extend(range(column, column + len(piece)))
            cursor[line] = column + len(piece)
        where.append(None)
    return where[: len(token.content)]


def _to_source(where: list[int | None], start: int, end: int) -> list[Span]:
    """Source spans for content[start:end], split wherever the content crosses a line."""
    spans: list[Span] = []
    for index in range(max(start, 0), min(end, len(where))):
        at = where[index]
        if at is None:
            continue
        if spans and spans[-1][1] == at:
            spans[-1] = (spans[-1][0], at + 1)
        else:
            spans.append((at, at + 1))
    return spans


@dataclass
class _Recorder:
    """Records (rule, start, end, label end) for each inline match that produces tokens."""

    found: list[tuple[str, int, int, int]] = field(default_factory=list)

    def wrap(self, name: str, rule: Rule) -> Rule:
        """`rule`, reporting where it matched; lookahead (silent) calls are not matches."""

        def recording(state: StateInline, silent: bool) -> bool:
            start = state.pos
            matched = rule(state, silent)
            if matched and not silent:
                self.found.append((name, start, state.pos, _label_end(name, state, start)))
            return matched

        return recording


def _label_end(name: str, state: StateInline, start: int) -> int:
    """Where the "]" after a link's or image's text is; the text is prose, the rest is not."""
    if name not in ("link", "image"):
        return -1
    from markdown_it.helpers import parseLinkLabel  # lazy: see _parser

    return parseLinkLabel(state, start + (1 if name == "image" else 0))


def _parser(recorder: _Recorder) -> MarkdownIt:
    """CommonMark plus tables; inline parsing is left to `_blocks`, which records positions."""
    # lazy: markdown-it-py is loaded only when a Markdown file is read
    from markdown_it import MarkdownIt
    from markdown_it.rules_inline import autolink, backtick, html_inline, image, link

    md = MarkdownIt("commonmark").enable(["table", "strikethrough"])
    md.disable(["inline", "text_join"])
    rules: dict[str, Rule] = {
        "backticks": backtick,
        "link": link,
        "image": image,
        "autolink": autolink,
        "html_inline": html_inline,
    }
    for name, rule in rules.items():
        md.inline.ruler.at(name, recorder.wrap(name, rule))
    return md
