"""Names and quotations: the words where no finding is ever raised.

A company, product, event, project or web site keeps its name however jargon-like
it is ("Welfare Tech", "HealthTech Summit", "Trustpilot"), and words in quotation
marks are someone else's (a title, a quotation, a word being mentioned). The
rules are general, so names nobody listed are found too:

- in Danish only names are capitalised inside a sentence, so a capitalised word
  that does not begin a sentence is a name (abbreviations in capitals, such as
  ROI, are not: they are how jargon is written);
- a capitalised sentence start followed by more capitalised words is a name;
- CamelCase ("WelfareTech") and a word joined to a web domain ("Plejehjemsoversigten.dk");
- the names the glossary lists (for names written in lower case or at a sentence start).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from functools import cache
from itertools import compress

from kommunsk.language.danish import is_abbreviation
from kommunsk.language.sentences import Sentences
from kommunsk.language.tokenise import Token

_CAMEL = re.compile(r"[a-zæøå][A-ZÆØÅ]")
_DOMAIN = re.compile(r"\.(?:dk|com|org|net|eu|io|ai|nu|se|no|de|info|app|tech)\b", re.IGNORECASE)
# opening mark -> the marks that may close it (normalising turns a typographic ’ into ')
_QUOTES = {"“": "”", "”": "”", "„": "“”", "«": "»", "»": "«", '"': '"', "‘": "’'"}
_SINGLE = re.compile(r"(?<![\w])'(?=\w)([^'\n]{1,120}?)(?<=[\w.!?])'(?![\w])")
_OPENING = re.compile("[" + re.escape("".join(_QUOTES)) + "]")
MAX_QUOTED_WORDS = 15
MAX_QUOTE_CHARS = 200


NONE, CAPITALISED, FIRM = 0, 1, 2


def protected(
    text: str,
    words: Sequence[Token],
    sentences: Sentences,
    listed: Iterable[tuple[str, ...]] = (),
    keep: frozenset[str] = frozenset(),
) -> list[int]:
    """Per word: FIRM inside a listed name or a short quotation, CAPITALISED when only its
    capitals (or CamelCase, or a web domain) make it a name, NONE otherwise.

    Glossary words that are names themselves ("NemID", "Byrådet") yield only to FIRM.
    `listed` holds the glossary's names as tuples of words as written; `keep` holds
    written forms that are never names (the glossary's case-sensitive abbreviations).
    """
    flags = [NONE] * len(words)
    for index, (start, end, lower) in enumerate(words):
        if text.startswith(lower, start):
            continue  # no capitals (most words; web domains are found below)
        written = text[start:end]
        if written in keep:
            continue
        if _capitalised_inside(written, index, sentences) or _CAMEL.search(written):
            flags[index] = CAPITALISED
    starts = [w.start for w in words]
    _domains(text, words, starts, flags, keep)
    _capitalised_runs(text, words, sentences, flags, keep)
    _listed(text, words, starts, listed, flags)
    _quoted(text, words, starts, flags)
    if "`" in text or "_" in text or "(" in text or "/" in text:
        _code(text, starts, flags)
    return flags


def _domains(
    text: str, words: Sequence[Token], starts: list[int], flags: list[int], keep: frozenset[str]
) -> None:
    """A word joined to a web domain names a site ("Plejehjemsoversigten.dk")."""
    for match in _DOMAIN.finditer(text):
        index = bisect_left(starts, match.start()) - 1
        if index >= 0 and words[index].end == match.start():
            written = text[words[index].start : match.start()]
            flags[index] = max(flags[index], NONE if written in keep else CAPITALISED)


def _code(text: str, starts: list[int], flags: list[int]) -> None:
    """Code is not prose: words in `backticks`, and identifiers (kunde_id, go_live(), /api/kpi,
    kpi.csv) written without them."""
    spans = [(m.start(), m.end()) for m in _BACKTICKS.finditer(text)]
    spans += [(start, end) for start, end in _marked_runs(text) if _identifier(text[start:end])]
    for start, end in spans:
        index = bisect_left(starts, start)
        while index < len(starts) and starts[index] < end:
            flags[index] = FIRM
            index += 1


# what makes a run of non-space characters look like an identifier
_CODE_MARK = re.compile(r"[_/(]|\.\w")
_NON_SPACE = re.compile(r"\S*")


def _marked_runs(text: str) -> list[tuple[int, int]]:
    """The runs of non-space characters that hold a `_`, `/`, `(` or a dot before a letter.

    Found from the marks, which are rare, rather than by trying a run at every
    position of the text; each run is walked once, so the time stays linear.
    """
    runs: list[tuple[int, int]] = []
    position = 0
    while (mark := _CODE_MARK.search(text, position)) is not None:
        start = mark.start()
        while start > position and not text[start - 1].isspace():
            start -= 1
        end = _NON_SPACE.match(text, mark.start()).end()  # type: ignore[union-attr]  # \S* matches
        runs.append((start, end))
        position = end
    return runs


def _identifier(chunk: str) -> bool:
    core = chunk.strip(".,;:!?\"'»«”“)(")
    return (
        "_" in core
        or core.startswith("/")
        or core.count("/") >= 2
        or "()" in core
        or bool(_FILE_NAME.fullmatch(core))
    )


_FILE_NAME = re.compile(r"[\w-]+\.(?:csv|json|xml|xlsx?|docx?|pdf|txt|md|ya?ml|py|js|html?)")
_BACKTICKS = re.compile(r"`[^`\n]+`")


def _capitalised_inside(written: str, index: int, sentences: Sentences) -> bool:
    return written[:1].isupper() and not sentences.starts[index] and not is_abbreviation(written)


def _capitalised_runs(
    text: str, words: Sequence[Token], sentences: Sentences, flags: list[int], keep: frozenset[str]
) -> None:
    """A capitalised sentence start followed by a capitalised word: "Welfare Tech er en klynge"."""
    starts = sentences.starts
    for index in compress(range(len(words) - 1), starts):  # sentence starts only
        if starts[index + 1]:
            continue
        first = text[words[index].start : words[index].end]
        second = text[words[index + 1].start : words[index + 1].end]
        if not (first[:1].isupper() and second[:1].isupper()):
            continue  # the common case, decided before the slower tests
        if first in keep or is_abbreviation(first) or is_abbreviation(second):
            continue
        flags[index] = max(flags[index], CAPITALISED)


def _listed(
    text: str,
    words: Sequence[Token],
    starts: list[int],
    listed: Iterable[tuple[str, ...]],
    flags: list[int],
) -> None:
    """The glossary's names, written as the glossary writes them ("Welfare Tech", not "welfare tech")."""
    by_first: dict[str, list[tuple[str, ...]]] = {}
    for name in listed:
        by_first.setdefault(name[0], []).append(name)
    if not by_first:
        return
    for match in _first_words(tuple(sorted(by_first))).finditer(text):
        index = bisect_left(starts, match.start())
        if index == len(words) or starts[index] != match.start():
            continue  # inside a word, not at its start
        for name in by_first.get(text[words[index].start : words[index].end], ()):
            end = index + len(name)
            written = tuple(text[w.start : w.end] for w in words[index:end])
            if end <= len(words) and written == name:
                for position in range(index, end):
                    flags[position] = FIRM


@cache
def _first_words(firsts: tuple[str, ...]) -> re.Pattern[str]:
    """Where a listed name may begin: a search in C instead of a look at every word."""
    return re.compile("|".join(re.escape(w) for w in sorted(firsts, key=len, reverse=True)))


def _quoted(text: str, words: Sequence[Token], starts: list[int], flags: list[int]) -> None:
    """Words inside quotation marks (at most a short phrase: a title or a mentioned word)."""
    for start, end in quotations(text):
        first = bisect_left(starts, start)
        last = first
        while last < len(words) and words[last].end <= end:
            last += 1
        if 0 < last - first <= MAX_QUOTED_WORDS:
            for index in range(first, last):
                flags[index] = FIRM


def quotations(text: str) -> list[tuple[int, int]]:
    """Spans of text between matching quotation marks, on one line and at most a few words long.

    Each opening mark looks only a bounded distance ahead, so the time stays linear in the text.
    """
    spans: list[tuple[int, int]] = []
    position = 0
    while (mark := _OPENING.search(text, position)) is not None:
        position = mark.start()
        closing = _QUOTES[text[position]]
        stop = min(position + 1 + MAX_QUOTE_CHARS, len(text))
        found = [at for mark in closing if (at := text.find(mark, position + 1, stop)) != -1]
        end = min(found, default=-1)
        newline = text.find("\n", position + 1, stop)
        if end == -1 or (newline != -1 and newline < end):
            position += 1
            continue
        spans.append((position + 1, end))
        position = end + 1
    spans += [(m.start(1), m.end(1)) for m in _SINGLE.finditer(text)]
    return spans
