"""The annotation engine's contracts: offsets into the original text, kinds, suggestions, resolution."""

from __future__ import annotations

import unicodedata
from datetime import date
from pathlib import Path

import pytest

import kommunsk
from kommunsk.engine.annotator import MAX_CHARS, InputTooLarge
from kommunsk.glossary.municipalities import UnknownMunicipality

FLAGGED = ("jargon", "avoid", "variant", "outdated")


def flagged(text: str, **options: object) -> list[kommunsk.Annotation]:
    return [a for a in kommunsk.annotate(text, **options) if a.kind in FLAGGED]  # type: ignore[arg-type]


def test_annotation_fields() -> None:
    [a] = flagged("Kunderne i hjemmeplejen får en app.")
    assert (a.start, a.end, a.text, a.kind, a.concept_id) == (0, 8, "Kunderne", "jargon", "borger")
    assert a.suggestions[0] == "Borgerne" and a.replacement == "Borgerne"
    assert (a.match, a.score, a.severity) == ("lemma", 100, "warning")
    assert a.glossary_version == kommunsk.load().version and a.message.endswith(".")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Første linje.\r\nKunderne på plejehjemmet.\r\n", ["Kunderne"]),
        (unicodedata.normalize("NFD", "Børnene og kunderne på plejecentret i Århus"), ["kunderne"]),
        (
            "Vi taler med kun\u00adderne i hjemmeplejen og stakehol-\nderne.",
            ["kun\u00adderne", "stakehol-\nderne"],
        ),
        ("KUNDERNE og kunder\tog\u00a0kunden i hjemmeplejen", ["KUNDERNE", "kunder", "kunden"]),
    ],
)
def test_offsets_point_into_the_original_text(text: str, expected: list[str]) -> None:
    """Spans are found in the caller's own string, through NFD letters, soft hyphens and CRLF."""
    found = [a for a in flagged(text) if a.concept_id in ("borger", "interessent")]
    assert [text[a.start : a.end] for a in found] == expected
    assert [a.text for a in found] == expected


def test_line_break_hyphenated_word_is_found_as_one() -> None:
    text = "Vi taler med stakeholder-\nanalysens deltagere hver uge."
    [a] = flagged(text)
    assert a.text == "stakeholder-\nanalysens" and a.concept_id == "interessent"
    assert a.match == "compound" and a.suggestions[0] == "interessentanalysens"


def test_sorted_and_deterministic() -> None:
    text = Path("examples/tilbud.md").read_text(encoding="utf-8")
    first = kommunsk.annotate(text)
    assert first == kommunsk.annotate(text)
    assert [a.start for a in first] == sorted(a.start for a in first)


@pytest.mark.parametrize(
    ("text", "match"),
    [
        ("Kunde", "exact"),
        ("Kunderne", "lemma"),
        ("Kundegrupperne", "compound"),
        ("Kundrne", "fuzzy"),
    ],
)
def test_match_types(text: str, match: str) -> None:
    [a] = flagged(f"{text} i hjemmeplejen er mange.")
    assert a.match == match and a.concept_id == "borger"


def test_fuzzy_never_outranks_exact_or_lemma() -> None:
    assert not flagged("Vi kunne ikke, men han kender dem.")
    assert [a.match for a in flagged("Kunderne og kundrne i hjemmeplejen.")] == ["lemma", "fuzzy"]


def test_accidental_substrings_are_not_compounds() -> None:
    assert not flagged("Kundgørelsen om kunstig intelligens og kundskab.")


def test_hyphenated_compounds_suggest_the_whole_word() -> None:
    [a] = flagged("Vi laver en stakeholder-analyse.")
    assert a.text == "stakeholder-analyse" and a.suggestions[0] == "interessentanalyse"


def test_multiword_terms_across_inflection() -> None:
    [a] = flagged("De løbende omkostninger er lave.")
    assert a.text == "løbende omkostninger" and a.suggestions[0] == "driftsudgifter"
    [b] = flagged("Medarbejderne på gulvet bruger appen.")
    assert b.text == "Medarbejderne på gulvet" and b.concept_id == "medarbejdere-i-driften"
    care = flagged("Medarbejderne på gulvet i hjemmeplejen bruger appen.")
    assert [a.concept_id for a in care if a.text == "Medarbejderne på gulvet"] == ["plejepersonale"]


def test_overlaps_resolve_to_the_longest_match() -> None:
    [a] = flagged("Vores customer journey er kortlagt.")
    assert a.text == "customer journey"
    assert [x.text for x in flagged("Kundehenvendelserne stiger.")] == ["Kundehenvendelserne"]


def test_context_conditions_are_honoured() -> None:
    assert not flagged("Vi vil gerne investere tid i en god dialog.")
    assert not flagged("Overvågning af grundvandet viser nitrat.")
    assert not flagged("Patienten blev indlagt på hospitalet.")
    assert [a.text for a in flagged("Patienterne i hjemmeplejen får besøg.")] == ["Patienterne"]


def test_senses_are_judged_over_the_sentence_and_the_document() -> None:
    assert not flagged("Halvdelen af landets kommuner er vores kunder.")
    assert not flagged("Fakturaen sendes til kunden hver måned.")
    assert [a.text for a in flagged("Kunderne i hjemmeplejen får en app.")] == ["Kunderne"]
    document = "Vi leverer til hjemmeplejen.\n\nKunderne får en app."
    assert [a.text for a in flagged(document)] == ["Kunderne"]
    assert not flagged("Vi leverer til hjemmeplejen.\n\nTi kommuner er kunder hos os.")


