"""Sentence starts: where they are, and the same as a look at every gap would find."""

from __future__ import annotations

import random

import pytest

from kommunsk.language.sentences import _breaks, split
from kommunsk.language.tokenise import tokens


def _beginning(text: str) -> list[str]:
    words = tokens(text)
    found = split(text, words)
    return [text[w.start : w.end] for w, begins in zip(words, found.starts, strict=True) if begins]


@pytest.mark.parametrize(
    ("text", "beginning"),
    [
        ("Kunderne er glade. Vi bruger Trustpilot.", ["Kunderne", "Vi"]),
        ("Vi tilbyder bl.a. sensorer og fx apps.", ["Vi"]),
        ("Tre ting: Sensorer, apps og data.", ["Tre", "Sensorer"]),
        (
            "# Økonomi\n\nInvesteringen er lav.\n- Drift\n- Support",
            ["Økonomi", "Investeringen", "Drift", "Support"],
        ),
        ("Prisen er 8000 kr. pr. måned. 2026 bliver godt!", ["Prisen", "2026"]),
        ("afsnit uden stort\n\nog et til", ["afsnit", "og"]),
        ("", []),
    ],
)
def test_sentences_begin_where_a_reader_sees_them_begin(text: str, beginning: list[str]) -> None:
    assert _beginning(text) == beginning


def _every_gap(text: str) -> tuple[bool, ...]:
    """The plain rule: look at the gap before every word."""
    words = tokens(text)
    return tuple(
        i == 0 or _breaks(text[words[i - 1].end : w.start], text[w.start])
        for i, w in enumerate(words)
    )


def test_looking_only_after_marks_finds_what_every_gap_would() -> None:
    pick = random.Random(20261201)
    pieces = [
        "ord",
        "Ord",
        "2026",
        " ",
        " ",
        ".",
        ":",
        "!",
        "?",
        "\n",
        "\n\n",
        "«",
        "- ",
        "www.x.dk",
        ",",
    ]
    for _ in range(5_000):
        text = "".join(pick.choice(pieces) for _ in range(pick.randint(0, 25)))
        found = split(text, tokens(text))
        assert found.starts == _every_gap(text), text
        assert found.ids == tuple(sum(found.starts[: i + 1]) - 1 for i in range(len(found.starts)))
