"""kommunsk on real text: the floors the project holds itself to (benchmarks/realtext.py).

The sentences were quoted from public pages and labelled by two people before
kommunsk ran on them; docs/benchmarks.md has the figures and how they were made.
"""

from __future__ import annotations

import pytest

from benchmarks.realtext import evaluate, gold_spans, load

PRECISION = 0.90  # of what `check` shows by default, on flags the labels decide
RECALL = 0.85  # of the alien words in business sentences
MUNICIPAL_FLAGGED = 0.03  # share of municipal sentences with any flag


@pytest.fixture(scope="module")
def report():  # type: ignore[no-untyped-def]
    return evaluate(load("all"))


def test_the_set_is_what_it_claims() -> None:
    rows = load("all")
    assert len(rows) >= 400 and len({r["url"] for r in rows}) >= 80
    assert sum(r["side"] == "municipal" for r in rows) >= len(rows) / 2 - 10
    assert all(span in r["text"] for r in rows for span in gold_spans(r))
    assert {r["split"] for r in rows} == {"dev", "test"}


def test_precision_of_the_default_output(report) -> None:  # type: ignore[no-untyped-def]
    assert report.total.precision >= PRECISION, report.flags


def test_recall_on_business_text(report) -> None:  # type: ignore[no-untyped-def]
    assert report.by_side["business"].recall >= RECALL, report.misses


def test_municipal_sentences_are_rarely_flagged(report) -> None:  # type: ignore[no-untyped-def]
    assert report.by_side["municipal"].flagged_share <= MUNICIPAL_FLAGGED
