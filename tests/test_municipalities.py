from datetime import date
from pathlib import Path

import pytest

from kommunsk.glossary.municipalities import Municipalities, UnknownMunicipality
from kommunsk.glossary.paths import bundled_glossary
from kommunsk.language.danish import sort_key


@pytest.fixture(scope="module")
def registry() -> Municipalities:
    return Municipalities.read(bundled_glossary() / "municipalities.yaml")


def test_exactly_98_with_unique_three_digit_codes(registry: Municipalities) -> None:
    codes = [m.code for m in registry]
    assert len(registry) == 98 == len(set(codes))
    assert all(len(c) == 3 and c.isdigit() for c in codes)
    assert {"101", "147", "400", "461", "751", "851", "860"} <= set(codes)


def test_christianso_is_not_a_municipality(registry: Municipalities) -> None:
    assert "411" not in registry
    with pytest.raises(UnknownMunicipality):
        registry.lookup("Christiansø")


def test_official_names_with_genitive(registry: Municipalities) -> None:
    assert registry.get("101").official_name == "Københavns Kommune"
    assert registry.get("400").official_name == "Bornholms Regionskommune"
    assert registry.get("480").official_name == "Nordfyns Kommune"
    assert registry.get("820").official_name == "Vesthimmerlands Kommune"
    assert registry.get("751").official_name == "Aarhus Kommune"


def test_danish_sorting_puts_aa_last(registry: Municipalities) -> None:
    names = [m.name for m in registry]
    assert names[:2] == ["Albertslund", "Allerød"]
    assert names[-3:] == ["Aabenraa", "Aalborg", "Aarhus"]
    assert names.index("Ærø") < names.index("Aabenraa")
    assert names == sorted(names, key=sort_key)


@pytest.mark.parametrize(
    ("query", "code"),
    [
        ("751", "751"),
        ("0751", "751"),
        ("Aarhus", "751"),
        ("Århus", "751"),
        ("aarhus kommune", "751"),
        ("Åbenrå", "580"),
        ("Lyngby", "173"),
        ("HØJE TAASTRUP", "169"),
        ("Københavns Kommune", "101"),
        ("Nordfyns Kommune", "480"),
        ("nordfyn", "480"),
        ("Bornholms Regionskommune", "400"),
        ("Kbh.", "101"),
    ],
)
def test_lookup_by_code_name_alias_and_old_spelling(
    registry: Municipalities, query: str, code: str
) -> None:
    assert registry.lookup(query).code == code


def test_unknown_name_suggests_the_closest(registry: Municipalities) -> None:
    with pytest.raises(UnknownMunicipality) as err:
        registry.lookup("Arhuss")
    assert "Aarhus" in err.value.suggestions
    assert "mente du" in str(err.value)


def test_regions_are_dated(registry: Municipalities) -> None:
    copenhagen, holbaek, aarhus = registry.get("101"), registry.get("316"), registry.get("751")
    assert copenhagen.region(date(2026, 12, 31)) == "Region Hovedstaden"
    assert copenhagen.region(date(2027, 1, 1)) == "Region Østdanmark"
    assert holbaek.region(date(2026, 6, 1)) == "Region Sjælland"
    assert holbaek.region(date(2027, 6, 1)) == "Region Østdanmark"
    assert aarhus.region(date(2027, 6, 1)) == "Region Midtjylland"
    east = [m for m in registry if m.region(date(2027, 1, 1)) == "Region Østdanmark"]
    assert len(east) == 46


def test_region_counts_before_the_merger(registry: Municipalities) -> None:
    counts: dict[str, int] = {}
    for m in registry:
        counts[m.region(date(2026, 1, 1))] = counts.get(m.region(date(2026, 1, 1)), 0) + 1
    assert counts == {
        "Region Hovedstaden": 29,
        "Region Sjælland": 17,
        "Region Syddanmark": 22,
        "Region Midtjylland": 19,
        "Region Nordjylland": 11,
    }


def test_search_lists_matching_names(registry: Municipalities) -> None:
    assert [m.code for m in registry.search("frederiks")] == ["147", "813", "250"]
    assert Path(bundled_glossary() / "municipalities.yaml").is_file()
