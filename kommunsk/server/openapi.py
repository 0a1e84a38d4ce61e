"""The OpenAPI 3.1 description of the JSON API and the LanguageTool subset, served at /openapi.json.

Kept by hand, next to the handlers; the tests validate it with
openapi-spec-validator and check real answers against its schemas.
"""

from __future__ import annotations

from typing import Any

from kommunsk._version import __version__


def _ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


def _json(schema: dict[str, Any], description: str) -> dict[str, Any]:
    return {"description": description, "content": {"application/json": {"schema": schema}}}


_ERRORS = {
    "400": _json(_ref("Error"), "A user mistake: unknown municipality, bad date, missing field"),
    "413": _json(_ref("Error"), "The request is larger than the server allows"),
}
_STRING = {"type": "string"}
_NULLABLE_STRING = {"type": ["string", "null"]}
_DATE_PARAM = {
    "name": "date",
    "in": "query",
    "required": False,
    "description": "The date the glossary applies for (YYYY-MM-DD); default today",
    "schema": {"type": "string", "format": "date"},
}
_VERSIONS = {
    "kommunsk_version": _STRING,
    "glossary_version": _STRING,
    "as_of": {"type": "string", "format": "date"},
}
_TEXT_REQUEST: dict[str, Any] = {
    "type": "object",
    "required": ["text"],
    "properties": {
        "text": _STRING,
        "municipality": {
            **_NULLABLE_STRING,
            "description": "code, name or alias, e.g. 751 or Aarhus",
        },
        "date": {**_NULLABLE_STRING, "format": "date"},
    },
}

