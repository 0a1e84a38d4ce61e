"""Baselines: record today's findings so that a team fails only on new ones.

A finding is known by its file (relative to the baseline file, however the path
was typed), its concept, the matched words and the words around them, and which
occurrence of all that it is. Line numbers play no part, so a line inserted
above an old finding leaves it baselined and only the new one is reported.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from kommunsk.atomic import write_text
from kommunsk.errors import BaselineError
from kommunsk.lint.findings import Finding

FORMAT = 2
CONTEXT = 40  # characters of the line kept on either side of the matched words
Key = tuple[str, str, str, str, int]


def keys(findings: Iterable[Finding], root: Path) -> list[Key]:
    """A stable identity for each finding, in order."""
    seen: Counter[tuple[str, str, str, str]] = Counter()
    result = []
    for finding in findings:
        base = (
            relative_path(finding.path, root),
            finding.annotation.concept_id,
            finding.annotation.text.casefold(),
            context(finding),
        )
        result.append((*base, seen[base]))
        seen[base] += 1
    return result


def relative_path(path: str, root: Path) -> str:
    """The path relative to the baseline's folder, with forward slashes ("-" stays "-")."""
    if path == "-":
        return path
    try:
        return Path(os.path.relpath(Path(path).resolve(), root.resolve())).as_posix()
    except ValueError:  # another drive on Windows
        return Path(path).resolve().as_posix()


def context(finding: Finding) -> str:
    """The words around the finding on its line, spaces and case evened out."""
    line = finding.line_text
    start = max(finding.column - 1 - CONTEXT, 0)
    end = finding.end_column - 1 + CONTEXT if finding.end_line == finding.line else len(line)
    return " ".join(line[start:end].split()).casefold()


def write(
    path: Path, findings: list[Finding], *, kommunsk_version: str, glossary_version: str
) -> None:
    """Write the findings as a baseline file (atomically)."""
    rows = [
        {"path": p, "concept_id": c, "text": t, "context": x, "occurrence": n}
        for p, c, t, x, n in sorted(keys(findings, path.parent))
    ]
    data = {
        "kommunsk_baseline": FORMAT,
        "kommunsk_version": kommunsk_version,
        "glossary_version": glossary_version,
        "findings": rows,
    }
    try:
        write_text(path, json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    except OSError as err:
        raise BaselineError(
            f"kan ikke skrive baseline-filen {path}: {err.strerror or err}"
        ) from None


def read(path: Path) -> set[Key]:
    """The finding identities stored in a baseline file."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        version = data.get("kommunsk_baseline")
        if version != FORMAT:
            raise BaselineError(
                f"baseline-filen {path} har format {version}, men denne version læser format "
                f"{FORMAT}; skriv den igen med --update-baseline"
            )
        return {
            (r["path"], r["concept_id"], r["text"], r["context"], int(r["occurrence"]))
            for r in data["findings"]
        }
    except FileNotFoundError:
        raise BaselineError(
            f"baseline-filen findes ikke: {path} (opret den med --update-baseline)"
        ) from None
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as err:
        raise BaselineError(f"kan ikke læse baseline-filen {path}: {err}") from None


def new_only(findings: list[Finding], known: set[Key], root: Path) -> list[Finding]:
    """The findings that the baseline does not already hold."""
    return [f for f, key in zip(findings, keys(findings, root), strict=True) if key not in known]
