"""LanguageTool's HTTP API as kommunsk serves it: the protocol, and the real clients against it.

The clients (language-tool-python, pylanguagetool) talk to a real uvicorn on a
free port; they must find the same findings the library finds, at the same
places, with an emoji before a finding (UTF-16 offsets) and with markup (data).
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from live_server import running
from starlette.testclient import TestClient

import kommunsk
from kommunsk.server.app import create_app
from kommunsk.server.languagetool import Utf16, parse_data, sentence, units

TEXT = "Vores kunder får et detaljeret roadmap. Investeringen er stor, og ROI er høj."
EMOJI = "😀🎉 Tak! " + TEXT  # two characters outside the BMP before every finding


@pytest.fixture(scope="module")
def client() -> TestClient:
    return TestClient(create_app())


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    with running() as url:
        yield url


def flagged(text: str, picky: bool = False) -> list[kommunsk.Annotation]:
    """What a LanguageTool client should get: the findings `kommunsk check` reports by default."""
    floor = ("warning", "suggestion", "info") if picky else ("warning", "suggestion")
    return [a for a in kommunsk.annotate(text) if a.kind != "term" and a.severity in floor]


def test_offsets_count_utf16_code_units(client: TestClient) -> None:
    answer = client.post("/v2/check", data={"text": EMOJI, "language": "da-DK"}).json()
    expected = flagged(EMOJI)
    assert len(answer["matches"]) == len(expected) >= 2
    encoded = EMOJI.encode("utf-16-le")
    for match, annotation in zip(answer["matches"], expected, strict=True):
        start, length = match["offset"], match["length"]
        assert encoded[2 * start : 2 * (start + length)].decode("utf-16-le") == annotation.text
        assert start == annotation.start + 2  # each emoji is two UTF-16 code units
        context = match["context"]
        shown = context["text"].encode("utf-16-le")
        piece = shown[2 * context["offset"] : 2 * (context["offset"] + context["length"])]
        assert piece.decode("utf-16-le") == annotation.text


def test_the_answer_has_languagetools_shape(client: TestClient) -> None:
    answer = client.post("/v2/check", data={"text": TEXT, "language": "da"}).json()
    assert set(answer) >= {"software", "warnings", "language", "matches"}
    assert answer["software"]["apiVersion"] == 1
    assert answer["language"]["code"] == "da-DK"
    roadmap = next(m for m in answer["matches"] if TEXT[m["offset"] :].startswith("roadmap"))
    assert roadmap["length"] == len("roadmap")
    assert {"value": "tidsplan"} in roadmap["replacements"]
    assert roadmap["rule"]["id"] == "KOMMUNSK_JARGON"
    assert roadmap["rule"]["category"] == {"id": "KOMMUNSK", "name": "Kommunalt sprog"}
    assert roadmap["rule"]["issueType"] and roadmap["rule"]["description"]
    assert roadmap["rule"]["urls"][0]["value"].endswith("/ordliste/tidsplan")
    assert roadmap["sentence"] == "Vores kunder får et detaljeret roadmap."
    assert roadmap["shortMessage"] and roadmap["message"]
    assert roadmap["type"] == {"typeName": "Other"}


def test_get_languages_names_danish(client: TestClient) -> None:
    assert client.get("/v2/languages").json() == [
        {"name": "Danish", "code": "da", "longCode": "da-DK"}
    ]


@pytest.mark.parametrize("language", ["da-DK", "da", "auto", "DA-dk"])
def test_danish_and_auto_are_accepted(client: TestClient, language: str) -> None:
    assert client.post("/v2/check", data={"text": TEXT, "language": language}).status_code == 200


@pytest.mark.parametrize(
    ("fields", "says"),
    [
        ({"text": TEXT, "language": "en-US"}, "'en-US' is not a language code known to kommunsk"),
        ({"text": TEXT}, "Missing 'language' parameter"),
        ({"language": "da-DK"}, "Missing 'text' or 'data' parameter"),
        ({"text": TEXT, "language": "da", "level": "fussy"}, "Unknown level 'fussy'"),
        ({"text": TEXT, "language": "da", "enabledOnly": "true"}, "enabledOnly=true"),
        ({"data": "{not json", "language": "da"}, "'data' is not valid JSON"),
        ({"text": TEXT, "language": "da", "kommune": "Narnia"}, "ukendt kommune: 'Narnia'"),
    ],
)
def test_refusals_are_400_with_a_plain_error_line(
    client: TestClient, fields: dict[str, str], says: str
) -> None:
    answer = client.post("/v2/check", data=fields)
    assert answer.status_code == 400
    assert answer.text.startswith("Error: ")
    assert says in answer.text


def test_disabled_and_enabled_rules_filter_the_matches(client: TestClient) -> None:
    def rules(**fields: str) -> list[str]:
        data = {"text": TEXT, "language": "da-DK", **fields}
        return [m["rule"]["id"] for m in client.post("/v2/check", data=data).json()["matches"]]

    everything = rules()
    assert "KOMMUNSK_JARGON" in everything
    assert "KOMMUNSK_JARGON" not in rules(disabledRules="KOMMUNSK_JARGON")
    assert rules(disabledCategories="KOMMUNSK") == []
    only = rules(enabledOnly="true", enabledRules="KOMMUNSK_JARGON")
    assert only and set(only) == {"KOMMUNSK_JARGON"}
    assert rules(enabledOnly="true", enabledCategories="KOMMUNSK") == everything


def test_kommune_gives_the_local_variant(client: TestClient) -> None:
    text = "Kommunalbestyrelsen har besluttet det."
    plain = client.post("/v2/check", data={"text": text, "language": "da-DK"}).json()
    local = client.post(
        "/v2/check", data={"text": text, "language": "da-DK", "kommune": "Aarhus"}
    ).json()
    expected = [a for a in kommunsk.annotate(text, municipality="Aarhus") if a.kind != "term"]
    assert plain["matches"] == []
    assert (
        [m["rule"]["id"] for m in local["matches"]]
        == ["KOMMUNSK_VARIANT"]
        == ["KOMMUNSK_" + a.kind.upper() for a in expected]
    )
    assert local["matches"][0]["replacements"][0]["value"] == expected[0].suggestions[0]


def test_data_offsets_refer_to_the_input_with_its_markup(client: TestClient) -> None:
    parts = [
        {"markup": "<p>"},
        {"text": "Et "},
        {"markup": "<b>"},
        {"text": "roadmap"},
        {"markup": "</b>"},
        {"markup": "<br>", "interpretAs": "\n"},
        {"text": "😀 Investeringen er stor, og ROI er høj."},
    ]
    whole = "".join(p.get("text", p.get("markup", "")) for p in parts)
    data = json.dumps({"annotation": parts})
    answer = client.post("/v2/check", data={"data": data, "language": "da-DK"}).json()
    encoded = whole.encode("utf-16-le")
    found = [
        encoded[2 * m["offset"] : 2 * (m["offset"] + m["length"])].decode("utf-16-le")
        for m in answer["matches"]
    ]
    assert found == ["roadmap", "ROI"]


def test_picky_adds_the_jargon_the_context_makes_acceptable(client: TestClient) -> None:
    text = "Investeringen er stor."
    default = client.post("/v2/check", data={"text": text, "language": "da-DK"}).json()
    picky = client.post("/v2/check", data={"text": text, "language": "da-DK", "level": "picky"})
    assert default["matches"] == [] != flagged(text, picky=True)
    assert [m["offset"] for m in picky.json()["matches"]] == [
        a.start for a in flagged(text, picky=True)
    ]


def test_get_check_works_like_post(client: TestClient) -> None:
    posted = client.post("/v2/check", data={"text": TEXT, "language": "da-DK"}).json()
    got = client.get("/v2/check", params={"text": TEXT, "language": "da-DK"}).json()
    assert got["matches"] == posted["matches"]


def test_parse_data_maps_interpreted_markup_to_its_place() -> None:
    parsed = parse_data(
        json.dumps(
            {"annotation": [{"text": "a"}, {"markup": "<br/>", "interpretAs": "\n"}, {"text": "b"}]}
        )
    )
    assert parsed.plain == "a\nb"
    assert parsed.original == "a<br/>b"
    assert [parsed.to_original(i) for i in range(4)] == [0, 1, 6, 7]


def test_utf16_helpers() -> None:
    assert units("a😀b") == 4
    to_utf16 = Utf16("a😀b😀c")
    assert [to_utf16(i) for i in range(6)] == [0, 1, 3, 4, 6, 7]


def test_sentence_is_the_one_the_finding_stands_in() -> None:
    text = "Første sætning. Vores roadmap er klar! Sidste"
    start = text.index("roadmap")
    assert sentence(text, start, start + 7) == "Vores roadmap er klar!"


def test_language_tool_python_as_a_remote_client(
    server: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    import language_tool_python
    from language_tool_python import download_lt

    def no_download(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("language-tool-python tried to download LanguageTool")

    monkeypatch.setattr(download_lt.LocalLanguageTool, "download", no_download, raising=False)
    tool = language_tool_python.LanguageTool("da-DK", remote_server=server)
    try:
        found = tool.check(EMOJI)
    finally:
        tool.close()
    expected = flagged(EMOJI)
    # the client turns UTF-16 offsets back into Python offsets itself
    assert [(m.offset, m.error_length) for m in found] == [
        (a.start, a.end - a.start) for a in expected
    ]
    assert [EMOJI[m.offset : m.offset + m.error_length] for m in found] == [
        a.text for a in expected
    ]
    assert found[0].rule_id.startswith("KOMMUNSK_")
    assert language_tool_python.utils.correct(EMOJI, found) != EMOJI


def test_pylanguagetool_api_and_command_line(server: str, tmp_path: Path) -> None:
    from pylanguagetool import api

    answer = api.check(TEXT, api_url=server + "/v2/", lang="da-DK")
    assert [(m["offset"], m["length"]) for m in answer["matches"]] == [
        (a.start, a.end - a.start) for a in flagged(TEXT)
    ]
    source = tmp_path / "tilbud.txt"
    source.write_text(TEXT, encoding="utf-8")
    done = subprocess.run(
        [
            str(Path(sys.executable).parent / "pylanguagetool"),
            "-a",
            server + "/v2/",
            "-l",
            "da-DK",
            "--no-color",
            str(source),
        ],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)},
    )
    assert "roadmap" in done.stdout, done.stdout + done.stderr
    assert "tidsplan" in done.stdout
