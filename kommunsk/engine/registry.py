"""One Annotator per glossary, created lazily and reused (the library functions sit on this)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path

from kommunsk.engine.annotator import Annotator
from kommunsk.engine.cache import Compiled, compiled
from kommunsk.glossary.paths import bundled_glossary
from kommunsk.glossary.termbase import Glossary

_COMPILED: dict[tuple[Path, tuple[Path, ...], bool], Compiled] = {}
_ANNOTATORS: dict[int, tuple[Glossary, Annotator]] = {}


def compiled_glossary(paths: Sequence[str | Path] = (), *, use_cache: bool = True) -> Compiled:
    """The bundled glossary plus overlays, compiled (from the disk cache when possible)."""
    overlays = tuple(Path(p).resolve() for p in paths)
    memo = (bundled_glossary(), overlays, use_cache)
    if memo not in _COMPILED:
        _COMPILED[memo] = compiled(bundled_glossary(), overlays, use_cache=use_cache)
    return _COMPILED[memo]


def load(paths: Sequence[str | Path] | None = None, *, as_of: date | None = None) -> Glossary:
    """The bundled glossary plus optional overlay files, valid as of a date (today by default)."""
    result = compiled_glossary(paths or ())
    glossary = result.glossary
    if as_of is not None:
        glossary = Glossary(
            glossary.meta,
            glossary.concepts,
            glossary.municipalities,
            as_of=as_of,
            root=glossary.root,
            overlays=glossary.overlays,
            register=glossary.register,
        )
    _remember(glossary, result)
    return glossary


def annotator(glossary: Glossary | None = None) -> Annotator:
    """The Annotator for `glossary` (the bundled one by default)."""
    if glossary is None:
        result = compiled_glossary()
        glossary = result.glossary
        _remember(glossary, result)
    found = _ANNOTATORS.get(id(glossary))
    if found is None or found[0] is not glossary:
        root = glossary.root or bundled_glossary()
        result = compiled(root, glossary.overlays)
        _remember(glossary, result)
        found = _ANNOTATORS[id(glossary)]
    return found[1]


def _remember(glossary: Glossary, result: Compiled) -> None:
    if id(glossary) not in _ANNOTATORS or _ANNOTATORS[id(glossary)][0] is not glossary:
        _ANNOTATORS[id(glossary)] = (
            glossary,
            Annotator(glossary, result.index, result.lexicon, english=result.english),
        )


def annotator_for(paths: Sequence[str | Path] = ()) -> Annotator:
    """The Annotator for the bundled glossary with these overlay files (none: the bundled one)."""
    return annotator(load(list(paths)) if paths else None)
