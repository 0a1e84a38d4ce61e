"""Reporters: golden files for every format, plus the rules each format must keep.

The findings are made by hand, so these tests need no glossary or spaCy model.
Regenerate the golden files after an intended change with

    KOMMUNSK_UPDATE_GOLDEN=1 pytest tests/test_reporters.py

and review the diff before committing it.
"""

from __future__ import annotations

import dataclasses
import json
import os
import re
import subprocess
import sys
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from kommunsk.engine.annotation import Annotation
from kommunsk.lint.findings import Finding, Summary
from kommunsk.reporters import REPORTERS, UnknownFormat, render
from kommunsk.reporters import github as github_reporter
from kommunsk.reporters import sarif as sarif_reporter
from kommunsk.reporters import text as text_reporter

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = Path(__file__).resolve().parent / "golden" / "reporters"
SCHEMA = ROOT / "docs" / "schema" / "check-output.schema.json"
UPDATE = os.environ.get("KOMMUNSK_UPDATE_GOLDEN") == "1"
ANSI = re.compile(r"\x1b\[[0-9;]*m")


def annotation(text: str, **fields: Any) -> Annotation:
    """An annotation with sensible defaults; offsets do not matter to reporters."""
    defaults: dict[str, Any] = {
        "start": 0,
        "end": len(text),
        "text": text,
        "kind": "jargon",
        "concept_id": "borger",
        "suggestions": (),
        "match": "lemma",
        "score": 100,
        "severity": "warning",
        "message": "",
        "glossary_version": "1.4.0",
        "term": text.lower(),
    }
    return Annotation(**(defaults | fields))


def finding(path: str, line: int, line_text: str, a: Annotation, **fields: Any) -> Finding:
    """A finding whose column is found by looking the annotation's text up in the line."""
    column = line_text.index(a.text.split("\n")[0]) + 1
    defaults: dict[str, Any] = {
        "end_line": line,
        "end_column": column + len(a.text),
        "unit": "line",
    }
    values = defaults | fields
    return Finding(
        path, line, column, values["end_line"], values["end_column"], a, line_text, values["unit"]
    )


def sample_findings() -> list[Finding]:
    """The fixed findings behind the golden files; each tests a case some format must handle."""
    kunderne = annotation(
        "Kunderne",
        suggestions=("Borgerne",),
        message="Kommunen skriver «Borgerne», ikke «Kunderne».",
        reason="En kommune har borgere, ikke kunder: borgeren har rettigheder, ikke en købsaftale.",
        term="kunde",
    )
    plejehjem = annotation(
        "plejehjemmet",
        concept_id="plejecenter",
        suggestions=("plejecentret", "plejeboligen"),
        severity="suggestion",
        message="Kommunen skriver hellere «plejecentret» end «plejehjemmet».",
        reason="Plejehjem er den gamle betegnelse; i dag hedder det plejecenter eller plejebolig.",
        term="plejehjem",
        match="compound",
        score=92,
    )
    visitation = annotation(
        "visitation",
        kind="term",
        concept_id="visitation",
        severity="info",
        message="Kommunalt fagord: Kommunens afgørelse af, hvilken hjælp en borger kan få.",
        term="visitation",
        match="exact",
    )
    hjemmehjaelp = annotation(
        "hjemmeplejen",
        kind="variant",
        concept_id="hjemmehjaelp",
        suggestions=("hjemmehjælpen",),
        severity="suggestion",
        message="Aarhus Kommune skriver «hjemmehjælpen».",
        term="hjemmepleje",
        municipality="751",
    )
    journey = annotation(
        "customer\njourney",
        concept_id="borgerforloeb",
        suggestions=("borgerforløb",),
        severity="suggestion",
        message="Kommunen skriver hellere «borgerforløb» end «customer journey».",
        term="customer journey",
    )
    gtm = annotation(
        "go-to-market",
        kind="avoid",
        concept_id="go-to-market",
        message="«go-to-market» er forretningsjargon uden kommunalt modstykke: Skriv, hvad I gør.",
        reason="Skriv, hvad I vil gøre. Kommunen køber ikke en markedsplan.",
        term="go-to-market",
        match="exact",
    )
    capex = annotation(
        "CAPEX",
        concept_id="anlaegsudgift",
        suggestions=("anlægsudgift",),
        message="Kommunen skriver «anlægsudgift», ikke «CAPEX»: mindst 40% af budgettet, sagde de.",
        reason="Engelsk regnskabsforkortelse, som kommunale budgetter ikke bruger.",
        term="CAPEX",
        match="exact",
    )
    return [
        finding("proposal.md", 3, "Kunderne får en app, der samler alt.", kunderne),
        finding("proposal.md", 5, "Hjælp\tpå plejehjemmet\thver dag.", plejehjem),
        finding("proposal.md", 7, "Efter visitation får borgeren besked.", visitation),
        finding("proposal.md", 8, "Vi aflaster hjemmeplejen.", hjemmehjaelp),
        finding("proposal.md", 9, "Vi tegner hele customer", journey, end_line=10, end_column=8),
        finding("docs/møde referat.docx", 4, "Vores go-to-market er klar.", gtm, unit="paragraph"),
        finding("budget.md", 2, "CAPEX: 12 mio. kr.", capex),
    ]


