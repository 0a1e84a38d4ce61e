"""Findings as Word review comments, anchored on exactly the flagged words.

Each comment is written by "kommunsk" (initials "K") and says what to write
instead, the one-sentence reason, the municipality's own word when a
municipality is given, and the source. python-docx adds the comment and its
range markers; `runs` splits the runs first, so the range starts and ends on
the flagged words even when they are spread over differently formatted runs,
sit in a table cell or in a hyperlink.

Word ignores comment ranges in headers, footers, text boxes, footnotes and
endnotes ([MS-OI29500] 2.1.315), so a finding there is anchored in the body
instead: on the note's reference mark, on the text box's drawing, or (for a
header or footer) on the first paragraph of the body, and the comment says
where the words are.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from kommunsk.engine.annotation import Annotation
from kommunsk.engine.annotator import Annotator
from kommunsk.glossary.pages import page_url
from kommunsk.glossary.termbase import Glossary
from kommunsk.lint.check import CheckOptions, findings_for
from kommunsk.readers.docx import Paragraph
from kommunsk.word.package import Opened, edit_bytes, edit_copy
from kommunsk.word.runs import W, isolate, paragraph_at

AUTHOR = "kommunsk"
INITIALS = "K"
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÆØÅ«\"'(])")
# Stories whose comment ranges Word shows; the rest are anchored in the body.
_COMMENTABLE = frozenset({"body"})
_STORY_NAMES = {
    "header": "sidehovedet",
    "footer": "sidefoden",
    "footnote": "en fodnote",
    "endnote": "en slutnote",
    "textbox": "en tekstboks",
    "comment": "en kommentar",
}


@dataclass(frozen=True)
class WordResult:
    """What was written: the copy's path, how many comments and tracked changes it holds.

    moved     comments placed in the body because Word shows none where the words are
    annotations  the findings that became comments or tracked changes, in document order
    """

    path: str
    output: str
    comments: int
    changes: int
    moved: int
    annotations: tuple[Annotation, ...]


def comment_file(path: str, output: str, annotator: Annotator, options: CheckOptions) -> WordResult:
    """Write a copy of `path` to `output` with a comment on each finding `check` would report."""
    found, moved = edit_copy(path, output, lambda opened: _comment_all(opened, annotator, options))
    return WordResult(path, output, len(found), 0, moved, tuple(found))


def comment_bytes(data: bytes, name: str, annotator: Annotator, options: CheckOptions) -> bytes:
    """The commented copy of a .docx held in memory, as bytes (for the server: no file is written)."""
    return edit_bytes(data, name, lambda opened: _comment_all(opened, annotator, options))


def _comment_all(
    opened: Opened, annotator: Annotator, options: CheckOptions
) -> tuple[list[Annotation], int]:
    """Comment every finding `check` would report; returns them and how many had to move."""
    found = [f.annotation for f in findings_for(opened.document, annotator, options)]
    moved = 0
    for annotation in sorted(found, key=lambda a: a.start, reverse=True):
        moved += add_comment(opened, annotation, annotator.glossary, options.as_of)
    return found, moved


def add_comment(
    opened: Opened, annotation: Annotation, glossary: Glossary, as_of: date | None
) -> int:
    """Comment on one finding; 1 when the comment had to be placed in the body instead, else 0."""
    index = paragraph_at(opened.document.paragraphs, annotation.start)
    paragraph = opened.paragraphs[index]
    runs = None
    if paragraph.story in _COMMENTABLE:
        start = annotation.start - opened.document.paragraphs[index]
        end = min(annotation.end - opened.document.paragraphs[index], len(paragraph.text))
        runs = isolate(paragraph.element, start, end)
    text = comment_text(annotation, glossary, as_of)
    moved = runs is None
    if runs is None:
        runs = _body_anchor(opened, paragraph)
        text += "\n" + _moved_note(annotation, paragraph)
    _comment(opened.word, runs, text)
    return int(moved)


def comment_text(annotation: Annotation, glossary: Glossary, as_of: date | None) -> str:
    """The comment: what to write instead, why (one sentence), the local word, the source."""
    lines = [_headline(annotation)]
    why = _first_sentence(annotation.reason or annotation.message)
    if not why.startswith("Kilde"):  # a local word's reason is only its source, given below
        lines.append(why)
    concept = glossary.get(annotation.concept_id)
    local = (
        _local(annotation.municipality, concept, glossary, as_of) if annotation.municipality else []
    )
    lines += local
    if not (local and annotation.kind == "variant"):  # the local word's own source suffices
        lines.append(_source(concept))
    return "\n".join(line for line in lines if line)


def _headline(annotation: Annotation) -> str:
    """«stakeholders» → «interessenter» eller «parter», or the words alone when nothing fits."""
    quoted = [f"«{s}»" for s in annotation.suggestions]
    if not quoted:
        return f"«{annotation.text}»: skriv det med almindelige danske ord"
    joined = quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " eller " + quoted[-1]
    return f"«{annotation.text}» → {joined}"


def _first_sentence(text: str) -> str:
    return _SENTENCE_END.split(" ".join(text.split()), maxsplit=1)[0]


def _local(code: str, concept: Any, glossary: Glossary, as_of: date | None) -> list[str]:
    # the variants verified for the municipality; unverified ones are never suggested here
    """The municipality's own words for the concept, with where that is written."""
    try:
        name = glossary.municipalities.get(code).name
    except LookupError:
        name = code
    on = as_of or date.today()
    lines = []
    for variant in concept.variants_for(code, on):
        lines.append(f"{name} Kommune skriver selv «{variant.term}» ({_described(variant.source)})")
    return lines


