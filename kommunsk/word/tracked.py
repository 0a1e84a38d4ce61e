"""Safe rewrites as Word tracked changes, so the writer accepts or rejects each one in Word.

The rewrite is the engine's (`engine.rewrite.apply`): only certain
replacements, with the article and adjectives that must agree. Each edit
becomes a deletion (`w:del`) of exactly the replaced runs and an insertion
(`w:ins`) right after it, by "kommunsk" and dated, the new text in the
formatting of the first replaced run. What a person must decide, and an edit
that cannot be tracked cleanly (it crosses a paragraph, or falls inside
someone else's tracked change), becomes a review comment instead.

Edits are made from the end of the document to its start, so the offsets of
those still to come are not moved by those made.
"""

from __future__ import annotations

import copy
from dataclasses import replace
from datetime import UTC, datetime
from itertools import count
from typing import Any

from kommunsk.engine.annotation import Annotation
from kommunsk.engine.annotator import MAX_CHARS, Annotator
from kommunsk.engine.rewrite import apply
from kommunsk.errors import ReadError
from kommunsk.lint.check import CheckOptions
from kommunsk.lint.municipality import for_file
from kommunsk.lint.rewrite_files import rewritable
from kommunsk.readers.docx import paragraph_text
from kommunsk.word.comments import AUTHOR, WordResult, add_comment
from kommunsk.word.package import Opened, edit_bytes, edit_copy
from kommunsk.word.runs import XML_SPACE, W, isolate, paragraph_at

_ID = f"{W}id"
# Someone else's revisions: an edit inside one is left to a person.
_REVISIONS = frozenset(f"{W}{name}" for name in ("ins", "del", "moveTo", "moveFrom"))
_PARAGRAPH = f"{W}p"
_TEXT_BOX = f"{W}txbxContent"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_CHOICE, _FALLBACK = f"{_MC}Choice", f"{_MC}Fallback"


def track_file(
    path: str,
    output: str,
    annotator: Annotator,
    options: CheckOptions,
    when: datetime | None = None,
) -> WordResult:
    """Write a copy of `path` to `output` with the safe rewrites as tracked changes."""
    comments, changes, moved, done = edit_copy(
        path, output, lambda opened: _track(opened, annotator, options, when)
    )
    return WordResult(path, output, comments, changes, moved, done)


def track_bytes(
    data: bytes,
    name: str,
    annotator: Annotator,
    options: CheckOptions,
    when: datetime | None = None,
) -> bytes:
    """The tracked-changes copy of a .docx held in memory, as bytes (for the server)."""
    return edit_bytes(data, name, lambda opened: _track(opened, annotator, options, when))


def _track(
    opened: Opened, annotator: Annotator, options: CheckOptions, when: datetime | None
) -> tuple[int, int, int, tuple[Annotation, ...]]:
    """Track the safe rewrites and comment the rest: (comments, changes, moved, annotations)."""
    path = opened.path
    if len(opened.document.text) > MAX_CHARS:
        raise ReadError(
            f"rewrite kan ikke omskrive {path}: teksten er {len(opened.document.text):,} tegn, "
            f"grænsen er {MAX_CHARS:,}".replace(",", ".")
        )
    chosen = for_file(path, "", "docx", options.municipality, options.overrides)
    options = replace(options, municipality=chosen)
    annotations = rewritable(opened.document, annotator, options)
    result = apply(opened.document.text, annotations)
    made = {(c.start, c.concept_id) for c in result.changes}
    tracker = _Tracker(opened, when or datetime.now(UTC))
    comments = moved = changes = 0
    for annotation in sorted(annotations, key=lambda a: a.start, reverse=True):
        wanted = bool(annotation.edits) and (_first(annotation), annotation.concept_id) in made
        if wanted and tracker.track(annotation):
            changes += 1
        elif wanted or annotation in result.needs_person:
            comments += 1
            moved += add_comment(opened, annotation, annotator.glossary, options.as_of)
    done = tuple(a for a in annotations if a.edits or a in result.needs_person)
    return comments, changes, moved, done


def _first(annotation: Annotation) -> int:
    return min(start for start, _, _ in annotation.edits)


