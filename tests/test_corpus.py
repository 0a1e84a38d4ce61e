"""The matcher measured on the labelled corpus: recall at least 0.9, false positives at most 5%."""

from __future__ import annotations

from collections import Counter

from corpus_scoring import kommunsk_spans, score, sentences


def test_corpus_is_large_enough_and_balanced() -> None:
    items = sentences()
    assert len(items) >= 150
    assert sum(bool(s.get("clean")) for s in items) >= 60
    cases = Counter(s["case"] for s in items)
    for case in (
        "inflection",
        "verbs",
        "multiword",
        "compound",
        "anglicism",
        "fuzzy",
        "context",
        "outdated",
        "variant",
        "municipal",
        "lookalike",
    ):
        assert cases[case] >= 3, case


def test_recall_and_false_positive_rate() -> None:
    result = score(kommunsk_spans)
    report = (
        f"recall {result.recall:.3f} ({result.found}/{result.expected}), "
        f"false positives {result.false_positive_rate:.3f} ({result.clean_flagged}/{result.clean})\n"
        + "\n".join(["misses:", *result.misses, "false positives:", *result.false_positives])
    )
    print(report)
    assert result.recall >= 0.9, report
    assert result.false_positive_rate <= 0.05, report
