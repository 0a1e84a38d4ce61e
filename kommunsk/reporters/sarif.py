"""The SARIF 2.1.0 report, shaped for GitHub code scanning.

Each concept that occurs becomes a rule, so code scanning can group and dismiss
findings per concept. Each result carries a partial fingerprint built from
what was found rather than where, so an alert keeps its identity when lines
are added above it.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from collections.abc import Sequence
from typing import Any
from urllib.parse import quote

from kommunsk.lint.findings import Finding, Summary
from kommunsk.reporters.json_report import glossary_version, kommunsk_version
from kommunsk.reporters.text import full_message, kind_label, ordered

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
INFORMATION_URI = "https://github.com/kommunsk/kommunsk"
FINGERPRINT_KEY = "kommunsk/v1"

LEVELS = {"warning": "warning", "suggestion": "note", "info": "none"}
_RANK = {"warning": 0, "suggestion": 1, "info": 2}
# Characters a URI reference may hold as they are; ":" is left out because in a
# relative path's first segment it would read as a scheme.
_URI_SAFE = "/-._~!$&'()*+,;=@"
_DRIVE = re.compile(r"^[A-Za-z]:/")


def render(findings: Sequence[Finding], summary: Summary) -> str:
    """The SARIF log as JSON text (indent 2, UTF-8 characters kept, a final newline)."""
    return json.dumps(log(findings, summary), indent=2, ensure_ascii=False) + "\n"


def log(findings: Sequence[Finding], summary: Summary) -> dict[str, Any]:
    """The SARIF log as plain data: one run, one rule per concept, one result per finding."""
    found = ordered(findings)
    rules = _rules(found)
    index = {rule["id"]: i for i, rule in enumerate(rules)}
    kommunsk, glossary = kommunsk_version(summary), glossary_version(found, summary)
    driver = {
        "name": "kommunsk",
        "version": kommunsk,
        "informationUri": INFORMATION_URI,
        "rules": rules,
        "properties": {"glossary_version": glossary},
    }
    return {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {"driver": driver},
                "results": [
                    _result(f, index[f.annotation.concept_id], fingerprint)
                    for f, fingerprint in zip(found, fingerprints(found), strict=True)
                ],
                "columnKind": "unicodeCodePoints",
                "invocations": [_invocation(summary)],
                "properties": {"kommunsk_version": kommunsk, "glossary_version": glossary},
            }
        ],
    }


def _invocation(summary: Summary) -> dict[str, Any]:
    """Whether the run completed, and one error notification per file that could not be read."""
    return {
        "executionSuccessful": not summary.errors,
        "toolExecutionNotifications": [
            {"level": "error", "message": {"text": error}} for error in summary.errors
        ],
    }


def _rules(found: list[Finding]) -> list[dict[str, Any]]:
    """One rule per concept that occurs, sorted by id, described by its first finding.

    The default level is the most severe one seen, since a concept can have
    both warning and suggestion forms.
    """
    by_concept: dict[str, list[Finding]] = {}
    for finding in found:
        by_concept.setdefault(finding.annotation.concept_id, []).append(finding)
    return [_rule(concept_id, by_concept[concept_id]) for concept_id in sorted(by_concept)]


def _rule(concept_id: str, findings: list[Finding]) -> dict[str, Any]:
    first = findings[0].annotation
    severity = min((f.annotation.severity for f in findings), key=lambda s: _RANK.get(s, 1))
    description = (first.reason or first.message).strip()
    return {
        "id": concept_id,
        "name": rule_name(concept_id),
        "shortDescription": {"text": short_description(first.kind, first.term or first.text)},
        "fullDescription": {"text": description},
        "help": {"text": description},
        **({"helpUri": findings[0].help_uri} if findings[0].help_uri else {}),
        "defaultConfiguration": {"level": level(severity)},
        "properties": {"tags": sorted({f.annotation.kind for f in findings})},
    }


def short_description(kind: str, word: str) -> str:
    """`Jargon: «kunde»`: the kind in Danish and the glossary word the rule is about."""
    return f"{kind_label(kind).capitalize()}: «{word}»"


def rule_name(concept_id: str) -> str:
    """A SARIF rule name is an identifier in PascalCase: `anlaegs-udgift` -> `AnlaegsUdgift`."""
    return "".join(part[:1].upper() + part[1:] for part in re.split(r"[^0-9A-Za-z]+", concept_id))


def level(severity: str) -> str:
    """SARIF's level for a severity; a severity kommunsk does not know yet counts as a note."""
    return LEVELS.get(severity, "note")


