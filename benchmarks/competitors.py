"""spaczz's FuzzyMatcher set up with kommunsk's business forms: the general-purpose alternative.

A company could flag business words with spaCy plus spaczz instead of
kommunsk. This module builds that alternative as fairly as it can: the same
business forms, spaczz's default settings (case-insensitive, minimum ratio
75), spans returned in the same shape as kommunsk's so that one scoring
function (tests/corpus_scoring.py) judges both.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from kommunsk.glossary.termbase import Glossary

Spans = list[tuple[int, int, str | None]]


@dataclass(frozen=True)
class SpaczzMatcher:
    """A blank Danish pipeline and a FuzzyMatcher holding every business form of a glossary."""

    nlp: Any
    matcher: Any
    patterns: int
    version: str

    def matches(self, text: str) -> list[Any]:
        """spaczz's matches in `text`: tokenising is part of the work, as it is for kommunsk."""
        return list(self.matcher(self.nlp.make_doc(text)))

    def spans(self, text: str, municipality: str | None = None, as_of: date | None = None) -> Spans:
        """Character spans labelled with the concept id (the scoring function's signature)."""
        doc = self.nlp.make_doc(text)
        return [
            (doc[start:end].start_char, doc[start:end].end_char, label)
            for label, start, end, *_ in self.matcher(doc)
        ]


@dataclass(frozen=True)
class Missing:
    """Why spaczz cannot be measured: a short reason for the table and the details for the notes."""

    reason: str
    details: str


def spaczz_matcher(glossary: Glossary) -> SpaczzMatcher | Missing:
    """The matcher, or why it cannot be built (not installed, or broken with the installed spaCy)."""
    from importlib.metadata import version

    import spacy

    spacy_version = version("spacy")
    try:
        from spaczz.matcher import FuzzyMatcher
    except ModuleNotFoundError as err:
        return Missing(
            "spaczz not installed",
            f"{err}; install it with pip install 'kommunsk[bench]' (it must not change the installed spaCy)",
        )
    except Exception as err:  # an incompatible spaCy shows up as any kind of import-time error
        return Missing(
            f"spaczz not usable with spaCy {spacy_version}",
            f"spaczz not usable with spaCy {spacy_version}: {type(err).__name__}: {err}",
        )
    nlp = spacy.blank("da")
    matcher = FuzzyMatcher(nlp.vocab)
    patterns = 0
    for concept in glossary:
        for form in concept.business_forms:
            matcher.add(concept.id, [nlp.make_doc(form.form)])
            patterns += 1
    return SpaczzMatcher(nlp, matcher, patterns, version("spaczz"))