def test_words_municipalities_write_themselves_are_not_flagged_by_check() -> None:
    found = kommunsk.annotate(
        "Brugerne på plejehjemmet er glade for investeringen i pilotprojektet."
    )
    jargon = [a for a in found if a.kind == "jargon"]
    assert {a.term for a in jargon} == {"brugere", "plejehjem", "investering", "pilotprojekt"}
    assert all(a.severity == "info" for a in jargon)


def test_names_and_quotations_are_never_jargon() -> None:
    assert not flagged("Vi er medlem af Welfare Tech og bruger Trustpilot.")
    assert not flagged("Welfare Tech er en klynge, og WelfareTech.dk er dens side.")
    assert not flagged("Rapporten ‘Stakeholders i praksis’ er god.")
    assert [a.text for a in flagged("Stakeholders skal inddrages, og ROI skal beregnes.")] == [
        "Stakeholders",
        "ROI",
    ]


def test_compounds_must_rebuild_a_real_word() -> None:
    assert not flagged("Det giver skaleringsmuligheder og en skaleringsproces.")
    assert not flagged("Københavns Kommune er storkunde hos mange leverandører.")
    [a] = flagged("Kick-off-mødet holdes i morgen.")
    assert a.suggestions[0] == "Opstartsmødet"
    [b] = flagged("Vores compliance-problemer skal løses.")
    assert b.suggestions == ()  # a phrase ("overholdelse af regler") is never glued into a word


def test_english_words_are_found_without_a_glossary_entry() -> None:
    found = flagged("Projektet blev et showcase, og vi fik traction hos nye kunder.")
    assert [(a.text, a.concept_id, a.severity) for a in found] == [
        ("showcase", "engelske-ord", "suggestion"),
        ("traction", "engelske-ord", "suggestion"),
    ]
    assert not flagged("Borgerne kan bruge en app og en chatbot.")
    assert not flagged("Det hedder double materiality assessment på engelsk.")


def test_municipal_words_are_recognised_not_flagged() -> None:
    found = kommunsk.annotate(
        "Afprøvningen og markedsdialogen går forud for udbuddet, og business casen viser gevinsten."
    )
    assert found and all(a.kind == "term" and a.severity == "info" for a in found)
    assert {"afproevning", "markedsdialog", "udbud", "business-case"} <= {
        a.concept_id for a in found
    }


def test_abbreviations_are_not_terms_and_legal_references_are_units() -> None:
    text = "Jf. bl.a. pkt. 3 og stk. 2 gives hjælpemidler efter servicelovens § 112, stk. 1, og § 83 a."
    found = kommunsk.annotate(text)
    refs = [a for a in found if "§" in a.text]
    assert [r.text for r in refs] == ["servicelovens § 112, stk. 1", "§ 83 a"]
    assert refs[0].concept_id == "hjaelpemiddel" and refs[0].kind == "term"
    assert not [a for a in found if a.text.lower() in ("jf", "bl", "pkt", "stk", "kl")]


def test_case_sensitive_abbreviations() -> None:
    assert [
        a.concept_id
        for a in kommunsk.annotate("KL og regeringen indgik aftalen.")
        if a.text == "KL"
    ] == ["kl"]
    assert not [a for a in kommunsk.annotate("Mødet er kl. 10.") if a.concept_id == "kl"]


def test_municipality_variants() -> None:
    [a] = flagged("Sagen går til kommunalbestyrelsen.", municipality="Aarhus")
    assert (a.kind, a.suggestions[0], a.severity, a.municipality) == (
        "variant",
        "Byrådet",
        "suggestion",
        "751",
    )
    assert "Aarhus Kommune" in a.message
    assert not flagged("Sagen går til byrådet.", municipality="751")
    assert not flagged("Sagen går til kommunalbestyrelsen.")


def test_municipality_variant_comes_first_in_jargon_suggestions() -> None:
    [a] = flagged("Vores stakeholders er glade.", municipality="101")
    assert a.suggestions[0] == "interessenter"
    [b] = flagged("Vi sender det til topledelsen.", municipality="101")
    assert b.concept_id == "direktion"


def test_unknown_municipality_raises_with_suggestions() -> None:
    with pytest.raises(UnknownMunicipality, match="Aarhus"):
        kommunsk.annotate("tekst", municipality="Aarhuus")


def test_outdated_as_of_date() -> None:
    text = "Vi understøtter handleplanen for det anbragte barn."
    [a] = flagged(text, as_of=date(2024, 2, 1))
    assert a.kind == "outdated" and a.severity == "warning" and a.concept_id == "handleplan-boern"
    assert not flagged(text, as_of=date(2023, 2, 1))
    assert not flagged("Handleplanen for projektet ligger klar.", as_of=date(2024, 2, 1))


def test_avoid_has_no_suggestion_and_says_how() -> None:
    [a] = flagged("Vores go-to-market er klar.")
    assert a.kind == "avoid" and a.suggestions == () and a.replacement is None
    assert a.reason and "go-to-market" in a.message


def test_input_size_limit() -> None:
    with pytest.raises(InputTooLarge):
        kommunsk.annotate("a" * (MAX_CHARS + 1))


def test_unverified_variants_are_not_suggested_by_default() -> None:
    fano = "563"  # the glossary marks Fanø's council name unverified (mixed usage)
    text = "Sagen går til kommunalbestyrelsen."
    assert not flagged(text, municipality=fano)
    [a] = flagged(text, municipality=fano, unverified_variants=True)
    assert a.kind == "variant" and a.suggestions[0] == "Byrådet"
