"""Legal references ("servicelovens § 83, stk. 2", "§ 112") found as one unit and linked to concepts."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from typing import NamedTuple

from kommunsk.engine.index import FormIndex

_SECTION = (
    r"§§?\s*(?P<number>\d+)\s?(?P<letter>[a-h](?![\w]))?(?:,?\s*stk\.\s*\d+)?(?:,?\s*nr\.\s*\d+)?"
)


class LegalRef(NamedTuple):
    """A reference in normalised text and the concepts whose legal basis it names."""

    start: int
    end: int
    concepts: tuple[str, ...]


class Patterns(NamedTuple):
    """The section pattern, and the law names that may stand right before it (as a regex source,
    compiled when a text first has a "§": with every law name it takes milliseconds to compile)."""

    section: re.Pattern[str]
    laws: str


LOOK_BACK = 80  # characters before "§" searched for a law name


def pattern(index: FormIndex) -> Patterns:
    """Patterns for '[law name] § N [letter][, stk. M]', with the law names from the glossary.

    The text is scanned for "§" only; a law name is then looked for just before
    it, so a long text costs one fast search instead of an alternation of every
    law name tried at every position.
    """
    names = sorted(index.laws, key=len, reverse=True)
    laws = "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in names)
    return Patterns(re.compile(_SECTION), laws)


@cache
def _law_before(laws: str) -> re.Pattern[str]:
    return re.compile(rf"(?<!\w)(?P<law>{laws})\s+$", re.IGNORECASE)


def find(text: str, index: FormIndex, compiled: Patterns) -> Iterator[LegalRef]:
    """Every legal reference in `text`; linked to a concept when the glossary knows the section."""
    for match in compiled.section.finditer(text):
        start = match.start()
        law_key = ""
        if compiled.laws:
            window = text[max(0, start - LOOK_BACK) : start]
            law = _law_before(compiled.laws).search(window)
            if law:
                start -= len(window) - law.start()
                law_key = index.laws.get(re.sub(r"\s+", " ", law.group("law").lower()), "")
        number = match.group("number") + (match.group("letter") or "")
        concepts = index.sections.get(f"{law_key}|{number}", [])
        if not law_key and len(set(concepts)) > 1:
            concepts = []
        yield LegalRef(start, match.end(), tuple(dict.fromkeys(concepts)))
