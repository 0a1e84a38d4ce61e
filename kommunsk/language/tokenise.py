"""Kommunsk's own word tokenizer: regular expressions that split like spaCy's Danish tokenizer.

The pre-commit hook must start fast, so matching does not import spaCy. This
tokenizer agrees with `spacy.blank("da")` on every token that matters for
matching (tests/test_tokenise.py checks it on the labelled corpus): words keep
inner hyphens and apostrophes ("KPI'er", "stakeholder-analyse"), a suspended
compound keeps its hyphen ("Sundheds- og ..."), and URLs and e-mail addresses
are skipped whole.

It runs in time linear in the text for every input. One regular expression
with an e-mail alternative `[\\w.+-]+@...` would rescan a long run such as
"a.a.a.a..." from every position in it (quadratic: 100 000 "a." took minutes),
so e-mail addresses are found first, once per "@", and the scan for URLs and
words consults that list instead of rescanning. The result is exactly what the
single expression `(?P<skip>URL|EMAIL)|(?P<word>WORD)` would give
(tests/reliability/test_tokenise_linear.py compares the two on random text).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from typing import NamedTuple

_URL = r"(?:https?://|www\.)[^\s<>\"')\]]+"
_WORD = r"[^\W_]+(?:['-][^\W_]+)*(?:-(?=[\s/,]))?"
URL_OR_WORD = re.compile(rf"(?P<skip>{_URL})|(?P<word>{_WORD})")
WORD = re.compile(_WORD)
_URL_START = re.compile(r"https?://|www\.")
# The characters an e-mail address's local part is made of, and what may follow its "@".
LOCAL_RUN = re.compile(r"[\w.+-]+")
DOMAIN = re.compile(r"[\w-]+(?:\.[\w-]+)+")


class Token(NamedTuple):
    """A word in normalised text: its span and its lower-case form."""

    start: int
    end: int
    lower: str


class _Mail(NamedTuple):
    """A run of local-part characters that an "@" and a domain follow: (run start, "@", end)."""

    start: int
    at: int
    end: int


def tokens(text: str) -> list[Token]:
    """The words of `text`, in order; URLs and e-mail addresses left out.

    This is the innermost loop of annotating, so the tokens are made without
    Token's Python-level constructor, in one pass over the text in the usual
    case, from a lower-case copy of the whole text when that copy lines up.
    """
    lower = _lower_aligned(text)
    if lower is None:
        return [_make(Token, (s, e, text[s:e].lower())) for s, e in _word_spans(text)]
    spans: Iterable[tuple[int, int]]
    if "@" in text and _mail_runs(text):
        spans = _word_spans(text)
    elif _URL_START.search(text):
        spans = [m.span() for m in URL_OR_WORD.finditer(text) if m.lastgroup == "word"]
    else:  # no URL can begin anywhere: words only
        spans = map(re.Match.span, WORD.finditer(text))
    return [_make(Token, (s, e, lower[s:e])) for s, e in spans]


_make = tuple.__new__


def _lower_aligned(text: str) -> str | None:
    """`text.lower()` when every slice of it is the lower case of the same slice of `text`.

    Not so when lowering changes a length ("İ" becomes two characters) or when
    a capital sigma's lower case depends on what follows it (σ or final ς).
    """
    lower = text.lower()
    return lower if len(lower) == len(text) and "Σ" not in text else None


def words(text: str) -> list[str]:
    """The lower-case words of a glossary entry, split exactly as running text is split."""
    return [t.lower for t in tokens(text)]


def _word_spans(text: str) -> list[tuple[int, int]]:
    """Word spans, trying at each position a URL, then an e-mail address, then a word.

    An e-mail address matches at any position inside a mail run (from there to
    the end of its domain), so the next mail run reaching past `pos` decides
    whether an address comes before the next URL or word.
    """
    mails = _mail_runs(text)
    if not mails:  # the usual case: one pass of the expression, in C
        return [m.span() for m in URL_OR_WORD.finditer(text) if m.lastgroup == "word"]
    ends = [m.at for m in mails]
    found: list[tuple[int, int]] = []
    pos = 0
    while pos < len(text):
        match = URL_OR_WORD.search(text, pos)
        nearest = bisect_right(ends, pos)
        mail = mails[nearest] if nearest < len(mails) else None
        start = len(text) if match is None else match.start()
        if mail is not None and max(pos, mail.start) <= start:
            at = max(pos, mail.start)
            if at < start or match is None or match.lastgroup != "skip":
                pos = mail.end  # an address from `at`: skipped whole
                continue
        if match is None:
            break
        if match.lastgroup == "word":
            found.append(match.span())
        pos = match.end()
    return found


def _mail_runs(text: str) -> list[_Mail]:
    """Every maximal run of local-part characters followed by "@" and a domain, in order.

    Runs are disjoint and each domain is scanned from its own "@" once, so this is linear.
    """
    mails: list[_Mail] = []
    if "@" not in text:
        return mails
    for run in LOCAL_RUN.finditer(text):
        at = run.end()
        if text.startswith("@", at):
            domain = DOMAIN.match(text, at + 1)
            if domain is not None:
                mails.append(_Mail(run.start(), at, domain.end()))
    return mails