def sample_summary(findings: list[Finding]) -> Summary:
    by_severity: dict[str, int] = {}
    for f in findings:
        by_severity[f.annotation.severity] = by_severity.get(f.annotation.severity, 0) + 1
    return Summary(
        files=4,
        findings=len(findings),
        by_severity=by_severity,
        failed=True,
        skipped=("logo.png: binær fil, sprunget over",),
        kommunsk_version="0.1.0",
        glossary_version="1.4.0",
    )


GOLDEN_CASES = {
    "check.txt": ("text", False),
    "check-color.txt": ("text", True),
    "check.json": ("json", False),
    "check.sarif": ("sarif", False),
    "check.github.txt": ("github", False),
}


def output(name: str, color: bool = False, findings: list[Finding] | None = None) -> str:
    found = sample_findings() if findings is None else findings
    return render(name, found, sample_summary(found), color=color)


# --- golden files ---


@pytest.mark.parametrize("filename", sorted(GOLDEN_CASES))
def test_output_matches_golden_file(filename: str) -> None:
    name, color = GOLDEN_CASES[filename]
    actual = output(name, color)
    path = GOLDEN / filename
    if UPDATE:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(actual, encoding="utf-8", newline="")
    assert path.is_file(), f"{path} is missing: run KOMMUNSK_UPDATE_GOLDEN=1 pytest {__file__}"
    expected = path.read_text(encoding="utf-8").replace("\r\n", "\n")
    assert actual == expected, (
        f"{filename} changed: review, then regenerate with KOMMUNSK_UPDATE_GOLDEN=1"
    )


@pytest.mark.parametrize("name", sorted(REPORTERS))
def test_output_does_not_depend_on_input_order(name: str) -> None:
    findings = sample_findings()
    assert output(name, findings=findings[::-1]) == output(name, findings=findings)


def test_registry_names_and_unknown_format() -> None:
    assert set(REPORTERS) == {"text", "json", "sarif", "github"}
    with pytest.raises(UnknownFormat, match="ukendt format"):
        render("xml", [], sample_summary([]))


def test_color_only_changes_the_text_format() -> None:
    for name in ("json", "sarif", "github"):
        assert output(name, color=True) == output(name, color=False)
    assert ANSI.sub("", output("text", color=True)) == output("text", color=False)


# --- text ---


def test_text_plain_has_no_escape_codes_and_colour_has() -> None:
    assert "\x1b" not in output("text", color=False)
    coloured = output("text", color=True)
    assert "\x1b[31m\x1b[1mjargon\x1b[0m" in coloured  # warning: red and bold
    assert "\x1b[33mjargon\x1b[0m" in coloured  # suggestion: yellow
    assert "\x1b[35mlokalt ord\x1b[0m" in coloured  # variant: magenta
    assert "\x1b[36mfagord\x1b[0m" in coloured  # known term: cyan
    assert "\x1b[1mproposal.md\x1b[0m" in coloured  # path: bold
    assert "\n    \x1b[31m\x1b[1m^~~~~~~~\x1b[0m\n" in coloured  # the marker, not its indent


