"""The text view of `kommunsk glossary info`: the glossary's counts, labelled in Danish."""

from __future__ import annotations

from typing import Any

LABELS = {
    "concepts": "begreber",
    "business_forms": "forretningsord",
    "municipal_terms": "kommunale termer",
    "avoid_concepts": "jargon uden modstykke",
    "variants": "lokale varianter",
    "unverified_variants": "ubekræftede varianter",
    "municipalities": "kommuner",
    "municipalities_with_variants": "kommuner med mindst én variant",
    "concepts_with_sources": "begreber med kilder",
    "concepts_with_legal_basis": "begreber med lovgrundlag",
    "examples": "eksempelsætninger",
    "dated_concepts": "begreber med gyldighedsperiode",
}


def render_info(data: dict[str, Any]) -> str:
    """One line per count, then the concepts per domain."""
    lines = [f"{data['name']} {data['version']} (udgivet {data['released']})"]
    lines += [f"  {label:<34} {data[key]:>5}" for key, label in LABELS.items()]
    lines.append("  domæner:")
    lines += [f"    {domain:<32} {count:>5}" for domain, count in data["domains"].items()]
    return "\n".join(lines) + "\n"
