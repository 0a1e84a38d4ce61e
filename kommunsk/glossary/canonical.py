"""The canonical form of glossary files: keys in schema order, concepts sorted by id.

Reviews then show only real changes, and a test fails when a file is not in
canonical form (like typos' sorted word list).
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from kommunsk.atomic import write_text
from kommunsk.glossary.paths import glossary_files as glossary_files
from kommunsk.glossary.paths import schema_dir
from kommunsk.glossary.yamlfile import parse, read_text

HEADERS = {
    "concepts": "# yaml-language-server: $schema=../schema/concepts.schema.json\n",
    "municipalities": "# yaml-language-server: $schema=schema/municipalities.schema.json\n",
    "register": "# yaml-language-server: $schema=schema/register.schema.json\n",
    "glossary": "# yaml-language-server: $schema=schema/glossary.schema.json\n",
    "profile": "# yaml-language-server: $schema=../schema/profile.schema.json\n",
}


@cache
def _schema(kind: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(
        (schema_dir() / f"{kind}.schema.json").read_text(encoding="utf-8")
    )
    return data


def _resolve(node: dict[str, Any], kind: str) -> tuple[dict[str, Any], str]:
    """Follow $ref (also into the other schema files); returns the node and its schema."""
    ref = node.get("$ref")
    if not ref:
        return node, kind
    document, _, pointer = ref.partition("#")
    kind = document.removesuffix(".schema.json") if document else kind
    target = _schema(kind)
    for part in pointer.strip("/").split("/"):
        target = target[part]
    return _resolve(target, kind)


def _order(data: Any, node: dict[str, Any], kind: str) -> Any:
    node, kind = _resolve(node, kind)
    if isinstance(data, dict):
        properties = node.get("properties", {})
        for choice in node.get("oneOf", []) + node.get("anyOf", []):
            option, _ = _resolve(choice, kind)
            if option.get("type") == "object":
                properties = {**option.get("properties", {}), **properties}
        if properties:
            keys = [k for k in properties if k in data] + sorted(
                k for k in data if k not in properties
            )
            return {k: _order(data[k], properties.get(k, {}), kind) for k in keys}
        extra = node.get("additionalProperties")
        child = extra if isinstance(extra, dict) else {}
        return {k: _order(data[k], child, kind) for k in sorted(data)}
    if isinstance(data, list):
        items = node.get("items", {})
        if not items:
            for choice in node.get("oneOf", []):
                option, _ = _resolve(choice, kind)
                if option.get("type") == "array":
                    items = option["items"]
        return [_order(item, items, kind) for item in data]
    if isinstance(data, str):
        return data.strip()
    return data


def canonical(data: Any, kind: str) -> str:
    """The canonical YAML text for parsed data of a file of `kind`."""
    data = _order(data, _schema(kind), kind)
    if kind == "concepts" and isinstance(data.get("concepts"), list):
        data["concepts"] = sorted(data["concepts"], key=lambda c: str(c.get("id", "")))
    if kind == "municipalities":
        data["municipalities"] = sorted(
            data["municipalities"], key=lambda m: str(m.get("code", ""))
        )
    body = yaml.safe_dump(
        data, allow_unicode=True, sort_keys=False, width=100, default_flow_style=False
    )
    return HEADERS[kind] + body


FILE_KINDS = {
    "glossary.yaml": "glossary",
    "municipalities.yaml": "municipalities",
    "register.yaml": "register",
}


def kind_of(path: Path) -> str:
    """The schema a glossary file follows, from its name and folder (domain files are concepts)."""
    if path.parent.name == "municipalities":
        return "profile"
    return FILE_KINDS.get(path.name, "concepts")


def format_file(path: Path, *, write: bool) -> bool:
    """Bring one file into canonical form; returns True when it was not canonical."""
    text = read_text(path)
    wanted = canonical(parse(text).data, kind_of(path))
    if text == wanted:
        return False
    if write:
        write_text(path, wanted)
    return True
