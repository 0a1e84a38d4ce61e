"""Properties that hold for any text (hypothesis): no exceptions, spans in bounds, determinism,
and a rewrite that changes nothing outside annotated spans."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import kommunsk

WORDS = [
    "Kunderne",
    "kunde",
    "plejehjem",
    "plejehjems-\nbeboere",
    "stakeholders",
    "KPI'er",
    "PoC'en",
    "§ 112",
    "servicelovens § 83, stk. 2",
    "investeringen",
    "go-to-market",
    "kundrne",
    "kunne",
    "løbende",
    "omkostninger",
    "Borgerne",
    "afprøvning",
    "pleje\u00adhjem",
    "A\u030arhus",
    "jf.",
    "bl.a.",
    "\r\n",
    "-",
    "'",
    "’",
    "«",
    "»",
    "kommunalbestyrelsen",
    "healthtech-virksomhed",
    "http://kunde.dk/kunder",
    "é",
    "İ",
    "ﬁ",
    "\u200b",
]
texts = st.one_of(
    st.text(max_size=300),
    st.lists(st.sampled_from(WORDS) | st.text(max_size=8), max_size=40).map(" ".join),
)
municipalities = st.sampled_from([None, "101", "751", "461", "157"])
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(texts, municipalities)
def test_annotate_never_raises_and_spans_hold(text: str, municipality: str | None) -> None:
    found = kommunsk.annotate(text, municipality=municipality)
    for a in found:
        assert 0 <= a.start <= a.end <= len(text)
        assert text[a.start : a.end] == a.text
    assert [a.start for a in found] == sorted(a.start for a in found)
    assert found == kommunsk.annotate(text, municipality=municipality)


@SETTINGS
@given(texts)
def test_rewrite_changes_nothing_outside_annotated_spans(text: str) -> None:
    result = kommunsk.rewrite(text)
    position = 0
    rebuilt = []
    for change in result.changes:
        rebuilt.append(text[position : change.start])
        assert text[change.start : change.end] == change.old
        rebuilt.append(change.new)
        position = change.end
    rebuilt.append(text[position:])
    assert "".join(rebuilt) == result.text
    spans = [(a.start, a.end) for a in kommunsk.annotate(text)]
    assert all((c.start, c.end) in spans for c in result.changes)


@SETTINGS
@given(st.text(max_size=60))
def test_explain_never_raises(query: str) -> None:
    result = kommunsk.explain(query)
    assert result.found == (result.concept is not None)
