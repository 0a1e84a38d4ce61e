"""Safe YAML reading that remembers where every value was written.

Only the safe constructor is used, anchors and aliases are refused (no alias
bombs), duplicate keys are errors instead of silent overrides, dates stay
strings (the schema checks their shape), and files have a size limit and a
nesting limit (10 000 nested lists would otherwise exhaust Python's stack).
An error message is one line and never quotes more than `MAX_QUOTE` characters
of the file, so a secret in a file named by mistake does not end up in a log.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from yaml.composer import Composer
from yaml.constructor import SafeConstructor
from yaml.resolver import Resolver

from kommunsk.errors import YamlProblem

MAX_BYTES = 4 * 1024 * 1024
MAX_DEPTH = 50  # nested lists and mappings; the glossary needs six
MAX_QUOTE = 120  # characters of a message, at most one line of the file
PathKey = tuple[str | int, ...]
ALLOWED_TAGS = frozenset(
    f"tag:yaml.org,2002:{t}" for t in ("str", "int", "float", "bool", "null", "seq", "map")
)


class _Checks:
    """What every loader here does while composing: no aliases, and a nesting limit."""

    depth = 0

    def compose_node(self, parent: Any, index: Any) -> Any:
        """Compose one node, refusing aliases and nesting past MAX_DEPTH (with its position)."""
        event = self.peek_event()  # type: ignore[attr-defined]
        mark = event.start_mark
        if self.check_event(yaml.AliasEvent):  # type: ignore[attr-defined]
            raise YamlProblem(
                "YAML aliases are not allowed in glossary files", mark.line + 1, mark.column + 1
            )
        if self.depth >= MAX_DEPTH:
            raise YamlProblem(
                f"YAML nested more than {MAX_DEPTH} levels deep", mark.line + 1, mark.column + 1
            )
        self.depth += 1
        try:
            return Composer.compose_node(self, parent, index)  # type: ignore[arg-type]
        finally:
            self.depth -= 1


class _PythonLoader(_Checks, yaml.SafeLoader):
    """SafeLoader without aliases, without the timestamp resolver, and with a nesting limit."""


_CParser: Any = getattr(yaml, "cyaml", None) and getattr(yaml.cyaml, "CParser", None)  # libyaml's

if _CParser is not None:

    class _LibyamlLoader(_Checks, _CParser, Composer, SafeConstructor, Resolver):  # type: ignore[misc]
        """The same loader with libyaml's scanner and parser (eight times faster on the glossary);
        nodes are still composed here, so the checks and every position stay the same."""

        def __init__(self, stream: str) -> None:
            _CParser.__init__(self, stream)
            Composer.__init__(self)
            SafeConstructor.__init__(self)
            Resolver.__init__(self)

        get_single_node = Composer.get_single_node
        check_node = Composer.check_node
        get_node = Composer.get_node

    _Loader: type[Any] = _LibyamlLoader
else:
    _Loader = _PythonLoader

_NO_TIMESTAMPS = {
    key: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_PythonLoader.yaml_implicit_resolvers = _Loader.yaml_implicit_resolvers = _NO_TIMESTAMPS


@dataclass(frozen=True)
class YamlDocument:
    """Parsed data plus the position of every value, keyed by its path."""

    data: Any
    positions: dict[PathKey, tuple[int, int]]
    key_positions: dict[PathKey, tuple[int, int]]

    def position(self, path: PathKey, *, key: bool = False) -> tuple[int, int]:
        """The position of the deepest written node on `path` (of its key, if asked)."""
        if key and path in self.key_positions:
            return self.key_positions[path]
        for end in range(len(path), -1, -1):
            found = self.positions.get(path[:end])
            if found:
                return found
        return (1, 1)


def read_text(path: Path) -> str:
    """Read a glossary file as UTF-8, refusing files over the size limit."""
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise YamlProblem(f"file is {size:,} bytes; glossary files may be at most {MAX_BYTES:,}")
    try:
        return path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise YamlProblem(f"not UTF-8 ({err.reason} at byte {err.start})") from None


def parse(text: str, loader_class: type[Any] | None = None) -> YamlDocument:
    """Parse one YAML document into data and positions (the loader is chosen for tests only)."""
    loader = (loader_class or _Loader)(text)
    try:
        node = loader.get_single_node()
        positions: dict[PathKey, tuple[int, int]] = {}
        keys: dict[PathKey, tuple[int, int]] = {}
        data = _build(loader, node, (), positions, keys) if node is not None else None
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (0, 0)
        what = err.problem or err.context or "ugyldig YAML"
        if "nesting depth" in what:  # libyaml's own limit (1000) can stop the scan before ours
            raise YamlProblem(
                f"YAML nested more than {MAX_DEPTH} levels deep", line, column
            ) from None
        raise YamlProblem(shorten(f"YAML syntax error: {what}"), line, column) from None
    except yaml.YAMLError as err:
        raise YamlProblem(shorten(f"YAML error: {err}")) from None
    except RecursionError:
        raise YamlProblem(f"YAML nested more than {MAX_DEPTH} levels deep") from None
    finally:
        loader.dispose()
    return YamlDocument(data, positions, keys)


def shorten(message: str, limit: int = MAX_QUOTE) -> str:
    """The first line of `message`, cut to `limit` characters: never more of a file than that."""
    first = message.strip().split("\n", 1)[0].rstrip()
    return first if len(first) <= limit else first[: limit - 1].rstrip() + "…"


def load(path: Path) -> YamlDocument:
    """Read and parse a glossary file."""
    return parse(read_text(path))


def _build(
    loader: Any,
    node: Any,
    path: PathKey,
    positions: dict[PathKey, tuple[int, int]],
    keys: dict[PathKey, tuple[int, int]],
) -> Any:
    positions[path] = (node.start_mark.line + 1, node.start_mark.column + 1)
    if node.tag not in ALLOWED_TAGS:
        mark = node.start_mark
        raise YamlProblem(f"YAML tag {node.tag!r} is not allowed", mark.line + 1, mark.column + 1)
    if isinstance(node, yaml.MappingNode):
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key = loader.construct_object(key_node, deep=True)
            if not isinstance(key, str | int):
                mark = key_node.start_mark
                raise YamlProblem("keys must be text", mark.line + 1, mark.column + 1)
            key = str(key)
            if key in result:
                mark = key_node.start_mark
                raise YamlProblem(f"duplicate key '{key}'", mark.line + 1, mark.column + 1)
            keys[(*path, key)] = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
            result[key] = _build(loader, value_node, (*path, key), positions, keys)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [
            _build(loader, item, (*path, i), positions, keys) for i, item in enumerate(node.value)
        ]
    return loader.construct_object(node, deep=True)
