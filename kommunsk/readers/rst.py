"""reStructuredText: blank literal blocks, code directives and comments; the rest is prose.

Like the Markdown reader, it replaces what is not prose with spaces (line
endings stay), so text and source share every offset. Blanked: the block after
a paragraph ending in "::", the body of code-like directives (`code-block`,
`literalinclude`, `math`, `raw`, ...), comments, link targets, substitution
definitions and doctest blocks; for other directives (`note`, `warning`) only the
`.. name::` marker goes, their body is prose. Inline literals need nothing here:
the engine never reads text between backticks. Suppression marker lines work
as in plain text (`.. kommunsk: off` is a comment that holds one).
"""

from __future__ import annotations

import re

from kommunsk.readers.document import Document
from kommunsk.readers.encoding import Decoded
from kommunsk.readers.markdown import Span, blank
from kommunsk.readers.position import line_spans
from kommunsk.readers.suppress import in_lines

# directives whose body is code or data, not prose
CODE_DIRECTIVES = frozenset(
    {
        "code",
        "code-block",
        "sourcecode",
        "literalinclude",
        "highlight",
        "math",
        "raw",
        "doctest",
        "testcode",
        "testoutput",
        "testsetup",
        "testcleanup",
        "graphviz",
        "productionlist",
        "parsed-literal",
        "csv-table",
        "include",
        "image",
        "toctree",
        "automodule",
        "autoclass",
        "autofunction",
    }
)
_EXPLICIT = re.compile(r"(\s*)\.\.(?=\s|$)")
_DIRECTIVE = re.compile(r"(\s*)\.\.\s+(?:\|[^|]+\|\s+)?([\w:.+-]+)::")
_DOCTEST = re.compile(r"\s*>>>")


def read_rst(decoded: Decoded, path: str) -> Document:
    """A Document whose text is the reStructuredText source with every non-prose part blanked."""
    source = decoded.text
    return Document(
        path=path,
        text=blank(source, non_prose(source)),
        source=source,
        kind="text",
        encoding=decoded.encoding,
        newline=decoded.newline,
        ignored=in_lines(source),
        bom=decoded.bom,
        byte_order=decoded.byte_order,
    )


def non_prose(source: str) -> list[Span]:
    """Source spans that are not prose: literal blocks, code directives, comments, doctests."""
    lines = line_spans(source)
    texts = [source[start:end] for start, end in lines]
    spans: list[Span] = []
    index = 0
    while index < len(lines):
        line = texts[index]
        directive = _DIRECTIVE.match(line)
        explicit = _EXPLICIT.match(line)
        if directive and directive.group(2).lower() not in CODE_DIRECTIVES:
            spans.append((lines[index][0], lines[index][0] + directive.end()))
            index += 1
        elif explicit:  # a code directive, a comment, a target or a substitution: all of it
            end = _block_end(texts, index + 1, len(explicit.group(1)))
            spans.append((lines[index][0], lines[end - 1][1]))
            index = end
        elif _DOCTEST.match(line):
            end = index + 1
            while end < len(lines) and texts[end].strip():
                end += 1
            spans.append((lines[index][0], lines[end - 1][1]))
            index = end
        elif line.rstrip().endswith("::"):
            end = _block_end(texts, index + 1, _indent(line))
            if end > index + 1:
                spans.append((lines[index + 1][0], lines[end - 1][1]))
            index = max(end, index + 1)
        else:
            index += 1
    return spans


def _block_end(texts: list[str], start: int, indent: int) -> int:
    """The line after the block that starts at `start`: blank lines, then lines indented deeper."""
    end = start
    last = start
    while end < len(texts):
        text = texts[end]
        if text.strip():
            if _indent(text) <= indent:
                break
            last = end + 1
        end += 1
    return last


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip())
