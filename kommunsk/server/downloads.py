"""The Word downloads: the uploaded .docx back with findings as review comments, or with the
safe rewrites as tracked changes.

The work is `kommunsk.word`'s; here it is only named for the server, which
passes the engine and the request's options so the copy agrees with the
findings on the page. The upload stays in memory from request to answer.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from kommunsk.engine.annotator import Annotator
from kommunsk.lint.check import CheckOptions
from kommunsk.word.comments import comment_bytes
from kommunsk.word.tracked import track_bytes

WordExport = Callable[[bytes, str, Annotator, CheckOptions], bytes]
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def word_exports() -> Mapping[str, tuple[WordExport, str]]:
    """The Word copies on offer, by the form's value: the export and the copy's name suffix."""
    return {
        "kommentarer": (comment_bytes, "kommunsk"),
        "rettelser": (track_bytes, "omskrevet"),
    }
