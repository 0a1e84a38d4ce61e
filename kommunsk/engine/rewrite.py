"""Rewrite text into municipal language, keeping inflection and letter case.

Only annotations that carry a confident `replacement` are applied: jargon
whose inflected municipal form is known. Jargon to avoid, fuzzy matches and
anything uncertain stay as they are, and nothing outside an annotated span
changes.
"""

from __future__ import annotations

from dataclasses import dataclass

from kommunsk.engine.annotation import Annotation


@dataclass(frozen=True)
class Change:
    """One replacement made: where, what was there, and what it became."""

    start: int
    end: int
    old: str
    new: str
    concept_id: str


@dataclass(frozen=True)
class Rewrite:
    """The rewritten text, the changes made, and the findings left for a person to decide."""

    text: str
    changes: tuple[Change, ...]
    left: tuple[Annotation, ...]

    @property
    def changed(self) -> bool:
        return bool(self.changes)


def apply(text: str, annotations: list[Annotation]) -> Rewrite:
    """Apply every confident replacement in `annotations` to `text`."""
    pieces: list[str] = []
    changes: list[Change] = []
    left: list[Annotation] = []
    position = 0
    for annotation in sorted(annotations, key=lambda a: a.start):
        if annotation.kind in ("term",):
            continue
        if annotation.replacement is None or annotation.start < position:
            left.append(annotation)
            continue
        pieces.append(text[position : annotation.start])
        pieces.append(annotation.replacement)
        changes.append(
            Change(
                annotation.start,
                annotation.end,
                annotation.text,
                annotation.replacement,
                annotation.concept_id,
            )
        )
        position = annotation.end
    pieces.append(text[position:])
    return Rewrite("".join(pieces), tuple(changes), tuple(left))
