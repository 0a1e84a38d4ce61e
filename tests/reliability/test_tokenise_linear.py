"""The tokenizer runs in linear time on every input, and splits exactly as its one-regex original."""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kommunsk.engine.registry import annotator
from kommunsk.language.tokenise import tokens

from .helpers import EXAMPLE, LINEAR_BOUND, growth, seconds

# The tokenizer before it was made linear: one expression whose e-mail alternative rescans
# a long run of "a.a.a." from every position (100 000 "a." took minutes).
ORIGINAL = re.compile(
    r"(?P<skip>(?:https?://|www\.)[^\s<>\"')\]]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+)"
    r"|(?P<word>[^\W_]+(?:['-][^\W_]+)*(?:-(?=[\s/,]))?)"
)

# Units repeated into long runs, one per character class the expressions care about.
UNITS = [
    "a.",  # letters and dots: the e-mail local part
    "1+",  # digits and plus
    ".",
    "-",
    "a-",
    "@",
    "a@",
    "@a.",
    "'",
    "a'",
    "www.",
    "http://",
    "a.b@",
    "æ.ø-å'1+",
    "a.-+@x",
]


def _original(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in ORIGINAL.finditer(text) if m.lastgroup == "word"]


def _ours(text: str) -> list[tuple[int, int]]:
    return [(t.start, t.end) for t in tokens(text)]


def _prose(length: int) -> str:
    """Ordinary Danish of `length` characters: the reference a hostile input is compared with."""
    return (EXAMPLE * (length // len(EXAMPLE) + 1))[:length]


@settings(max_examples=len(UNITS), deadline=None, suppress_health_check=list(HealthCheck))
@given(unit=st.sampled_from(UNITS), tail=st.sampled_from(["", " ", "@x.dk", "a", "-"]))
def test_long_runs_of_each_character_class_tokenise_in_linear_time(unit: str, tail: str) -> None:
    """n and 8n characters of one class (a quadratic scan of 20 000 characters takes seconds)."""
    small = (unit + tail) * (10_000 // len(unit + tail))
    large = small * 8
    ratio = growth(lambda: tokens(small), lambda: tokens(large))
    assert ratio < LINEAR_BOUND, (unit, tail, ratio)


def test_the_reported_case_tokenises_about_as_fast_as_prose() -> None:
    """`'a.' * 100000` took 108 s through `kommunsk check`; now it costs what prose of its length
    costs, give or take the number of words (it has three times as many)."""
    hostile = "a." * 100_000
    assert len(tokens(hostile)) == 100_000
    prose = _prose(len(hostile))
    assert seconds(lambda: tokens(hostile)) < 20 * seconds(lambda: tokens(prose))


def test_the_reported_case_annotates_about_as_fast_as_prose() -> None:
    engine = annotator()
    engine.annotate("Kunderne")  # the glossary is loaded (and its cache built) before timing
    hostile = "a." * 100_000
    prose = _prose(len(hostile))
    took = seconds(lambda: engine.annotate(hostile), repeat=1)
    assert took < 20 * seconds(lambda: engine.annotate(prose), repeat=1)


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="ab1.+-@' _/,<>()\"æ:w\nhtp", max_size=40))
def test_the_linear_tokenizer_splits_exactly_as_the_original(text: str) -> None:
    assert _ours(text) == _original(text)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(["www.", "http://", "https://", "a@b.dk", "kunde", "@", ".", "-", " "]),
        max_size=12,
    )
)
def test_urls_and_addresses_are_skipped_as_before(parts: list[str]) -> None:
    text = "".join(parts)
    assert _ours(text) == _original(text)