SCHEMAS: dict[str, Any] = {
    "Error": {
        "type": "object",
        "required": ["error"],
        "properties": {
            "error": {
                "type": "object",
                "required": ["code", "message"],
                "properties": {
                    "code": _STRING,
                    "message": _STRING,
                    "suggestions": {"type": "array", "items": _STRING},
                },
            }
        },
    },
    "Annotation": {
        "type": "object",
        "required": [
            "start",
            "end",
            "text",
            "kind",
            "concept_id",
            "suggestions",
            "severity",
            "message",
        ],
        "properties": {
            "start": {"type": "integer", "minimum": 0},
            "end": {"type": "integer", "minimum": 0},
            "text": _STRING,
            "kind": {"enum": ["jargon", "avoid", "variant", "outdated", "term"]},
            "concept_id": _STRING,
            "suggestions": {"type": "array", "items": _STRING},
            "match": {"enum": ["exact", "lemma", "compound", "fuzzy"]},
            "score": {"type": "integer"},
            "severity": {"enum": ["warning", "suggestion", "info"]},
            "message": _STRING,
            "glossary_version": _STRING,
            "term": _STRING,
            "reason": _NULLABLE_STRING,
            "replacement": _NULLABLE_STRING,
            "municipality": _NULLABLE_STRING,
            "edits": {
                "type": "array",
                "items": {
                    "type": "array",
                    "prefixItems": [{"type": "integer"}, {"type": "integer"}, _STRING],
                    "minItems": 3,
                    "maxItems": 3,
                },
            },
            "needs_person": {"type": "boolean"},
        },
    },
    "AnnotateRequest": {
        **_TEXT_REQUEST,
        "properties": {
            **_TEXT_REQUEST["properties"],
            "include_terms": {"type": "boolean", "description": "also the municipal terms found"},
        },
    },
    "AnnotateResponse": {
        "type": "object",
        "required": [*_VERSIONS, "municipality", "annotations"],
        "properties": {
            **_VERSIONS,
            "municipality": _NULLABLE_STRING,
            "annotations": {"type": "array", "items": _ref("Annotation")},
        },
    },
    "RewriteRequest": _TEXT_REQUEST,
    "RewriteResponse": {
        "type": "object",
        "required": [*_VERSIONS, "text", "changes", "needs_person"],
        "properties": {
            **_VERSIONS,
            "municipality": _NULLABLE_STRING,
            "text": _STRING,
            "changes": {
                "type": "array",
                "items": {
                    "type": "object",
                    "required": ["start", "end", "old", "new", "concept_id"],
                    "properties": {
                        "start": {"type": "integer"},
                        "end": {"type": "integer"},
                        "old": _STRING,
                        "new": _STRING,
                        "concept_id": _STRING,
                    },
                },
            },
            "needs_person": {"type": "array", "items": _ref("Annotation")},
        },
    },
    "Explanation": {
        "type": "object",
        "required": ["query", "found"],
        "properties": {
            **_VERSIONS,
            "query": _STRING,
            "found": {"type": "boolean"},
            "matched": _NULLABLE_STRING,
            "match": _NULLABLE_STRING,
            "concept": {"type": "object"},
            "municipality": {"type": ["object", "null"]},
            "local_variants": {"type": "array"},
            "replaced_by": _NULLABLE_STRING,
            "did_you_mean": {"type": "array", "items": _STRING},
        },
    },
    "MunicipalityList": {
        "type": "object",
        "required": [*_VERSIONS, "municipalities"],
        "properties": {
            **_VERSIONS,
            "municipalities": {
                "type": "array",
                "items": {
                    "type": "object",
                    "required": ["code", "name", "official_name", "region"],
                    "properties": {
                        "code": _STRING,
                        "name": _STRING,
                        "official_name": _STRING,
                        "region": _STRING,
                    },
                },
            },
        },
    },
    "Profile": {
        "type": "object",
        "required": [*_VERSIONS, "municipality"],
        "properties": {
            **_VERSIONS,
            "municipality": {
                "type": "object",
                "required": ["code", "name", "official_name", "region", "facts", "local_terms"],
                "properties": {
                    "code": _STRING,
                    "name": _STRING,
                    "official_name": _STRING,
                    "region": _STRING,
                    "aliases": {"type": "array", "items": _STRING},
                    "web": _NULLABLE_STRING,
                    "council": _NULLABLE_STRING,
                    "facts": {"type": "array", "items": {"type": "object"}},
                    "local_terms": {"type": "array", "items": {"type": "object"}},
                },
            },
        },
    },
    "LanguageToolCheck": {
        "type": "object",
        "required": ["software", "language", "matches"],
        "properties": {
            "software": {"type": "object"},
            "warnings": {"type": "object"},
            "language": {"type": "object"},
            "matches": {
                "type": "array",
                "items": {
                    "type": "object",
                    "required": ["message", "offset", "length", "replacements", "context", "rule"],
                    "properties": {
                        "message": _STRING,
                        "shortMessage": _STRING,
                        "offset": {"type": "integer", "description": "UTF-16 code units"},
                        "length": {"type": "integer", "description": "UTF-16 code units"},
                        "replacements": {
                            "type": "array",
                            "items": {
                                "type": "object",
                                "required": ["value"],
                                "properties": {"value": _STRING},
                            },
                        },
                        "context": {
                            "type": "object",
                            "required": ["text", "offset", "length"],
                            "properties": {
                                "text": _STRING,
                                "offset": {"type": "integer"},
                                "length": {"type": "integer"},
                            },
                        },
                        "sentence": _STRING,
                        "type": {"type": "object", "properties": {"typeName": _STRING}},
                        "rule": {
                            "type": "object",
                            "required": ["id", "description", "issueType", "category"],
                            "properties": {
                                "id": _STRING,
                                "subId": _STRING,
                                "description": _STRING,
                                "issueType": _STRING,
                                "category": {
                                    "type": "object",
                                    "required": ["id", "name"],
                                    "properties": {"id": _STRING, "name": _STRING},
                                },
                            },
                        },
                    },
                },
            },
        },
    },
}

