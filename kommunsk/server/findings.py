"""The page's view of a checked text: the pieces to show highlighted, and one card per finding.

Everything here is plain data for the templates, which escape every value; no
HTML is built in Python.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from kommunsk.engine.annotation import Annotation
from kommunsk.glossary.model import Source, Variant
from kommunsk.glossary.municipalities import Municipality
from kommunsk.glossary.termbase import Glossary

SEVERITY_LABELS = {"warning": "Advarsel", "suggestion": "Forslag", "info": "Fagord"}
KIND_LABELS = {
    "jargon": "Forretningssprog",
    "avoid": "Undgå ordet",
    "variant": "Kommunens eget ord",
    "outdated": "Forældet betegnelse",
    "term": "Kommunalt fagord",
}
PLURALS = {
    "warning": ("advarsel", "advarsler"),
    "suggestion": ("forslag", "forslag"),
    "info": ("fagord", "fagord"),
}
SHOWN = ("warning", "suggestion")  # severities the page shows unless asked for the terms too


@dataclass(frozen=True)
class Finding:
    """One card in the side panel."""

    anchor: str
    start: int
    end: int
    text: str
    kind: str
    kind_label: str
    severity: str
    severity_label: str
    message: str
    reason: str | None
    suggestions: tuple[str, ...]
    short: str
    concept_id: str
    concept_label: str
    local: tuple[Variant, ...]
    sources: tuple[Source, ...]
    replacement: str | None
    apply: str | None  # the value of the "use it" button: start:end:concept
    needs_person: bool


@dataclass(frozen=True)
class Piece:
    """A run of the text, highlighted when it belongs to a finding."""

    text: str
    finding: Finding | None = None


@dataclass(frozen=True)
class Result:
    """What the page shows under the form."""

    pieces: tuple[Piece, ...]
    findings: tuple[Finding, ...]
    municipality: Municipality | None
    safe: int  # findings a rewrite would mend

    @property
    def summary(self) -> str:
        counts = {key: sum(f.severity == key for f in self.findings) for key in SEVERITY_LABELS}
        if not self.findings:
            return "Ingen fund"
        parts = [
            f"{count} {PLURALS[key][count != 1]}"
            for key in SEVERITY_LABELS
            if (count := counts[key])
        ]
        return f"{len(self.findings)} fund: " + ", ".join(parts)


def shown(annotations: Sequence[Annotation], with_terms: bool) -> list[Annotation]:
    """The annotations the page shows: problems, and the municipal terms when asked."""
    return [a for a in annotations if a.severity in SHOWN or (with_terms and a.kind == "term")]


def apply_key(annotation: Annotation) -> str:
    """What names one finding across two requests on the same text."""
    return f"brug:{annotation.start}:{annotation.end}:{annotation.concept_id}"


def result(
    text: str,
    annotations: Sequence[Annotation],
    glossary: Glossary,
    municipality: Municipality | None,
    day: date,
) -> Result:
    """The highlighted pieces and the cards, in text order; overlapping findings keep the first."""
    findings: list[Finding] = []
    pieces: list[Piece] = []
    position = 0
    for annotation in sorted(annotations, key=lambda a: (a.start, -a.end)):
        if annotation.start < position:
            continue
        finding = _finding(len(findings) + 1, annotation, glossary, municipality, day)
        findings.append(finding)
        if annotation.start > position:
            pieces.append(Piece(text[position : annotation.start]))
        pieces.append(Piece(text[annotation.start : annotation.end], finding))
        position = annotation.end
    pieces.append(Piece(text[position:]))
    safe = sum(1 for f in findings if f.apply)
    return Result(tuple(pieces), tuple(findings), municipality, safe)


def _finding(
    number: int,
    annotation: Annotation,
    glossary: Glossary,
    municipality: Municipality | None,
    day: date,
) -> Finding:
    concept = glossary.get(annotation.concept_id) if annotation.concept_id in glossary else None
    local = (
        concept.variants_for(municipality.code, day, unverified=True)
        if concept is not None and municipality is not None
        else ()
    )
    return Finding(
        anchor=f"fund-{number}",
        start=annotation.start,
        end=annotation.end,
        text=annotation.text,
        kind=annotation.kind,
        kind_label=KIND_LABELS.get(annotation.kind, annotation.kind),
        severity=annotation.severity,
        severity_label=SEVERITY_LABELS.get(annotation.severity, annotation.severity),
        message=annotation.message,
        reason=annotation.reason,
        suggestions=annotation.suggestions,
        short=" / ".join(annotation.suggestions) or annotation.message,
        concept_id=annotation.concept_id,
        concept_label=concept.label if concept is not None else annotation.concept_id,
        local=local,
        sources=concept.sources if concept is not None else (),
        replacement=_replacement(annotation),
        apply=apply_key(annotation) if annotation.edits else None,
        needs_person=annotation.needs_person,
    )


def _replacement(annotation: Annotation) -> str | None:
    """The words the "use it" button puts in (the agreeing article included)."""
    if not annotation.edits:
        return None
    return annotation.replacement or " ".join(new for _, _, new in sorted(annotation.edits))
