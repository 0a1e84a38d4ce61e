"""The text view of an explanation: what a company should know about one municipal word."""

from __future__ import annotations

from kommunsk.engine.explain import Explanation
from kommunsk.glossary.model import Concept

STATUS = {"preferred": "foretrukket", "admitted": "tilladt", "deprecated": "frarådet"}
HOW = {
    "exact": "",
    "lemma": "bøjet form",
    "compound": "sammensat ord",
    "fuzzy": "tæt på (stavefejl?)",
}


def render_explanation(result: Explanation) -> str:
    """Several short labelled paragraphs in Danish; a 'mente du' list when nothing was found."""
    if not result.found or result.concept is None:
        close = ", ".join(result.did_you_mean)
        return f"Intet begreb fundet for «{result.query}»." + (
            f" Mente du: {close}?" if close else ""
        )
    concept = result.concept
    lines = [_title(result, concept), ""]
    lines += _paragraph("Definition", concept.definition)
    lines += _paragraph(
        "For virksomheder", concept.advice if concept.avoid else concept.explanation
    )
    lines += _paragraph("Engelsk", concept.english)
    if concept.terms:
        lines += _paragraph(
            "Termer", ", ".join(f"{t.term} ({STATUS[t.status]})" for t in concept.terms)
        )
    if concept.business_forms:
        forms = ", ".join(
            f"{b.form} ({'advarsel' if b.strength == 'warning' else 'forslag'})"
            for b in concept.business_forms
        )
        lines += _paragraph("Forretningsord", forms)
    if concept.legal_basis:
        lines += _paragraph("Lovgrundlag", "; ".join(str(b) for b in concept.legal_basis))
    if result.municipality:
        local = ", ".join(v.term for v in result.local) or "ingen kendt lokal variant"
        lines += _paragraph(f"I {result.municipality.official_name}", local)
    if result.replaced_by:
        lines += _paragraph("Afløst af", f"{result.replaced_by.label} (fra {concept.valid_to})")
    elif concept.valid_from:
        lines += _paragraph("Gælder fra", concept.valid_from)
    lines.append("Kilder:")
    lines += [f"  - {s.title}{' — ' + s.url if s.url else ''}" for s in concept.sources]
    lines.append(f"(glossar {result.glossary_version})")
    return "\n".join(lines)


def _title(result: Explanation, concept: Concept) -> str:
    how = HOW.get(result.match or "", "")
    found = f" · fundet som {how} af «{result.query}»" if how else ""
    return f"{concept.label} [{concept.id}, {concept.domain}]{found}"


def _paragraph(label: str, text: str | None) -> list[str]:
    if not text:
        return []
    return [f"{label}: {' '.join(text.split())}", ""]
