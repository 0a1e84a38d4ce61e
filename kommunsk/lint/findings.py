"""A Finding: an annotation placed in a file (line and column), ready for a reporter.

The matcher knows only offsets in text; lines, columns and paragraphs are
added here, at the reporting edge.
"""

from __future__ import annotations

from dataclasses import dataclass

from kommunsk.engine.annotation import Annotation


@dataclass(frozen=True, slots=True)
class Finding:
    """An annotation with its place in a file. Lines and columns are 1-based; columns count characters."""

    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    annotation: Annotation
    line_text: str  # the whole source line the finding starts on, without its line ending
    unit: str = "line"  # "line", or "paragraph" for Word documents (line then counts paragraphs)
    help_uri: str = ""  # the concept's page in the glossary documentation
    place: str = ""  # Word: where a Word user finds it ("Økonomi › afsnit 2"); "" elsewhere


@dataclass(frozen=True)
class Summary:
    """Totals for one run."""

    files: int
    findings: int
    by_severity: dict[str, int]
    failed: bool
    skipped: tuple[str, ...] = ()  # notes about files that were skipped (binary, unsupported)
    errors: tuple[str, ...] = ()  # files that could not be read, one line each naming the file
    kommunsk_version: str = ""
    glossary_version: str = ""
