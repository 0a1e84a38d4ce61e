"""Each municipality's own language: profiles (glossary/municipalities/) drive check, explain and the profile.

One test per category, each end to end through `kommunsk check --municipality`,
plus checks on the profile data itself: every fact has a source and a summary,
every municipality has at least four facts, and committees carry their council term.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

import kommunsk
from kommunsk.cli import cli

GLOSSARY = kommunsk.load()
PLACES = list(GLOSSARY.municipalities)


def check(text: str, municipality: str, *extra: str) -> tuple[int, str]:
    result = CliRunner().invoke(
        cli,
        ["check", "-", "--fail-on", "suggestion", "--municipality", municipality, *extra],
        input=text,
    )
    return result.exit_code, result.stdout


# --- the data ---------------------------------------------------------------------------------


def test_every_municipality_has_at_least_four_sourced_facts_and_six_on_average() -> None:
    counts = [len(m.facts) for m in PLACES]
    assert len(PLACES) == 98 and min(counts) >= 4 and sum(counts) / len(counts) >= 6
    for place in PLACES:
        for fact in place.facts:
            assert fact.source.url or fact.source.document, (place.name, fact.term)
            assert fact.summary.strip() and fact.source.accessed


def test_committees_carry_their_council_term() -> None:
    dated = [f for m in PLACES for f in m.facts if f.category == "committee" and f.valid_from]
    assert len(dated) > 200
    for fact in dated:
        start, end = fact.term_of_office.split("-")  # type: ignore[union-attr]
        assert fact.valid_from == f"{start}-01-01" and fact.valid_to == f"{end}-12-31"


def test_info_reports_local_facts_per_municipality_and_category() -> None:
    from kommunsk.glossary.stats import stats

    local = stats(GLOSSARY)["local_facts"]
    assert local["per_municipality_min"] >= 4 and local["per_municipality_mean"] >= 6  # type: ignore[index]
    categories = local["per_category"]  # type: ignore[index]
    assert set(categories) == {
        "committee",
        "administration",
        "elder_care_place",
        "home_care",
        "job_centre",
        "other",
    }
    assert categories["committee"]["municipalities"] >= 90


# --- committees -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "code", "want"),
    [
        ("Vi præsenterer løsningen for Ældreudvalget.", "159", "Omsorgs- og Sundhedsudvalget"),
        ("Sagen går til Socialudvalget.", "159", "Psykiatri- og Handicapudvalget"),
        ("Kulturudvalget har bevilget pengene.", "190", "Kultur, Fritid og Idræt"),
    ],
)
def test_a_wrong_committee_name_gets_the_municipalitys_own(text: str, code: str, want: str) -> None:
    status, out = check(text, code)
    assert status == 1 and f'-> "{want}"' in out and "kilde:" in out


def test_the_municipalitys_own_committee_is_never_flagged() -> None:
    status, out = check("Omsorgs- og Sundhedsudvalget godkendte projektet.", "159")
    assert status == 0, out


def test_an_older_committee_applies_in_its_own_term_only() -> None:
    text = "Vi præsenterer løsningen for Ældreudvalget."
    status, out = check(text, "147", "--as-of", "2024-06-01")  # Frederiksberg, 2022-2025
    assert status == 1 and '-> "Ældre- og Omsorgsudvalget"' in out
    assert check(text, "147", "--as-of", "2026-06-01")[0] == 0  # not known for 2026-2029


def test_a_sample_of_municipalities_with_a_current_elder_care_committee() -> None:
    day = date(2026, 6, 1)
    concept = GLOSSARY.get("udvalg-aeldre")
    sample = sorted({v.code for v in concept.variants if v.is_valid(day) and v.verified})
    assert sample
    for code in sample:
        [own] = [v.term for v in concept.variants_for(code, day)][:1]
        found = kommunsk.annotate("Vi skriver til ældreudvalget.", municipality=code, as_of=day)
        assert [a.suggestions[0] for a in found if a.kind == "variant"] == [own], code


# --- administrations --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "want"),
    [("259", "Velfærdsforvaltningen"), ("621", "Senior- og Socialforvaltningen")],
)
def test_the_elder_care_administration_gets_its_local_name(code: str, want: str) -> None:
    status, out = check("Løsningen er udviklet med ældreforvaltningen.", code)
    assert status == 1 and want in out


def test_descriptions_and_old_names_are_not_administration_variants() -> None:
    elderly = GLOSSARY.get("aeldreforvaltning")
    assert all(v.term[:1].isupper() for v in elderly.variants)
    odense = {v.term for v in elderly.variants if v.code == "461"}
    assert odense == {"Ældre- og Handicapforvaltningen"}  # ÆHF seen 2010-2013 adds nothing


# --- the word for elder care places -----------------------------------------------------------


def test_plejehjem_is_the_municipalitys_word_where_it_writes_it() -> None:
    place = GLOSSARY.municipalities.get("101")
    assert any("plejehjem" in f.words for f in place.facts_of("elder_care_place"))
    assert check("Løsningen bruges på tre plejehjem.", "101")[0] == 0
    status, out = check("Vores plejecentre er glade for løsningen.", "101")
    assert status == 1 and '-> "plejehjem"' in out


def test_plejehjem_gets_plejecenter_where_the_municipality_writes_that() -> None:
    status, out = check("Løsningen bruges på tre plejehjem.", "151")
    assert status == 1 and '-> "plejecentre"' in out
    result = CliRunner().invoke(
        cli, ["check", "-", "--fail-on", "suggestion"], input="Løsningen bruges på tre plejehjem."
    )
    assert result.exit_code == 0  # no municipality: municipalities write plejehjem themselves


# --- home care, job centre and other names: in the profile ------------------------------------


@pytest.mark.parametrize("category", ["home_care", "job_centre", "other"])
def test_profile_shows_the_category(category: str) -> None:
    from kommunsk.cli.views.profile import HEADINGS

    place = next(m for m in PLACES if m.facts_of(category))
    result = CliRunner().invoke(cli, ["municipalities", place.code])
    assert HEADINGS[category] + ":" in result.stdout
    assert place.facts_of(category)[0].term in result.stdout


def test_profiles_are_named_by_code(tmp_path: Path) -> None:
    root = Path(__file__).resolve().parent.parent / "glossary" / "municipalities"
    assert sorted(p.stem for p in root.glob("*.yaml")) == sorted(m.code for m in PLACES)