def test_text_header_lines() -> None:
    lines = output("text").splitlines()
    assert lines[8] == (
        'proposal.md:3:1: jargon: "Kunderne" -> "Borgerne" '
        "(Kommunen skriver «Borgerne», ikke «Kunderne».)"
    )
    assert any(
        line.startswith('proposal.md:5:10: jargon: "plejehjemmet" -> "plejecentret" eller')
        for line in lines
    )
    assert any(
        line.startswith('docs/møde referat.docx:¶4:7: undgå: "go-to-market" (') for line in lines
    )
    assert any(
        line.startswith('proposal.md:9:16: jargon: "customer journey" -> ') for line in lines
    )


def test_text_marker_lines_up_after_tabs() -> None:
    found = sample_findings()[1]
    source, marker = text_reporter.excerpt(found)
    assert "\t" not in source
    start = marker.index("^")
    assert source[start : start + len(marker) - start] == "plejehjemmet"


def test_text_marker_runs_to_line_end_for_multi_line_span() -> None:
    source, marker = text_reporter.excerpt(sample_findings()[4])
    assert source == "Vi tegner hele customer"
    assert marker == " " * 15 + "^~~~~~~~"


def test_text_marker_for_empty_span_and_column_past_line_end() -> None:
    a = annotation("x")
    empty = Finding("a.md", 1, 3, 1, 3, a, "abcdef")
    assert text_reporter.excerpt(empty) == ("abcdef", "  ^")
    beyond = Finding("a.md", 1, 40, 1, 45, a, "abc")
    assert text_reporter.excerpt(beyond) == ("abc", "   ^")


def test_text_cuts_long_lines_around_the_span() -> None:
    line = "ord " * 100 + "Kunderne får en app." + " mere" * 100
    f = finding("a.docx", 1, line, annotation("Kunderne"), unit="paragraph")
    source, marker = text_reporter.excerpt(f)
    assert source.startswith("…") and source.endswith("…")
    assert len(source) <= text_reporter.WINDOW + 2
    start = marker.index("^")
    assert source[start : len(marker)] == "Kunderne"


def test_text_replaces_control_characters() -> None:
    a = annotation("Kunderne", message="Skriv\x1b[31m borgerne.")
    f = finding("a\x1b.md", 1, "\x1b[2J Kunderne", a)
    report = render("text", [f], sample_summary([f]))
    assert "\x1b" not in report
    source, marker = text_reporter.excerpt(f)
    assert source[marker.index("^") : len(marker)] == "Kunderne"


def test_text_marker_skips_combining_accents() -> None:
    line = "Cafe\u0301en har Kunderne"  # "Caféen": the accent is a character of its own
    source, marker = text_reporter.excerpt(finding("a.md", 1, line, annotation("Kunderne")))
    assert source == line
    assert marker == " " * 11 + "^~~~~~~~"  # 12 characters before the span, 11 columns


def test_text_summary_lines() -> None:
    assert output("text").splitlines()[-2:] == [
        "7 fund i 4 filer: 3 advarsler, 3 forslag, 1 kendt fagord",
        "Sprunget over: logo.png: binær fil, sprunget over",
    ]
    nothing = Summary(files=2, findings=0, by_severity={}, failed=False)
    assert render("text", [], nothing) == "Ingen fund i 2 filer.\n"
    one = Summary(files=1, findings=2, by_severity={"warning": 1, "info": 1}, failed=True)
    assert text_reporter.summary_line(one) == "2 fund i 1 fil: 1 advarsel, 1 kendt fagord"


# --- json ---


def schema() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(SCHEMA.read_text(encoding="utf-8"))
    return data


def test_json_schema_is_a_valid_draft_2020_12_schema() -> None:
    Draft202012Validator.check_schema(schema())
    assert schema()["$schema"] == "https://json-schema.org/draft/2020-12/schema"


@pytest.mark.parametrize("empty", [False, True], ids=["findings", "empty"])
def test_json_output_validates_against_schema(empty: bool) -> None:
    document = json.loads(output("json", findings=[] if empty else sample_findings()))
    errors = sorted(Draft202012Validator(schema()).iter_errors(document), key=str)
    assert not errors, "\n".join(e.message for e in errors)


def test_json_schema_rejects_a_changed_shape() -> None:
    document = json.loads(output("json"))
    document["findings"][0]["extra"] = 1
    del document["findings"][1]["severity"]
    assert len(list(Draft202012Validator(schema()).iter_errors(document))) == 2


