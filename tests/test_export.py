"""`kommunsk glossary export`: CSV for Danish Excel and Markdown pages, plus the docs/glossary/ drift check."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from markdown_it import MarkdownIt

from kommunsk.cli import cli
from kommunsk.glossary.export import (
    CSV_COLUMNS,
    GENERATED,
    domain_titles,
    markdown_document,
    markdown_pages,
    to_csv,
    write_markdown,
)
from kommunsk.glossary.model import BusinessForm, Concept, LegalBasis, Source, Term, Variant
from kommunsk.glossary.municipalities import DatedName, Municipalities, Municipality
from kommunsk.glossary.termbase import Glossary, Meta

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs" / "glossary"
REGENERATE = "kommunsk glossary export --format markdown --output docs/glossary"
BOM = b"\xef\xbb\xbf"
TRICKY = 'Et svar; med "citat",\nen ny linje | en pibe og *stjerner* \x1b[31m'


def invoke(*args: str) -> tuple[int, bytes]:
    """Run the command line and return its exit code and the raw bytes it wrote."""
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout_bytes


def rows(data: bytes) -> list[dict[str, str]]:
    """Parse CSV bytes the way Danish Excel reads them: UTF-8 with BOM, semicolon separated."""
    text = data.decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text, newline=""), delimiter=";"))


@pytest.fixture(scope="module")
def bundled() -> Glossary:
    return Glossary.load()


@pytest.fixture()
def tricky() -> Glossary:
    """A one-concept glossary whose data contains every character that could break an export."""
    concept = Concept(
        id="proeve",
        domain="test",
        definition=TRICKY,
        explanation="Skriv *ikke* [links](x) eller <b>html</b> & Q&A.",
        english='trial "run"; test',
        added_in="1.0.0",
        changed_in="1.0.0",
        terms=(Term("prøve|ord", "preferred"), Term("1. sal", "admitted")),
        business_forms=(
            BusinessForm("- pilot", "never", "Fordi | derfor", suggest=("prøve|ord",)),
        ),
        legal_basis=(LegalBasis("Testloven", "§ 1; stk. 2"),),
        sources=(Source("Kilde [1]", "https://example.org/a b(c)|d"),),
        variants=(
            Variant(
                "751", "Prøve*Rådet", Source("Vedtægt", "https://example.org/v"), verified=False
            ),
        ),
        see_also=("proeve",),
    )
    aarhus = Municipality("751", "Aarhus", "Aarhus Kommune", (DatedName("Region Midtjylland"),))
    meta = Meta("test", "9.9.9", "2026-01-01", 1)
    return Glossary(meta, [concept], Municipalities([aarhus]))


# --- CSV ---------------------------------------------------------------------------------------


def test_csv_opens_in_danish_excel(bundled: Glossary) -> None:
    code, data = invoke("glossary", "export", "--format", "csv")
    assert code == 0
    assert data.startswith(BOM)
    assert data.count(b"\n") == data.count(b"\r\n"), "every line must end in CRLF"
    header = data[len(BOM) :].split(b"\r\n", 1)[0].decode("utf-8")
    assert header.split(";") == list(CSV_COLUMNS)
    for column in ("concept_id", "domain", "word", "role", "definition", "english"):
        assert column in CSV_COLUMNS
    for column in ("status_or_register", "suggest", "legal_basis", "source_url"):
        assert column in CSV_COLUMNS


def test_csv_has_one_row_per_term_and_business_form(bundled: Glossary) -> None:
    found = rows(invoke("glossary", "export", "--format", "csv")[1])
    assert len(found) == sum(len(c.terms) + len(c.business_forms) for c in bundled)
    assert {r["role"] for r in found} == {"term", "forretningsord"}
    kunde = next(r for r in found if r["word"] == "kunde" and r["concept_id"] == "borger")
    borger = bundled.get("borger")
    assert kunde["status_or_register"] == "never" and kunde["suggest"] == "borger"
    assert kunde["definition"] == borger.definition and kunde["english"] == borger.english
    assert kunde["source_url"] == next(s.url for s in borger.sources if s.url)
    aktindsigt = next(r for r in found if r["concept_id"] == "aktindsigt")
    assert aktindsigt["legal_basis"] == "Offentlighedsloven § 7; Forvaltningsloven § 9"


def test_csv_round_trips_semicolons_quotes_and_newlines(tricky: Glossary) -> None:
    text = to_csv(tricky)
    found = rows(text.encode("utf-8"))
    assert [r["word"] for r in found] == ["prøve|ord", "1. sal", "- pilot"]
    assert all(r["definition"] == TRICKY for r in found)
    assert found[0]["english"] == 'trial "run"; test'
    assert found[0]["legal_basis"] == "Testloven § 1; stk. 2"
    assert found[2]["role"] == "forretningsord" and found[2]["reason_or_note"] == "Fordi | derfor"


def test_csv_output_file(tmp_path: Path, bundled: Glossary) -> None:
    target = tmp_path / "kommunsk.csv"
    code, _ = invoke("glossary", "export", "--format", "csv", "--output", str(target))
    assert code == 0 and target.read_bytes() == to_csv(bundled).encode("utf-8")
    code, _ = invoke(
        "glossary", "export", "--format", "csv", "--output", str(tmp_path / "no" / "x")
    )
    assert code == 2


# --- Markdown ----------------------------------------------------------------------------------


def test_docs_glossary_is_what_the_exporter_writes(bundled: Glossary) -> None:
    expected = markdown_pages(bundled)
    on_disk = {p.name: p.read_text(encoding="utf-8") for p in sorted(DOCS.glob("*.md"))}
    stale = sorted(set(on_disk) - set(expected))
    missing = sorted(set(expected) - set(on_disk))
    changed = sorted(n for n in expected if n in on_disk and on_disk[n] != expected[n])
    assert not (stale or missing or changed), (
        f"docs/glossary/ does not match the glossary (changed: {changed}, missing: {missing}, "
        f"stale: {stale}). Regenerate it from the repository root with:\n    {REGENERATE}"
    )


def test_every_concept_has_an_anchor_on_its_domain_page(bundled: Glossary) -> None:
    pages = markdown_pages(bundled)
    for concept in bundled:
        page = pages[f"{concept.domain}.md"]
        anchor = f'<a id="{concept.id}"></a>\n\n## '
        assert page.count(anchor) == 1, concept.id
        heading = page.split(anchor, 1)[1].split("\n", 1)[0]
        assert concept.label in heading.replace("\\", "")


def test_index_lists_domains_with_titles_counts_and_links(bundled: Glossary) -> None:
    index = markdown_pages(bundled)["README.md"]
    data = yaml.safe_load((ROOT / "glossary" / "concepts" / "okonomi.yaml").read_text("utf-8"))
    count = sum(1 for c in bundled if c.domain == "okonomi")
    assert f"| [{data['title']}](okonomi.md) | {count} |" in index
    assert f"{len(bundled)} begreber" in index and GENERATED in index


def test_domain_titles_come_from_the_data() -> None:
    for path in sorted((ROOT / "glossary" / "concepts").glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert domain_titles()[data["domain"]] == data["title"]


def test_concept_page_shows_every_part_in_danish(bundled: Glossary) -> None:
    page = markdown_pages(bundled)["organisation.md"]
    block = page.split('<a id="kommunalbestyrelse"></a>', 1)[1].split("<a id=", 1)[0]
    for label in ("**Definition:**", "**For virksomheder:**", "**Termer:**", "**Lovgrundlag:**"):
        assert label in block
    assert "**Lokale varianter:**" in block and "| Aarhus Kommune | [Byrådet](https://" in block
    assert "(ikke bekræftet)" in block and "**Kilder:**" in block and "**Se også:**" in block
    assert "kommunalbestyrelse (foretrukket)" in block


def test_data_cannot_break_the_markdown(tricky: Glossary) -> None:
    page = markdown_pages(tricky, {"test": "Prøver"})["test.md"]
    assert "\x1b" not in page and "\ufffd" in page
    html = MarkdownIt("commonmark").enable("table").render(page)
    assert "<em>" not in html and "<b>" not in html
    assert "| en pibe og *stjerner*" in html
    assert '<a href="https://example.org/a%20b%28c%29%7Cd">Kilde [1]</a>' in html
    assert "<li>1. sal (tilladt)</li>" in html
    assert (
        "<li><strong>- pilot</strong> (skrives ikke i kommunen) → prøve|ord: Fordi | derfor</li>"
        in html
    )
    row = next(line for line in page.splitlines() if line.startswith("| Aarhus Kommune"))
    assert row.replace("\\|", "").count("|") == 3, "a variant row must keep its two cells"
    assert "Prøve\\*Rådet" in row and "(ikke bekræftet)" in row


def test_write_markdown_is_atomic_idempotent_and_removes_only_stale_pages(
    tmp_path: Path, tricky: Glossary
) -> None:
    titles = {"test": "Prøver"}
    (tmp_path / "gammel.md").write_text(f"# Gammel\n\n{GENERATED}\n", encoding="utf-8")
    (tmp_path / "noter.md").write_text("Mine egne noter.\n", encoding="utf-8")
    first = write_markdown(tricky, tmp_path, titles)
    assert sorted(p.name for p in first.written) == ["README.md", "test.md"]
    assert [p.name for p in first.removed] == ["gammel.md"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["README.md", "noter.md", "test.md"]
    again = write_markdown(tricky, tmp_path, titles)
    assert again.written == [] and again.removed == []


def test_markdown_command_writes_a_folder_or_one_document(
    tmp_path: Path, bundled: Glossary
) -> None:
    code, out = invoke("glossary", "export", "--format", "markdown", "--output", str(tmp_path))
    assert code == 0 and b"README.md" in out
    written = {p.name: p.read_text(encoding="utf-8") for p in tmp_path.glob("*.md")}
    assert written == markdown_pages(bundled)
    code, out = invoke("glossary", "export", "--format", "markdown")
    document = out.decode("utf-8")
    assert code == 0 and document == markdown_document(bundled)
    assert document.count("<a id=") == len(bundled) + len({c.domain for c in bundled})
    assert "](#partshoering)" in document and ".md#" not in document


def test_every_link_between_pages_reaches_an_anchor(bundled: Glossary) -> None:
    pages = markdown_pages(bundled)
    anchors = {name: set(re.findall(r'<a id="([^"]+)"></a>', text)) for name, text in pages.items()}
    broken = []
    for name, text in pages.items():
        for page, anchor in re.findall(r"\]\(([\w.-]*?)#([\w-]+)\)", text):
            if anchor not in anchors.get(page or name, set()):
                broken.append(f"{name}: {page}#{anchor}")
    assert broken == []
    assert any(".md#" in text for name, text in pages.items() if name != "README.md")
