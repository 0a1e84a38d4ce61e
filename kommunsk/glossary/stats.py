"""The counts that `kommunsk glossary info` reports and the docs show."""

from __future__ import annotations

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
    }
