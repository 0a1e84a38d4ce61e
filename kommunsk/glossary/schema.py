"""JSON Schema validation of glossary files, with errors that point at file, line and column."""

from __future__ import annotations

import json
from difflib import get_close_matches
from functools import cache
from typing import Any

from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError, best_match
from referencing import Registry, Resource

from kommunsk.glossary.model import Location
from kommunsk.glossary.paths import schema_dir
from kommunsk.glossary.problems import Problem
from kommunsk.glossary.yamlfile import PathKey, YamlDocument, shorten

SCHEMAS = ("concepts", "municipalities", "glossary", "register", "profile")


@cache
def _validators() -> dict[str, Draft202012Validator]:
    contents = {
        name: json.loads((schema_dir() / f"{name}.schema.json").read_text(encoding="utf-8"))
        for name in SCHEMAS
    }
    resources = []
    for name, schema in contents.items():
        resource = Resource.from_contents(schema)
        resources += [(schema["$id"], resource), (f"{name}.schema.json", resource)]
    registry: Registry[Any] = Registry().with_resources(resources)
    return {
        name: Draft202012Validator(schema, registry=registry) for name, schema in contents.items()
    }


def validate(document: YamlDocument, kind: str, file: str) -> list[Problem]:
    """Check a parsed file against the schema of its kind; one problem per error."""
    validator = _validators()[kind]
    errors = sorted(
        validator.iter_errors(document.data), key=lambda e: list(map(str, e.absolute_path))
    )
    return [_problem(document, error, file) for error in errors]


def _problem(document: YamlDocument, error: ValidationError, file: str) -> Problem:
    if error.validator in ("anyOf", "oneOf") and error.context:
        deepest = best_match(error.context)
        if len(deepest.absolute_path) > len(error.absolute_path):
            error = deepest
    path: PathKey = tuple(error.absolute_path)
    message = _message(error)
    if error.validator == "additionalProperties":
        extra = _extra_keys(error)
        if extra:
            path = (*path, extra[0])
    line, column = document.position(path, key=error.validator == "additionalProperties")
    concept = _concept_id(document.data, path)
    field = " > ".join(str(p) for p in _field_path(path)) or None
    return Problem(Location(file, line, column), message, concept, field)


def _extra_keys(error: ValidationError) -> list[str]:
    allowed = error.schema.get("properties", {}) if isinstance(error.schema, dict) else {}
    if not isinstance(error.instance, dict):
        return []
    return [key for key in error.instance if key not in allowed]


def _message(error: ValidationError) -> str:
    if error.validator == "additionalProperties":
        allowed = list(error.schema.get("properties", {}))
        parts = []
        for key in _extra_keys(error):
            close = get_close_matches(key, allowed, n=1)
            hint = (
                f" (did you mean '{close[0]}'?)" if close else f" (allowed: {', '.join(allowed)})"
            )
            parts.append(f"unknown field '{key}'{hint}")
        return "; ".join(parts)
    if error.validator == "required":
        return str(error.message).replace("is a required property", "is required")
    if error.validator == "enum":
        value = shorten(repr(error.instance))
        return f"{value} is not one of {', '.join(map(repr, error.validator_value))}"
    if error.validator == "pattern":
        return f"{shorten(repr(error.instance))} does not have the required form ({error.validator_value})"
    return shorten(str(error.message), 240)


def _concept_id(data: Any, path: PathKey) -> str | None:
    if len(path) >= 2 and path[0] in ("concepts", "extensions") and isinstance(path[1], int):
        try:
            concept = data[path[0]][path[1]]
        except (IndexError, KeyError, TypeError):
            return None
        value = concept.get("id") if isinstance(concept, dict) else None
        return value if isinstance(value, str) else None
    return None


def _field_path(path: PathKey) -> PathKey:
    if len(path) >= 2 and path[0] in ("concepts", "extensions") and isinstance(path[1], int):
        return path[2:]
    return path
