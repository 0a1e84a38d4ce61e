"""Suggestions: which municipal terms to offer for a match, inflected to fit its slot."""

from __future__ import annotations

from collections.abc import Callable

from kommunsk.glossary.model import Concept
from kommunsk.language.danish import case_like


def targets(
    concept: Concept, preferred_words: tuple[str, ...], local: tuple[str, ...]
) -> list[str]:
    """Target words, best first: the municipality's own terms, then the chosen or preferred ones."""
    return list(dict.fromkeys([*local, *(preferred_words or concept.preferred)]))


def shape(
    candidates: list[str],
    matched: str,
    inflect: Callable[[str], tuple[str, bool]],
    *,
    sentence_start: bool = False,
    written: str = "",
) -> tuple[tuple[str, ...], bool]:
    """Inflect and case each target like `matched`; also say whether the first is certain."""
    result: list[str] = []
    certain = False
    for index, word in enumerate(candidates):
        form, sure = inflect(word)
        if index == 0:
            certain = sure
        result.append(case_like(form, matched, sentence_start=sentence_start, written=written))
    return tuple(dict.fromkeys(result)), certain
