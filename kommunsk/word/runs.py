"""Find the runs that hold exactly a span of a paragraph's text, splitting runs where needed.

Word keeps formatting on runs (`w:r`), and one word can be spread over several
runs ("stake" bold, "holders" plain) while one run can hold many words. A
comment or a tracked change must begin and end on run boundaries, so the runs
are split at the span's ends: each half keeps a copy of the run's properties
(`w:rPr`), so nothing changes in how the text looks.
"""

from __future__ import annotations

import copy
from bisect import bisect_right
from collections.abc import Sequence
from typing import Any

from kommunsk.readers.docx import Piece, paragraph_text

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
_RUN = f"{W}r"
_TEXT = f"{W}t"
_PROPERTIES = f"{W}rPr"


def paragraph_at(starts: Sequence[int], offset: int) -> int:
    """The index of the paragraph that text offset `offset` falls in."""
    return max(bisect_right(starts, offset) - 1, 0)


def isolate(paragraph: Any, start: int, end: int) -> list[Any] | None:
    """The runs that hold exactly text[start:end] of paragraph `w:p`, in order; None if none do.

    Text that is not in a run of its own paragraph (it never is in a file Word wrote)
    cannot be isolated either, and gives None.
    """
    if start >= end:
        return None
    _boundary(paragraph, end)
    _boundary(paragraph, start)
    runs: list[Any] = []
    for piece in paragraph_text(paragraph)[1]:
        if start <= piece.start and piece.start + len(piece.text) <= end:
            run = piece.element.getparent()
            if run is None or run.tag != _RUN:
                return None
            if not runs or runs[-1] is not run:
                runs.append(run)
    return runs or None


def _boundary(paragraph: Any, at: int) -> None:
    """Make `at` a run boundary: split the text element and then the run that holds it."""
    pieces = paragraph_text(paragraph)[1]
    for piece in pieces:
        end = piece.start + len(piece.text)
        if piece.start < at < end and piece.element.tag == _TEXT:
            after = _split_text(piece.element, at - piece.start)
            _split_run_before(after)
            return
    for piece in pieces:
        if piece.start + len(piece.text) == at:
            _split_run_after(piece)
        if piece.start == at:
            _split_run_before(piece.element)


def _split_text(element: Any, at: int) -> Any:
    """Cut a `w:t` in two at character `at`; both halves keep their spaces."""
    text = element.text or ""
    after = element.makeelement(_TEXT, {})
    after.text = text[at:]
    element.text = text[:at]
    for half in (element, after):
        half.set(XML_SPACE, "preserve")
    element.addnext(after)
    return after


def _split_run_after(piece: Piece) -> None:
    """End the run right after this piece (a note mark or a drawing after it goes to a new run)."""
    following = piece.element.getnext()
    if following is not None:
        _split_run_before(following)


def _split_run_before(element: Any) -> None:
    """Move `element` and what follows it in its run into a new run with the same properties."""
    run = element.getparent()
    if run is None or run.tag != _RUN:
        return
    before = [c for c in run if c.tag != _PROPERTIES and c is not element]
    index = run.index(element)
    if not any(run.index(c) < index for c in before):
        return  # already the first content of its run
    new = run.makeelement(_RUN, dict(run.attrib))
    properties = run.find(_PROPERTIES)
    if properties is not None:
        new.append(copy.deepcopy(properties))
    for child in list(run)[index:]:
        new.append(child)
    run.addnext(new)