def test_json_shape_and_key_order() -> None:
    text = output("json")
    assert text.endswith("}\n") and "«Borgerne»" in text  # ensure_ascii=False
    document = json.loads(text)
    assert list(document) == [
        "schema_version",
        "kommunsk_version",
        "glossary_version",
        "summary",
        "findings",
    ]
    assert document["schema_version"] == 1
    assert list(document["summary"]) == [
        "files",
        "findings",
        "by_severity",
        "failed",
        "skipped",
        "errors",
    ]
    assert list(document["findings"][0]) == [
        "path", "line", "column", "end_line", "end_column", "unit", "kind", "severity",
        "concept_id", "text", "term", "suggestions", "match", "score", "message", "reason",
        "municipality",
    ]  # fmt: skip
    assert document["summary"]["by_severity"] == {"warning": 3, "suggestion": 3, "info": 1}


def test_json_falls_back_to_library_and_glossary_versions() -> None:
    import kommunsk

    found = sample_findings()
    bare = dataclasses.replace(sample_summary(found), kommunsk_version="", glossary_version="")
    document = json.loads(render("json", found, bare))
    assert document["kommunsk_version"] == kommunsk.__version__
    assert document["glossary_version"] == "1.4.0"


# --- sarif ---


def sarif() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(output("sarif"))
    return data


def test_sarif_log_structure() -> None:
    log = sarif()
    assert log["$schema"] == "https://json.schemastore.org/sarif-2.1.0.json"
    assert log["version"] == "2.1.0"
    (run,) = log["runs"]
    assert run["columnKind"] == "unicodeCodePoints"
    assert run["properties"] == {"kommunsk_version": "0.1.0", "glossary_version": "1.4.0"}
    driver = run["tool"]["driver"]
    assert (driver["name"], driver["version"]) == ("kommunsk", "0.1.0")
    assert driver["informationUri"] == "https://github.com/kommunsk/kommunsk"
    assert driver["properties"] == {"glossary_version": "1.4.0"}


