"""One Annotator per glossary, created lazily and reused (the library functions sit on this).

The memos are keyed by what the glossary files are on disk now (path, size and
modification time of every file), so an overlay edited while a program runs is
read again (the bundled glossary within a second, see `signature`), and each
memo keeps only its few most recent entries, so a long-running program that
asks for many dates does not grow without end.
Overlay paths are checked here too: an overlay is a YAML file or a folder of
them, and one that a configuration file names must lie inside the project.
"""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Hashable, Iterable, Sequence
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import TypeVar

from kommunsk.engine.annotator import Annotator
from kommunsk.engine.cache import Compiled, compiled
from kommunsk.errors import ConfigError, GlossaryError
from kommunsk.glossary.paths import bundled_glossary, glossary_files, overlay_files
from kommunsk.glossary.termbase import Glossary

OVERLAY_SUFFIXES = (".yaml", ".yml")
MEMO_SIZE = 4  # compiled glossaries (sets of files) kept in memory
DATED_SIZE = 8  # glossaries and annotators for particular dates kept in memory

Signature = tuple[tuple[str, int, int, int], ...]
K = TypeVar("K", bound=Hashable)
V = TypeVar("V")

_COMPILED: OrderedDict[tuple[Signature, bool], Compiled] = OrderedDict()
_LOADED: OrderedDict[tuple[Signature, date | None], Glossary] = OrderedDict()
_ANNOTATORS: OrderedDict[int, tuple[Glossary, Annotator]] = OrderedDict()


def compiled_glossary(paths: Sequence[str | Path] = (), *, use_cache: bool = True) -> Compiled:
    """The bundled glossary plus overlays, compiled (from the disk cache when possible)."""
    overlays = overlay_paths(paths)
    memo = (signature(overlays), use_cache)
    found = _recall(_COMPILED, memo)
    if found is None:
        found = _remember_in(_COMPILED, memo, _compile(overlays, use_cache), MEMO_SIZE)
    return found


def _compile(overlays: tuple[Path, ...], use_cache: bool) -> Compiled:
    """Compile, with every overlay problem shortened to one line (no file is ever quoted whole)."""
    try:
        return compiled(bundled_glossary(), overlays, use_cache=use_cache)
    except GlossaryError as error:
        # lazy: yamlfile loads PyYAML, which the hook path (a cached glossary) never imports
        from kommunsk.glossary.yamlfile import shorten

        short = [replace(p, message=shorten(p.message)) for p in error.problems]
        raise GlossaryError(short) from None


def overlay_paths(paths: Sequence[str | Path]) -> tuple[Path, ...]:
    """The overlays as resolved paths; each must be a folder or a .yaml/.yml file.

    A file of another kind (".env", a key file) is refused by name, without a word of its content.
    """
    overlays = tuple(Path(p).resolve() for p in paths)
    for given, path in zip(paths, overlays, strict=True):
        if not path.is_dir() and path.suffix.lower() not in OVERLAY_SUFFIXES:
            raise ConfigError(
                f"{given}: en glossarfil skal være en .yaml- eller .yml-fil (eller en mappe af dem)"
            )
    return overlays


def inside_project(paths: Iterable[str | Path], project: Path, config: Path) -> None:
    """Refuse overlays that a configuration file names outside its own folder (`project`).

    "../../.ssh/id_rsa" or "/etc/passwd" in a cloned repository's configuration
    would otherwise be read by anyone who runs kommunsk there; the user can allow
    it with `allow-outside-glossary = true`. Links are followed before comparing.
    """
    base = project.resolve()
    for raw in paths:
        path = Path(raw)
        if not path.is_absolute():
            path = base / path
        resolved = path.resolve()
        if resolved != base and base not in resolved.parents:
            raise ConfigError(
                f"{config}: glossarfilen {raw} ligger uden for projektmappen {base}; "
                "sæt allow-outside-glossary = true, hvis det er meningen"
            )


def signature(overlays: tuple[Path, ...]) -> Signature:
    """Path, size, modification time and inode of every glossary file, bundled and overlaid.

    The files are those `glossary.paths` lists (the same lists the disk cache is keyed by).
    Overlays are looked at on every call; the bundled files (a hundred of them,
    which only change when kommunsk is upgraded or its own glossary edited) at
    most once every BUNDLED_RECHECK seconds, so that a server answering many
    small requests does not spend a millisecond on each looking at them.
    """
    return _bundled_signature() + _stat(f for o in overlays for f in overlay_files(o))


BUNDLED_RECHECK = 1.0  # seconds
_BUNDLED: dict[Path, tuple[float, Signature]] = {}


def _bundled_signature() -> Signature:
    root = bundled_glossary()
    now = time.monotonic()
    seen = _BUNDLED.get(root)
    if seen is None or now - seen[0] > BUNDLED_RECHECK:
        seen = _BUNDLED[root] = (now, _stat(glossary_files(root)))
    return seen[1]


def _stat(files: Iterable[Path]) -> Signature:
    found: list[tuple[str, int, int, int]] = []
    for file in files:
        try:
            info = file.stat()
            found.append((str(file), info.st_size, info.st_mtime_ns, info.st_ino))
        except OSError:
            found.append((str(file), -1, -1, -1))
    return tuple(found)


def load(paths: Sequence[str | Path] | None = None, *, as_of: date | None = None) -> Glossary:
    """The bundled glossary plus optional overlay files, valid as of a date (today by default)."""
    overlays = overlay_paths(paths or ())
    memo = (signature(overlays), as_of)
    glossary = _recall(_LOADED, memo)
    if glossary is not None:
        return glossary
    result = compiled_glossary(overlays)
    glossary = result.glossary
    if as_of is not None:
        glossary = glossary.dated(as_of)
    _remember(glossary, result)
    return _remember_in(_LOADED, memo, glossary, DATED_SIZE)


def annotator(glossary: Glossary | None = None) -> Annotator:
    """The Annotator for `glossary` (the bundled one by default)."""
    if glossary is None:
        glossary = load()
    found = _recall(_ANNOTATORS, id(glossary))
    if found is None or found[0] is not glossary:
        root = glossary.root or bundled_glossary()
        _remember(glossary, compiled(root, glossary.overlays))
        found = _ANNOTATORS[id(glossary)]
    return found[1]


def _remember(glossary: Glossary, result: Compiled) -> None:
    """Build and keep the Annotator for `glossary`, unless the one kept is already for it."""
    found = _ANNOTATORS.get(id(glossary))
    if found is None or found[0] is not glossary:
        engine = Annotator(glossary, result.index, result.lexicon, english=result.english)
        _remember_in(_ANNOTATORS, id(glossary), (glossary, engine), DATED_SIZE)


def _recall(memo: OrderedDict[K, V], key: K) -> V | None:
    """The memo's entry for `key`, marked as just used; None when there is none."""
    found = memo.get(key)
    if found is not None:
        memo.move_to_end(key)
    return found


def _remember_in(memo: OrderedDict[K, V], key: K, value: V, size: int) -> V:
    """Store `value`, dropping the least recently used entries beyond `size`."""
    memo[key] = value
    memo.move_to_end(key)
    while len(memo) > size:
        memo.popitem(last=False)
    return value


def annotator_for(paths: Sequence[str | Path] = ()) -> Annotator:
    """The Annotator for the bundled glossary with these overlay files (none: the bundled one)."""
    return annotator(load(list(paths)) if paths else None)
