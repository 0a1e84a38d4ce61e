"""The text view of an explanation: what a company should know about one municipal word.

Paragraphs are wrapped to the terminal (88 columns when the output is not a
terminal, so piped output does not depend on who ran it), the domain is named
by its title rather than its id, and control characters in the data are shown
as U+FFFD instead of reaching the terminal.
"""

from __future__ import annotations

import shutil
import sys
import textwrap
from collections.abc import Mapping
from typing import TextIO

from kommunsk.engine.explain import Explanation
from kommunsk.glossary.export import REGISTER_LABEL, STATUS_LABEL, domain_titles, visible
from kommunsk.glossary.model import Concept

PIPED_WIDTH = 88
MIN_WIDTH = 20
HANG = "  "
HOW = {
    "exact": "",
    "lemma": "bøjet form",
    "compound": "sammensat ord",
    "fuzzy": "tæt på (stavefejl?)",
}


def terminal_width(stream: TextIO | None = None) -> int:
    """The terminal's width, or 88 columns when output goes to a file or pipe, for stable output."""
    out = stream if stream is not None else sys.stdout
    if out is None or not out.isatty():
        return PIPED_WIDTH
    return max(MIN_WIDTH, shutil.get_terminal_size((PIPED_WIDTH, 24)).columns)


def render_explanation(
    result: Explanation, *, width: int | None = None, titles: Mapping[str, str] | None = None
) -> str:
    """Short labelled Danish paragraphs that fit the terminal; a 'mente du' line when nothing was found."""
    columns = max(MIN_WIDTH, width or terminal_width())
    if not result.found or result.concept is None:
        close = ", ".join(result.did_you_mean)
        text = f"Intet begreb fundet for «{result.query}»." + (
            f" Mente du: {close}?" if close else ""
        )
        return "\n".join(_wrap(text, columns, hang=""))
    concept = result.concept
    names = domain_titles() if titles is None else titles
    lines = [*_wrap(_title(result, concept, names.get(concept.domain)), columns, hang=""), ""]
    for label, body in _paragraphs(result, concept):
        lines += [*_wrap(f"{label}: {body}", columns), ""] if body else []
    lines.append("Kilder:")
    for source in concept.sources:
        entry = f"- {source.title}{' — ' + source.url if source.url else ''}"
        lines += _wrap(entry, columns, indent=HANG, hang=HANG * 2)
    lines += _wrap(f"(glossar {result.glossary_version})", columns, hang="")
    return "\n".join(lines)


def _paragraphs(result: Explanation, concept: Concept) -> list[tuple[str, str | None]]:
    """The labelled paragraphs in reading order, each (label, text); empty texts are skipped later."""
    paragraphs: list[tuple[str, str | None]] = [
        ("Definition", concept.definition),
        ("For virksomheder", concept.advice if concept.avoid else concept.explanation),
        ("Engelsk", concept.english),
        ("Termer", ", ".join(f"{t.term} ({STATUS_LABEL[t.status]})" for t in concept.terms)),
        (
            "Forretningsord",
            ", ".join(f"{b.form} ({REGISTER_LABEL[b.register]})" for b in concept.business_forms),
        ),
        ("Lovgrundlag", "; ".join(str(b) for b in concept.legal_basis)),
    ]
    if result.municipality:
        local = ", ".join(v.term for v in result.local) or "ingen kendt lokal variant"
        paragraphs.append((f"I {result.municipality.official_name}", local))
    if result.replaced_by:
        paragraphs.append(("Afløst af", f"{result.replaced_by.label} (fra {concept.valid_to})"))
    elif concept.valid_from:
        paragraphs.append(("Gælder fra", concept.valid_from))
    return paragraphs


def _title(result: Explanation, concept: Concept, domain: str | None) -> str:
    """The concept's name and its domain's title, never an internal id, and how the query matched."""
    how = HOW.get(result.match or "", "")
    found = f" · fundet som {how} af «{result.query}»" if how else ""
    return concept.label + (f" — {domain}" if domain else "") + found


def _wrap(text: str, width: int, *, indent: str = "", hang: str = HANG) -> list[str]:
    """Data made visible and wrapped to `width`; URLs and long words are never split."""
    flat = " ".join(visible(text).split())
    return textwrap.wrap(
        flat,
        width=width,
        initial_indent=indent,
        subsequent_indent=hang,
        break_long_words=False,
        break_on_hyphens=False,
    ) or [indent.rstrip()]
