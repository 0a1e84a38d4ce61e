"""Turn schema-checked YAML data into model records.

The schema has already vouched for the shape of the data, so these functions
only map fields; they never guess or repair.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from kommunsk.glossary.model import (
    BusinessForm,
    Concept,
    Context,
    Example,
    ExampleSpan,
    LegalBasis,
    LocalSource,
    Location,
    Matching,
    Source,
    Term,
    Variant,
)

Data = dict[str, Any]


def source(data: Data) -> Source:
    return Source(
        title=data["title"],
        url=data.get("url"),
        document=data.get("document"),
        publisher=data.get("publisher"),
        licence=data.get("licence"),
        accessed=data.get("accessed"),
        published=data.get("published"),
    )


def context(data: Data | None) -> Context | None:
    if not data:
        return None
    return Context(
        requires=tuple(data.get("requires", ())),
        excludes=tuple(data.get("excludes", ())),
        window=data.get("window", 4),
        scope=data.get("scope", "window"),
        excludes_scope=data.get("excludes_scope"),
    )


def matching(data: Data | None) -> Matching:
    data = data or {}
    return Matching(
        case_sensitive=data.get("case_sensitive"),
        compounds=data.get("compounds"),
        fuzzy=data.get("fuzzy"),
        inflect=data.get("inflect", True),
    )


def term(data: Data) -> Term:
    return Term(
        term=data["term"],
        status=data["status"],
        pos=data.get("pos"),
        forms=tuple(data.get("forms", ())),
        context=context(data.get("context")),
        matching=matching(data.get("matching")),
        note=data.get("note"),
    )


def business_form(data: Data) -> BusinessForm:
    return BusinessForm(
        form=data["form"],
        register=data["register"],
        reason=data["reason"],
        suggest=tuple(data.get("suggest", ())),
        pos=data.get("pos"),
        forms=tuple(data.get("forms", ())),
        context=context(data.get("context")),
        matching=matching(data.get("matching")),
        disambiguation=data.get("disambiguation"),
        note=data.get("note"),
        evidence=tuple(source(s) for s in data.get("evidence", ())),
        rewrite=data.get("rewrite", "safe"),
    )


def span(data: str | Data) -> ExampleSpan:
    if isinstance(data, str):
        return ExampleSpan(data)
    return ExampleSpan(data["span"], data.get("kind"), data.get("suggestion"))


def example(data: Data) -> Example:
    return Example(
        text=data["text"],
        flag=tuple(span(s) for s in data.get("flag", ())),
        keep=tuple(span(s) for s in data.get("keep", ())),
        municipality=data.get("municipality"),
        as_of=data.get("as_of"),
    )


def variants(data: Data | None) -> tuple[Variant, ...]:
    found: list[Variant] = []
    for code, value in (data or {}).items():
        for item in value if isinstance(value, list) else [value]:
            found.append(
                Variant(
                    code=code,
                    term=item["term"],
                    source=source(item["source"]),
                    verified=item.get("verified", True),
                    valid_from=item.get("valid_from"),
                    valid_to=item.get("valid_to"),
                    note=item.get("note"),
                )
            )
    return tuple(found)


def legal_basis(data: Data) -> LegalBasis:
    return LegalBasis(data["law"], data.get("section"), data.get("url"), data.get("note"))


def concept(data: Data, domain: str, location: Location) -> Concept:
    return Concept(
        id=data["id"],
        domain=domain,
        definition=data["definition"],
        explanation=data["explanation"],
        english=data["english"],
        added_in=data["added_in"],
        changed_in=data["changed_in"],
        terms=tuple(term(t) for t in data.get("terms", ())),
        avoid=data.get("avoid", False),
        advice=data.get("advice"),
        business_forms=tuple(business_form(b) for b in data.get("business_forms", ())),
        legal_basis=tuple(legal_basis(b) for b in data.get("legal_basis", ())),
        sources=tuple(source(s) for s in data.get("sources", ())),
        examples=tuple(example(e) for e in data.get("examples", ())),
        valid_from=data.get("valid_from"),
        valid_to=data.get("valid_to"),
        replaced_by=data.get("replaced_by"),
        see_also=tuple(data.get("see_also", ())),
        variants=variants(data.get("variants")),
        local=local_source(data.get("local")),
        note=data.get("note"),
        detector=data.get("detector"),
        location=location,
    )


def local_source(data: Data | None) -> LocalSource | None:
    if not data:
        return None
    return LocalSource(category=data["category"], covers=tuple(data.get("covers", ())))


def with_variants(base: Concept, extra: tuple[Variant, ...]) -> Concept:
    return replace(base, variants=base.variants + extra)


def extend(base: Concept, data: Data) -> Concept:
    """A concept with an overlay's extra terms, business forms and variants added."""
    return replace(
        base,
        terms=base.terms + tuple(term(t) for t in data.get("terms", ())),
        business_forms=base.business_forms
        + tuple(business_form(b) for b in data.get("business_forms", ())),
        variants=base.variants + variants(data.get("variants")),
    )
