"""Where the bundled glossary lives: inside an installed wheel, or beside the package in a checkout."""

from __future__ import annotations

from functools import cache
from pathlib import Path


@cache
def bundled_glossary() -> Path:
    """The directory of the bundled glossary (the one holding glossary.yaml)."""
    package = Path(__file__).resolve().parent.parent
    for candidate in (package / "data" / "glossary", package.parent / "glossary"):
        if (candidate / "glossary.yaml").is_file():
            return candidate
    raise FileNotFoundError(
        "the bundled glossary is missing: reinstall kommunsk (pip install --force-reinstall kommunsk)"
    )


def schema_dir() -> Path:
    """The JSON Schemas that describe the glossary files."""
    return bundled_glossary() / "schema"


def glossary_files(root: Path) -> list[Path]:
    """Every YAML file of a glossary directory: metadata, municipalities, the domains, the profiles."""
    return [
        root / "glossary.yaml",
        root / "municipalities.yaml",
        root / "register.yaml",
        *sorted((root / "concepts").glob("*.yaml")),
        *profile_files(root),
    ]


def profile_files(root: Path) -> list[Path]:
    """The municipality profiles (municipalities/<code>.yaml), in code order."""
    return sorted((root / "municipalities").glob("*.yaml"))


def overlay_files(path: Path) -> list[Path]:
    """The files an overlay path stands for: the YAML files of a folder, or the file itself."""
    if path.is_dir():
        return sorted([*path.glob("*.yaml"), *path.glob("*.yml")])
    return [path]
