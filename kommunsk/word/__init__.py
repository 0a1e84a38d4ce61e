"""The Word round trip: a copy of a .docx with findings as review comments or rewrites as tracked changes.

    from kommunsk.word import annotate_docx, rewrite_docx
    annotate_docx("tilbud.docx", "tilbud.kommunsk.docx", municipality="Aarhus")
    rewrite_docx("tilbud.docx", "tilbud.rewritten.docx")

The original is never written; the copy is saved atomically. See docs/word.md.
"""

from __future__ import annotations

from datetime import date, datetime

from kommunsk.engine.annotator import Annotator
from kommunsk.engine.registry import annotator
from kommunsk.glossary.termbase import Glossary
from kommunsk.lint.check import CheckOptions
from kommunsk.word.comments import AUTHOR, INITIALS, WordResult, comment_file
from kommunsk.word.tracked import track_file

__all__ = ["AUTHOR", "INITIALS", "WordResult", "annotate_docx", "rewrite_docx"]


def annotate_docx(
    source: str,
    output: str,
    *,
    municipality: str | None = None,
    glossary: Glossary | None = None,
    as_of: date | None = None,
    min_severity: str = "suggestion",
    ignore: tuple[str, ...] = (),
) -> WordResult:
    """Write `output`: a copy of `source` with a Word comment on each finding of that severity or more.

    The default severity is what `kommunsk check` reports.
    """
    options = CheckOptions(
        municipality=municipality, as_of=as_of, min_severity=min_severity, ignore=ignore
    )
    return comment_file(source, output, _annotator(glossary), options)


def rewrite_docx(
    source: str,
    output: str,
    *,
    municipality: str | None = None,
    glossary: Glossary | None = None,
    as_of: date | None = None,
    ignore: tuple[str, ...] = (),
    when: datetime | None = None,
) -> WordResult:
    """Write `output`: a copy of `source` with the safe rewrites as tracked changes dated `when`
    (now), and a comment on each finding a person must decide."""
    options = CheckOptions(municipality=municipality, as_of=as_of, ignore=ignore)
    return track_file(source, output, _annotator(glossary), options, when)


def _annotator(glossary: Glossary | None) -> Annotator:
    return annotator(glossary)
