"""Which municipality a file is written for: its front matter, a path override, or the default.

A consultancy keeps proposals to several municipalities in one repository. A
Markdown file can say it in its front matter (`kommune: Vejle`), and the
configuration can say it per path:

    [[tool.kommunsk.overrides]]
    paths = ["tilbud/vejle/*"]
    municipality = "Vejle"

The most specific wins: the file's own front matter, then the first override
whose paths match, then `--municipality` or the configuration's `municipality`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from kommunsk.errors import ConfigError

FRONT_KEYS = ("kommune", "municipality")
_FENCE = re.compile(r"---[ \t]*\r?\n")
_KEY = re.compile(r"^(?:kommune|municipality)[ \t]*:[ \t]*(?P<value>[^\r\n#]*)", re.MULTILINE)
MAX_FRONT = 10_000  # characters searched for the closing fence


@dataclass(frozen=True)
class Override:
    """Files matching `paths` (relative to the configuration file's folder) are for `municipality`."""

    paths: tuple[str, ...]
    municipality: str
    base: Path

    def matches(self, path: str) -> bool:
        relative = _relative(Path(path), self.base)
        return any(_glob(relative, pattern) for pattern in self.paths)


def overrides_from(raw: Sequence[object], base: Path, where: Path) -> tuple[Override, ...]:
    """The overrides of a configuration file; a ConfigError names what is wrong."""
    found = []
    for number, item in enumerate(raw, 1):
        if not isinstance(item, dict) or set(item) - {"paths", "municipality"}:
            raise ConfigError(
                f"{where}: overrides nr. {number} skal være en tabel med 'paths' og 'municipality'"
            )
        paths, municipality = item.get("paths"), item.get("municipality")
        if isinstance(paths, str):
            paths = [paths]
        if not isinstance(paths, list) or not paths or not all(isinstance(p, str) for p in paths):
            raise ConfigError(
                f"{where}: overrides nr. {number}: 'paths' skal være en liste af stier"
            )
        if not isinstance(municipality, str) or not municipality.strip():
            raise ConfigError(f"{where}: overrides nr. {number}: 'municipality' mangler")
        found.append(Override(tuple(paths), municipality.strip(), base))
    return tuple(found)


def front_matter(source: str) -> str | None:
    """The municipality a Markdown file's front matter names (`kommune:` or `municipality:`)."""
    opening = _FENCE.match(source)
    if opening is None:
        return None
    head = source[opening.end() : opening.end() + MAX_FRONT]
    closing = re.search(r"^(?:---|\.\.\.)[ \t]*$", head, re.MULTILINE)
    if closing is None:
        return None
    key = _KEY.search(head[: closing.start()])
    value = key.group("value").strip().strip("'\"").strip() if key else ""
    return value or None


def for_file(
    path: str, source: str, kind: str, default: str | None, overrides: Sequence[Override]
) -> str | None:
    """The municipality `path` is written for (see the module docstring for the order)."""
    if kind == "markdown":
        named = front_matter(source)
        if named:
            return named
    for override in overrides:
        if override.matches(path):
            return override.municipality
    return default


def _relative(path: Path, base: Path) -> PurePosixPath:
    try:
        return PurePosixPath(path.resolve().relative_to(base.resolve()).as_posix())
    except ValueError:
        return PurePosixPath(path.as_posix())


def _glob(path: PurePosixPath, pattern: str) -> bool:
    """Glob matching where * stays within one folder and ** crosses folders."""
    regex = re.escape(pattern).replace(r"\*\*/", "(?:.*/)?").replace(r"\*\*", ".*")
    regex = regex.replace(r"\*", "[^/]*").replace(r"\?", "[^/]")
    return re.fullmatch(regex, path.as_posix()) is not None
