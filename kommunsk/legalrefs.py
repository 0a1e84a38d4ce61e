"""Legal references ("servicelovens § 83, stk. 2", "§ 112") found as one unit and linked to concepts."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

from .index import FormIndex

_SECTION = (
    r"§§?\s*(?P<number>\d+)\s?(?P<letter>[a-h](?![\w]))?(?:,?\s*stk\.\s*\d+)?(?:,?\s*nr\.\s*\d+)?"
)


class LegalRef(NamedTuple):
    """A reference in normalised text and the concepts whose legal basis it names."""

    start: int
    end: int
    concepts: tuple[str, ...]


def pattern(index: FormIndex) -> re.Pattern[str]:
    """One regular expression for '[law name] § N [letter][, stk. M]', law names from the glossary."""
    names = sorted(index.laws, key=len, reverse=True)
    laws = "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in names)
    prefix = rf"(?:(?P<law>{laws})\s+)?" if laws else ""
    return re.compile(rf"(?<!\w){prefix}{_SECTION}", re.IGNORECASE)


def find(text: str, index: FormIndex, compiled: re.Pattern[str]) -> Iterator[LegalRef]:
    """Every legal reference in `text`; linked to a concept when the glossary knows the section."""
    for match in compiled.finditer(text):
        law = match.groupdict().get("law")
        law_key = index.laws.get(re.sub(r"\s+", " ", law.lower()), "") if law else ""
        number = match.group("number") + (match.group("letter") or "")
        concepts = index.sections.get(f"{law_key}|{number}", [])
        if not law_key and len(set(concepts)) > 1:
            concepts = []
        yield LegalRef(match.start(), match.end(), tuple(dict.fromkeys(concepts)))
