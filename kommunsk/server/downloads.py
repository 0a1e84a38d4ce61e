"""Where "download the Word file with comments" plugs in.

A Word export (the uploaded .docx with each finding as a comment or a tracked
change) belongs to `kommunsk.word`. Until that exists, `word_export()` answers
None: the page hides the download form and POST /hent/word answers 501. To
plug it in, make `word_export()` return a function of the file's bytes, its
name and the findings that gives the new .docx bytes; the route, the form,
the size limit and the in-memory upload are already here.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from kommunsk.engine.annotation import Annotation

WordExport = Callable[[bytes, str, Sequence[Annotation]], bytes]
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def word_export() -> WordExport | None:
    """The Word export, when this build has one; None until kommunsk.word provides it."""
    return None