def _source(concept: Any) -> str:
    if concept.sources:
        return f"Kilde: {_described(concept.sources[0])}"
    return f"Kilde: {page_url(concept)}"


def _described(source: Any) -> str:
    where = source.url or source.document or source.publisher
    return f"{source.title}, {where}" if where else str(source.title)


def _moved_note(annotation: Annotation, paragraph: Paragraph) -> str:
    story = _STORY_NAMES.get(paragraph.story, paragraph.story)
    return (
        f"Ordene «{annotation.text}» står i {story} ({paragraph.place}); Word viser ikke "
        "kommentarer dér, så kommentaren står her."
    )


def _body_anchor(opened: Opened, paragraph: Paragraph) -> list[Any]:
    """Where a comment on words outside the body goes: the mark or drawing, else the first text."""
    if paragraph.anchor is not None and paragraph.anchor.getparent() is not None:
        return [paragraph.anchor]
    body = [p for p in opened.paragraphs if p.story == "body"]
    for candidate in body:
        if candidate.text.strip():
            runs = isolate(candidate.element, 0, len(candidate.text))
            if runs:
                return runs
    return [_empty_run(body[0].element if body else _new_paragraph(opened))]


def _empty_run(paragraph: Any) -> Any:
    """An empty run at the start of `paragraph`, to hang a comment on where there is no text."""
    run = paragraph.makeelement(f"{W}r", {})
    properties = paragraph.find(f"{W}pPr")
    if properties is not None:
        properties.addnext(run)
    else:
        paragraph.insert(0, run)
    return run


def _new_paragraph(opened: Opened) -> Any:
    """A paragraph at the top of a body that has none (a document of headers alone)."""
    body = opened.word.element.body
    paragraph = body.makeelement(f"{W}p", {})
    body.insert(0, paragraph)
    return paragraph


def _comment(word: Any, runs: list[Any], text: str) -> None:
    # lazy: python-docx is loaded only when a Word file is written
    from docx.text.run import Run

    first, last = Run(runs[0], word), Run(runs[-1], word)
    word.add_comment([first, last], text=text, author=AUTHOR, initials=INITIALS)
