"""The on-disk cache of the compiled glossary and form index.

Keyed by the bytes of every glossary file, the kommunsk version and the lemma
table version, so it rebuilds itself when any of them changes. A file lock
keeps parallel pre-commit processes from building it twice. The cache holds
only JSON and a binary array of hashes: nothing in it can run code.
"""

from __future__ import annotations

import hashlib
import json
import os
from array import array
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kommunsk._version import __version__
from kommunsk.atomic import write_bytes
from kommunsk.engine.index import FormIndex
from kommunsk.engine.index import build as build_index
from kommunsk.glossary.model import Concept, RegisterLists
from kommunsk.glossary.municipalities import Municipalities, Municipality
from kommunsk.glossary.paths import glossary_files, overlay_files
from kommunsk.glossary.serial import from_data, to_data
from kommunsk.glossary.termbase import Glossary, Meta
from kommunsk.language.lexicon import Lexicon, english_hashes, lexicon_hashes, table_version

FORMAT = 9


@dataclass(frozen=True)
class Compiled:
    """A glossary with its form index and lexicon, ready to annotate."""

    glossary: Glossary
    index: FormIndex
    lexicon: Lexicon
    english: Lexicon


class LazyConcepts(Mapping[str, Concept]):
    """Concepts by id, decoded from cached data the first time each is asked for."""

    def __init__(self, raw: dict[str, str]) -> None:
        self._raw = raw  # id -> the concept as a JSON text, parsed only when asked for
        self._done: dict[str, Concept] = {}

    def __getitem__(self, concept_id: str) -> Concept:
        found = self._done.get(concept_id)
        if found is None:
            found = self._done[concept_id] = from_data(Concept, json.loads(self._raw[concept_id]))
        return found

    def __iter__(self) -> Iterator[str]:
        return iter(self._raw)

    def __len__(self) -> int:
        return len(self._raw)

    def __contains__(self, concept_id: object) -> bool:
        return concept_id in self._raw


def cache_dir() -> Path:
    """KOMMUNSK_CACHE_DIR, or the platform's user cache directory."""
    configured = os.environ.get("KOMMUNSK_CACHE_DIR")
    if configured:
        return Path(configured)
    from platformdirs import user_cache_dir  # lazy: not needed when KOMMUNSK_CACHE_DIR is set

    return Path(user_cache_dir("kommunsk", appauthor=False))


def key(root: Path, overlays: tuple[Path, ...]) -> str:
    """The cache key: content of all glossary files plus the library and lemma-table versions."""
    digest = hashlib.sha256(f"{FORMAT}|{__version__}|{table_version()}".encode())
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
    data_path, lex_path = folder / f"{name}.json", folder / f"{name}.lex"
    found = _read(data_path, lex_path, root, overlays)
    if found:
        return found
    try:
        folder.mkdir(parents=True, exist_ok=True)
        from filelock import FileLock  # lazy: needed only when the cache is (re)built

        with FileLock(str(folder / f"{name}.lock"), timeout=120):
            found = _read(data_path, lex_path, root, overlays)
            if found:
                return found
            result = build(root, overlays)
            _write(result, data_path, lex_path)
            return result
    except OSError:
        return build(root, overlays)


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
        "concepts": {c.id: json.dumps(to_data(c), ensure_ascii=False) for c in glossary.concepts},
        "municipalities": to_data(list(glossary.municipalities)),
        "register": to_data(glossary.register),
        "index": result.index.to_json(),
    }
    lex_path.parent.mkdir(parents=True, exist_ok=True)
    write_bytes(lex_path, _pack(result.lexicon, result.english))
    data_path.touch()
    write_bytes(
        data_path, json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    )


def _read(
    data_path: Path, lex_path: Path, root: Path, overlays: tuple[Path, ...]
) -> Compiled | None:
    try:
        data = json.loads(data_path.read_bytes())
        lexicon, english = _unpack(lex_path.read_bytes())
    except (OSError, ValueError):
        return None
    if data.get("format") != FORMAT:
        return None
    glossary = Glossary(
        from_data(Meta, data["meta"]),
        LazyConcepts(data["concepts"]),
        Municipalities([from_data(Municipality, m) for m in data["municipalities"]]),
        root=root,
        overlays=overlays,
        register=from_data(RegisterLists, data["register"]),
    )
    return Compiled(glossary, FormIndex.from_json(data["index"]), lexicon, english)


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
    body = data[len(LEX_MAGIC) + 16 :]
    if len(counts) != 2 or len(body) != 8 * (counts[0] + counts[1]):
        raise ValueError("the lexicon file is cut short or too long")
    lexicon, english = array("Q"), array("Q")
    lexicon.frombytes(body[: 8 * counts[0]])
    english.frombytes(body[8 * counts[0] :])
    return Lexicon(lexicon), Lexicon(english)
