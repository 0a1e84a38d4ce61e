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
    lines += _local_lines(data["local_facts"])
    return "\n".join(lines) + "\n"


CATEGORY_LABELS = {
    "committee": "stående udvalg",
    "administration": "forvaltninger",
    "elder_care_place": "ord for plejecenter/plejehjem",
    "home_care": "ord for hjemmepleje",
    "job_centre": "jobcenter",
    "other": "andre lokale navne",
}


def _local_lines(local: dict[str, Any]) -> list[str]:
    lines = [
        "  lokale fakta fra kommunernes egne sider:",
        f"    {'i alt (bekræftet)':<32} {local['total']:>5} ({local['verified']})",
        f"    {'pr. kommune, mindst':<32} {local['per_municipality_min']:>5}"
        f" ({', '.join(local['fewest'])})",
        f"    {'pr. kommune, gennemsnit':<32} {local['per_municipality_mean']:>5}",
        f"    {'kommuner med udvalg i 2026-2029':<32} {local['committees_current_term']:>5}",
        "    pr. kategori (fakta, kommuner):",
    ]
    for category, row in local["per_category"].items():
        label = CATEGORY_LABELS.get(category, category)
        lines.append(f"      {label:<30} {row['facts']:>5} {row['municipalities']:>4}")
    return lines
