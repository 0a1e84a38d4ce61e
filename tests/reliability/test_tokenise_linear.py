"""The tokenizer runs in linear time on every input, and splits exactly as its one-regex original."""

from __future__ import annotations

import re
import time

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kommunsk.engine.registry import annotator
from kommunsk.language.tokenise import tokens

from .helpers import seconds

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
# A linear scan takes 4 times as long on 4 times the input; a quadratic one 16 times.
MAX_RATIO = 9.0


def _original(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in ORIGINAL.finditer(text) if m.lastgroup == "word"]


def _ours(text: str) -> list[tuple[int, int]]:
    return [(t.start, t.end) for t in tokens(text)]


def _ratio(unit: str, count: int) -> float:
    small, large = unit * count, unit * (4 * count)
    return seconds(lambda: tokens(large)) / max(seconds(lambda: tokens(small)), 1e-4)


@settings(max_examples=len(UNITS), deadline=None, suppress_health_check=list(HealthCheck))
@given(unit=st.sampled_from(UNITS), tail=st.sampled_from(["", " ", "@x.dk", "a", "-"]))
def test_long_runs_of_each_character_class_tokenise_in_linear_time(unit: str, tail: str) -> None:
    """n and 4n characters of one class (a quadratic scan of 20 000 characters takes seconds)."""
    count = 20_000 // len(unit + tail)
    ratio = _ratio(unit + tail, count)
    for _ in range(4):  # a busy machine: measure again before calling it quadratic
        if ratio < MAX_RATIO:
            break
        ratio = min(ratio, _ratio(unit + tail, count))
    assert ratio < MAX_RATIO, (unit, tail, ratio)


def test_the_reported_case_is_fast() -> None:
    """`'a.' * 100000` took 108 s through `kommunsk check`; the tokenizer alone is now instant."""
    started = time.perf_counter()
    assert len(tokens("a." * 100_000)) == 100_000
    assert time.perf_counter() - started < 2


def test_the_reported_case_annotates_quickly() -> None:
    engine = annotator()
    engine.annotate("Kunderne")  # the glossary is loaded (and its cache built) before timing
    started = time.perf_counter()
    engine.annotate("a." * 100_000)
    assert time.perf_counter() - started < 15


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
