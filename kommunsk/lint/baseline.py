"""Baselines: record today's findings so that a team fails only on new ones.

A finding is identified by file, concept, matched text and which occurrence
of that text in the file it is, so edits elsewhere in a file do not make old
findings look new.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from kommunsk.atomic import write_text
from kommunsk.errors import BaselineError
from kommunsk.lint.findings import Finding

FORMAT = 1


def keys(findings: Iterable[Finding]) -> list[tuple[str, str, str, int]]:
    """A stable identity for each finding, in order."""
    seen: Counter[tuple[str, str, str]] = Counter()
    result = []
    for finding in findings:
        base = (finding.path, finding.annotation.concept_id, finding.annotation.text.casefold())
        result.append((*base, seen[base]))
        seen[base] += 1
    return result


def write(
    path: Path, findings: list[Finding], *, kommunsk_version: str, glossary_version: str
) -> None:
    """Write the findings as a baseline file (atomically)."""
    rows = [
        {"path": p, "concept_id": c, "text": t, "occurrence": n}
        for p, c, t, n in sorted(keys(findings))
    ]
    data = {
        "kommunsk_baseline": FORMAT,
        "kommunsk_version": kommunsk_version,
        "glossary_version": glossary_version,
        "findings": rows,
    }
    text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    if path.exists():
        write_text(path, text)
    else:
        path.write_text(text, encoding="utf-8")


def read(path: Path) -> set[tuple[str, str, str, int]]:
    """The finding identities stored in a baseline file."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return {
            (r["path"], r["concept_id"], r["text"], int(r["occurrence"])) for r in data["findings"]
        }
    except FileNotFoundError:
        raise BaselineError(
            f"baseline-filen findes ikke: {path} (opret den med --update-baseline)"
        ) from None
    except (OSError, ValueError, KeyError, TypeError) as err:
        raise BaselineError(f"kan ikke læse baseline-filen {path}: {err}") from None


def new_only(findings: list[Finding], known: set[tuple[str, str, str, int]]) -> list[Finding]:
    """The findings that the baseline does not already hold."""
    return [f for f, key in zip(findings, keys(findings), strict=True) if key not in known]
