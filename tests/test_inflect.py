import pytest

from kommunsk.engine.index import _slots
from kommunsk.language.inflect import classify, fill


@pytest.mark.parametrize(
    ("source", "form", "target", "expected"),
    [
        ("kunde", "kunderne", "borger", "borgerne"),
        ("kunde", "kundens", "borger", "borgerens"),
        ("kunde", "kunder", "borger", "borgere"),
        ("plejehjem", "plejehjemmene", "plejecenter", "plejecentrene"),
        ("investering", "investeringen", "anlægsudgift", "anlægsudgiften"),
        ("eksekvere", "eksekverede", "gennemføre", "gennemførte"),
        ("eksekvere", "eksekveret", "gennemføre", "gennemført"),
        ("skalere", "skaleres", "udbrede", "udbredes"),
        ("stakeholder", "stakeholderne", "interessent", "interessenterne"),
        ("stakeholder", "stakeholders", "interessent", "interessenter"),
        ("roadmap", "roadmappen", "tidsplan", "tidsplanen"),
        ("KPI", "kpi'erne", "nøgletal", "nøgletallene"),
        ("salgsmøde", "salgsmødet", "dialogmøde", "dialogmødet"),
        ("tender", "tenderen", "udbud", "udbuddet"),
        ("frontpersonale", "frontpersonalet", "plejepersonale", "plejepersonalet"),
    ],
)
def test_same_slot_in_another_word(source: str, form: str, target: str, expected: str) -> None:
    slot = classify(form, _slots(source, None))
    assert slot is not None
    assert fill(slot.split("|")[0], _slots(target, None)) == expected


def test_zero_plural_is_ambiguous_only_where_real() -> None:
    assert classify("plejehjem", _slots("plejehjem", None)) == "sg|pl"
    assert classify("kunde", _slots("kunde", None)) == "sg"


def test_compounds_the_table_lacks_inflect_like_their_head() -> None:
    assert "borgerforløbet" in _slots("borgerforløb", None)["sg.def"]
    assert "dagtilbuddet" in _slots("dagtilbud", None)["sg.def"]


def test_anglicisms_get_regular_danish_endings() -> None:
    slots = _slots("stakeholder", None)
    assert {"stakeholders", "stakeholdere"} <= set(slots["pl"])
    assert "stakeholderne" in slots["pl.def"]
    assert "leadsene" in _slots("lead", None)["pl.def"]
