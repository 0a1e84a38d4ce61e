"""Configuration from `[tool.kommunsk]` in pyproject.toml, `.kommunsk.toml` or `.kommunsk.yaml`.

The nearest file wins (searching from the current directory upwards); keys are
the command-line option names, and options given on the command line win over
the file.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kommunsk.engine.registry import inside_project
from kommunsk.errors import ConfigError, YamlProblem
from kommunsk.lint.municipality import overrides_from

KEYS: dict[str, type] = {
    "municipality": str,
    "glossary": list,
    "ignore": list,
    "fail-on": str,
    "min-severity": str,
    "include": list,
    "exclude": list,
    "as-of": str,
    "format": str,
    "baseline": str,
    "pipeline": str,
    "unverified-variants": bool,
    "overrides": list,  # [[tool.kommunsk.overrides]] paths = [...], municipality = "..."
    "allow-outside-glossary": bool,  # glossary files outside the configuration's folder
}
NAMES = ("pyproject.toml", ".kommunsk.toml", ".kommunsk.yaml", ".kommunsk.yml")
MAX_CONFIG_BYTES = 1_000_000


@dataclass(frozen=True)
class Config:
    """Settings read from a file, and where they came from (None: no file found)."""

    values: dict[str, Any] = field(default_factory=dict)
    path: Path | None = None

    def get(self, key: str, default: Any = None) -> Any:
        return self.values.get(key, default)


def find(start: Path) -> Path | None:
    """The nearest configuration file at or above `start` (a pyproject.toml counts only with [tool.kommunsk])."""
    for folder in (start, *start.parents):
        for name in NAMES:
            candidate = folder / name
            if candidate.is_file() and (name != "pyproject.toml" or _has_section(candidate)):
                return candidate
    return None


def load(path: Path | None = None, *, start: Path | None = None) -> Config:
    """Read the named file, or the nearest one; an empty Config when there is none."""
    if path is None:
        path = find((start or Path.cwd()).resolve())
        if path is None:
            return Config()
    if not path.is_file():
        raise ConfigError(f"konfigurationsfilen findes ikke: {path}")
    values = _read(path)
    base = path.parent
    if "glossary" in values:
        if not values.get("allow-outside-glossary"):
            inside_project(values["glossary"], base, path)
        values["glossary"] = [str((base / p).resolve()) for p in values["glossary"]]
    if "baseline" in values:
        values["baseline"] = str((base / values["baseline"]).resolve())
    if "overrides" in values:
        values["overrides"] = overrides_from(values["overrides"], base, path)
    return Config(values, path)


def _has_section(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            if b"kommunsk" not in handle.read(MAX_CONFIG_BYTES + 1):
                return False  # most projects' pyproject.toml: no need to parse it
        return "kommunsk" in _toml(path).get("tool", {})
    except OSError:
        return False
    except ConfigError:
        return True  # a broken pyproject.toml that mentions kommunsk is reported, not skipped


def _toml(path: Path) -> dict[str, Any]:
    import tomllib  # lazy, for start-up speed: most checks run without a TOML file to read

    if path.stat().st_size > MAX_CONFIG_BYTES:
        raise ConfigError(f"{path}: filen er for stor til at være en konfigurationsfil")
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as err:
        raise ConfigError(f"{path}: ugyldig TOML: {err}") from None
    except RecursionError:
        raise ConfigError(f"{path}: ugyldig TOML: for dybt indlejret") from None


def _read(path: Path) -> dict[str, Any]:
    if path.name == "pyproject.toml":
        raw = _toml(path).get("tool", {}).get("kommunsk", {})
    elif path.suffix == ".toml":
        raw = _toml(path)
    else:
        raw = _yaml(path)
    if not isinstance(raw, dict):
        raise ConfigError(f"{path}: forventede en tabel med indstillinger")
    return {key: _checked(path, key, value) for key, value in raw.items()}


def _yaml(path: Path) -> Any:
    # lazy, for start-up speed: PyYAML is imported only for a .kommunsk.yaml file
    from kommunsk.glossary.yamlfile import parse, read_text

    try:
        return parse(read_text(path)).data or {}
    except YamlProblem as err:
        raise ConfigError(f"{path}:{err.line}:{err.column}: {err}") from None


def _checked(path: Path, key: str, value: Any) -> Any:
    if key not in KEYS:
        from difflib import get_close_matches  # lazy: start-up speed; only a mistake needs it

        close = get_close_matches(key, list(KEYS), n=1)
        hint = f" (mente du '{close[0]}'?)" if close else f" (kendte nøgler: {', '.join(KEYS)})"
        raise ConfigError(f"{path}: ukendt nøgle '{key}'{hint}")
    expected = KEYS[key]
    if key == "overrides":
        if not isinstance(value, list):
            raise ConfigError(f"{path}: 'overrides' skal være en liste af tabeller")
        return value  # checked item by item in municipality.overrides_from
    if expected is list and isinstance(value, str):
        value = [value]
    if not isinstance(value, expected) or (
        isinstance(value, list) and not all(isinstance(v, str) for v in value)
    ):
        wanted = {list: "en liste af tekster", bool: "true eller false"}.get(expected, "en tekst")
        raise ConfigError(f"{path}: '{key}' skal være {wanted}")
    return value
