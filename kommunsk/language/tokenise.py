"""Kommunsk's own word tokenizer: a single regular expression that splits like spaCy's Danish one.

The pre-commit hook must start fast, so matching does not import spaCy. This
tokenizer agrees with `spacy.blank("da")` on every token that matters for
matching (tests/test_tokenise.py checks it on the labelled corpus): words keep
inner hyphens and apostrophes ("KPI'er", "stakeholder-analyse"), a suspended
compound keeps its hyphen ("Sundheds- og ..."), and URLs and e-mail addresses
are skipped whole.
"""

from __future__ import annotations

import re
from typing import NamedTuple

TOKEN = re.compile(
    r"(?P<skip>(?:https?://|www\.)[^\s<>\"')\]]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+)"
    r"|(?P<word>[^\W_]+(?:['-][^\W_]+)*(?:-(?=[\s/,]))?)"
)


class Token(NamedTuple):
    """A word in normalised text: its span and its lower-case form."""

    start: int
    end: int
    lower: str


def tokens(text: str) -> list[Token]:
    """The words of `text`, in order; URLs and e-mail addresses left out."""
    return [
        Token(m.start(), m.end(), m.group().lower())
        for m in TOKEN.finditer(text)
        if m.lastgroup == "word"
    ]


def words(text: str) -> list[str]:
    """The lower-case words of a glossary entry, split exactly as running text is split."""
    return [t.lower for t in tokens(text)]
