"""Glossary versions: fingerprints, the changelog rule, and diffs between two glossaries.

The committed `fingerprint.json` records a hash per concept for the last
release. When concepts change, the glossary version must move on, the changed
concepts must say so in `changed_in`, and CHANGELOG.md must have an entry.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import re
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from kommunsk.glossary.model import Concept, semver
from kommunsk.glossary.termbase import Glossary

FINGERPRINT = "fingerprint.json"


def concept_hash(concept: Concept) -> str:
    """A short, stable hash of everything a concept says (its location excluded).

    Fields left at their default are left out, so a new optional field in the format does not
    make every concept look changed; only what a concept actually says counts.
    """
    data = _said(concept)
    assert isinstance(data, dict)
    data.pop("location", None)
    data.pop("changed_in", None)
    text = json.dumps(data, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def _said(value: Any) -> Any:
    """Plain data for a record, without the fields that still hold their default."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {
            f.name: _said(getattr(value, f.name))
            for f in dataclasses.fields(value)
            if not _is_default(f, getattr(value, f.name))
        }
    if isinstance(value, tuple | list):
        return [_said(item) for item in value]
    return value


def _is_default(field: dataclasses.Field[Any], value: Any) -> bool:
    if field.default is not dataclasses.MISSING:
        return bool(value == field.default)
    if field.default_factory is not dataclasses.MISSING:
        return bool(value == field.default_factory())
    return False


def fingerprint(glossary: Glossary) -> dict[str, Any]:
    """The fingerprint of a glossary: its version and a hash per concept and for municipalities."""
    return {
        "version": glossary.version,
        "concepts": {c.id: concept_hash(c) for c in sorted(glossary, key=lambda c: c.id)},
        "municipalities": _municipalities_hash(glossary),
    }


def _municipalities_hash(glossary: Glossary) -> str:
    rows = [asdict(m) for m in glossary.municipalities]
    text = json.dumps(rows, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def read_fingerprint(root: Path) -> dict[str, Any] | None:
    path = root / FINGERPRINT
    if not path.is_file():
        return None
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def changelog_versions(root: Path) -> list[str]:
    """The versions that CHANGELOG.md has a section for ("## 1.2.0 ...")."""
    path = root / "CHANGELOG.md"
    if not path.is_file():
        return []
    return re.findall(r"^## \[?(\d+\.\d+\.\d+)", path.read_text(encoding="utf-8"), re.MULTILINE)


def update_problems(
    glossary: Glossary, recorded: dict[str, Any] | None, changelog: list[str]
) -> list[str]:
    """What must be fixed before the current concepts can be recorded as a release."""
    problems: list[str] = []
    if glossary.version not in changelog:
        problems.append(f"CHANGELOG.md has no section '## {glossary.version}'")
    if recorded is None:
        return problems
    changed = changed_concepts(recorded, fingerprint(glossary))
    if changed and semver(glossary.version) <= semver(recorded["version"]):
        problems.append(
            f"{len(changed)} concept(s) changed since {recorded['version']} "
            f"({', '.join(changed[:6])}{' ...' if len(changed) > 6 else ''}): "
            "raise the version in glossary.yaml"
        )
        return problems
    for concept_id in changed:
        if concept_id not in glossary:
            continue
        concept = glossary.get(concept_id)
        if concept_id not in recorded["concepts"] and concept.added_in != glossary.version:
            problems.append(f"concept '{concept_id}' is new: set added_in to {glossary.version}")
        elif concept.changed_in != glossary.version:
            problems.append(f"concept '{concept_id}' changed: set changed_in to {glossary.version}")
    return problems


def check_problems(
    glossary: Glossary, recorded: dict[str, Any] | None, changelog: list[str]
) -> list[str]:
    """Problems with the glossary's versioning, including a fingerprint that is out of date."""
    problems = update_problems(glossary, recorded, changelog)
    if recorded is None or changed_concepts(recorded, fingerprint(glossary)):
        problems.append(
            f"{FINGERPRINT} is out of date: run 'kommunsk glossary fingerprint --update'"
        )
    return problems


def changed_concepts(recorded: dict[str, Any], current: dict[str, Any]) -> list[str]:
    old, new = recorded.get("concepts", {}), current["concepts"]
    changed = sorted(k for k in set(old) | set(new) if old.get(k) != new.get(k))
    if recorded.get("municipalities") != current["municipalities"]:
        changed.append("municipalities.yaml")
    return changed


@dataclass(frozen=True)
class ConceptChange:
    """One concept that differs between two glossaries, and which fields differ."""

    id: str
    fields: tuple[str, ...]
    variants_added: tuple[str, ...] = ()
    variants_removed: tuple[str, ...] = ()
    variants_changed: tuple[str, ...] = ()


@dataclass(frozen=True)
class GlossaryDiff:
    """Added, removed and changed concepts between two glossaries."""

    old_version: str
    new_version: str
    added: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()
    changed: tuple[ConceptChange, ...] = field(default=())

    @property
    def empty(self) -> bool:
        return not (self.added or self.removed or self.changed)

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def diff(old: Glossary, new: Glossary) -> GlossaryDiff:
    """What changed from `old` to `new`: concepts added, removed and changed, with variants."""
    old_ids, new_ids = {c.id for c in old}, {c.id for c in new}
    changes = []
    for concept_id in sorted(old_ids & new_ids):
        change = _concept_change(old.get(concept_id), new.get(concept_id))
        if change:
            changes.append(change)
    return GlossaryDiff(
        old.version,
        new.version,
        tuple(sorted(new_ids - old_ids)),
        tuple(sorted(old_ids - new_ids)),
        tuple(changes),
    )


def _concept_change(old: Concept, new: Concept) -> ConceptChange | None:
    a, b = asdict(old), asdict(new)
    fields = tuple(k for k in a if k not in ("location", "variants") and a[k] != b[k])
    old_v = {(v.code, v.valid_from): v for v in old.variants}
    new_v = {(v.code, v.valid_from): v for v in new.variants}
    added = tuple(sorted(f"{c}: {new_v[(c, d)].term}" for c, d in set(new_v) - set(old_v)))
    removed = tuple(sorted(f"{c}: {old_v[(c, d)].term}" for c, d in set(old_v) - set(new_v)))
    changed = tuple(
        sorted(
            f"{c}: {old_v[(c, d)].term} -> {new_v[(c, d)].term}"
            for c, d in set(old_v) & set(new_v)
            if old_v[(c, d)] != new_v[(c, d)]
        )
    )
    if not (fields or added or removed or changed):
        return None
    return ConceptChange(old.id, fields, added, removed, changed)
