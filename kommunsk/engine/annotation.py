"""The Annotation record: what kommunsk says about one span of the caller's text."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from kommunsk.glossary.model import Kind, MatchType, Severity


@dataclass(frozen=True, slots=True)
class Annotation:
    """A finding. `text[start:end] == annotation.text` always holds for the caller's original text.

    `suggestions` are municipal terms, best first, inflected to fit where
    possible and with the municipality's own term first. `replacement` is set
    only when a rewrite can substitute the span with confidence.
    """

    start: int
    end: int
    text: str
    kind: Kind
    concept_id: str
    suggestions: tuple[str, ...]
    match: MatchType
    score: int
    severity: Severity
    message: str
    glossary_version: str
    term: str = ""
    reason: str | None = None
    replacement: str | None = None
    municipality: str | None = None
    # a safe rewrite: (start, end, new text) in the caller's text, the matched words and the
    # article or adjectives that must agree with the new word; empty when a person must decide
    edits: tuple[tuple[int, int, str], ...] = ()
    needs_person: bool = False  # jargon to act on that no safe rewrite can mend

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["suggestions"] = list(self.suggestions)
        data["edits"] = [list(edit) for edit in self.edits]
        return data
