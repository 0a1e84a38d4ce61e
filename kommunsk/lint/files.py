"""Which files a run reads: named files as they are, folders walked as git and the user would.

A folder is walked with the include patterns (the formats kommunsk reads),
without the folders no one wants checked (node_modules, build output, virtual
environments, version control) and without what `.gitignore` files ignore. A
file named on the command line is read even where a folder walk would skip it,
unless the user's own `exclude` patterns name it. Folders the walk may not
enter and special files (FIFOs) are passed over and reported by name.
"""

from __future__ import annotations

import fnmatch
import os
import stat
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

DEFAULT_INCLUDE = ("*.md", "*.markdown", "*.txt", "*.text", "*.html", "*.htm", "*.docx")
DEFAULT_EXCLUDE_DIRS = frozenset(
    {".git", ".hg", ".svn", "node_modules", "build", "dist", ".venv", "venv", "__pycache__", ".tox"}
)


def expand(
    paths: Sequence[str],
    include: Sequence[str],
    exclude: Sequence[str],
    *,
    on_skip: Callable[[str, str], None] | None = None,
) -> Iterator[str]:
    """Files to read, in a stable order: named files first as given, folders walked sorted.

    `on_skip(path, reason)` hears of what a walk passes over that the user may have
    expected to be read: folders it may not enter, FIFOs and other special files.
    """
    for raw in paths:
        path = Path(raw)
        if raw != "-" and path.is_dir():
            yield from _walk(path, include, exclude, on_skip or _ignore)
        elif not excluded(raw, exclude):
            yield raw


def _ignore(_path: str, _reason: str) -> None:
    """The default listener: a caller that does not ask about skipped paths is told nothing."""


def _walk(
    root: Path, include: Sequence[str], exclude: Sequence[str], on_skip: Callable[[str, str], None]
) -> Iterator[str]:
    """Walk one folder: sorted, without excluded and ignored folders, regular files only."""
    ignores = _GitIgnores(root)

    def unreadable(error: OSError) -> None:
        """os.walk could not list a folder: tell, instead of passing over it in silence."""
        on_skip(str(error.filename or root), "ingen adgang til mappen")

    for folder, dirs, files in os.walk(root, onerror=unreadable):
        here = Path(folder)
        ignores.enter(here)
        dirs[:] = sorted(
            d
            for d in dirs
            if d not in DEFAULT_EXCLUDE_DIRS
            and not d.startswith(".")
            and not ignores.ignored(here / d, directory=True)
            and not excluded(str(here / d) + "/", exclude)
        )
        for name in sorted(files):
            full = here / name
            if (
                _matches(name, str(full), include, case_insensitive=True)
                and not excluded(str(full), exclude)
                and not ignores.ignored(full, directory=False)
            ):
                if _regular(full):
                    yield str(full)
                else:
                    on_skip(str(full), "ikke en almindelig fil (fx en FIFO); den læses ikke")


def _regular(path: Path) -> bool:
    """A regular file (or a link to one); a FIFO would block the reader, a socket cannot be read."""
    try:
        return stat.S_ISREG(path.stat().st_mode)
    except OSError:
        return True  # vanished or unreadable: let the reader report it by name


def excluded(path: str, patterns: Sequence[str]) -> bool:
    """Does a user exclude pattern name this path (by its whole path or its file name)?"""
    return _matches(Path(path).name, Path(path).as_posix(), patterns)


def _matches(
    name: str, path: str, patterns: Sequence[str], *, case_insensitive: bool = False
) -> bool:
    if case_insensitive:
        name, path = name.lower(), path.lower()
        patterns = [p.lower() for p in patterns]
    return any(fnmatch.fnmatch(name, p) or fnmatch.fnmatch(path, p) for p in patterns)


class _GitIgnores:
    """The `.gitignore` files that apply while walking: those above the root (up to the
    repository's top) and those met on the way down, each applying to its own folder."""

    def __init__(self, root: Path) -> None:
        self._specs: list[tuple[Path, Any]] = []
        top = root.resolve()
        above = [top, *top.parents]
        for folder in reversed(above[: _repository_depth(above) + 1]):
            self._load(folder)
        self._seen = {top}

    def enter(self, folder: Path) -> None:
        resolved = folder.resolve()
        if resolved not in self._seen:
            self._seen.add(resolved)
            self._load(resolved)

    def ignored(self, path: Path, *, directory: bool) -> bool:
        resolved = path.resolve()
        for base, spec in self._specs:
            try:
                relative = resolved.relative_to(base).as_posix()
            except ValueError:
                continue
            if spec.match_file(relative + ("/" if directory else "")):
                return True
        return False

    def _load(self, folder: Path) -> None:
        ignore = folder / ".gitignore"
        try:
            lines = ignore.read_text(encoding="utf-8", errors="replace").splitlines()
        except OSError:
            return
        # lazy, for start-up speed: pathspec is loaded only when a .gitignore is found
        import pathspec

        self._specs.append((folder, pathspec.GitIgnoreSpec.from_lines(lines)))


def _repository_depth(folders: list[Path]) -> int:
    """How many levels above the walk's root the repository's top is (0: the root itself)."""
    for depth, folder in enumerate(folders):
        if (folder / ".git").exists():
            return depth
    return 0
