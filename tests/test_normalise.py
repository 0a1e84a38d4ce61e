import unicodedata

import pytest

from kommunsk.language.normalise import normalise


def test_plain_text_needs_no_map() -> None:
    result = normalise("Kunderne er glade.")
    assert result.text == "Kunderne er glade." and result.starts is None
    assert result.original(0, 8) == (0, 8)


def test_nfd_letters_are_composed_and_mapped_back() -> None:
    text = unicodedata.normalize("NFD", "Plejehjemmet på Ærø")
    result = normalise(text)
    assert result.text == "Plejehjemmet på Ærø"
    start = result.text.index("Ærø")
    a, b = result.original(start, start + 3)
    assert text[a:b] == unicodedata.normalize("NFD", "Ærø")


def test_soft_hyphens_are_removed() -> None:
    text = "pleje\u00adhjem\u00admet"
    result = normalise(text)
    assert result.text == "plejehjemmet"
    assert result.original(0, len(result.text)) == (0, len(text))


def test_line_break_hyphenation_is_joined() -> None:
    text = "Vi taler med plejehjems-\r\n   beboere i dag."
    result = normalise(text)
    assert "plejehjemsbeboere" in result.text
    start = result.text.index("plejehjemsbeboere")
    a, b = result.original(start, start + len("plejehjemsbeboere"))
    assert text[a:b] == "plejehjems-\r\n   beboere"


def test_suspended_compounds_are_not_joined() -> None:
    assert normalise("Børne- og Ungeforvaltningen").text == "Børne- og Ungeforvaltningen"


def test_typographic_apostrophe_keeps_offsets() -> None:
    result = normalise("KPI’er")
    assert result.text == "KPI'er" and result.starts is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("plejehjems-\nbeboere", "plejehjemsbeboere"),
        ("plejehjems- \r\n  beboere", "plejehjemsbeboere"),
        ("uge 10-\nuge 12", "uge 10-\nuge 12"),  # a digit before the hyphen
        ("Sundheds-\nOg", "Sundheds-\nOg"),  # a capital after the line break
        ("_-\nb", "_-\nb"),
        ("-\nbeboere", "-\nbeboere"),  # nothing before the hyphen
        ("a\u030a og bo\u00adlig", "å og bolig"),
        ("ingen af delene - \n", "ingen af delene - \n"),
    ],
)
def test_the_quick_checks_find_exactly_what_needs_mapping(text: str, expected: str) -> None:
    assert normalise(text).text == expected