def test_sarif_one_rule_per_concept_and_indexes_match() -> None:
    run = sarif()["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    ids = [rule["id"] for rule in rules]
    assert ids == sorted({f.annotation.concept_id for f in sample_findings()})
    for rule in rules:
        assert set(rule) >= {
            "id",
            "name",
            "shortDescription",
            "fullDescription",
            "defaultConfiguration",
        }
        assert rule["fullDescription"]["text"]
    for result in run["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
    borger = rules[ids.index("borger")]
    assert borger["fullDescription"]["text"].startswith("En kommune har borgere")
    assert borger["defaultConfiguration"] == {"level": "warning"}
    assert rules[ids.index("go-to-market")]["name"] == "GoToMarket"


def test_sarif_levels_messages_and_locations() -> None:
    results = {r["ruleId"]: r for r in sarif()["runs"][0]["results"]}
    assert results["borger"]["level"] == "warning"
    assert results["plejecenter"]["level"] == "note"
    assert (results["visitation"]["level"], results["visitation"]["kind"]) == (
        "none",
        "informational",
    )
    assert "«Borgerne»" in results["borger"]["message"]["text"]
    region = results["borger"]["locations"][0]["physicalLocation"]["region"]
    assert {k: region[k] for k in ("startLine", "startColumn", "endLine", "endColumn")} == {
        "startLine": 3,
        "startColumn": 1,
        "endLine": 3,
        "endColumn": 9,
    }
    docx = results["go-to-market"]
    location = docx["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "docs/m%C3%B8de%20referat.docx"
    assert location["region"]["startLine"] == 4
    assert docx["properties"]["unit"] == "paragraph"


def test_sarif_message_names_the_suggestion_when_the_message_does_not() -> None:
    a = annotation("kunderne", suggestions=("borgerne",), message="Forretningssprog.")
    f = finding("a.md", 1, "kunderne", a)
    assert text_reporter.full_message(f) == "Forretningssprog. Forslag: «borgerne»."


@pytest.mark.parametrize(
    ("path", "uri"),
    [
        ("proposal.md", "proposal.md"),
        ("./docs/a.md", "docs/a.md"),
        ("docs\\sub\\a.md", "docs/sub/a.md"),
        ("ældre plan.md", "%C3%A6ldre%20plan.md"),
        ("a:b.md", "a%3Ab.md"),
        ("/home/x/a b.md", "file:///home/x/a%20b.md"),
        ("C:\\Users\\x\\a.md", "file:///C:/Users/x/a.md"),
    ],
)
def test_sarif_artifact_uri(path: str, uri: str) -> None:
    assert sarif_reporter.artifact_uri(path) == uri


def test_sarif_fingerprints_survive_moved_lines_and_tell_repeats_apart() -> None:
    a = annotation("Kunderne", suggestions=("Borgerne",))
    first = finding("a.md", 3, "Kunderne og Kunderne", a)
    second = dataclasses.replace(first, column=13, end_column=21)
    moved = [
        dataclasses.replace(f, line=f.line + 10, end_line=f.end_line + 10) for f in (first, second)
    ]
    before = sarif_reporter.fingerprints([first, second])
    assert before == sarif_reporter.fingerprints(moved)
    assert before[0] != before[1]
    assert all(re.fullmatch(r"[0-9a-f]{32}", h) for h in before)
    results = sarif()["runs"][0]["results"]
    assert all(set(r["partialFingerprints"]) == {"kommunsk/v1"} for r in results)


# --- github ---


def test_github_commands() -> None:
    lines = output("github").splitlines()
    assert len(lines) == 6  # the known term (info) is left out
    assert lines[0].startswith(
        "::warning file=budget.md,line=2,col=1,endLine=2,endColumn=6,title=kommunsk%3A jargon::"
    )
    assert "::notice file=proposal.md,line=5," in output("github")
    assert not any("visitation" in line for line in lines)


def test_github_escapes_data_and_properties() -> None:
    capex = output("github").splitlines()[0]
    assert capex.endswith(
        "::Kommunen skriver «anlægsudgift», ikke «CAPEX»: mindst 40%25 af budgettet, sagde de."
    )
    assert github_reporter.escape_data("a%b\r\nc") == "a%25b%0D%0Ac"
    assert github_reporter.escape_property("a%b:c,d\n") == "a%25b%3Ac%2Cd%0A"
    a = annotation("x", message="m")
    odd = Finding("dir,1/a:b.md", 1, 1, 1, 2, a, "x")
    assert github_reporter.command(odd).startswith("::warning file=dir%2C1/a%3Ab.md,line=1,")


def test_github_paragraph_goes_into_the_message() -> None:
    (docx,) = [line for line in output("github").splitlines() if ".docx" in line]
    assert docx.startswith(
        "::warning file=docs/møde referat.docx,title=kommunsk%3A undgå::¶4, kolonne 7: "
    )


def test_github_nothing_to_report_is_empty() -> None:
    only_info = [f for f in sample_findings() if f.annotation.severity == "info"]
    assert output("github", findings=only_info) == ""


# --- weight ---


def test_text_reporter_does_not_import_rich() -> None:
    code = "import sys, kommunsk.reporters; assert 'rich' not in sys.modules, 'rich imported'"
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)


def test_text_without_message_or_source_line() -> None:
    f = Finding("a.md", 1, 1, 1, 1, annotation("x", message=""), "")
    report = text_reporter.render([f], sample_summary([f]))
    assert report.startswith('a.md:1:1: jargon: "x"\n\n    ^\n')


# --- Word places ---


def placed_docx_finding() -> Finding:
    line = "Vores stakeholders får en fast pris."
    a = annotation("stakeholders", suggestions=("interessenter",), message="Skriv interessenter.")
    return replace(finding("tilbud.docx", 6, line, a, unit="paragraph"), place="Økonomi › afsnit 2")


def test_word_place_in_every_format() -> None:
    found = [placed_docx_finding()]
    text = output("text", findings=found)
    assert text.startswith(
        'tilbud.docx: Økonomi › afsnit 2: jargon: "stakeholders" -> "interessenter" '
        "(Skriv interessenter.)\n    Vores stakeholders får en fast pris.\n          ^~~"
    )
    (data,) = json.loads(output("json", findings=found))["findings"]
    assert (data["line"], data["unit"], data["place"]) == (6, "paragraph", "Økonomi › afsnit 2")
    (result,) = json.loads(output("sarif", findings=found))["runs"][0]["results"]
    assert result["properties"]["place"] == "Økonomi › afsnit 2"
    assert result["message"]["text"].startswith("Økonomi › afsnit 2: Skriv interessenter.")
    assert "::Økonomi › afsnit 2: Skriv interessenter." in output("github", findings=found)
