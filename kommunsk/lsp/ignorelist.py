"""Add a word to the project's ignore list, in the configuration file the project already uses.

The nearest `[tool.kommunsk]` in pyproject.toml, `.kommunsk.toml` or
`.kommunsk.yaml` gets the word; with none, a new `.kommunsk.toml` is made in
the workspace folder. TOML is edited with tomlkit, so comments, order and
layout stay as the user wrote them. A YAML file gets a new `ignore:` list at its
end, or, when it has one already and no comments to lose, is written anew.
Every write is atomic and refused if the file changed since it was read.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from kommunsk.atomic import Snapshot, write_bytes
from kommunsk.errors import ConfigError, WriteError, YamlProblem
from kommunsk.language.danish import fold
from kommunsk.lint import config

NEW_FILE = ".kommunsk.toml"


def add(word: str, start: Path, root: Path | None = None) -> Path:
    """Put `word` on the ignore list of the configuration that applies in folder `start`.

    Returns the file written (or the one already listing the word). `root` is where
    a new `.kommunsk.toml` goes when the project has no configuration (default: `start`).
    """
    word = " ".join(word.split())
    if not word:
        raise ConfigError("der er intet ord at tilføje til ignoreringslisten")
    path = config.find(start.resolve()) or (root or start) / NEW_FILE
    data, info = _read(path)
    text = data.decode("utf-8-sig") if data else ""
    edit = _yaml if path.suffix in (".yaml", ".yml") else _toml
    new = edit(text, word, path)
    if new is not None:
        expected = Snapshot.of(data, info) if info is not None else None
        write_bytes(path, new.encode("utf-8"), expected=expected)
    return path


def _read(path: Path) -> tuple[bytes, os.stat_result | None]:
    try:
        info = path.stat()
    except FileNotFoundError:
        return b"", None
    if info.st_size > config.MAX_CONFIG_BYTES:
        raise ConfigError(f"{path}: filen er for stor til at være en konfigurationsfil")
    return path.read_bytes(), info


def _listed(words: Any, word: str) -> bool:
    return isinstance(words, list) and fold(word) in {fold(str(w)) for w in words}


def _toml(text: str, word: str, path: Path) -> str | None:
    """The TOML file with the word added (None: it is listed already)."""
    # lazy, for start-up speed: tomlkit is needed only when a word is added
    import tomlkit
    from tomlkit.exceptions import TOMLKitError

    try:
        document = tomlkit.parse(text)
    except TOMLKitError as error:
        raise ConfigError(f"{path}: ugyldig TOML: {error}") from None
    table: Any = document
    if path.name == "pyproject.toml":
        tool = document.setdefault("tool", tomlkit.table(is_super_table=True))
        table = tool.setdefault("kommunsk", tomlkit.table())
    current = table.get("ignore")
    if isinstance(current, str):
        current = [current]
    if _listed(current, word):
        return None
    words = tomlkit.array()
    words.extend([*(current or []), word])
    table["ignore"] = words.multiline(len(words) > 3)
    dumped: str = tomlkit.dumps(document)
    return dumped


def _yaml(text: str, word: str, path: Path) -> str | None:
    """The YAML file with the word added (None: it is listed already)."""
    # lazy, for start-up speed: PyYAML is needed only for a .kommunsk.yaml file
    import yaml

    from kommunsk.glossary.yamlfile import parse  # lazy: it imports PyYAML too

    try:
        data = parse(text).data or {}
    except YamlProblem as error:
        raise ConfigError(f"{path}:{error.line}:{error.column}: {error}") from None
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: forventede en tabel med indstillinger")
    current = data.get("ignore")
    if isinstance(current, str):
        current = [current]
    if _listed(current, word):
        return None
    if "ignore" not in data:
        ending = "" if not text or text.endswith("\n") else "\n"
        return f"{text}{ending}ignore:\n  - {json.dumps(word, ensure_ascii=False)}\n"
    if "#" in text:
        raise WriteError(
            f"{path}: tilføj «{word}» under 'ignore' selv "
            "(filen har kommentarer, som en automatisk ændring ville fjerne)"
        )
    data["ignore"] = [*(current or []), word]
    dumped: str = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    return dumped
