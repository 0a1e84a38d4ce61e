import pytest

import kommunsk


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("Kunderne er glade.", "Borgerne er glade."),
        ("Vi følger kundens sag.", "Vi følger borgerens sag."),
        ("Plejehjemmene får sensorer.", "Plejecentrene får sensorer."),
        ("Investeringen er lav.", "Anlægsudgiften er lav."),
        ("KUNDERNE SKAL HØRES.", "BORGERNE SKAL HØRES."),
        ("Vi eksekverede planen.", "Vi gennemførte planen."),
        ("Løsningen skaleres til hele kommunen.", "Løsningen udbredes til hele kommunen."),
        ("Stakeholderne inddrages.", "Interessenterne inddrages."),
        ("De løbende omkostninger er lave.", "De driftsudgifter er lave."),
        ("Vi har talt med slutkunderne.", "Vi har talt med slutborgerne."),
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
    assert kommunsk.rewrite("Vi har 40 plejehjem.").text == "Vi har 40 plejecentre."
    assert kommunsk.rewrite("Vi har et plejehjem.").text == "Vi har et plejecenter."


def test_changes_list_what_was_replaced() -> None:
    result = kommunsk.rewrite("Kunderne på plejehjemmet.")
    assert [(c.old, c.new, c.concept_id) for c in result.changes] == [
        ("Kunderne", "Borgerne", "borger"),
        ("plejehjemmet", "plejecentret", "plejecenter"),
    ]


def test_nothing_outside_annotated_spans_changes() -> None:
    text = "Intro: Kunderne, og «stakeholders»!\nSlut."
    result = kommunsk.rewrite(text)
    assert result.text == "Intro: Borgerne, og «interessenter»!\nSlut."
