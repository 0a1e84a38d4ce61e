"""Export the glossary for other tools and for readers: JSON, CSV for Danish Excel, Markdown pages.

JSON holds whole concepts. CSV has one row per municipal term and per business
form, written the way Danish Excel opens without an import wizard: UTF-8 with a
BOM, semicolons, CRLF. Markdown is one page per domain with an explicit anchor
per concept, so a link to a concept stays stable when its heading changes; the
pages are deterministic, so docs/glossary/ can be checked against the data.
"""

from __future__ import annotations

import csv
import html
import io
import json
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote

from kommunsk._version import __version__
from kommunsk.atomic import write_text
from kommunsk.errors import YamlProblem
from kommunsk.glossary.model import BusinessForm, Concept, LegalBasis, Source, Variant
from kommunsk.glossary.municipalities import Municipalities
from kommunsk.glossary.paths import bundled_glossary, overlay_files
from kommunsk.glossary.serial import to_data
from kommunsk.glossary.termbase import Glossary
from kommunsk.glossary.yamlfile import parse, read_text
from kommunsk.language.danish import sort_key

STATUS_LABEL = {"preferred": "foretrukket", "admitted": "tilladt", "deprecated": "frarådet"}
REGISTER_LABEL = {
    "never": "skrives ikke i kommunen",
    "sometimes": "skrives sjældent i kommunen",
    "often": "skrives også i kommunen",
}
CSV_COLUMNS = (
    "concept_id",
    "domain",
    "word",
    "role",
    "status_or_register",
    "suggest",
    "reason_or_note",
    "definition",
    "english",
    "legal_basis",
    "source_url",
    "glossary_version",
)
MARKDOWN_COMMAND = "kommunsk glossary export --format markdown"
GENERATED = f"<!-- Genereret af `{MARKDOWN_COMMAND}`; ret i glossarets YAML-filer, ikke her. -->"
INDEX = "README.md"

# C0 and C1 controls except newline, plus the bidirectional overrides that can disguise text
_CONTROLS = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
# "&" only where it would start an entity such as "&amp;"; "Q&A" stays as written
_MD_INLINE = re.compile(r"([\\`*_\[\]<>|~#]|&(?=#?\w+;))")
_MD_BULLET = re.compile(r"^([-+=])")
_MD_NUMBER = re.compile(r"^(\d+)([.)])")
_URL_SAFE = "!#$%&'*+,/:;=?@[]"


def visible(text: str) -> str:
    """`text` with control characters replaced by U+FFFD, so data can never drive a terminal."""
    return _CONTROLS.sub("\ufffd", text)


# --- domain titles ---------------------------------------------------------------------------


def domain_titles(root: Path | None = None, overlays: Sequence[Path] = ()) -> dict[str, str]:
    """Each domain's human title from its file's `title:`, since the concept model keeps only the id."""
    base = root or bundled_glossary()
    files = [*sorted((base / "concepts").glob("*.yaml"))]
    files += [f for overlay in overlays for f in overlay_files(Path(overlay))]
    titles: dict[str, str] = {}
    for path in files:
        head = _head(path)
        domain, title = head.get("domain"), head.get("title")
        if isinstance(domain, str) and isinstance(title, str):
            titles.setdefault(domain, title)
    return titles


def _head(path: Path) -> dict[str, Any]:
    """A concept file's top-level keys, parsed from the lines before its long concept list when possible."""
    try:
        text = read_text(path)
    except (OSError, YamlProblem):
        return {}
    lines = text.splitlines(keepends=True)
    end = next(
        (i for i, line in enumerate(lines) if line.startswith(("concepts:", "extensions:"))),
        len(lines),
    )
    for candidate in ("".join(lines[:end]), text):
        try:
            data = parse(candidate).data
        except YamlProblem:
            continue
        if isinstance(data, dict) and "title" in data:
            return data
    return {}


# --- JSON and CSV ----------------------------------------------------------------------------


