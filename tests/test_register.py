"""A business form's register follows the recorded evidence of municipal usage.

glossary/evidence/register.yaml counts, per business form, the municipal and
business pages that use it (counted by kommunsk, in the glossary's sense); a form's
own `evidence` pages add to the municipal count. The rule (docs/matching.md):

- on OFTEN_PAGES or more municipal pages, municipalities write it as a matter of course:
  `often` (not flagged by check), and `often` needs that many pages;
- on one page, municipalities write it now and then: `sometimes`, never `never`;
- on none: `never` or `sometimes`.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

import kommunsk

OFTEN_PAGES = 2
EVIDENCE = Path(__file__).resolve().parent.parent / "glossary" / "evidence" / "register.yaml"
DATA = yaml.safe_load(EVIDENCE.read_text(encoding="utf-8"))
GLOSSARY = kommunsk.load()
FORMS = [(c, b) for c in GLOSSARY for b in c.business_forms]


def municipal_pages(concept_id: str, form: str, extra: int) -> int:
    counts = DATA["forms"].get(f"{concept_id}: {form.casefold()}")
    return (counts["municipal"]["pages"] if counts else 0) + extra


@pytest.mark.parametrize(("concept", "form"), FORMS, ids=[f"{c.id}:{b.form}" for c, b in FORMS])
def test_register_agrees_with_the_evidence(concept, form) -> None:  # type: ignore[no-untyped-def]
    pages = municipal_pages(concept.id, form.form, len(form.evidence))
    if pages >= OFTEN_PAGES:
        assert form.register == "often", f"{pages} municipal pages use it"
    elif form.register == "often":
        pytest.fail(f"'often' needs {OFTEN_PAGES} municipal pages; the evidence has {pages}")
    elif pages:
        assert form.register == "sometimes", f"{pages} municipal page uses it"


def test_english_words_municipalities_use_are_loanwords() -> None:
    loanwords = set(GLOSSARY.register.loanwords)
    common = [
        key.split(": ", 1)[1]
        for key, counts in DATA["forms"].items()
        if key.startswith("engelske-ord: ") and counts["municipal"]["pages"] >= OFTEN_PAGES
    ]
    assert [w for w in common if w not in loanwords] == []


def test_the_evidence_names_its_corpus() -> None:
    corpus = DATA["corpus"]
    for side in ("municipal", "business"):
        assert corpus[side]["words"] > 20_000 and len(corpus[side]["urls"]) == corpus[side]["pages"]
        assert all(url.startswith("http") for url in corpus[side]["urls"])