class _Tracker:
    """Makes tracked changes in one document: shared author, date and fresh revision ids."""

    def __init__(self, opened: Opened, when: datetime) -> None:
        self.opened = opened
        self.date = when.astimezone(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")
        self.ids = count(_highest_id(opened) + 1)

    def track(self, annotation: Annotation) -> bool:
        """Make every edit of one annotation, or none (False) when one cannot be tracked cleanly."""
        located = [self._locate(edit) for edit in annotation.edits]
        spots = [spot for spot in located if spot is not None]
        if len(spots) != len(located):
            return False
        pairs = sorted(zip(spots, annotation.edits, strict=True), key=lambda pair: pair[1][0])
        for (paragraph, start, end), (_, _, new) in reversed(pairs):
            twin = fallback_twin(paragraph)
            if twin is not None and paragraph_text(twin)[0] == paragraph_text(paragraph)[0]:
                self._replace(twin, start, end, new)
            self._replace(paragraph, start, end, new)
        return True

    def _locate(self, edit: tuple[int, int, str]) -> tuple[Any, int, int] | None:
        """The `w:p` and paragraph offsets of an edit; None when it cannot be tracked there."""
        start, end, _ = edit
        starts = self.opened.document.paragraphs
        index = paragraph_at(starts, start)
        paragraph = self.opened.paragraphs[index]
        local_start, local_end = start - starts[index], end - starts[index]
        if local_end > len(paragraph.text):
            return None  # the edit runs over a paragraph break
        for piece in paragraph.pieces:
            inside = local_start <= piece.start < local_end or (
                piece.start < local_start < piece.start + len(piece.text)
            )
            if inside and _in_revision(piece.element):
                return None
        return paragraph.element, local_start, local_end

    def _replace(self, paragraph: Any, start: int, end: int, new: str) -> None:
        """Delete text[start:end] and insert `new` after it, both tracked."""
        runs = isolate(paragraph, start, end) if end > start else None
        if runs:
            deletions = [self._delete(run) for run in runs]
            if new:
                deletions[-1].addnext(self._insertion(runs[0], new))
            return
        if new:
            self._insert_at(paragraph, start, new)

    def _delete(self, run: Any) -> Any:
        """Wrap a run in a tracked deletion; its text becomes deleted text."""
        deletion = run.makeelement(f"{W}del", self._attributes())
        run.addprevious(deletion)
        deletion.append(run)
        for text in run.iter(f"{W}t"):
            text.tag = f"{W}delText"
        for code in run.iter(f"{W}instrText"):
            code.tag = f"{W}delInstrText"
        return deletion

    def _insertion(self, template: Any, new: str) -> Any:
        """A tracked insertion of `new` in the formatting of run `template`."""
        insertion = template.makeelement(f"{W}ins", self._attributes())
        run = template.makeelement(f"{W}r", {})
        properties = template.find(f"{W}rPr")
        if properties is not None:
            run.append(copy.deepcopy(properties))
        text = run.makeelement(f"{W}t", {XML_SPACE: "preserve"})
        text.text = new
        run.append(text)
        insertion.append(run)
        return insertion

    def _insert_at(self, paragraph: Any, at: int, new: str) -> None:
        """A tracked insertion where no text is replaced (in the formatting of the text before)."""
        runs = isolate(paragraph, 0, at) if at > 0 else None
        if runs:
            runs[-1].addnext(self._insertion(runs[-1], new))
            return
        following = isolate(paragraph, at, at + 1)
        if following:
            following[0].addprevious(self._insertion(following[0], new))

    def _attributes(self) -> dict[str, str]:
        return {_ID: str(next(self.ids)), f"{W}author": AUTHOR, f"{W}date": self.date}


def fallback_twin(paragraph: Any) -> Any | None:
    """The same paragraph in the copy of a text box Word keeps for older programs (VML), if any.

    Word stores a text box twice: a DrawingML shape (`mc:Choice`) and a VML copy
    (`mc:Fallback`). Both are changed alike, so no program shows the old words.
    """
    box = _ancestor(paragraph, _TEXT_BOX)
    choice = _ancestor(box, _CHOICE) if box is not None else None
    if choice is None:
        return None
    fallback = choice.getparent().find(_FALLBACK)
    if fallback is None:
        return None
    ours, theirs = list(choice.iter(_TEXT_BOX)), list(fallback.iter(_TEXT_BOX))
    if len(ours) != len(theirs):
        return None
    mine = list(box.iter(_PARAGRAPH))
    twins = list(theirs[ours.index(box)].iter(_PARAGRAPH))
    return twins[mine.index(paragraph)] if len(mine) == len(twins) else None


def _ancestor(element: Any, tag: str) -> Any:
    parent = element.getparent()
    while parent is not None and parent.tag != tag:
        parent = parent.getparent()
    return parent


def _in_revision(element: Any) -> bool:
    parent = element.getparent()
    while parent is not None and parent.tag != _PARAGRAPH:
        if parent.tag in _REVISIONS:
            return True
        parent = parent.getparent()
    return False


def _highest_id(opened: Opened) -> int:
    """The highest revision or annotation id in any part, so new ids never collide."""
    highest = 0
    for part in opened.word.part.package.iter_parts():
        element = getattr(part, "element", None)
        if element is None:
            continue
        for node in element.iter():
            value = node.get(_ID) if isinstance(node.tag, str) else None
            if value is not None and value.lstrip("-").isdigit():
                highest = max(highest, int(value))
    return highest
