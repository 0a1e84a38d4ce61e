"""The text view of `kommunsk explain`: wrapped to the terminal, no internal ids, no raw control characters."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from conftest import GLOSSARY_VERSION

import kommunsk
from kommunsk.cli import cli
from kommunsk.cli.views.explain import PIPED_WIDTH, render_explanation, terminal_width
from kommunsk.engine.explain import Explanation
from kommunsk.glossary.model import BusinessForm, Concept, LegalBasis, Source, Term
from kommunsk.glossary.municipalities import DatedName, Municipality

ROOT = Path(__file__).resolve().parent.parent
CONTROLS = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f]")
LABELS = ("Definition:", "For virksomheder:", "Engelsk:", "Termer:", "Forretningsord:")


class Terminal(io.StringIO):
    """A stream that says it is a terminal."""

    def isatty(self) -> bool:
        return True


def title_of(domain: str) -> str:
    """A domain's title as the YAML file writes it."""
    path = ROOT / "glossary" / "concepts" / f"{domain}.yaml"
    return str(yaml.safe_load(path.read_text(encoding="utf-8"))["title"])


def too_long(text: str, width: int) -> list[str]:
    """Lines over `width`, except a line that is a single long word such as a URL."""
    return [line for line in text.splitlines() if len(line) > width and " " in line.strip()]


def hostile() -> Explanation:
    """An explanation of a concept whose data carries terminal escape sequences."""
    concept = Concept(
        id="proeve-begreb",
        domain="proeve-domaene",
        definition="Før \x1b[31mrød\x1b[0m efter.",
        explanation="Skriv pænt.\x07",
        english="test\x9b2J",
        added_in="1.0.0",
        changed_in="1.0.0",
        terms=(Term("prøve", "preferred"),),
        business_forms=(BusinessForm("pilot", "sometimes", "Fordi."),),
        legal_basis=(LegalBasis("Testloven", "§ 1"),),
        sources=(Source("Kilde\x1b]0;titel\x07", "https://example.org/kilde"),),
    )
    aarhus = Municipality("751", "Aarhus", "Aarhus Kommune", (DatedName("Region Midtjylland"),))
    return Explanation("prøve", True, "9.9.9", concept, "prøve", "exact", aarhus)


def test_title_shows_the_domain_title_not_ids() -> None:
    result = kommunsk.explain("kunderne")
    assert result.concept is not None and result.concept.id == "borger"
    text = render_explanation(result)
    first = text.splitlines()[0]
    assert first.startswith("borger — ") and title_of("forvaltning-og-borgere") in first
    assert "[" not in first and "forvaltning-og-borgere" not in text


def test_no_ascii_slug_of_a_concept_is_shown() -> None:
    result = kommunsk.explain("partshøring")
    assert result.concept is not None and result.concept.id == "partshoering"
    text = render_explanation(result)
    prose = re.sub(r"https?://\S+", "", text)  # a source's own address may contain anything
    assert "partshoering" not in prose and "partshøring" in prose
    assert title_of(result.concept.domain) in text


def test_titles_can_be_passed_and_a_missing_title_shows_nothing() -> None:
    result = hostile()
    assert render_explanation(result, titles={"proeve-domaene": "Prøver"}).startswith(
        "prøve — Prøver"
    )
    first = render_explanation(result, titles={}).splitlines()[0]
    assert first == "prøve" and "proeve" not in render_explanation(result, titles={})


@pytest.mark.parametrize("width", [40, 60, 88, 120])
def test_paragraphs_wrap_to_the_width(width: int) -> None:
    result = kommunsk.explain("borger", municipality="Aarhus")
    text = render_explanation(result, width=width)
    assert too_long(text, width) == []
    assert "I Aarhus Kommune:" in text
    for label in LABELS:
        assert label in text


def test_piped_output_uses_88_columns() -> None:
    assert terminal_width(io.StringIO()) == PIPED_WIDTH == 88
    result = CliRunner().invoke(cli, ["explain", "borger"], catch_exceptions=False)
    assert result.exit_code == 0
    assert too_long(result.stdout, 88) == []
    assert max(len(line) for line in result.stdout.splitlines() if " " in line) > 70


def test_a_terminal_sets_the_width(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "52")
    assert terminal_width(Terminal()) == 52


def test_control_characters_from_data_are_replaced() -> None:
    text = render_explanation(hostile(), width=88, titles={})
    assert CONTROLS.findall(text) == []
    assert "Før \ufffd[31mrød\ufffd[0m efter." in text
    assert "test\ufffd2J" in text and "Kilde\ufffd]0;titel\ufffd" in text


def test_control_characters_in_a_query_that_finds_nothing_are_replaced() -> None:
    result = Explanation("zz\x1b[2Jzz", False, "9.9.9", did_you_mean=("a\x1bb",))
    text = render_explanation(result, width=88)
    assert "\x1b" not in text and text.startswith("Intet begreb fundet for «zz\ufffd[2Jzz».")


def test_labelled_paragraphs_are_kept() -> None:
    result = kommunsk.explain("kommunalbestyrelse", municipality="Aarhus")
    text = render_explanation(result, width=88)
    for label in (*LABELS[:4], "Lovgrundlag:", "I Aarhus Kommune: Byrådet", "Kilder:"):
        assert label in text
    assert text.rstrip().endswith(f"(glossar {GLOSSARY_VERSION})")
