"""Run the glossary's own example sentences: every `flag` span must be flagged, every `keep` span not.

The test suite runs these for every concept, and `kommunsk glossary validate
--examples` runs them for a user's overlay files.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date

from kommunsk.engine.annotation import Annotation
from kommunsk.glossary.model import Concept, Example, ExampleSpan

FLAGGED = ("jargon", "avoid", "variant", "outdated")
Annotate = Callable[[str, str | None, date | None], list[Annotation]]


@dataclass(frozen=True)
class ExampleFailure:
    """One span of one example that the matcher got wrong, and what it said instead."""

    concept: str
    example: Example
    span: ExampleSpan
    problem: str

    def __str__(self) -> str:
        return f"{self.concept}: {self.example.text!r}: {self.span.span!r}: {self.problem}"


def check_example(
    concept: Concept, example: Example, annotate: Annotate
) -> Iterator[ExampleFailure]:
    """Failures of one example sentence (none when it behaves as written)."""
    day = date.fromisoformat(example.as_of) if example.as_of else None
    found = annotate(example.text, example.municipality, day)
    for span in example.flag:
        problem = _flag_problem(concept, example.text, span, found)
        if problem:
            yield ExampleFailure(concept.id, example, span, problem)
    for span in example.keep:
        start = example.text.find(span.span)
        end = start + len(span.span)
        wrong = [a for a in found if a.kind in FLAGGED and a.start < end and start < a.end]
        if wrong:
            said = ", ".join(f"{a.text!r} as {a.kind} of {a.concept_id}" for a in wrong)
            yield ExampleFailure(concept.id, example, span, f"must not be flagged, but was: {said}")


def _flag_problem(
    concept: Concept, text: str, span: ExampleSpan, found: list[Annotation]
) -> str | None:
    start = text.find(span.span)
    end = start + len(span.span)
    exact = [a for a in found if a.start == start and a.end == end]
    mine = [a for a in exact if a.concept_id == concept.id]
    if not mine:
        said = ", ".join(f"{a.text!r} ({a.kind} of {a.concept_id})" for a in found) or "nothing"
        return f"not flagged for this concept; found {said}"
    annotation = mine[0]
    if annotation.kind not in FLAGGED:
        return f"recognised as a term, not flagged ({annotation.kind})"
    if span.kind and annotation.kind != span.kind:
        return f"kind is {annotation.kind}, expected {span.kind}"
    if span.suggestion and (
        not annotation.suggestions or annotation.suggestions[0] != span.suggestion
    ):
        return f"first suggestion is {annotation.suggestions[:1]}, expected {span.suggestion!r}"
    return None
