"""Checks across concepts that a schema cannot express: ids, claims on words, references, examples.

Each check is a small function that yields problems, so adding one is adding a
function to CHECKS.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator

from kommunsk.glossary.loader import Loaded
from kommunsk.glossary.model import Concept, Example, Location, semver
from kommunsk.glossary.problems import Problem

Check = Callable[[Loaded, set[str]], Iterator[Problem]]


def duplicate_ids(loaded: Loaded, codes: set[str]) -> Iterator[Problem]:
    first: dict[str, Concept] = {}
    for concept in loaded.concepts:
        if concept.id in first:
            where = first[concept.id].location
            base = loaded.concepts[: loaded.overlay_start] if loaded.overlay_start else []
            overlay = any(c is first[concept.id] for c in base)
            what = "overlay redefines" if overlay else "duplicate concept id, first defined at"
            yield Problem(
                loaded.origin(concept).location("id"), f"{what} {where}", concept.id, "id"
            )
        else:
            first[concept.id] = concept


def claimed_twice(loaded: Loaded, codes: set[str]) -> Iterator[Problem]:
    claims: dict[str, list[tuple[Concept, int]]] = defaultdict(list)
    for concept in loaded.concepts:
        for index, form in enumerate(concept.business_forms):
            claims[form.form.casefold()].append((concept, index))
    for word, owners in claims.items():
        ids = {c.id for c, _ in owners}
        if len(ids) < 2:
            continue
        for concept, index in owners:
            if concept.business_forms[index].disambiguation:
                continue
            others = sorted(ids - {concept.id})
            yield Problem(
                loaded.origin(concept).location("business_forms", index, "form"),
                f"'{word}' is also a business form of {', '.join(others)}; "
                "add a 'disambiguation' (and a context) to tell them apart",
                concept.id,
                f"business_forms > {index}",
            )


def form_is_term(loaded: Loaded, codes: set[str]) -> Iterator[Problem]:
    terms: dict[str, str] = {}
    for concept in loaded.concepts:
        for term in concept.terms:
            terms.setdefault(term.term.casefold(), concept.id)
    for concept in loaded.concepts:
        for index, form in enumerate(concept.business_forms):
            owner = terms.get(form.form.casefold())
            if owner and not form.disambiguation:
                yield Problem(
                    loaded.origin(concept).location("business_forms", index, "form"),
                    f"'{form.form}' is a municipal term of '{owner}' and cannot be flagged as jargon",
                    concept.id,
                    f"business_forms > {index}",
                )


def unknown_codes(loaded: Loaded, codes: set[str]) -> Iterator[Problem]:
    for concept in loaded.concepts:
        origin = loaded.origin(concept)
        for variant in concept.variants:
            if variant.code not in codes:
                yield Problem(
                    origin.location("variants", variant.code, key=True),
                    f"unknown municipality code '{variant.code}'",
                    concept.id,
                    f"variants > {variant.code}",
                )
        for index, example in enumerate(concept.examples):
            if example.municipality and example.municipality not in codes:
                yield Problem(
                    origin.location("examples", index, "municipality"),
                    f"unknown municipality code '{example.municipality}'",
                    concept.id,
                    f"examples > {index} > municipality",
                )


def references(loaded: Loaded, codes: set[str]) -> Iterator[Problem]:
    by_id = {c.id: c for c in loaded.concepts}
    for concept in loaded.concepts:
        origin = loaded.origin(concept)
        if concept.replaced_by and concept.replaced_by not in by_id:
            yield Problem(
                origin.location("replaced_by"),
                f"replaced_by points to unknown concept '{concept.replaced_by}'",
                concept.id,
                "replaced_by",
            )
        elif concept.replaced_by and _in_cycle(concept.id, by_id):
            yield Problem(
                origin.location("replaced_by"),
                "replaced_by forms a cycle: " + " -> ".join(_chain(concept.id, by_id)),
                concept.id,
                "replaced_by",
            )
        for index, other in enumerate(concept.see_also):
            if other not in by_id:
                yield Problem(
                    origin.location("see_also", index),
                    f"see_also points to unknown concept '{other}'",
                    concept.id,
                    f"see_also > {index}",
                )


def examples(loaded: Loaded, codes: set[str]) -> Iterator[Problem]:
    for concept in loaded.concepts:
        origin = loaded.origin(concept)
        for index, example in enumerate(concept.examples):
            yield from _example_spans(concept, index, example, origin.location("examples", index))


def suggestions(loaded: Loaded, codes: set[str]) -> Iterator[Problem]:
    for concept in loaded.concepts:
        terms = {t.term for t in concept.terms}
        for index, form in enumerate(concept.business_forms):
            for wanted in form.suggest:
                if wanted not in terms:
                    yield Problem(
                        loaded.origin(concept).location("business_forms", index, "suggest"),
                        f"suggest names '{wanted}', which is not a term of this concept",
                        concept.id,
                        f"business_forms > {index} > suggest",
                    )


def dates_and_versions(loaded: Loaded, codes: set[str]) -> Iterator[Problem]:
    version = semver(str(loaded.meta.get("version", "0.0.0")))
    for concept in loaded.concepts[: loaded.overlay_start or None]:
        origin = loaded.origin(concept)
        if concept.valid_from and concept.valid_to and concept.valid_from > concept.valid_to:
            yield Problem(
                origin.location("valid_to"), "valid_to is before valid_from", concept.id, "valid_to"
            )
        for field in ("added_in", "changed_in"):
            if semver(getattr(concept, field)) > version:
                yield Problem(
                    origin.location(field),
                    f"{getattr(concept, field)} is newer than the glossary version {'.'.join(map(str, version))}",
                    concept.id,
                    field,
                )
        if semver(concept.changed_in) < semver(concept.added_in):
            yield Problem(
                origin.location("changed_in"),
                "changed_in is older than added_in",
                concept.id,
                "changed_in",
            )


CHECKS: tuple[Check, ...] = (
    duplicate_ids,
    claimed_twice,
    form_is_term,
    unknown_codes,
    references,
    examples,
    suggestions,
    dates_and_versions,
)


def check(loaded: Loaded, codes: set[str]) -> list[Problem]:
    """Run every cross-concept check and return all problems found."""
    return [problem for run in CHECKS for problem in run(loaded, codes)]


def _example_spans(
    concept: Concept, index: int, example: Example, where: Location
) -> Iterator[Problem]:
    for key, spans in (("flag", example.flag), ("keep", example.keep)):
        for position, span in enumerate(spans):
            if span.span not in example.text:
                yield Problem(
                    where,
                    f"span {span.span!r} does not occur in the example sentence {example.text!r}",
                    concept.id,
                    f"examples > {index} > {key} > {position}",
                )


def _chain(start: str, by_id: dict[str, Concept]) -> list[str]:
    chain = [start]
    current = by_id[start].replaced_by
    while current and current in by_id and current not in chain:
        chain.append(current)
        current = by_id[current].replaced_by
    if current:
        chain.append(current)
    return chain


def _in_cycle(start: str, by_id: dict[str, Concept]) -> bool:
    chain = _chain(start, by_id)
    return chain[-1] in chain[:-1]
