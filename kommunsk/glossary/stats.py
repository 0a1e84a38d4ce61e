"""The counts that `kommunsk glossary info` reports and the docs show."""

from __future__ import annotations

from kommunsk.glossary.municipalities import CATEGORIES
from kommunsk.glossary.termbase import Glossary


def stats(glossary: Glossary) -> dict[str, object]:
    """Counts of concepts, words, variants, sources and examples, and concepts per domain."""
    concepts = glossary.concepts
    with_variants = {v.code for c in concepts for v in c.variants}
    return {
        "name": glossary.meta.name,
        "version": glossary.version,
        "released": glossary.meta.released,
        "concepts": len(concepts),
        "business_forms": sum(len(c.business_forms) for c in concepts),
        "municipal_terms": sum(len(c.terms) for c in concepts),
        "avoid_concepts": sum(c.avoid for c in concepts),
        "variants": sum(len(c.variants) for c in concepts),
        "unverified_variants": sum(not v.verified for c in concepts for v in c.variants),
        "municipalities": len(glossary.municipalities),
        "municipalities_with_variants": len(with_variants),
        "concepts_with_sources": sum(bool(c.sources) for c in concepts),
        "concepts_with_legal_basis": sum(bool(c.legal_basis) for c in concepts),
        "examples": sum(len(c.examples) for c in concepts),
        "dated_concepts": sum(bool(c.valid_from or c.valid_to) for c in concepts),
        "domains": {
            d: sum(c.domain == d for c in concepts)
            for d in dict.fromkeys(c.domain for c in concepts)
        },
        "local_facts": local_fact_stats(glossary),
    }


def local_fact_stats(glossary: Glossary) -> dict[str, object]:
    """The municipality profiles' facts: per municipality (min, mean, fewest) and per category."""
    places = list(glossary.municipalities)
    counts = {m.name: len(m.facts) for m in places}
    verified = {m.name: sum(f.verified for f in m.facts) for m in places}
    fewest = min(counts.values(), default=0)
    return {
        "total": sum(counts.values()),
        "verified": sum(verified.values()),
        "per_municipality_min": fewest,
        "per_municipality_mean": round(sum(counts.values()) / max(len(places), 1), 2),
        "verified_per_municipality_min": min(verified.values(), default=0),
        "fewest": sorted(name for name, count in counts.items() if count == fewest),
        "per_category": {
            category: {
                "facts": sum(f.category == category for m in places for f in m.facts),
                "municipalities": sum(any(f.category == category for f in m.facts) for m in places),
            }
            for category in CATEGORIES
        },
        "committees_current_term": sum(
            any(
                f.category == "committee" and f.valid_from and f.holds_on(glossary.day)
                for f in m.facts
            )
            for m in places
        ),
    }
