"""The command line through click's CliRunner: every command, format and error path.

Golden files under tests/golden/cli/ pin the output for the bundled example;
regenerate them after an intended change with KOMMUNSK_UPDATE_GOLDEN=1.
"""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner
from conftest import GLOSSARY_VERSION

from kommunsk import __version__
from kommunsk.cli import cli

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = Path(__file__).resolve().parent / "golden" / "cli"
UPDATE = os.environ.get("KOMMUNSK_UPDATE_GOLDEN") == "1"


def run(
    *args: str, input: str | bytes | None = None, cwd: Path | None = None
) -> tuple[int, str, str]:
    runner = CliRunner()
    previous = Path.cwd()
    if cwd:
        os.chdir(cwd)
    try:
        result = runner.invoke(cli, list(args), input=input, catch_exceptions=False)
    finally:
        os.chdir(previous)
    return result.exit_code, result.stdout, result.stderr


def golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if UPDATE:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8")


@pytest.fixture()
def example(tmp_path: Path) -> Path:
    target = tmp_path / "tilbud.md"
    target.write_text(
        (ROOT / "examples" / "tilbud.md").read_text(encoding="utf-8"), encoding="utf-8"
    )
    return target


# --- version and help ------------------------------------------------------------------------


def test_version_names_package_and_glossary() -> None:
    code, out, _ = run("--version")
    assert code == 0
    assert out.startswith(f"kommunsk {__version__} (glossar {GLOSSARY_VERSION}")


@pytest.mark.parametrize(
    "command",
    ["check", "annotate", "explain", "rewrite", "municipalities", "glossary validate", "lsp"],
)
def test_every_command_has_help_with_a_danish_example(command: str) -> None:
    code, out, _ = run(*command.split(), "--help")
    assert code == 0
    assert "Eksempel" in out and "kommunsk " in out


# --- check: formats -----------------------------------------------------------------------------


def test_check_example_text_is_golden(example: Path) -> None:
    code, out, _err = run("check", "tilbud.md", "--no-color", cwd=example.parent)
    assert code == 1
    golden("tilbud.txt", out)


def test_check_example_json_is_golden_and_valid(example: Path) -> None:
    code, out, _ = run("check", "tilbud.md", "--format", "json", cwd=example.parent)
    assert code == 1
    data = json.loads(out)
    schema = json.loads(
        (ROOT / "docs" / "schema" / "check-output.schema.json").read_text(encoding="utf-8")
    )
    jsonschema.validate(data, schema)
    assert data["kommunsk_version"] == __version__ and data["glossary_version"] == GLOSSARY_VERSION
    golden("tilbud.json", out)


def test_check_sarif(example: Path) -> None:
    code, out, _ = run("check", "tilbud.md", "--format", "sarif", cwd=example.parent)
    assert code == 1
    log = json.loads(out)
    assert log["version"] == "2.1.0"
    results = log["runs"][0]["results"]
    assert {r["ruleId"] for r in results} >= {"borger", "afproevning", "gevinst"}
    first = results[0]["locations"][0]["physicalLocation"]
    assert first["artifactLocation"]["uri"] == "tilbud.md"
    assert log["runs"][0]["properties"]["glossary_version"] == GLOSSARY_VERSION


def test_check_github(example: Path) -> None:
    code, out, _ = run("check", "tilbud.md", "--format", "github", cwd=example.parent)
    assert code == 1
    lines = out.splitlines()
    assert any(line.startswith("::warning file=tilbud.md,line=12,col=4,") for line in lines)
    assert all(line.startswith(("::warning ", "::notice ")) for line in lines)


def test_clean_text_exits_zero(tmp_path: Path) -> None:
    path = tmp_path / "ok.md"
    path.write_text(
        (ROOT / "examples" / "kvalitetsstandard.md").read_text(encoding="utf-8"), encoding="utf-8"
    )
    code, out, _ = run("check", str(path))
    assert code == 0
    assert out.strip() == "Ingen fund i 1 fil."


