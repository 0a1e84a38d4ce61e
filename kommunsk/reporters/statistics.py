"""`check --statistics`: how often each concept was found, most frequent first (like ruff's)."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence

from kommunsk.lint.findings import Finding, Summary
from kommunsk.reporters.json_report import glossary_version, kommunsk_version
from kommunsk.reporters.text import clean, quoted_list, summary_line


def rows(findings: Sequence[Finding]) -> list[dict[str, object]]:
    """One row per concept: count, the most severe severity, the words found and the suggestion."""
    by_concept: dict[str, list[Finding]] = {}
    for finding in findings:
        by_concept.setdefault(finding.annotation.concept_id, []).append(finding)
    result = []
    for concept_id, found in by_concept.items():
        words = Counter(f.annotation.text.casefold() for f in found)
        suggestion = next(
            (f.annotation.suggestions[0] for f in found if f.annotation.suggestions), ""
        )
        result.append(
            {
                "concept_id": concept_id,
                "count": len(found),
                "severity": _most_severe(found),
                "words": [w for w, _ in words.most_common()],
                "suggestion": suggestion,
            }
        )
    return sorted(result, key=lambda r: (-int(str(r["count"])), str(r["concept_id"])))


def render_text(findings: Sequence[Finding], summary: Summary) -> str:
    """`  12  borger  advarsel  "kunderne", "kunder" -> borger` per concept, then the summary."""
    lines = []
    for row in rows(findings):
        words = quoted_list([str(w) for w in row["words"]][:3])  # type: ignore[attr-defined]
        arrow = f" -> {row['suggestion']}" if row["suggestion"] else ""
        lines.append(
            f"{row['count']:>5}  {row['concept_id']:<32} {row['severity']:<10} {clean(words)}{arrow}"
        )
    return "\n".join([*lines, summary_line(summary)]) + "\n"


def render_json(findings: Sequence[Finding], summary: Summary) -> str:
    """The same rows as JSON, with the versions every JSON output carries."""
    data = {
        "schema_version": 1,
        "kommunsk_version": kommunsk_version(summary),
        "glossary_version": glossary_version(findings, summary),
        "statistics": rows(findings),
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _most_severe(found: Sequence[Finding]) -> str:
    order = ("warning", "suggestion", "info")
    return min(
        (f.annotation.severity for f in found), key=lambda s: order.index(s) if s in order else 1
    )
