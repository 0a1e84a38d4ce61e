from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

from conftest import GLOSSARY_VERSION

from kommunsk.glossary import versioning
from kommunsk.glossary.termbase import Glossary
from kommunsk.glossary.versioning import (
    changelog_versions,
    check_problems,
    fingerprint,
    read_fingerprint,
    update_problems,
)

ROOT = Path(__file__).resolve().parent.parent / "glossary"

BUMPED = ".".join([*GLOSSARY_VERSION.split(".")[:2], str(int(GLOSSARY_VERSION.split(".")[2]) + 1)])
# the version that last changed the concept the tests edit
LAST_CHANGE = re.search(
    r"- id: anlaegsudgift\n(?:.*\n)*?  changed_in: (\S+)",
    (ROOT / "concepts" / "okonomi.yaml").read_text(encoding="utf-8"),
).group(1)  # type: ignore[union-attr]


def test_bundled_glossary_matches_its_fingerprint_and_changelog() -> None:
    glossary = Glossary.load(root=ROOT)
    assert check_problems(glossary, read_fingerprint(ROOT), changelog_versions(ROOT)) == []
    assert glossary.version in changelog_versions(ROOT)


def _edit(root: Path, old: str, new: str) -> None:
    path = root / "concepts" / "okonomi.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_changed_concept_without_version_bump_fails(glossary_copy: Path) -> None:
    _edit(glossary_copy, "english: capital expenditure", "english: capital spending")
    glossary = Glossary.load(root=glossary_copy)
    problems = check_problems(
        glossary, read_fingerprint(glossary_copy), changelog_versions(glossary_copy)
    )
    assert any("raise the version" in p and "anlaegsudgift" in p for p in problems)


def test_bump_needs_changelog_and_changed_in(glossary_copy: Path) -> None:
    _edit(glossary_copy, "english: capital expenditure", "english: capital spending")
    meta = glossary_copy / "glossary.yaml"
    meta.write_text(
        meta.read_text(encoding="utf-8").replace(
            f"version: {GLOSSARY_VERSION}", f"version: {BUMPED}"
        ),
        encoding="utf-8",
    )
    glossary = Glossary.load(root=glossary_copy)
    problems = update_problems(
        glossary, read_fingerprint(glossary_copy), changelog_versions(glossary_copy)
    )
    assert f"CHANGELOG.md has no section '## {BUMPED}'" in problems
    assert f"concept 'anlaegsudgift' changed: set changed_in to {BUMPED}" in problems


def test_complete_bump_can_be_recorded(glossary_copy: Path) -> None:
    _edit(glossary_copy, "english: capital expenditure", "english: capital spending")
    concepts = glossary_copy / "concepts" / "okonomi.yaml"
    text = concepts.read_text(encoding="utf-8")
    start = text.index("- id: anlaegsudgift")
    end = text.index("- id:", start + 5)
    block = text[start:end].replace(f"changed_in: {LAST_CHANGE}", f"changed_in: {BUMPED}")
    concepts.write_text(text[:start] + block + text[end:], encoding="utf-8")
    meta = glossary_copy / "glossary.yaml"
    meta.write_text(
        meta.read_text(encoding="utf-8").replace(
            f"version: {GLOSSARY_VERSION}", f"version: {BUMPED}"
        ),
        encoding="utf-8",
    )
    log = glossary_copy / "CHANGELOG.md"
    log.write_text(
        log.read_text(encoding="utf-8")
        + f"\n## {BUMPED} — 2027-01-01\n\n- anlaegsudgift: english gloss.\n"
    )
    glossary = Glossary.load(root=glossary_copy)
    recorded = read_fingerprint(glossary_copy)
    assert update_problems(glossary, recorded, changelog_versions(glossary_copy)) == []
    assert "fingerprint.json is out of date" in " ".join(
        check_problems(glossary, recorded, changelog_versions(glossary_copy))
    )
    (glossary_copy / "fingerprint.json").write_text(
        json.dumps(fingerprint(glossary)), encoding="utf-8"
    )
    assert (
        check_problems(glossary, read_fingerprint(glossary_copy), changelog_versions(glossary_copy))
        == []
    )


def test_diff_lists_added_removed_changed_and_variants(glossary_copy: Path) -> None:
    before = Glossary.load(root=glossary_copy)
    _edit(glossary_copy, "english: capital expenditure", "english: capital spending")
    org = glossary_copy / "concepts" / "organisation.yaml"
    text = org.read_text(encoding="utf-8")
    org.write_text(text.replace("term: Borgerrepræsentationen", "term: BR", 1), encoding="utf-8")
    after = Glossary.load(root=glossary_copy)
    result = versioning.diff(before, after)
    changed = {c.id: c for c in result.changed}
    assert changed["anlaegsudgift"].fields == ("english",)
    assert changed["kommunalbestyrelse"].variants_changed == ("101: Borgerrepræsentationen -> BR",)
    assert result.added == () and result.removed == ()
    assert versioning.diff(before, before).empty


def test_concepts_record_the_version_that_added_or_changed_them() -> None:
    glossary = Glossary.load(root=ROOT)
    assert all(c.added_in and c.changed_in for c in glossary)
    newest = tuple(map(int, glossary.version.split(".")))
    assert all(tuple(map(int, c.changed_in.split("."))) <= newest for c in glossary)
    assert all(c.added_in <= c.changed_in or c.added_in == c.changed_in for c in glossary)


def test_as_of_applies_validity_periods() -> None:
    import kommunsk

    text = "Kommunen udarbejder en handleplan for barnet, når det anbringes."
    before = kommunsk.annotate(text, as_of=date(2023, 6, 1))
    after = kommunsk.annotate(text, as_of=date(2024, 6, 1))
    assert [a.kind for a in before if a.text == "handleplan"] == ["term"]
    outdated = [a for a in after if a.text == "handleplan"]
    assert outdated[0].kind == "outdated" and outdated[0].suggestions[0] == "barnets plan"
    assert "1. januar 2024" in outdated[0].message
    helhedspleje = "Helhedspleje giver den ældre mere fleksibel hjælp."
    assert not any(
        a.concept_id == "helhedspleje"
        for a in kommunsk.annotate(helhedspleje, as_of=date(2025, 6, 30))
    )
    assert any(
        a.concept_id == "helhedspleje"
        for a in kommunsk.annotate(helhedspleje, as_of=date(2025, 7, 1))
    )


def test_load_as_of_is_remembered() -> None:
    import kommunsk

    old = kommunsk.load(as_of=date(2023, 6, 1))
    assert old.as_of == date(2023, 6, 1)
    text = "Kommunen udarbejder en handleplan for barnet, når det anbringes."
    assert [a.kind for a in kommunsk.annotate(text, glossary=old) if a.text == "handleplan"] == [
        "term"
    ]
