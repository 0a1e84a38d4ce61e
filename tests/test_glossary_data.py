"""The glossary's content: every example runs as a test, files are canonical, required content exists."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

import kommunsk
from kommunsk.engine.examples import check_example
from kommunsk.glossary.canonical import format_file, glossary_files
from kommunsk.glossary.stats import stats
from kommunsk.glossary.termbase import Glossary
from kommunsk.glossary.yamlfile import load

ROOT = Path(__file__).resolve().parent.parent / "glossary"
GLOSSARY = Glossary.load(root=ROOT)
EXAMPLES = [(c, i) for c in GLOSSARY for i in range(len(c.examples))]


@pytest.mark.parametrize(("concept", "index"), EXAMPLES, ids=[f"{c.id}-{i}" for c, i in EXAMPLES])
def test_glossary_example(concept, index: int) -> None:  # type: ignore[no-untyped-def]
    example = concept.examples[index]

    def annotate(
        text: str, municipality: str | None, day: date | None
    ) -> list[kommunsk.Annotation]:
        return kommunsk.annotate(text, municipality=municipality, as_of=day)

    failures = [str(f) for f in check_example(concept, example, annotate)]
    assert failures == []


def test_domain_list_agrees_with_the_folder() -> None:
    listed = load(ROOT / "glossary.yaml").data["domains"]
    assert sorted(listed) == sorted(p.stem for p in (ROOT / "concepts").glob("*.yaml"))


@pytest.mark.parametrize("path", glossary_files(ROOT), ids=lambda p: p.name)
def test_files_are_in_canonical_form(path: Path) -> None:
    assert not format_file(path, write=False), (
        f"run: kommunsk glossary fmt ({path.name} is not canonical)"
    )


def test_size_and_coverage() -> None:
    counts = stats(GLOSSARY)
    assert counts["concepts"] >= 250
    assert counts["concepts_with_sources"] == counts["concepts"]
    assert all(c.examples and c.definition and c.explanation and c.english for c in GLOSSARY)
    assert counts["municipalities_with_variants"] == 98
    assert set(counts["domains"]) == {  # type: ignore[arg-type]
        "organisation",
        "okonomi",
        "indkob-og-udbud",
        "aeldre-og-sundhed",
        "social-boern-og-beskaeftigelse",
        "forvaltning-og-borgere",
        "digitalisering",
        "forretningssprog",
    }


REQUIRED_JARGON = {
    # business form (any inflection) -> concept it must map to
    "kunde": "borger",
    "forbruger": "borger",
    "kunderejse": "borgerforloeb",
    "customer journey": "borgerforloeb",
    "kundehenvendelse": "borgerhenvendelse",
    "investering": "anlaegsudgift",
    "CAPEX": "anlaegsudgift",
    "driftsomkostning": "driftsudgift",
    "løbende omkostninger": "driftsudgift",
    "OPEX": "driftsudgift",
    "ROI": "gevinst",
    "return on investment": "gevinst",
    "break-even": "break-even",  # jargon without an equivalent: it is not tilbagebetalingstid
    "payback": "tilbagebetalingstid",
    "pilotprojekt": "afproevning",
    "proof of concept": "afproevning",
    "PoC": "afproevning",
    "trial": "afproevning",
    "tender": "udbud",
    "RFP": "udbud",
    "RFI": "markedsdialog",
    "salgsmøde": "dialogmoede",
    "plejehjem": "plejecenter",
    "skalere": "udbredelse",
    "opskalering": "udbredelse",
    "healthtech": "velfaerdsteknologi",
    "caretech": "velfaerdsteknologi",
    "welfare tech": "velfaerdsteknologi",
    "stakeholder": "interessent",
    "roadmap": "tidsplan",
    "KPI": "effektmaal",
    "use case": "anvendelsesomraade",
    "onboarding": "oplaering",
    "deliverable": "leverance",
    "turnkey": "noeglefaerdig",
    "eksekvere": "gennemfoere",
    "buy-in": "opbakning",
    "pain point": "udfordring",
    "key account manager": "kontaktperson",
    "go-live": "idriftsaettelse",
    "arbejdsløs": "ledig",
    "børnepasning": "dagtilbud",
    "DPA": "databehandleraftale",
    "topledelse": "direktion",
    "frontpersonale": "plejepersonale",
    "compliance": "overholdelse-af-regler",
    "win-win": "win-win",
    "scaleup": "vaekstvirksomhed",
    "founder": "stifter",
    "økosystem": "netvaerk-og-samarbejde",
    "abonnement": "driftsudgift",
    "afkast": "gevinst",
    "handicappet": "borger-med-handicap",
    "patient": "borger",
}
AVOID = {"go-to-market", "lead", "disruption", "disruptiv", "break-even"}
MUNICIPAL_TOO = [
    "business case",
    "gevinstrealisering",
    "afprøvning",
    "leverandør",
    "markedsdialog",
    "udbud",
    "tidsplan",
    "interessent",
]


@pytest.mark.parametrize(("form", "concept"), sorted(REQUIRED_JARGON.items()))
def test_required_business_forms(form: str, concept: str) -> None:
    owners = [
        c.id for c in GLOSSARY for b in c.business_forms if b.form.casefold() == form.casefold()
    ]
    assert concept in owners


@pytest.mark.parametrize("form", sorted(AVOID))
def test_jargon_to_avoid_has_advice(form: str) -> None:
    owner = next(c for c in GLOSSARY for b in c.business_forms if b.form.casefold() == form)
    assert owner.avoid and owner.advice


@pytest.mark.parametrize("word", MUNICIPAL_TOO)
def test_municipal_words_are_terms_never_jargon(word: str) -> None:
    assert any(t.term.casefold() == word for c in GLOSSARY for t in c.terms)
    assert not any(b.form.casefold() == word for c in GLOSSARY for b in c.business_forms)
    assert not [
        a
        for a in kommunsk.annotate(f"Vi ser på {word} i projektet.")
        if a.kind in ("jargon", "avoid")
    ]


def test_registers_have_reasons() -> None:
    forms = [b for c in GLOSSARY for b in c.business_forms]
    assert all(b.reason.strip() for b in forms)
    register = {b.form: b.register for b in forms}
    for word in ("stakeholder", "ROI", "go-to-market"):
        assert register[word] == "never"


def test_required_local_names() -> None:
    council = GLOSSARY.get("kommunalbestyrelse")
    local = {v.code: v.term for v in council.variants if v.is_valid(date(2026, 1, 1))}
    assert local["101"] == "Borgerrepræsentationen"
    assert local["751"] == local["461"] == local["851"] == "Byrådet"
    assert local["147"] == local["157"] == local["316"] == "Kommunalbestyrelsen"
    holbaek = [v for v in council.variants if v.code == "316"]
    assert [v.term for v in holbaek if v.is_valid(date(2017, 1, 1))] == ["Byrådet"]
    assert all(v.source.url for v in council.variants)
    elderly = {v.code: v.term for v in GLOSSARY.get("aeldreforvaltning").variants}
    assert elderly["101"] == "Sundheds- og Omsorgsforvaltningen"
    assert elderly["751"] == "Magistratsafdelingen for Sundhed og Omsorg"
    assert elderly["461"] == "Ældre- og Handicapforvaltningen"
    assert {v.term for v in GLOSSARY.get("borgmester").variants if v.code == "101"} == {
        "overborgmester"
    }


def test_law_changes_are_dated() -> None:
    assert GLOSSARY.get("handleplan-boern").valid_to == "2023-12-31"
    assert GLOSSARY.get("handleplan-boern").replaced_by == "barnets-plan"
    assert GLOSSARY.get("barnets-lov").valid_from == "2024-01-01"
    assert GLOSSARY.get("helhedspleje").valid_from == "2025-07-01"
