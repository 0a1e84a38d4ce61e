"""Rewrite text into municipal language: only safe, certain replacements, in correct Danish.

An annotation carries `edits` when its municipal word can stand in the jargon's
place with the same meaning, in the same construction, inflected with certainty:
the word itself, and the article or adjectives before it that must agree ("et
hurtigt setup" -> "en hurtig opsætning"). Those are applied. Everything else a
person must decide (jargon whose replacement changes the construction or the
meaning, jargon without a municipal word, uncertain inflection) is listed in
`needs_person` with its suggestion and reason. Nothing outside the edits changes.
"""

from __future__ import annotations

from dataclasses import dataclass

from kommunsk.engine.annotation import Annotation


@dataclass(frozen=True)
class Change:
    """One replacement made: where (in the original text), what was there, and what it became."""

    start: int
    end: int
    old: str
    new: str
    concept_id: str


@dataclass(frozen=True)
class Rewrite:
    """The rewritten text, the changes made, and the findings a person must decide."""

    text: str
    changes: tuple[Change, ...]
    needs_person: tuple[Annotation, ...]

    @property
    def changed(self) -> bool:
        return bool(self.changes)

    @property
    def left(self) -> tuple[Annotation, ...]:
        """The findings not rewritten (kept for callers of the first version)."""
        return self.needs_person


def apply(text: str, annotations: list[Annotation]) -> Rewrite:
    """Apply every safe replacement in `annotations` to `text`; list the rest for a person."""
    pieces: list[str] = []
    changes: list[Change] = []
    person: list[Annotation] = []
    position = 0
    for annotation in sorted(annotations, key=lambda a: a.start):
        if not annotation.edits:
            if annotation.needs_person:
                person.append(annotation)
            continue
        first = min(start for start, _, _ in annotation.edits)
        if first < position:
            person.append(annotation)  # overlaps a replacement already made
            continue
        for start, end, new in sorted(annotation.edits):
            pieces.append(text[position:start])
            pieces.append(new)
            position = end
        last = max(end for _, end, _ in annotation.edits)
        new_text = "".join(_spliced(text, first, last, annotation.edits))
        changes.append(Change(first, last, text[first:last], new_text, annotation.concept_id))
    pieces.append(text[position:])
    return Rewrite("".join(pieces), tuple(changes), tuple(person))


def _spliced(
    text: str, first: int, last: int, edits: tuple[tuple[int, int, str], ...]
) -> list[str]:
    """The text from `first` to `last` with the edits made (what a Change reports as new)."""
    pieces = []
    position = first
    for start, end, new in sorted(edits):
        pieces += [text[position:start], new]
        position = end
    pieces.append(text[position:last])
    return pieces
