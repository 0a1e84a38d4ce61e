"""Every validation error, each with a broken fixture, reported with file, line and column."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from kommunsk.errors import GlossaryError
from kommunsk.glossary.paths import bundled_glossary
from kommunsk.glossary.termbase import Glossary, read_all

BROKEN = Path(__file__).parent / "fixtures" / "broken"
LOCATED = re.compile(r"^\S+\.yaml:\d+:\d+: ")

CASES = {
    "yaml-syntax": r"YAML syntax error",
    "alias": r"aliases are not allowed",
    "unknown-field": r"concept 'testbegreb' > terms > 0 > trem: unknown field 'trem' \(did you mean 'term'\?\)",
    "duplicate-id": r"concept 'testbegreb' > id: duplicate concept id, first defined at .*duplicate-id.yaml:4:",
    "overlay-redefines": r"concept 'borger' > id: overlay redefines .*forvaltning-og-borgere.yaml",
    "form-claimed-twice": r"'stakeholder' is also a business form of interessent",
    "form-is-term": r"'afprøvning' is a municipal term of 'afproevning'",
    "unknown-municipality": r"unknown municipality code '999'",
    "replaced-by-nowhere": r"replaced_by points to unknown concept 'findes-ikke'",
    "replaced-by-cycle": r"replaced_by forms a cycle: testbegreb-a -> testbegreb-b -> testbegreb-a",
    "example-span": r"span 'testordet' does not occur in the example sentence",
    "extension-conflict": r"municipality 101 already has a variant",
}


def problems_for(name: str) -> list[str]:
    _, problems = read_all(bundled_glossary(), [BROKEN / f"{name}.yaml"])
    return [str(p) for p in problems]


def test_bundled_glossary_is_valid() -> None:
    _, problems = read_all(bundled_glossary(), [])
    assert problems == []


@pytest.mark.parametrize("name", sorted(CASES))
def test_each_broken_fixture_is_reported_with_its_position(name: str) -> None:
    found = problems_for(name)
    matching = [p for p in found if re.search(CASES[name], p)]
    assert matching, f"expected {CASES[name]!r} among {found}"
    assert all(LOCATED.match(p) for p in matching), matching


def test_every_fixture_has_a_case() -> None:
    assert {p.stem for p in BROKEN.glob("*.yaml")} == set(CASES)


def test_all_problems_reported_in_one_pass(tmp_path: Path) -> None:
    combined = [
        BROKEN / "unknown-municipality.yaml",
        BROKEN / "example-span.yaml",
        BROKEN / "replaced-by-nowhere.yaml",
    ]
    copies = []
    for index, path in enumerate(combined):
        copy = tmp_path / f"{index}.yaml"
        text = path.read_text(encoding="utf-8").replace("testbegreb", f"testbegreb{index}")
        copy.write_text(text, encoding="utf-8")
        copies.append(copy)
    _, problems = read_all(bundled_glossary(), copies)
    assert len(problems) >= 3


def test_load_raises_with_every_problem() -> None:
    with pytest.raises(GlossaryError) as err:
        Glossary.load([BROKEN / "replaced-by-cycle.yaml"])
    assert len(err.value.problems) == 2


def test_domain_list_must_agree_with_folder(glossary_copy: Path) -> None:
    shutil.copy(
        glossary_copy / "concepts" / "okonomi.yaml", glossary_copy / "concepts" / "ekstra.yaml"
    )
    (glossary_copy / "concepts" / "digitalisering.yaml").unlink()
    _, problems = read_all(glossary_copy, [])
    text = "\n".join(str(p) for p in problems)
    assert "concepts/ekstra.yaml is not listed under domains" in text
    assert "domain file concepts/digitalisering.yaml does not exist" in text


def test_overlay_loads_on_top_of_bundled() -> None:
    overlay = Path(__file__).parent / "fixtures" / "overlay" / "company.yaml"
    loaded = Glossary.load([overlay])
    assert "produktnavn-platform" in loaded
    assert any(v.term == "Testcenteret" for v in loaded.get("plejecenter").variants)
    assert len(loaded) == len(Glossary.load()) + 1
