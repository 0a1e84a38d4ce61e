"""The hover text for a word kommunsk knows: the concept's explanation as Markdown.

It is what `kommunsk explain` shows, for the concept the word was matched to
(not a fresh look-up of the word, which could land elsewhere), with the
suggestions made for this very place and the municipality's own variant.
Glossary text is escaped, so a `*` or `[` in the data cannot change the markup.
"""

from __future__ import annotations

import re
from datetime import date

from kommunsk.engine.annotation import Annotation
from kommunsk.engine.annotator import Annotator
from kommunsk.engine.explain import Explanation, explain_with
from kommunsk.glossary.export import visible
from kommunsk.glossary.model import Source
from kommunsk.glossary.pages import page_url

_MARKDOWN = re.compile(r"([\\`*_\[\]<>|~#])")


def explanation(
    annotator: Annotator,
    annotation: Annotation,
    municipality: str | None,
    as_of: date | None = None,
) -> Explanation:
    """The explanation of the concept behind `annotation`, with the municipality's local variant."""
    query = annotation.term or annotation.text
    found = explain_with(annotator, query, municipality=municipality, as_of=as_of)
    if found.concept is not None and found.concept.id == annotation.concept_id:
        return found
    concept = annotator.glossary.get(annotation.concept_id)
    place = annotator.municipality(municipality)
    day = as_of or annotator.glossary.day
    local = concept.variants_for(place.code, day) if place else ()
    return Explanation(
        annotation.text,
        True,
        annotator.glossary.version,
        concept,
        annotation.term,
        annotation.match,
        place,
        local,
    )


def markdown(result: Explanation, annotation: Annotation) -> str:
    """Short labelled paragraphs in Danish, ending with links to the sources and the glossary page."""
    concept = result.concept
    if concept is None:
        return md(annotation.message)
    lines = [f"**{md(concept.label)}**", ""]
    if annotation.kind != "term":
        lines += [md(annotation.message), ""]
    if annotation.suggestions:
        lines += _field("Skriv i stedet", ", ".join(md(s) for s in annotation.suggestions))
    lines += _field("Definition", md(concept.definition))
    advice = concept.advice if concept.avoid and concept.advice else concept.explanation
    lines += _field("For virksomheder", md(advice))
    if result.municipality is not None:
        local = ", ".join(md(v.term) for v in result.local) or "ingen kendt lokal variant"
        lines += _field(f"I {md(result.municipality.official_name)}", local)
    lines += _field("Lovgrundlag", "; ".join(md(str(b)) for b in concept.legal_basis))
    if concept.sources:
        lines += ["**Kilder:**", "", *(f"- {_source(s)}" for s in concept.sources), ""]
    lines.append(
        f"[Læs mere i glossaret]({page_url(concept)}) · glossar {md(result.glossary_version)}"
    )
    return "\n".join(lines)


def md(text: str) -> str:
    """Data as literal Markdown on one line."""
    return _MARKDOWN.sub(r"\\\1", " ".join(visible(text).split()))


def _field(label: str, body: str) -> list[str]:
    return [f"**{label}:** {body}", ""] if body else []


def _source(source: Source) -> str:
    title = md(source.title)
    url = visible(source.url or "").strip()
    if url.startswith(("https://", "http://")) and not any(c in url for c in " ()<>"):
        return f"[{title}]({url})"
    return title
