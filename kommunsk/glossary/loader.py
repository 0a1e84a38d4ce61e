"""Read a glossary directory and overlay files into model records, collecting every problem.

Nothing here stops at the first error: a reviewer wants the whole list in one
pass, each problem pointing at file, line and column.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kommunsk.errors import YamlProblem
from kommunsk.glossary import records as reading
from kommunsk.glossary import schema
from kommunsk.glossary.model import Concept, Location
from kommunsk.glossary.paths import overlay_files, profile_files
from kommunsk.glossary.problems import Problem
from kommunsk.glossary.yamlfile import YamlDocument
from kommunsk.glossary.yamlfile import load as load_yaml


@dataclass
class LoadedFile:
    """A parsed glossary file and what it is."""

    path: Path
    display: str
    kind: str
    document: YamlDocument

    def location(self, *path: str | int, key: bool = False) -> Location:
        line, column = self.document.position(tuple(path), key=key)
        return Location(self.display, line, column)


@dataclass
class Origin:
    """Where a concept (or an extension of one) was written."""

    file: LoadedFile
    index: int
    section: str = "concepts"

    def location(self, *path: str | int, key: bool = False) -> Location:
        return self.file.location(self.section, self.index, *path, key=key)


@dataclass
class Loaded:
    """Everything read from disk: metadata, municipalities, concepts and problems."""

    meta: dict[str, Any] = field(default_factory=dict)
    municipalities: dict[str, Any] = field(default_factory=dict)
    register: dict[str, Any] = field(default_factory=dict)
    profiles: dict[str, dict[str, Any]] = field(default_factory=dict)  # code -> profile data
    concepts: list[Concept] = field(default_factory=list)
    origins: dict[int, Origin] = field(default_factory=dict)
    extensions: list[tuple[dict[str, Any], Origin]] = field(default_factory=list)
    files: list[LoadedFile] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    overlay_start: int = 0

    def origin(self, concept: Concept) -> Origin:
        return self.origins[id(concept)]


def read_directory(root: Path, loaded: Loaded | None = None) -> Loaded:
    """Read glossary.yaml, municipalities.yaml and the domain files it lists."""
    loaded = loaded or Loaded()
    meta = _read(root / "glossary.yaml", "glossary", root, loaded)
    municipalities = _read(root / "municipalities.yaml", "municipalities", root, loaded)
    register = _read(root / "register.yaml", "register", root, loaded)
    if meta is None:
        return loaded
    loaded.meta = meta.document.data
    if municipalities is not None:
        loaded.municipalities = municipalities.document.data
    if register is not None:
        loaded.register = register.document.data
    domains = list(loaded.meta.get("domains", ()))
    _check_domain_list(root, domains, meta, loaded)
    for domain in domains:
        path = root / "concepts" / f"{domain}.yaml"
        if path.is_file():
            _read_concepts(path, root, loaded)
    for path in profile_files(root):
        _read_profile(path, root, loaded)
    return loaded


def _read_profile(path: Path, root: Path, loaded: Loaded) -> None:
    """A municipality profile: its file is named by the code, and the code must be a municipality."""
    file = _read(path, "profile", root, loaded)
    if file is None:
        return
    data = file.document.data
    known = {str(m["code"]): m for m in loaded.municipalities.get("municipalities", ())}
    code = str(data["code"])
    if path.stem != code:
        loaded.problems.append(
            Problem(
                file.location("code"), f"the code '{code}' must equal the file name '{path.stem}'"
            )
        )
    elif code not in known:
        loaded.problems.append(Problem(file.location("code"), f"no municipality has code '{code}'"))
    elif data["name"] != known[code]["name"]:
        loaded.problems.append(
            Problem(
                file.location("name"),
                f"name '{data['name']}' differs from municipalities.yaml ('{known[code]['name']}')",
            )
        )
    else:
        loaded.profiles[code] = data


def read_overlays(paths: list[Path], loaded: Loaded) -> Loaded:
    """Read a user's own concept files on top of an already loaded glossary."""
    loaded.overlay_start = len(loaded.concepts)
    for path in paths:
        for file in overlay_files(path):
            _read_concepts(file, file.parent, loaded)
    return loaded


def _display(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve().parent).as_posix()
    except ValueError:
        return str(path)


def _read(path: Path, kind: str, root: Path, loaded: Loaded) -> LoadedFile | None:
    display = _display(path, root)
    if not path.is_file():
        loaded.problems.append(Problem(Location(display), "file not found"))
        return None
    try:
        document = load_yaml(path)
    except YamlProblem as err:
        loaded.problems.append(Problem(Location(display, err.line, err.column), str(err)))
        return None
    except OSError as err:
        loaded.problems.append(Problem(Location(display), f"cannot read: {err.strerror}"))
        return None
    errors = schema.validate(document, kind, display)
    loaded.problems.extend(errors)
    file = LoadedFile(path, display, kind, document)
    loaded.files.append(file)
    return None if errors else file


def _check_domain_list(root: Path, domains: list[str], meta: LoadedFile, loaded: Loaded) -> None:
    on_disk = {p.stem for p in (root / "concepts").glob("*.yaml")}
    for index, domain in enumerate(domains):
        if domain not in on_disk:
            loaded.problems.append(
                Problem(
                    meta.location("domains", index),
                    f"domain file concepts/{domain}.yaml does not exist",
                )
            )
    for extra in sorted(on_disk - set(domains)):
        loaded.problems.append(
            Problem(
                meta.location("domains"),
                f"concepts/{extra}.yaml is not listed under domains (add it, or remove the file)",
            )
        )


def _read_concepts(path: Path, root: Path, loaded: Loaded) -> None:
    file = _read(path, "concepts", root, loaded)
    if file is None:
        return
    data = file.document.data
    if file.path.stem != data["domain"] and file.path.parent.name == "concepts":
        loaded.problems.append(
            Problem(
                file.location("domain"),
                f"domain '{data['domain']}' must equal the file name '{path.stem}'",
            )
        )
    for index, raw in enumerate(data.get("concepts", ())):
        origin = Origin(file, index)
        concept = reading.concept(raw, data["domain"], origin.location())
        loaded.concepts.append(concept)
        loaded.origins[id(concept)] = origin
    for index, raw in enumerate(data.get("extensions", ())):
        loaded.extensions.append((raw, Origin(file, index, "extensions")))
