"""An editor buffer to findings: the reader its language asks for, then the linter's own checks.

A Markdown buffer goes through the Markdown reader, so code spans, code blocks,
link targets and front matter are never flagged; reStructuredText goes through
the reStructuredText reader (literal blocks, code directives and comments are
blanked); plain text is read as it is. Suppression comments, the ignore list,
per-path municipalities and front matter work as in `kommunsk check`, because
the linter (`lint.check.findings_for`) does the checking.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date

from kommunsk.engine.annotation import Annotation
from kommunsk.engine.annotator import Annotator
from kommunsk.lint.check import CheckOptions, at_least, findings_for
from kommunsk.readers import MAX_BYTES, Document
from kommunsk.readers.encoding import Decoded, dominant_newline
from kommunsk.readers.markdown import read_markdown
from kommunsk.readers.position import source_offset, source_span
from kommunsk.readers.rst import read_rst
from kommunsk.readers.text import read_text

# LSP language ids kommunsk reads, and the reader each one takes; editors that send their own
# file type (Neovim, Helix) say "text" and "rst" where VS Code says "plaintext", "restructuredtext"
LANGUAGES = {
    "markdown": "markdown",
    "plaintext": "text",
    "text": "text",
    "restructuredtext": "rst",
    "rst": "rst",
}
MAX_CHARS = MAX_BYTES  # a buffer is held to the same limit as a file


@dataclass(frozen=True)
class Analysis:
    """What kommunsk found in one version of a buffer.

    `annotations` are every finding the linter keeps (recognised municipal terms
    included, for hover); `shown` are those at or above the minimum severity,
    which become diagnostics. Offsets are offsets in `document.source`, the
    buffer's text.
    """

    version: int | None
    document: Document
    annotations: tuple[Annotation, ...]
    shown: tuple[Annotation, ...]
    municipality: str | None
    glossary: tuple[str, ...] = ()  # the project's own glossary files, for hover
    as_of: date | None = None
    pages: Mapping[str, str] = field(default_factory=dict)  # concept id -> glossary page

    @property
    def source(self) -> str:
        return self.document.source


def supported(language_id: str | None) -> bool:
    """Does kommunsk read buffers of this LSP language id?"""
    return language_id in LANGUAGES


def read_buffer(text: str, language_id: str, path: str) -> Document:
    """The buffer as the reader for its language sees it."""
    decoded = Decoded(text, "utf-8", False, dominant_newline(text))
    reader = LANGUAGES[language_id]
    if reader == "markdown":
        return read_markdown(decoded, path)
    if reader == "rst":
        return read_rst(decoded, path)
    return read_text(decoded, path)


def analyse(
    text: str,
    language_id: str,
    path: str,
    annotator: Annotator,
    options: CheckOptions,
    version: int | None = None,
) -> Analysis:
    """Check one buffer; the annotations are moved to offsets in the buffer's own text."""
    document = read_buffer(text, language_id, path)
    everything = replace(options, min_severity="info")
    found = [
        to_source(document, f.annotation) for f in findings_for(document, annotator, everything)
    ]
    shown = tuple(a for a in found if at_least(a, options.min_severity) and a.kind != "term")
    municipality = next((a.municipality for a in found if a.municipality), options.municipality)
    return Analysis(version, document, tuple(found), shown, municipality)


def to_source(document: Document, annotation: Annotation) -> Annotation:
    """An annotation at offsets in the buffer rather than in the reader's text."""
    if document.offsets is None:
        return annotation
    start, end = source_span(document, annotation.start, annotation.end)
    edits = tuple(
        (source_offset(document, a), source_offset(document, b), new)
        for a, b, new in annotation.edits
    )
    return replace(annotation, start=start, end=end, edits=edits)


def at(analysis: Analysis, start: int, end: int | None = None) -> list[Annotation]:
    """The annotations touching text[start:end] (or the one under the cursor at `start`)."""
    stop = start if end is None else end
    return [a for a in analysis.annotations if a.start <= stop and start <= a.end]
