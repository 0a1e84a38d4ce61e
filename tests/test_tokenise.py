"""kommunsk's own tokenizer agrees with spaCy's Danish tokenizer wherever it matters for matching."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import spacy
from corpus_scoring import sentences

from kommunsk.language.normalise import normalise
from kommunsk.language.tokenise import Token, tokens, words


def test_words_keep_inner_hyphens_and_apostrophes() -> None:
    assert words("KPI'er og PoC'en, stakeholder-analyse og go-to-market-strategien") == [
        "kpi'er",
        "og",
        "poc'en",
        "stakeholder-analyse",
        "og",
        "go-to-market-strategien",
    ]


def test_suspended_compound_keeps_its_hyphen() -> None:
    assert words("Sundheds- og Omsorgsforvaltningen") == ["sundheds-", "og", "omsorgsforvaltningen"]


def test_urls_and_emails_are_skipped() -> None:
    assert words("Se www.kl.dk/kunder eller skriv til kunde@firma.dk nu") == [
        "se",
        "eller",
        "skriv",
        "til",
        "nu",
    ]


def _texts() -> list[str]:
    texts = [s["text"] for s in sentences()]
    texts += Path("examples/tilbud.md").read_text(encoding="utf-8").splitlines()
    return [t for t in texts if t.strip()]


ABBREVIATION = re.compile(
    r"^\w+\.(\w+\.)*$"
)  # spaCy keeps "jf." and "bl.a." whole; their letters are not terms


@pytest.mark.parametrize("text", _texts())
def test_agrees_with_spacy_on_the_corpus(text: str) -> None:
    nlp = _blank()
    normal = normalise(text).text
    ours = {(t.start, t.end) for t in tokens(normal)}
    for token in nlp.make_doc(normal):
        if not any(c.isalpha() for c in token.text) or ABBREVIATION.match(token.text):
            continue
        if "/" in token.text or "@" in token.text or token.text.startswith(("www.", "http")):
            continue
        assert (token.idx, token.idx + len(token.text)) in ours, (
            f"spaCy token {token.text!r} in {normal!r}"
        )


_NLP: list[spacy.language.Language] = []


def _blank() -> spacy.language.Language:
    if not _NLP:
        _NLP.append(spacy.blank("da"))
    return _NLP[0]


@pytest.mark.parametrize(
    "text",
    [
        "Kunderne og KPI'erne i Næstved Kommune",
        "ΟΔΟΣ ΟΔΟΣ. ΣΑΣ-ΑΣ",  # a capital sigma lowers by what follows it
        "İstanbul og Kunder",  # lowering "İ" gives two characters
        "Skriv til Kontakt@Firma.dk eller se www.Firma.dk/Kunder om Stakeholders",
        "",
    ],
)
def test_each_token_is_the_lower_case_of_its_own_span(text: str) -> None:
    found = tokens(text)
    assert [t.lower for t in found] == [text[t.start : t.end].lower() for t in found]
    assert all(type(t) is Token for t in found)
