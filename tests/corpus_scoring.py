"""Scoring the labelled corpus: recall on the spans that must be flagged, false positives on clean text.

Shared by tests/test_corpus.py and benchmarks/run.py (which compares other matchers on the same sentences).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import yaml

CORPUS = Path(__file__).parent / "corpus" / "labelled.yaml"
FLAGGED = ("jargon", "avoid", "variant", "outdated")

# annotate(text, municipality, as_of) -> list of (start, end, concept_id or None)
Spans = list[tuple[int, int, str | None]]
Annotate = Callable[[str, str | None, date | None], Spans]


def sentences() -> list[dict[str, Any]]:
    data: list[dict[str, Any]] = yaml.safe_load(CORPUS.read_text(encoding="utf-8"))["sentences"]
    return data


@dataclass
class Score:
    expected: int = 0
    found: int = 0
    wrong_concept: int = 0
    clean: int = 0
    clean_flagged: int = 0
    misses: list[str] = field(default_factory=list)
    false_positives: list[str] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.found / self.expected if self.expected else 1.0

    @property
    def false_positive_rate(self) -> float:
        return self.clean_flagged / self.clean if self.clean else 0.0


def score(annotate: Annotate, *, check_concepts: bool = True) -> Score:
    """Recall over every expected span; false-positive rate over the clean sentences."""
    result = Score()
    for item in sentences():
        as_of = date.fromisoformat(item["as_of"]) if item.get("as_of") else None
        spans = annotate(item["text"], item.get("municipality"), as_of)
        if item.get("clean"):
            result.clean += 1
            if spans:
                result.clean_flagged += 1
                result.false_positives.append(
                    f"{item['text']!r}: {[item['text'][s:e] for s, e, _ in spans]}"
                )
            continue
        for expected in item["flag"]:
            result.expected += 1
            start = item["text"].find(expected["span"])
            end = start + len(expected["span"])
            hit = [c for s, e, c in spans if s == start and e == end]
            wanted = expected.get("concept")
            if hit and (not check_concepts or not wanted or wanted in hit):
                result.found += 1
            else:
                if hit:
                    result.wrong_concept += 1
                result.misses.append(
                    f"{item['case']}: {item['text']!r}: {expected['span']!r} (found {spans})"
                )
    return result


def kommunsk_spans(text: str, municipality: str | None, as_of: date | None) -> Spans:
    import kommunsk

    return [
        (a.start, a.end, a.concept_id)
        for a in kommunsk.annotate(text, municipality=municipality, as_of=as_of)
        if a.kind in FLAGGED
    ]
