"""The spaCy component: `nlp.add_pipe("kommunsk")` puts kommunsk's annotations in `doc.spans["kommunsk"]`.

Registered through spaCy's entry points, so installing kommunsk is enough.
Each span's label is the annotation kind, and `span._.kommunsk` holds the full
Annotation (concept, suggestions, severity, message).
"""

from __future__ import annotations

from datetime import date

from spacy.language import Language
from spacy.tokens import Doc, Span

import kommunsk


class KommunskComponent:
    """Annotate each Doc with kommunsk and store the findings as a span group."""

    def __init__(
        self, spans_key: str, municipality: str | None, as_of: str | None, glossary: list[str]
    ) -> None:
        self.spans_key = spans_key
        self.municipality = municipality
        self.as_of = date.fromisoformat(as_of) if as_of else None
        self.glossary_paths = glossary
        if not Span.has_extension("kommunsk"):
            Span.set_extension("kommunsk", default=None)

    def __call__(self, doc: Doc) -> Doc:
        glossary = kommunsk.load(self.glossary_paths) if self.glossary_paths else None
        spans = []
        for annotation in kommunsk.annotate(
            doc.text, municipality=self.municipality, glossary=glossary, as_of=self.as_of
        ):
            span = doc.char_span(
                annotation.start, annotation.end, label=annotation.kind, alignment_mode="expand"
            )
            if span is not None:
                span._.kommunsk = annotation
                spans.append(span)
        doc.spans[self.spans_key] = spans
        return doc


@Language.factory(
    "kommunsk",
    default_config={"spans_key": "kommunsk", "municipality": None, "as_of": None, "glossary": []},
)
def make_component(
    nlp: Language,
    name: str,
    spans_key: str,
    municipality: str | None,
    as_of: str | None,
    glossary: list[str],
) -> KommunskComponent:
    """spaCy factory for the kommunsk component (see the module docstring)."""
    del nlp, name
    return KommunskComponent(spans_key, municipality, as_of, list(glossary))
