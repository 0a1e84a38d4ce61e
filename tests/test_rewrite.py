import pytest

import kommunsk


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("Kunderne i hjemmeplejen er glade.", "Borgerne i hjemmeplejen er glade."),
        ("Vi følger den ældre kundes sag.", "Vi følger den ældre borgers sag."),
        ("Plejehjemmene får sensorer.", "Plejehjemmene får sensorer."),  # municipalities write it
        ("Investeringen er lav.", "Investeringen er lav."),
        ("KUNDERNE I HJEMMEPLEJEN SKAL HØRES.", "BORGERNE I HJEMMEPLEJEN SKAL HØRES."),
        ("Vi eksekverede planen.", "Vi gennemførte planen."),
        ("Løsningen skaleres til hele kommunen.", "Løsningen udbredes til hele kommunen."),
        ("Stakeholderne inddrages.", "Interessenterne inddrages."),
        ("De løbende omkostninger er lave.", "Driftsudgifterne er lave."),
    ],
)
def test_rewrite_keeps_inflection_and_case(before: str, after: str) -> None:
    assert kommunsk.rewrite(before).text == after


def test_avoid_and_uncertain_stay_untouched() -> None:
    text = "Vores go-to-market er klar, og kundrne er glade på 40 plejehjem."
    result = kommunsk.rewrite(text)
    assert "go-to-market" in result.text and "kundrne" in result.text
    assert {a.text for a in result.left} >= {"go-to-market", "kundrne"}


def test_number_cues_make_ambiguous_forms_certain() -> None:
    assert kommunsk.rewrite("Vi har 40 pitch.").text == "Vi har 40 pitch."  # avoid: never rewritten
    assert kommunsk.rewrite("Vi har to stakeholders.").text == "Vi har to interessenter."


def test_changes_list_what_was_replaced() -> None:
    result = kommunsk.rewrite("Kunderne på plejehjemmet og vores stakeholders.")
    assert [(c.old, c.new, c.concept_id) for c in result.changes] == [
        ("Kunderne", "Borgerne", "borger"),
        ("stakeholders", "interessenter", "interessent"),
    ]


def test_nothing_outside_annotated_spans_changes() -> None:
    text = "Intro: Kunderne i hjemmeplejen, og (stakeholders)!\nSlut."
    result = kommunsk.rewrite(text)
    assert result.text == "Intro: Borgerne i hjemmeplejen, og (interessenter)!\nSlut."