def test_suggestions_show_but_pass_by_default(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_text("Vi har en deadline i morgen.\n", encoding="utf-8")
    code, out, _ = run("check", str(path))
    assert code == 0 and "frist" in out
    assert run("check", str(path), "--fail-on", "suggestion")[0] == 1


def test_recognised_terms_never_fail(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_text("Visitationen vurderer borgerens behov.\n", encoding="utf-8")
    code, out, _ = run("check", str(path), "--fail-on", "info", "--min-severity", "info")
    assert code == 0
    assert "fagord" in out


def test_municipality_option_gives_local_names(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_text("Vi præsenterer løsningen for kommunalbestyrelsen.\n", encoding="utf-8")
    _code, out, _ = run("check", str(path), "--municipality", "København", "--format", "json")
    finding = json.loads(out)["findings"][0]
    assert finding["kind"] == "variant" and finding["suggestions"][0] == "Borgerrepræsentationen"
    assert run("check", str(path), "--municipality", "Atlantis")[0] == 2


def test_ignore_option(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_text("Kunderne i hjemmeplejen får besked.\n", encoding="utf-8")
    assert run("check", str(path))[0] == 1
    assert run("check", str(path), "--ignore", "borger")[0] == 0
    assert run("check", str(path), "--ignore", "kunderne")[0] == 0


def test_folder_is_walked_with_include_patterns(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "a.md").write_text("Kunderne i hjemmeplejen.\n", encoding="utf-8")
    (tmp_path / "docs" / "b.py").write_text("kunder = 1\n", encoding="utf-8")
    code, out, _ = run("check", str(tmp_path / "docs"), "--format", "json")
    data = json.loads(out)
    assert code == 1 and data["summary"]["files"] == 1


# --- check: inputs -------------------------------------------------------------------------------


def test_windows_1252_file(tmp_path: Path) -> None:
    path = tmp_path / "cp1252.txt"
    path.write_bytes(
        "Vi hjælper kunderne på plejehjemmet med vores stakeholders.\r\n".encode("cp1252")
    )
    code, out, _ = run("check", str(path), "--format", "json")
    findings = json.loads(out)["findings"]
    assert code == 1
    assert [(f["text"], f["line"], f["column"]) for f in findings] == [
        ("kunderne", 1, 12),
        ("stakeholders", 1, 47),
    ]


def test_crlf_file_keeps_lines_and_columns(tmp_path: Path) -> None:
    path = tmp_path / "crlf.md"
    path.write_bytes(b"Linje et.\r\nLinje to.\r\nHer er kunderne i hjemmeplejen.\r\n")
    _code, out, _ = run("check", str(path), "--format", "json")
    finding = json.loads(out)["findings"][0]
    assert (finding["line"], finding["column"], finding["end_column"]) == (3, 8, 16)


def test_docx_built_in_test(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    document.add_paragraph("Indledning uden jargon.")
    document.add_paragraph("Vores stakeholders er glade for løsningen.")
    table = document.add_table(rows=1, cols=1)
    table.cell(0, 0).text = "Kunderne i hjemmeplejen får en app."
    document.sections[0].footer.paragraphs[0].text = "Kontakt jeres key account manager."
    path = tmp_path / "tilbud.docx"
    document.save(str(path))
    code, out, _ = run("check", str(path), "--format", "json")
    findings = json.loads(out)["findings"]
    assert code == 1
    assert [(f["text"], f["unit"], f["line"]) for f in findings] == [
        ("stakeholders", "paragraph", 2),
        ("Kunderne", "paragraph", 3),
        ("key account manager", "paragraph", 4),
    ]
    assert [f["place"] for f in findings] == [
        "afsnit 2",
        "tabel 1, række 1, celle 1 › afsnit 1",
        "sidefod › afsnit 1",
    ]
    code, out, _ = run("check", str(path))
    assert f'{path}: afsnit 2: jargon: "stakeholders"' in out


def test_binary_file_in_a_folder_is_skipped_with_a_note(tmp_path: Path) -> None:
    (tmp_path / "billede.md").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    (tmp_path / "tekst.md").write_text("Borgerne.\n", encoding="utf-8")
    code, out, _ = run("check", str(tmp_path))
    assert code == 0
    assert "billede.md" in out and "Sprunget over" in out and "1 fil" in out


@pytest.mark.parametrize("name", ["billede.md", "tilbud.pdf", "TILBUD.PDF"])
def test_an_unreadable_file_named_on_the_command_line_is_an_error(
    tmp_path: Path, name: str
) -> None:
    (tmp_path / name).write_bytes(b"%PDF-1.4\n\x00\x00binary\x00")
    code, _, err = run("check", str(tmp_path / name))
    assert code == 2
    assert err.startswith(f"kommunsk: fejl: kan ikke tjekke {tmp_path / name}:")
    assert len(err.strip().splitlines()) == 1


def test_missing_file_is_a_usage_error(tmp_path: Path) -> None:
    code, _out, err = run("check", str(tmp_path / "findes-ikke.md"))
    assert code == 2
    assert err.strip() == f"kommunsk: fejl: filen findes ikke: {tmp_path / 'findes-ikke.md'}"
    assert "Traceback" not in err


def test_standard_input() -> None:
    code, out, _ = run("check", "-", "--format", "json", input="Vores deadline er stor.\n")
    assert code == 0  # a suggestion does not fail
    assert json.loads(out)["findings"][0]["suggestions"][0] == "frist"


def test_no_paths_is_a_usage_error() -> None:
    code, _, err = run("check")
    assert code == 2 and err.startswith("kommunsk: fejl:")


def test_inline_suppression(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_text(
        "<!-- kommunsk: ignore -->\nKunderne i hjemmeplejen.\n\nKunderne i hjemmeplejen.\n",
        encoding="utf-8",
    )
    _code, out, _ = run("check", str(path), "--format", "json")
    assert [f["line"] for f in json.loads(out)["findings"]] == [4]


# --- check: configuration and baseline -----------------------------------------------------------


def test_pyproject_configuration_is_used_and_cli_wins(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[tool.kommunsk]\nmunicipality = "751"\nignore = ["plejecenter"]\n'
    )
    (tmp_path / "a.md").write_text(
        "Sagen går til kommunalbestyrelsen. Plejehjemmet er nyt.\n", encoding="utf-8"
    )
    code, out, _ = run("check", "a.md", "--format", "json", cwd=tmp_path)
    findings = json.loads(out)["findings"]
    assert code == 0  # a local name is a suggestion, which passes by default
    assert [(f["text"], f["suggestions"][0]) for f in findings] == [
        ("kommunalbestyrelsen", "Byrådet")
    ]
    _code, out, _ = run("check", "a.md", "--format", "json", "--municipality", "101", cwd=tmp_path)
    assert json.loads(out)["findings"][0]["suggestions"][0] == "Borgerrepræsentationen"


def test_kommunsk_toml_nearest_wins(tmp_path: Path) -> None:
    (tmp_path / ".kommunsk.toml").write_text('fail-on = "never"\n')
    inner = tmp_path / "sub"
    inner.mkdir()
    (inner / ".kommunsk.yaml").write_text("fail-on: warning\n")
    (inner / "a.md").write_text("Kunderne i hjemmeplejen.\n", encoding="utf-8")
    assert run("check", "a.md", cwd=inner)[0] == 1
    (inner / ".kommunsk.yaml").unlink()
    assert run("check", "a.md", cwd=inner)[0] == 0


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("[tool.kommunsk\nx = 1\n", "ugyldig TOML"),
        (
            '[tool.kommunsk]\nmunicipalty = "751"\n',
            "ukendt nøgle 'municipalty' (mente du 'municipality'?)",
        ),
        ("[tool.kommunsk]\nignore = 5\n", "'ignore' skal være en liste af tekster"),
    ],
)
def test_broken_config_is_one_line_and_exit_2(tmp_path: Path, content: str, message: str) -> None:
    (tmp_path / "pyproject.toml").write_text(content)
    (tmp_path / "a.md").write_text("Kunderne i hjemmeplejen.\n", encoding="utf-8")
    code, _, err = run("check", "a.md", cwd=tmp_path)
    assert code == 2
    assert message in err and len(err.strip().splitlines()) == 1


def test_baseline_fails_only_on_new_findings(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_text("Kunderne i hjemmeplejen får en app.\n", encoding="utf-8")
    baseline = tmp_path / "baseline.json"
    assert run("check", str(path), "--baseline", str(baseline))[0] == 2  # no baseline yet
    assert run("check", str(path), "--baseline", str(baseline), "--update-baseline")[0] == 0
    assert run("check", str(path), "--baseline", str(baseline))[0] == 0
    path.write_text(
        "Intro.\nKunderne i hjemmeplejen får en app.\nVores stakeholders er glade.\n",
        encoding="utf-8",
    )
    code, out, _ = run("check", str(path), "--baseline", str(baseline), "--format", "json")
    assert code == 1
    assert [f["text"] for f in json.loads(out)["findings"]] == ["stakeholders"]


# --- annotate, explain, rewrite -------------------------------------------------------------------


def test_annotate_shows_recognised_terms_and_exits_zero(tmp_path: Path) -> None:
    path = tmp_path / "k.md"
    path.write_text(
        (ROOT / "examples" / "kvalitetsstandard.md").read_text(encoding="utf-8"), encoding="utf-8"
    )
    code, out, _ = run("annotate", str(path), "--format", "json")
    assert code == 0
    concepts = {f["concept_id"] for f in json.loads(out)["findings"]}
    assert {"visitation", "velfaerdsteknologi", "ankestyrelsen", "afproevning"} <= concepts


@pytest.mark.parametrize(
    ("query", "concept"),
    [
        ("visitation", "visitation"),
        ("visiteret", "visitation"),
        ("plejecentre", "plejecenter"),
        ("BUM-modellen", "bum-modellen"),
        ("kunderne", "borger"),
        ("visitaton", "visitation"),
    ],
)
def test_explain_resolves_forms_and_typos(query: str, concept: str) -> None:
    code, out, _ = run("explain", query, "--format", "json")
    data = json.loads(out)
    assert code == 0 and data["found"] is True
    assert data["concept"]["id"] == concept
    assert data["glossary_version"] == GLOSSARY_VERSION


def test_explain_not_found_suggests_close_terms() -> None:
    code, out, _ = run("explain", "visitasjonering", "--format", "json")
    data = json.loads(out)
    assert code == 1
    assert data["found"] is False and data["query"] == "visitasjonering"
    assert "visitation" in [w.lower() for w in data["did_you_mean"]]
    code, out, _ = run("explain", "visitasjonering")
    assert "Mente du" in out


def test_explain_text_shows_local_variant() -> None:
    code, out, _ = run("explain", "kommunalbestyrelse", "--municipality", "Aarhus")
    assert code == 0
    assert "I Aarhus Kommune: Byrådet" in out and "Kilder:" in out


def test_rewrite_prints_and_diffs(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_text(
        "Kunderne på plejehjemmene får hjælp.\nVores go-to-market er klar.\n", encoding="utf-8"
    )
    code, out, _ = run("rewrite", str(path))
    assert code == 0
    assert out == "Borgerne på plejehjemmene får hjælp.\nVores go-to-market er klar.\n"
    code, out, _ = run("rewrite", str(path), "--diff")
    assert (
        "-Kunderne på plejehjemmene får hjælp." in out
        and "+Borgerne på plejehjemmene får hjælp." in out
    )


def test_rewrite_write_keeps_encoding_bom_newlines_and_mode(tmp_path: Path) -> None:
    cp1252 = tmp_path / "cp.txt"
    cp1252.write_bytes("Kunderne får hjælp på plejehjemmet.\r\nAnden linje.\r\n".encode("cp1252"))
    bom = tmp_path / "bom.md"
    bom.write_bytes(b"\xef\xbb\xbfKunderne i hjemmeplejen er glade.\n")
    bom.chmod(0o640)
    for path in (cp1252, bom):
        assert run("rewrite", str(path), "--write")[0] == 0
    assert cp1252.read_bytes() == "Borgerne får hjælp på plejehjemmet.\r\nAnden linje.\r\n".encode(
        "cp1252"
    )
    assert bom.read_bytes() == b"\xef\xbb\xbfBorgerne i hjemmeplejen er glade.\n"
    assert stat.S_IMODE(bom.stat().st_mode) == 0o640


def test_rewrite_leaves_unchanged_files_untouched(tmp_path: Path) -> None:
    path = tmp_path / "ok.md"
    path.write_text("Borgerne er glade.\n", encoding="utf-8")
    os.utime(path, (1_000_000, 1_000_000))
    code, _, err = run("rewrite", str(path), "--write")
    assert code == 0 and "ingen ændringer" in err
    assert path.stat().st_mtime == 1_000_000


def test_rewrite_writes_word_files_only_to_a_copy(tmp_path: Path) -> None:
    import docx

    path = tmp_path / "a.docx"
    docx.Document().save(str(path))
    code, _, err = run("rewrite", str(path), "--write")
    assert code == 2 and "--output" in err


# --- glossary and municipalities ------------------------------------------------------------------


def test_glossary_validate_bundled() -> None:
    code, out, _ = run("glossary", "validate")
    assert code == 0 and out.startswith("Glossaret er gyldigt:")


def test_glossary_validate_lists_every_problem_and_exits_2() -> None:
    broken = Path(__file__).parent / "fixtures" / "broken"
    code, _, err = run(
        "glossary",
        "validate",
        str(broken / "replaced-by-cycle.yaml"),
        str(broken / "example-span.yaml"),
    )
    assert code == 2
    assert (
        err.count("replaced_by forms a cycle") == 2
        and "does not occur in the example sentence" in err
    )
    assert "Traceback" not in err


def test_glossary_info_counts(glossary) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = run("glossary", "info", "--format", "json")
    data = json.loads(out)
    assert code == 0
    assert data["concepts"] == len(glossary) >= 250
    assert data["municipalities"] == 98 and data["municipalities_with_variants"] == 98
    assert data["concepts_with_sources"] == data["concepts"]
    assert data["glossary_version"] == GLOSSARY_VERSION


def test_glossary_diff(glossary_copy: Path) -> None:
    path = glossary_copy / "concepts" / "okonomi.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("english: capital expenditure", "english: capex"),
        encoding="utf-8",
    )
    code, out, _ = run("glossary", "diff", str(ROOT / "glossary"), str(glossary_copy))
    assert code == 1
    assert "~ anlaegsudgift: english" in out
    assert run("glossary", "diff", str(ROOT / "glossary"), str(ROOT / "glossary"))[0] == 0


def test_glossary_export_csv_and_json() -> None:
    code, out, _ = run("glossary", "export", "--format", "csv")
    assert code == 0 and out.startswith("\ufeffconcept_id;domain;word;role")
    assert "borger;forvaltning-og-borgere;kunde;forretningsord;never;borger;" in out
    data = json.loads(run("glossary", "export")[1])
    assert data["glossary_version"] == GLOSSARY_VERSION and len(data["concepts"]) >= 250


def test_glossary_files_are_canonical_and_fingerprinted() -> None:
    assert run("glossary", "fmt", "--check")[0] == 0
    code, _out, err = run("glossary", "fingerprint")
    assert code == 0, err


def test_municipalities_listing() -> None:
    code, out, _ = run("municipalities", "--format", "json", "--as-of", "2027-01-01")
    data = json.loads(out)
    assert code == 0 and len(data["municipalities"]) == 98
    copenhagen = next(m for m in data["municipalities"] if m["code"] == "101")
    assert copenhagen["region"] == "Region Østdanmark"
    code, out, _ = run("municipalities", "vej")
    assert "630  Vejle Kommune  Region Syddanmark" in out  # names containing the text
    assert "575  Vejen Kommune  Region Syddanmark" in out


def test_municipality_profile_names_council_committees_and_sources() -> None:
    code, out, _ = run("municipalities", "gladsaxe", "--as-of", "2026-06-01")
    assert code == 0
    assert out.startswith("Gladsaxe Kommune (kode 159), Region Hovedstaden\n")
    assert "Kommunalbestyrelsen hedder: Byrådet" in out
    assert "Omsorgs- og Sundhedsudvalget; dækker ældre, sundhed; valgperiode 2026-2029 [1]" in out
    assert "Sundheds- og Rehabiliteringsudvalget" in out and "gælder ikke længere" in out
    assert "[1] Styrelsesvedtægt for Gladsaxe Kommune" in out
    code, out, _ = run("municipalities", "751", "--format", "json")
    data = json.loads(out)["municipality"]
    assert data["official_name"] == "Aarhus Kommune" and data["council"] == "Byrådet"
    assert data["web"] == "https://www.aarhus.dk"
    assert all(f["source"]["url"] or f["source"]["document"] for f in data["facts"])


@pytest.mark.parametrize(
    ("query", "day", "count", "region"),
    [
        ("Region Sjælland", "2026-12-01", 17, "Region Sjælland"),
        ("sjælland", "2026-12-01", 17, "Region Sjælland"),
        ("Region Østdanmark", "2027-01-01", 46, "Region Østdanmark"),
        ("Region Nordjylland", "2026-12-01", 11, "Region Nordjylland"),
    ],
)
def test_region_search_lists_exactly_the_region(
    query: str, day: str, count: int, region: str
) -> None:
    code, out, _ = run("municipalities", query, "--as-of", day, "--format", "json")
    rows = json.loads(out)["municipalities"]
    assert code == 0 and len(rows) == count and {r["region"] for r in rows} == {region}


def test_bad_date_is_a_usage_error() -> None:
    code, _, err = run("municipalities", "--as-of", "2027-13-01")
    assert code == 2 and "ÅÅÅÅ-MM-DD" in err


# --- every JSON output has a documented, versioned shape ------------------------------------------

SCHEMAS = ROOT / "docs" / "schema"


@pytest.mark.parametrize(
    ("args", "schema"),
    [
        (("explain", "visiteret", "--format", "json", "--municipality", "751"), "explain-output"),
        (("explain", "zzqqxx", "--format", "json"), "explain-output"),
        (("municipalities", "--format", "json"), "municipalities-output"),
        (("municipalities", "odense", "--format", "json"), "municipality-profile-output"),
        (("glossary", "info", "--format", "json"), "glossary-info-output"),
        (("glossary", "export", "--format", "json"), "glossary-export"),
        (
            (
                "glossary",
                "diff",
                str(ROOT / "glossary"),
                str(ROOT / "glossary"),
                "--format",
                "json",
            ),
            "glossary-diff-output",
        ),
        (
            ("annotate", str(ROOT / "examples" / "kvalitetsstandard.md"), "--format", "json"),
            "check-output",
        ),
    ],
)
def test_json_outputs_match_their_schema(args: tuple[str, ...], schema: str) -> None:
    _, out, _ = run(*args)
    data = json.loads(out)
    jsonschema.validate(
        data, json.loads((SCHEMAS / f"{schema}.schema.json").read_text(encoding="utf-8"))
    )
    assert data.get("kommunsk_version") == __version__
    assert data.get("glossary_version") == GLOSSARY_VERSION