def _result(finding: Finding, rule_index: int, fingerprint: str) -> dict[str, Any]:
    a = finding.annotation
    result: dict[str, Any] = {"ruleId": a.concept_id, "ruleIndex": rule_index}
    if level(a.severity) == "none":
        result["kind"] = "informational"  # SARIF: level "none" goes with a kind other than "fail"
    result |= {
        "level": level(a.severity),
        "message": {"text": _placed(finding, full_message(finding))},
        "locations": [{"physicalLocation": _physical_location(finding)}],
        "partialFingerprints": {FINGERPRINT_KEY: fingerprint},
        **({"fixes": [_fix(finding)]} if a.replacement and finding.unit == "line" else {}),
        "properties": {
            "kind": a.kind,
            "severity": a.severity,
            "suggestions": list(a.suggestions),
            "unit": finding.unit,
            **({"place": finding.place} if finding.place else {}),
        },
    }
    return result


def _placed(finding: Finding, message: str) -> str:
    """A Word finding's message starts with where a Word user finds it."""
    return f"{finding.place}: {message}" if finding.place else message


def _fix(finding: Finding) -> dict[str, Any]:
    """The safe replacement as a SARIF fix: the matched span deleted, the municipal word inserted."""
    replacement = finding.annotation.replacement or ""
    region = {
        "startLine": finding.line,
        "startColumn": finding.column,
        "endLine": finding.end_line,
        "endColumn": finding.end_column,
    }
    return {
        "description": {"text": f"Erstat «{finding.annotation.text}» med «{replacement}»"},
        "artifactChanges": [
            {
                "artifactLocation": {"uri": artifact_uri(finding.path)},
                "replacements": [
                    {"deletedRegion": region, "insertedContent": {"text": replacement}}
                ],
            }
        ],
    }


def _physical_location(finding: Finding) -> dict[str, Any]:
    """Where the finding is; for Word documents the "line" is the paragraph number."""
    return {
        "artifactLocation": {"uri": artifact_uri(finding.path)},
        "region": {
            "startLine": finding.line,
            "startColumn": finding.column,
            "endLine": finding.end_line,
            "endColumn": finding.end_column,
            "snippet": {"text": finding.annotation.text},
        },
    }


def artifact_uri(path: str) -> str:
    """The path as a URI reference: forward slashes, relative as given, odd characters %-encoded.

    Code scanning rejects a location that is not a valid URI reference, which
    a space or a Danish letter in a file name would otherwise make it.
    """
    uri = path.replace("\\", "/")
    if _DRIVE.match(uri):
        return "file:///" + uri[:2] + _quoted(uri[2:])
    if uri.startswith("/"):
        return "file://" + _quoted(uri)
    while uri.startswith("./"):
        uri = uri[2:]
    return _quoted(uri)


_ESCAPED = re.compile(r"(%[0-9A-F]{2})")  # a file-name byte that is not UTF-8, already %XX


def _quoted(text: str) -> str:
    """%-encode `text`, keeping the %XX that stand for a file name's non-UTF-8 bytes as they are."""
    return "".join(
        part if _ESCAPED.fullmatch(part) else quote(part, safe=_URI_SAFE)
        for part in _ESCAPED.split(text)
    )


def fingerprints(found: Sequence[Finding]) -> list[str]:
    """A stable hash per finding: file, concept, matched text and which occurrence of them it is.

    Line numbers are left out on purpose, so editing elsewhere in the file
    does not turn an old alert into a new one.
    """
    seen: Counter[tuple[str, str, str]] = Counter()
    hashes = []
    for finding in found:
        key = (artifact_uri(finding.path), finding.annotation.concept_id, finding.annotation.text)
        data = "\0".join([*key, str(seen[key])])
        seen[key] += 1
        hashes.append(hashlib.sha256(data.encode("utf-8")).hexdigest()[:32])
    return hashes
