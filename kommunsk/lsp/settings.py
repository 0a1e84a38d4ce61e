"""What the server checks for: the project's configuration file and the editor's own settings.

The project's `[tool.kommunsk]` (pyproject.toml), `.kommunsk.toml` or
`.kommunsk.yaml` is found as `kommunsk check` finds it, from the buffer's folder
upwards, and read by the same loader; the editor's `kommunsk.municipality`
setting wins over the file's municipality. The file is read again for each
check, so an edit to it (or a word added to its ignore list) counts at once.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from kommunsk.errors import ConfigError
from kommunsk.lint import config
from kommunsk.lint.check import SEVERITIES, CheckOptions

SECTION = "kommunsk"


@dataclass(frozen=True)
class EditorSettings:
    """The settings an editor sends (initializationOptions, workspace/didChangeConfiguration)."""

    municipality: str | None = None


def editor_settings(raw: Any, current: EditorSettings | None = None) -> EditorSettings:
    """Settings from what a client sent; absent keys keep their current value.

    Clients nest settings differently, so all of these are understood:
    `{"kommunsk": {"municipality": "Aarhus"}}`, `{"kommunsk.municipality": "Aarhus"}`
    and `{"municipality": "Aarhus"}`. An empty string (or null) clears the setting.
    """
    named, value = municipality_in(raw)
    return EditorSettings(value) if named else current or EditorSettings()


def municipality_in(raw: Any) -> tuple[bool, str | None]:
    """Whether `raw` names the municipality setting, and its value (None: cleared)."""
    if not isinstance(raw, Mapping):
        return False, None
    nested = raw.get(SECTION)
    for source in (nested if isinstance(nested, Mapping) else {}, raw):
        for key in (f"{SECTION}.municipality", "municipality"):
            if key in source:
                value = source[key]
                return True, (str(value).strip() or None) if value is not None else None
    return False, None


@dataclass(frozen=True)
class Project:
    """The configuration that applies to a buffer, and the file it came from (None: no file)."""

    options: CheckOptions
    glossary: tuple[str, ...]
    path: Path | None


def project(start: Path, editor: EditorSettings) -> Project:
    """The check options for a buffer in folder `start`: its configuration, then the editor's setting."""
    found = config.load(start=start)
    values = found.values
    municipality = editor.municipality or values.get("municipality")
    options = CheckOptions(
        municipality=municipality,
        as_of=_day(values.get("as-of"), found.path),
        min_severity=_severity(values.get("min-severity", "suggestion"), found.path),
        ignore=tuple(values.get("ignore", ())),
        pipeline=values.get("pipeline"),
        unverified_variants=bool(values.get("unverified-variants", False)),
        # the editor's municipality wins over the file's per-path municipalities too
        overrides=() if editor.municipality else tuple(values.get("overrides", ())),
    )
    return Project(options, tuple(values.get("glossary", ())), found.path)


def _day(value: str | None, path: Path | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ConfigError(
            f"{path}: 'as-of': '{value}' er ikke en dato på formen ÅÅÅÅ-MM-DD"
        ) from None


def _severity(value: str, path: Path | None) -> str:
    if value not in SEVERITIES:
        raise ConfigError(f"{path}: 'min-severity' skal være en af {', '.join(SEVERITIES)}")
    return value
