"""kommunsk's own JSON API: the same answers as the library, in the shapes /openapi.json describes."""

from __future__ import annotations

from datetime import date
from typing import Any

import jsonschema
import pytest
from openapi_spec_validator import validate
from starlette.testclient import TestClient

import kommunsk
from kommunsk.server.app import create_app
from kommunsk.server.openapi import SCHEMAS, document
from kommunsk.server.service import Settings

TEXT = "Vores kunder får et detaljeret roadmap. Investeringen er stor, og ROI er høj."


@pytest.fixture(scope="module")
def client() -> TestClient:
    return TestClient(create_app())


def conforms(data: Any, schema: str) -> None:
    """`data` is valid against the named schema of the OpenAPI document (references resolved in it)."""
    root = {"$ref": f"#/components/schemas/{schema}", "components": {"schemas": SCHEMAS}}
    jsonschema.validate(data, root, cls=jsonschema.Draft202012Validator)


def test_the_openapi_document_is_valid_and_served(client: TestClient) -> None:
    served = client.get("/openapi.json").json()
    assert served == document()
    validate(served)
    assert {
        "/api/annotate",
        "/api/rewrite",
        "/api/explain",
        "/api/municipalities",
        "/v2/check",
    } <= set(served["paths"])


def test_annotate_answers_as_the_library(client: TestClient) -> None:
    answer = client.post("/api/annotate", json={"text": TEXT, "municipality": "Aarhus"})
    assert answer.status_code == 200
    data = answer.json()
    conforms(data, "AnnotateResponse")
    expected = [
        a.to_dict() for a in kommunsk.annotate(TEXT, municipality="Aarhus") if a.kind != "term"
    ]
    assert data["annotations"] == expected
    assert data["municipality"] == "751"
    assert data["as_of"] == date.today().isoformat()


def test_annotate_with_terms_and_a_date(client: TestClient) -> None:
    text = "Borgeren blev visiteret til hjemmepleje."
    data = client.post(
        "/api/annotate", json={"text": text, "date": "2026-01-01", "include_terms": True}
    ).json()
    expected = kommunsk.annotate(text, as_of=date(2026, 1, 1))
    assert [a["text"] for a in data["annotations"]] == [a.text for a in expected]
    assert any(a["kind"] == "term" for a in data["annotations"])
    assert data["as_of"] == "2026-01-01"


def test_rewrite_answers_as_the_library(client: TestClient) -> None:
    data = client.post("/api/rewrite", json={"text": TEXT}).json()
    conforms(data, "RewriteResponse")
    expected = kommunsk.rewrite(TEXT)
    assert data["text"] == expected.text != TEXT
    assert [c["new"] for c in data["changes"]] == [c.new for c in expected.changes]
    assert [a["text"] for a in data["needs_person"]] == [a.text for a in expected.needs_person]


def test_explain_found_and_not_found(client: TestClient) -> None:
    found = client.get(
        "/api/explain", params={"term": "visiteret", "municipality": "Odense"}
    ).json()
    conforms(found, "Explanation")
    assert found["found"] is True
    assert found["concept"]["id"] == kommunsk.explain("visiteret").concept.id  # type: ignore[union-attr]
    missing = client.get("/api/explain", params={"term": "xyzzyqq"}).json()
    assert missing["found"] is False


def test_municipalities_list_search_and_profile(client: TestClient) -> None:
    everything = client.get("/api/municipalities").json()
    conforms(everything, "MunicipalityList")
    assert len(everything["municipalities"]) == 98
    some = client.get("/api/municipalities", params={"q": "Region Nordjylland"}).json()
    assert 0 < len(some["municipalities"]) < 98
    assert {m["region"] for m in some["municipalities"]} == {"Region Nordjylland"}
    profile = client.get("/api/municipalities/Århus").json()
    conforms(profile, "Profile")
    assert profile["municipality"]["code"] == "751"
    assert profile["municipality"]["council"]


@pytest.mark.parametrize(
    ("method", "path", "body", "status", "code"),
    [
        (
            "post",
            "/api/annotate",
            {"text": "x", "municipality": "Narnia"},
            400,
            "unknown-municipality",
        ),
        ("post", "/api/annotate", {"text": "x", "date": "i går"}, 400, "usage"),
        ("post", "/api/annotate", {"tekst": "x"}, 400, "usage"),
        ("post", "/api/rewrite", [1, 2], 400, "usage"),
        ("get", "/api/explain", None, 400, "usage"),
        ("get", "/api/municipalities/Narnia", None, 404, "unknown-municipality"),
    ],
)
def test_mistakes_are_errors_with_the_librarys_code(
    client: TestClient, method: str, path: str, body: Any, status: int, code: str
) -> None:
    answer = client.post(path, json=body) if method == "post" else client.get(path)
    assert answer.status_code == status
    conforms(answer.json(), "Error")
    assert answer.json()["error"]["code"] == code


def test_a_body_over_the_limit_is_413(client: TestClient) -> None:
    small = TestClient(create_app(Settings(max_body=1_000)))
    answer = small.post("/api/annotate", json={"text": "kunder " * 500})
    assert answer.status_code == 413
    assert answer.json()["error"]["code"] == "too-large"
    checked = small.post("/v2/check", data={"text": "kunder " * 500, "language": "da"})
    assert checked.status_code == 413
    assert checked.text.startswith("Error: ")


def test_a_body_streamed_without_a_length_is_cut_off_too() -> None:
    small = TestClient(create_app(Settings(max_body=1_000)))

    def chunks():  # type: ignore[no-untyped-def]
        for _ in range(10):
            yield b'{"text": "' + b"a" * 200 + b'"}'

    answer = small.post(
        "/api/annotate", content=chunks(), headers={"content-type": "application/json"}
    )
    assert answer.status_code == 413


def test_server_defaults_apply_when_a_request_does_not_say() -> None:
    local = TestClient(create_app(Settings(municipality="Aarhus", as_of=date(2026, 3, 1))))
    data = local.post("/api/annotate", json={"text": "Kommunalbestyrelsen mødes."}).json()
    assert data["municipality"] == "751"
    assert data["as_of"] == "2026-03-01"
    assert [a["kind"] for a in data["annotations"]] == ["variant"]