_CHECK_FORM = {
    "type": "object",
    "required": ["language"],
    "properties": {
        "text": {"type": "string", "description": "the text to check (or data)"},
        "data": {
            "type": "string",
            "description": 'JSON: {"annotation": [{"text": …}, {"markup": …, "interpretAs": …}]}',
        },
        "language": {"type": "string", "enum": ["da-DK", "da", "auto"]},
        "enabledOnly": {"type": "string", "enum": ["true", "false"]},
        "enabledRules": _STRING,
        "disabledRules": _STRING,
        "enabledCategories": _STRING,
        "disabledCategories": _STRING,
        "level": {"type": "string", "enum": ["default", "picky"]},
        "kommune": {"type": "string", "description": "kommunsk's extra: the municipality"},
        "date": {"type": "string", "format": "date", "description": "kommunsk's extra: the date"},
    },
}


def document() -> dict[str, Any]:
    """The whole OpenAPI document."""
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "kommunsk",
            "version": __version__,
            "description": "Danish municipal language: find business jargon and the municipal term.",
            "license": {"name": "MIT", "identifier": "MIT"},
        },
        "paths": {
            "/api/annotate": {
                "post": {
                    "summary": "Every finding in a text",
                    "operationId": "annotate",
                    "requestBody": {
                        "required": True,
                        "content": {"application/json": {"schema": _ref("AnnotateRequest")}},
                    },
                    "responses": {
                        "200": _json(_ref("AnnotateResponse"), "The findings"),
                        **_ERRORS,
                    },
                }
            },
            "/api/rewrite": {
                "post": {
                    "summary": "The text with the safe replacements made",
                    "operationId": "rewrite",
                    "requestBody": {
                        "required": True,
                        "content": {"application/json": {"schema": _ref("RewriteRequest")}},
                    },
                    "responses": {"200": _json(_ref("RewriteResponse"), "The rewrite"), **_ERRORS},
                }
            },
            "/api/explain": {
                "get": {
                    "summary": "The concept behind a word",
                    "operationId": "explain",
                    "parameters": [
                        {"name": "term", "in": "query", "required": True, "schema": _STRING},
                        {
                            "name": "municipality",
                            "in": "query",
                            "required": False,
                            "schema": _STRING,
                        },
                        _DATE_PARAM,
                    ],
                    "responses": {"200": _json(_ref("Explanation"), "The explanation"), **_ERRORS},
                }
            },
            "/api/municipalities": {
                "get": {
                    "summary": "The 98 municipalities, or those a search finds",
                    "operationId": "municipalities",
                    "parameters": [
                        {"name": "q", "in": "query", "required": False, "schema": _STRING},
                        _DATE_PARAM,
                    ],
                    "responses": {"200": _json(_ref("MunicipalityList"), "The list"), **_ERRORS},
                }
            },
            "/api/municipalities/{name}": {
                "get": {
                    "summary": "One municipality's profile",
                    "operationId": "municipality",
                    "parameters": [
                        {"name": "name", "in": "path", "required": True, "schema": _STRING},
                        _DATE_PARAM,
                    ],
                    "responses": {
                        "200": _json(_ref("Profile"), "The profile"),
                        "404": _json(_ref("Error"), "No such municipality"),
                        "400": _ERRORS["400"],
                    },
                }
            },
            "/v2/check": {
                "post": {
                    "summary": "LanguageTool-compatible check (offsets in UTF-16 code units)",
                    "operationId": "languagetoolCheck",
                    "requestBody": {
                        "required": True,
                        "content": {"application/x-www-form-urlencoded": {"schema": _CHECK_FORM}},
                    },
                    "responses": {
                        "200": _json(_ref("LanguageToolCheck"), "The matches"),
                        "400": {
                            "description": "LanguageTool's plain-text error",
                            "content": {"text/plain": {"schema": _STRING}},
                        },
                    },
                }
            },
            "/v2/languages": {
                "get": {
                    "summary": "The languages the server checks (Danish)",
                    "operationId": "languagetoolLanguages",
                    "responses": {
                        "200": _json(
                            {
                                "type": "array",
                                "items": {
                                    "type": "object",
                                    "properties": {
                                        "name": _STRING,
                                        "code": _STRING,
                                        "longCode": _STRING,
                                    },
                                },
                            },
                            "The languages",
                        )
                    },
                }
            },
        },
        "components": {"schemas": SCHEMAS},
    }
