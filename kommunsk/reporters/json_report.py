"""The JSON report: a versioned shape for programs (docs/schema/check-output.schema.json).

`schema_version` rises only when a field is removed or changes meaning, so a
program written against version 1 keeps working when fields are added.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from kommunsk._version import __version__
from kommunsk.lint.findings import Finding, Summary
from kommunsk.reporters.text import ordered, severity_counts

SCHEMA_VERSION = 1


def render(findings: Sequence[Finding], summary: Summary) -> str:
    """The report as JSON text: indent 2, UTF-8 kept, keys in a fixed order, a final newline."""
    return json.dumps(document(findings, summary), indent=2, ensure_ascii=False) + "\n"


def document(findings: Sequence[Finding], summary: Summary) -> dict[str, Any]:
    """The report as plain data, for callers that want to embed it rather than print it."""
    return {
        "schema_version": SCHEMA_VERSION,
        "kommunsk_version": kommunsk_version(summary),
        "glossary_version": glossary_version(findings, summary),
        "summary": _summary(summary),
        "findings": [finding_dict(f) for f in ordered(findings)],
    }


def kommunsk_version(summary: Summary) -> str:
    """The version that made the findings; the summary knows best, the running library otherwise."""
    return summary.kommunsk_version or __version__


def glossary_version(findings: Sequence[Finding], summary: Summary) -> str:
    """The glossary version from the summary, or from the findings when the summary left it out."""
    if summary.glossary_version:
        return summary.glossary_version
    versions = (f.annotation.glossary_version for f in ordered(findings))
    return next((v for v in versions if v), "")


def _summary(summary: Summary) -> dict[str, Any]:
    """Totals, with every severity present (zero too), so programs need not guess missing keys."""
    return {
        "files": summary.files,
        "findings": summary.findings,
        "by_severity": dict(severity_counts(summary.by_severity)),
        "failed": summary.failed,
        "skipped": list(summary.skipped),
        "errors": list(summary.errors),
    }


def finding_dict(finding: Finding) -> dict[str, Any]:
    """One finding as the JSON object documented in docs/output.md (keys in that order)."""
    a = finding.annotation
    return {
        "path": finding.path,
        "line": finding.line,
        "column": finding.column,
        "end_line": finding.end_line,
        "end_column": finding.end_column,
        "unit": finding.unit,
        **({"place": finding.place} if finding.place else {}),
        "kind": a.kind,
        "severity": a.severity,
        "concept_id": a.concept_id,
        "text": a.text,
        "term": a.term,
        "suggestions": list(a.suggestions),
        "match": a.match,
        "score": a.score,
        "message": a.message,
        "reason": a.reason,
        "municipality": a.municipality,
    }
