"""The on-disk cache of the compiled glossary and form index.

Keyed by the bytes of every glossary file, the kommunsk version and the lemma
table version, so it rebuilds itself when any of them changes. A file lock
keeps parallel pre-commit processes from building it twice.

The compiled data is stored with `marshal`, the format of Python's own bytecode
files, because it loads several times faster than JSON and keeps tuples and
integer keys (the hook pays for every millisecond of start-up). It holds only
strings, numbers, tuples, lists and dicts, and loading it builds those values
and runs nothing; the lemma hashes are a plain binary array. An entry that is
damaged or of the wrong shape is rebuilt, never trusted; only the few most
recently used entries are kept.
"""

from __future__ import annotations

import contextlib
import hashlib
import marshal
import os
import re
import sys
from array import array
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kommunsk._version import __version__
from kommunsk.atomic import write_bytes
from kommunsk.engine.index import FormIndex
from kommunsk.engine.index import build as build_index
from kommunsk.errors import ReadError, WriteError
from kommunsk.glossary.model import Concept, RegisterLists
from kommunsk.glossary.municipalities import Municipalities
from kommunsk.glossary.municipalities import from_cache as municipality_from_cache
from kommunsk.glossary.paths import glossary_files, overlay_files
from kommunsk.glossary.serial import from_data, to_data
from kommunsk.glossary.termbase import Glossary, Meta
from kommunsk.language.lexicon import Lexicon, english_hashes, lexicon_hashes, table_version

FORMAT = 18
KEEP_ENTRIES = 5  # cache entries (one per set of glossary files) kept in the cache folder
_ENTRY = re.compile(r"[0-9a-f]{32}\.(?:data|json|lex|lock)")  # .json: entries of earlier formats
# what decoding damaged cached data raises (cut short, or readable with wrong keys or types)
_DAMAGED = (KeyError, TypeError, ValueError, AttributeError, IndexError, EOFError)


@dataclass(frozen=True)
class Compiled:
    """A glossary with its form index and lexicon, ready to annotate."""

    glossary: Glossary
    index: FormIndex
    lexicon: Lexicon
    english: Lexicon


class LazyConcepts(Mapping[str, Concept]):
    """Concepts by id, decoded from cached data the first time each is asked for."""

    def __init__(self, raw: dict[str, bytes], files: tuple[Path, ...] = ()) -> None:
        self._raw = raw  # id -> the concept's data in marshal's format, read only when asked for
        self._done: dict[str, Concept] = {}
        self._files = files  # the cache entry they came from, removed if one turns out damaged

    def __getitem__(self, concept_id: str) -> Concept:
        found = self._done.get(concept_id)
        if found is None:
            packed = self._raw[concept_id]
            try:
                found = from_data(Concept, marshal.loads(packed))
            except _DAMAGED as error:
                raise damaged(self._files) from error
            self._done[concept_id] = found
        return found

    def __iter__(self) -> Iterator[str]:
        return iter(self._raw)

    def __len__(self) -> int:
        return len(self._raw)

    def __contains__(self, concept_id: object) -> bool:
        return concept_id in self._raw


def damaged(files: tuple[Path, ...]) -> ReadError:
    """Remove a damaged cache entry (the next run rebuilds it) and say so in one line."""
    for file in files:
        with contextlib.suppress(OSError):
            file.unlink()
    where = files[0] if files else cache_dir()
    return ReadError(f"glossarcachen {where} var beskadiget og er slettet; kør igen")


def _lazy_municipalities(raw: bytes, files: tuple[Path, ...]) -> Callable[[], Municipalities]:
    """The registry decoded when first used: a check without --municipality never needs it."""

    def decode() -> Municipalities:
        try:
            return Municipalities([municipality_from_cache(m) for m in marshal.loads(raw)])
        except _DAMAGED as error:
            raise damaged(files) from error

    return decode


def cache_dir() -> Path:
    """KOMMUNSK_CACHE_DIR, or the platform's user cache directory."""
    configured = os.environ.get("KOMMUNSK_CACHE_DIR")
    if configured:
        return Path(configured)
    from platformdirs import user_cache_dir  # lazy: not needed when KOMMUNSK_CACHE_DIR is set

    return Path(user_cache_dir("kommunsk", appauthor=False))


def key(root: Path, overlays: tuple[Path, ...]) -> str:
    """The cache key: content of all glossary files plus the library and lemma-table versions."""
    python = f"{sys.implementation.cache_tag}|{marshal.version}"  # marshal's format is Python's
    digest = hashlib.sha256(f"{FORMAT}|{__version__}|{table_version()}|{python}".encode())
    for path in [*glossary_files(root), *(f for o in overlays for f in overlay_files(o))]:
        digest.update(path.name.encode() + b"\0")
        try:
            digest.update(path.read_bytes())
        except OSError:
            digest.update(b"<missing>")
    return digest.hexdigest()[:32]


