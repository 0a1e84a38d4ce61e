"""The name and code rules' scanners give exactly what their plain regular expressions would."""

from __future__ import annotations

import random
import re

import pytest

from kommunsk.engine.names import _marked_runs, protected
from kommunsk.language.sentences import split
from kommunsk.language.tokenise import tokens

# the plain expression: each run of non-space characters holding an identifier's mark
PLAIN = re.compile(r"\S*(?:[_/(]|\.\w)\S*")


def test_marked_runs_are_the_plain_expression_s_matches_on_random_text() -> None:
    pick = random.Random(20261201)
    alphabet = "ab _/(.\n\t1xé\u2028"
    for _ in range(20_000):
        text = "".join(pick.choice(alphabet) for _ in range(pick.randint(0, 40)))
        assert _marked_runs(text) == [m.span() for m in PLAIN.finditer(text)], text


@pytest.mark.parametrize(
    ("text", "shielded"),
    [
        ("Vi bruger WelfareTech i Welfare Tech.", {"WelfareTech", "Welfare", "Tech"}),
        ("Se plejehjemsoversigten.dk for kunderne.", {"plejehjemsoversigten"}),
        (
            "Feltet kunde_id og go_live() og /api/kpi og kpi.csv.",
            {"kunde", "id", "go", "live", "api", "kpi", "csv"},
        ),
        ("Vores stakeholders og kunderne.", set()),
    ],
)
def test_names_domains_and_code_are_shielded_and_prose_is_not(
    text: str, shielded: set[str]
) -> None:
    words = tokens(text)
    flags = protected(text, words, split(text, words))
    assert {text[w.start : w.end] for w, flag in zip(words, flags, strict=True) if flag} == shielded