def to_json(glossary: Glossary) -> str:
    """Whole concepts with the versions, for tools that want everything the YAML holds."""
    concepts = []
    for concept in glossary:
        data = to_data(concept)
        data.pop("location", None)
        concepts.append(data)
    document = {
        "schema_version": 1,
        "kommunsk_version": __version__,
        "glossary_version": glossary.version,
        "concepts": concepts,
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def to_csv(glossary: Glossary) -> str:
    """A CSV file Danish Excel opens as it is: BOM, semicolons, CRLF, quoted where needed; encode as UTF-8."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, delimiter=";", quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    writer.writerows(_csv_rows(glossary))
    return "\ufeff" + out.getvalue()


def _csv_rows(glossary: Glossary) -> Iterator[list[str]]:
    """One row per municipal term and per business form, each carrying its concept's facts."""
    for concept in glossary:
        facts = [
            concept.definition,
            concept.english,
            "; ".join(str(basis) for basis in concept.legal_basis),
            next((s.url for s in concept.sources if s.url), ""),
            glossary.version,
        ]
        head = [concept.id, concept.domain]
        for term in concept.terms:
            yield [*head, term.term, "term", term.status, "", term.note or "", *facts]
        for form in concept.business_forms:
            suggest = "; ".join(form.suggest or concept.preferred)
            yield [*head, form.form, "forretningsord", form.register, suggest, form.reason, *facts]


def export_text(glossary: Glossary, fmt: str) -> str:
    """The export in one of the formats as text, so the command only chooses where it goes."""
    if fmt == "csv":
        return to_csv(glossary)
    if fmt == "markdown":
        return markdown_document(glossary)
    return to_json(glossary)


# --- Markdown --------------------------------------------------------------------------------


@dataclass
class Written:
    """What writing the Markdown pages changed: pages (re)written and stale pages removed."""

    written: list[Path] = field(default_factory=list)
    removed: list[Path] = field(default_factory=list)


@dataclass(frozen=True)
class _Layout:
    """Whether concepts sit on a page per domain or in one document, which sets links and headings."""

    single: bool
    titles: Mapping[str, str]

    def href(self, concept: Concept, here: str) -> str:
        """A link to a concept's anchor: on this page, or on its domain's page."""
        anchor = "#" + quote(concept.id, safe="")
        if self.single or concept.domain == here:
            return anchor
        return quote(concept.domain, safe="") + ".md" + anchor

    def title(self, domain: str) -> str:
        """The domain's human title, or its id for an overlay whose file could not be read."""
        return self.titles.get(domain, domain)


def markdown_pages(glossary: Glossary, titles: Mapping[str, str] | None = None) -> dict[str, str]:
    """Page name to text: one page per domain plus the README index, as `--output DIR` writes them."""
    layout = _Layout(False, _titles(glossary, titles))
    domains = _by_domain(glossary)
    pages = {INDEX: "\n".join(_index(glossary, domains, layout)) + "\n"}
    for domain, concepts in domains.items():
        lines = [f"# {_md(layout.title(domain))}", "", GENERATED, ""]
        lines += [f"[Alle domæner]({INDEX}) · glossar {_md(glossary.version)}", ""]
        lines += _domain_body(glossary, domain, concepts, layout, level=2)
        pages[f"{domain}.md"] = "\n".join(lines).rstrip("\n") + "\n"
    return pages


def markdown_document(glossary: Glossary, titles: Mapping[str, str] | None = None) -> str:
    """The whole glossary as one Markdown document, for standard output."""
    layout = _Layout(True, _titles(glossary, titles))
    domains = _by_domain(glossary)
    lines = _index(glossary, domains, layout)
    for domain, concepts in domains.items():
        lines += [f'<a id="domain-{html.escape(domain)}"></a>', ""]
        lines += [f"## {_md(layout.title(domain))}", ""]
        lines += _domain_body(glossary, domain, concepts, layout, level=3)
    return "\n".join(lines).rstrip("\n") + "\n"


def write_markdown(
    glossary: Glossary, folder: Path, titles: Mapping[str, str] | None = None
) -> Written:
    """Write the pages atomically, leave unchanged ones alone and remove pages of vanished domains."""
    pages = markdown_pages(glossary, titles)
    folder.mkdir(parents=True, exist_ok=True)
    result = Written()
    for name, text in pages.items():
        path = folder / name
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            write_text(path, text)
            result.written.append(path)
    for path in stale_pages(folder, pages):
        path.unlink()
        result.removed.append(path)
    return result


def stale_pages(folder: Path, pages: Mapping[str, str]) -> list[Path]:
    """Generated pages in `folder` that the glossary no longer produces (a hand-written file is kept)."""
    return [
        path
        for path in sorted(folder.glob("*.md"))
        if path.name not in pages and GENERATED in path.read_text(encoding="utf-8")[:1000]
    ]


def _titles(glossary: Glossary, titles: Mapping[str, str] | None) -> Mapping[str, str]:
    """The given domain titles, or those read from the glossary's own files."""
    return titles if titles is not None else domain_titles(glossary.root, glossary.overlays)


def _by_domain(glossary: Glossary) -> dict[str, list[Concept]]:
    """Concepts grouped by domain in the glossary's order, each domain in Danish order of headings."""
    domains: dict[str, list[Concept]] = {}
    for concept in glossary:
        domains.setdefault(concept.domain, []).append(concept)
    return {
        domain: sorted(concepts, key=lambda c: (sort_key(c.label), c.id))
        for domain, concepts in domains.items()
    }


def _index(glossary: Glossary, domains: Mapping[str, list[Concept]], layout: _Layout) -> list[str]:
    """The index: version, totals, and a table of the domains with counts and links."""
    count = sum(len(concepts) for concepts in domains.values())
    lines = [f"# Glossar: {_md(glossary.meta.name)}", "", GENERATED, ""]
    lines += [
        f"Glossar {_md(glossary.version)}, udgivet {_md(glossary.meta.released)}: "
        f"{count} begreber i {len(domains)} domæner.",
        "",
        "| Domæne | Begreber | Termer | Forretningsord |",
        "| --- | ---: | ---: | ---: |",
    ]
    for domain, concepts in domains.items():
        target = f"#domain-{quote(domain, safe='')}" if layout.single else f"{domain}.md"
        terms = sum(len(c.terms) for c in concepts)
        forms = sum(len(c.business_forms) for c in concepts)
        lines.append(
            f"| [{_md(layout.title(domain))}]({target}) | {len(concepts)} | {terms} | {forms} |"
        )
    return [*lines, ""]


def _domain_body(
    glossary: Glossary, domain: str, concepts: list[Concept], layout: _Layout, *, level: int
) -> list[str]:
    """A line of links to the domain's concepts, then each concept under its anchor."""
    lines = [" · ".join(f"[{_md(c.label)}]({layout.href(c, domain)})" for c in concepts), ""]
    for concept in concepts:
        lines += _concept(glossary, concept, layout, domain, level)
    return lines


def _concept(
    glossary: Glossary, concept: Concept, layout: _Layout, domain: str, level: int
) -> list[str]:
    """One concept in Danish: heading, definition, advice, terms, business forms, law, variants, sources."""
    lines = [f'<a id="{html.escape(concept.id)}"></a>', "", f"{'#' * level} {_md(concept.label)}"]
    lines.append("")
    lines += _field("Definition", _md(concept.definition))
    advice = concept.advice if concept.avoid and concept.advice else concept.explanation
    lines += _field("For virksomheder", _md(advice))
    lines += _field("Engelsk", _md(concept.english))
    lines += _field("Gælder fra", _md(concept.valid_from or ""))
    lines += _replaced(glossary, concept, layout, domain)
    lines += _items("Termer", [_term_item(t.term, t.status, t.note) for t in concept.terms])
    lines += _items("Forretningsord", [_form_item(b, concept) for b in concept.business_forms])
    lines += _items("Lovgrundlag", [_law_item(b) for b in concept.legal_basis])
    lines += _variants(concept.variants, glossary.municipalities)
    lines += _items("Kilder", [_source_item(s) for s in concept.sources])
    related = [glossary.get(i) for i in concept.see_also if i in glossary]
    links = ", ".join(f"[{_md(c.label)}]({layout.href(c, domain)})" for c in related)
    return lines + _field("Se også", links)


def _replaced(glossary: Glossary, concept: Concept, layout: _Layout, domain: str) -> list[str]:
    """When a law change ended the concept: the end date, and the concept that replaced it."""
    if not concept.valid_to:
        return []
    successor = None
    if concept.replaced_by and concept.replaced_by in glossary:
        successor = glossary.get(concept.replaced_by)
    if successor is None:
        return _field("Gælder til", _md(concept.valid_to))
    link = f"[{_md(successor.label)}]({layout.href(successor, domain)})"
    return _field("Afløst af", f"{link} fra {_md(concept.valid_to)}")


def _term_item(term: str, status: str, note: str | None) -> str:
    """A municipal term with its status in Danish and the editor's note."""
    return f"{_md(term)} ({STATUS_LABEL.get(status, status)})" + _note(note)


def _form_item(form: BusinessForm, concept: Concept) -> str:
    """A business word: its register, what to write instead (when there is a word), and why."""
    suggest = ", ".join(_md(s) for s in form.suggest or concept.preferred)
    arrow = f" → {suggest}" if suggest else ""
    register = REGISTER_LABEL.get(form.register, form.register)
    return f"**{_md(form.form)}** ({register}){arrow}: {_md(form.reason)}"


def _law_item(basis: LegalBasis) -> str:
    """A law and section, linked when the glossary gives a URL."""
    return _link(str(basis), basis.url) + _note(basis.note)


def _source_item(source: Source) -> str:
    """A source as a link, with the document and publisher it comes from."""
    text = _link(source.title, source.url)
    if source.document:
        text += f", {_md(source.document)}"
    return text + (f" — {_md(source.publisher)}" if source.publisher else "")


def _variants(variants: Sequence[Variant], municipalities: Municipalities) -> list[str]:
    """Local variants as a table sorted by municipality, unverified ones marked as such."""
    if not variants:
        return []

    def name(variant: Variant) -> str:
        """The municipality's official name (its code only if the registry lacks it)."""
        found = variant.code in municipalities
        return municipalities.get(variant.code).official_name if found else variant.code

    rows = sorted(variants, key=lambda v: (sort_key(name(v)), v.valid_from or "", v.term))
    lines = ["**Lokale varianter:**", "", "| Kommune | Lokal betegnelse |", "| --- | --- |"]
    for variant in rows:
        lines.append(f"| {_md(name(variant))} | {_variant_cell(variant)} |")
    return [*lines, ""]


def _variant_cell(variant: Variant) -> str:
    """A local term linked to its source, with its dates, 'ikke bekræftet' when unverified, and note."""
    text = _link(variant.term, variant.source.url)
    if variant.valid_from:
        text += f" (fra {_md(variant.valid_from)})"
    if variant.valid_to:
        text += f" (til {_md(variant.valid_to)})"
    if not variant.verified:
        text += " (ikke bekræftet)"
    return text + _note(variant.note)


def _field(label: str, text: str) -> list[str]:
    """A labelled paragraph, or nothing when there is no text."""
    return [f"**{label}:** {text}", ""] if text else []


def _items(label: str, items: list[str]) -> list[str]:
    """A labelled bullet list, or nothing when the list is empty."""
    if not items:
        return []
    bullets = [f"- {_list_safe(item)}" for item in items]
    return [f"**{label}:**", "", *bullets, ""]


def _list_safe(item: str) -> str:
    """An item whose start cannot read as a nested bullet or number ("- 1. sal" stays one item)."""
    return _MD_NUMBER.sub(r"\1\\\2", _MD_BULLET.sub(r"\\\1", item))


def _note(note: str | None) -> str:
    """An editor's note appended after a dash."""
    return f" — {_md(note)}" if note else ""


def _link(text: str, url: str | None) -> str:
    """Escaped link text pointing at an http(s) URL; plain text when there is no such URL."""
    if not url or not url.startswith(("https://", "http://")):
        return _md(text)
    return f"[{_md(text)}]({quote(visible(url).strip(), safe=_URL_SAFE)})"


def _md(text: str) -> str:
    """Data as literal Markdown on one line, so a `|`, `*` or newline in it cannot break the page."""
    flat = " ".join(visible(text).split())
    return _MD_INLINE.sub(r"\\\1", flat)