def compiled(root: Path, overlays: tuple[Path, ...] = (), *, use_cache: bool = True) -> Compiled:
    """Load from the cache, or load, validate and compile the glossary (and store the result)."""
    if not use_cache:
        return build(root, overlays)
    folder = cache_dir()
    name = key(root, overlays)
    data_path, lex_path = folder / f"{name}.data", folder / f"{name}.lex"
    found = _read(data_path, lex_path, root, overlays)
    if found:
        _used(data_path)
        return found
    try:
        folder.mkdir(parents=True, exist_ok=True)
        from filelock import FileLock  # lazy: needed only when the cache is (re)built

        with FileLock(str(folder / f"{name}.lock"), timeout=120):
            found = _read(data_path, lex_path, root, overlays)
            if found:
                return found
            result = build(root, overlays)
            with contextlib.suppress(OSError, WriteError):  # a cache that cannot be written
                _write(result, data_path, lex_path)
    except OSError:  # no cache folder or no lock: work without the cache
        return build(root, overlays)
    prune(folder)
    return result


def build(root: Path, overlays: tuple[Path, ...]) -> Compiled:
    """Load and validate the YAML, then compile the index and the lexicon (slow: seconds)."""
    glossary = Glossary.load(overlays, root=root)
    index = build_index(glossary)
    lexicon = Lexicon(lexicon_hashes())
    return Compiled(glossary, index, lexicon, Lexicon(english_hashes()))


def _write(result: Compiled, data_path: Path, lex_path: Path) -> None:
    glossary = result.glossary
    data: dict[str, Any] = {
        "format": FORMAT,
        "meta": to_data(glossary.meta),
        "concepts": {c.id: marshal.dumps(to_data(c)) for c in glossary.concepts},
        "municipalities": marshal.dumps(to_data(list(glossary.municipalities))),
        "register": to_data(glossary.register),
        "index": result.index.to_data(),
    }
    lex_path.parent.mkdir(parents=True, exist_ok=True)
    write_bytes(lex_path, _pack(result.lexicon, result.english))
    data_path.touch()
    write_bytes(data_path, marshal.dumps(data))


def _read(
    data_path: Path, lex_path: Path, root: Path, overlays: tuple[Path, ...]
) -> Compiled | None:
    """The cached glossary, or None when there is none or it is not exactly what `_write` wrote
    (another format, cut short, keys or types wrong): the caller then rebuilds and replaces it."""
    try:
        data = marshal.loads(data_path.read_bytes())
        lexicon, english = _unpack(lex_path.read_bytes())
    except (OSError, *_DAMAGED):
        return None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        return None
    try:
        concepts, municipalities = data["concepts"], data["municipalities"]
        if not isinstance(concepts, dict) or not all(
            isinstance(v, bytes) for v in concepts.values()
        ):
            return None
        if not isinstance(municipalities, bytes):
            return None
        files = (data_path, lex_path)
        glossary = Glossary(
            from_data(Meta, data["meta"]),
            LazyConcepts(concepts, files),
            _lazy_municipalities(municipalities, files),
            root=root,
            overlays=overlays,
            register=from_data(RegisterLists, data["register"]),
        )
        return Compiled(glossary, FormIndex.from_data(data["index"]), lexicon, english)
    except _DAMAGED:
        return None


def _used(data_path: Path) -> None:
    """Mark a cache entry as just used, so pruning keeps it (a read-only cache stays as it is)."""
    with contextlib.suppress(OSError):
        os.utime(data_path)


def prune(folder: Path, keep: int = KEEP_ENTRIES) -> list[str]:
    """Remove all but the `keep` most recently used cache entries; returns the removed keys.

    Only files named like a cache entry (32 hex digits) are touched, so a cache
    folder shared with other files loses nothing else.
    """
    try:
        entries = [p for p in folder.iterdir() if _ENTRY.fullmatch(p.name)]
    except OSError:
        return []
    by_key: dict[str, float] = {}
    for path in entries:
        with contextlib.suppress(OSError):
            when = path.stat().st_mtime
            key_ = path.name.partition(".")[0]
            by_key[key_] = max(by_key.get(key_, 0.0), when)
    old = sorted(by_key, key=lambda k: by_key[k], reverse=True)[keep:]
    for path in entries:
        if path.name.partition(".")[0] in old:
            with contextlib.suppress(OSError):
                path.unlink()
    return old


LEX_MAGIC = b"KMLX0002"


def _pack(lexicon: Lexicon, english: Lexicon) -> bytes:
    """Both hash arrays with a header that says how long each is, so a cut file is noticed."""
    counts = array("Q", [len(lexicon.hashes), len(english.hashes)])
    return LEX_MAGIC + counts.tobytes() + lexicon.hashes.tobytes() + english.hashes.tobytes()


def _unpack(data: bytes) -> tuple[Lexicon, Lexicon]:
    """The two arrays back; ValueError when the file is not exactly what `_pack` wrote."""
    if not data.startswith(LEX_MAGIC):
        raise ValueError("not a kommunsk lexicon")
    counts = array("Q")
    counts.frombytes(data[len(LEX_MAGIC) : len(LEX_MAGIC) + 16])
    body = memoryview(data)[len(LEX_MAGIC) + 16 :]  # a view: the 4 MB are copied once, not thrice
    if len(counts) != 2 or len(body) != 8 * (counts[0] + counts[1]):
        raise ValueError("the lexicon file is cut short or too long")
    lexicon, english = array("Q"), array("Q")
    lexicon.frombytes(body[: 8 * counts[0]])
    english.frombytes(body[8 * counts[0] :])
    return Lexicon(lexicon), Lexicon(english)
