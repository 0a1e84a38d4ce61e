"""The command line follows the conventions its users know from ruff, codespell and Vale."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import docx
import pytest
import yaml
from click.testing import CliRunner

from kommunsk.cli import cli
from kommunsk.cli.options import use_color

ROOT = Path(__file__).resolve().parent.parent
JARGON = "Kunderne i hjemmeplejen ser frem til kick-off med vores stakeholders.\n"


def run(
    *args: str, input: str | None = None, cwd: Path | None = None, env: dict[str, str] | None = None
) -> tuple[int, str, str]:
    previous = Path.cwd()
    if cwd:
        os.chdir(cwd)
    try:
        result = CliRunner().invoke(cli, list(args), input=input, catch_exceptions=False, env=env)
    finally:
        os.chdir(previous)
    return result.exit_code, result.stdout, result.stderr


def test_quiet_prints_only_the_findings(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text(JARGON, encoding="utf-8")
    code, loud, _ = run("check", "a.md", cwd=tmp_path)
    quiet_code, quiet, _ = run("check", "a.md", "--quiet", cwd=tmp_path)
    assert code == quiet_code == 1
    assert "fund i 1 fil" in loud and "fund i" not in quiet
    assert "stakeholders" in quiet


def test_statistics_counts_findings_per_concept(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text(JARGON * 3, encoding="utf-8")
    code, out, _ = run("check", "a.md", "--statistics", cwd=tmp_path)
    assert code == 1
    counts = {line.split()[1]: line.split()[0] for line in out.splitlines()[:-1]}
    assert counts["interessent"] == counts["borger"] == "3"
    code, out, _ = run("check", "a.md", "--statistics", "--format", "json", cwd=tmp_path)
    data = json.loads(out)
    assert data["glossary_version"] and data["statistics"][0]["count"] == 3


def test_stdin_filename_reads_markdown_as_markdown() -> None:
    text = "Koden `kunderne` står i en kodeblok.\n\n```\nstakeholders\n```\n\nVores stakeholders.\n"
    code, out, _ = run(
        "check", "-", "--stdin-filename", "tilbud.md", "--format", "json", input=text
    )
    found = json.loads(out)["findings"]
    assert [(f["path"], f["text"], f["line"]) for f in found] == [("tilbud.md", "stakeholders", 7)]
    assert code == 1
    _, plain, _ = run("check", "-", "--format", "json", input=text)
    assert len(json.loads(plain)["findings"]) > 1  # as plain text, the code is read too


def test_force_color_and_no_color(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("FORCE_COLOR", "1")
    assert use_color(None) is True  # not a terminal, but forced
    monkeypatch.setenv("NO_COLOR", "1")
    assert use_color(None) is False  # NO_COLOR wins
    assert use_color(True) is True  # and the option wins over both


def test_check_diff_shows_the_safe_rewrites_and_changes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_text(JARGON, encoding="utf-8")
    code, out, _ = run("check", "a.md", "--diff", cwd=tmp_path)
    assert code == 1
    assert "-Kunderne i hjemmeplejen ser frem til" in out and "+Borgerne i hjemmeplejen" in out
    assert path.read_text(encoding="utf-8") == JARGON
    (tmp_path / "b.md").write_text("Borgerne er glade.\n", encoding="utf-8")
    assert run("check", "b.md", "--diff", cwd=tmp_path)[:2] == (0, "")


def test_check_fix_rewrites_then_reports_what_is_left(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_text(JARGON, encoding="utf-8")
    _code, out, err = run("check", "a.md", "--fix", "--format", "json", cwd=tmp_path)
    assert path.read_text(encoding="utf-8").startswith("Borgerne i hjemmeplejen ser frem til")
    assert "omskrev a.md" in err
    assert all(f["text"] != "Kunderne" for f in json.loads(out)["findings"])


def test_folders_skip_build_output_virtualenvs_and_gitignored_files(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / ".gitignore").write_text("udkast/\n*.tmp.md\n", encoding="utf-8")
    for name in (
        "node_modules/x.md",
        "build/x.md",
        "dist/x.md",
        ".venv/x.md",
        "udkast/x.md",
        "a.tmp.md",
    ):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(JARGON, encoding="utf-8")
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "TILBUD.MD").write_text(JARGON, encoding="utf-8")
    code, out, _ = run("check", ".", "--format", "json", cwd=tmp_path)
    assert sorted({Path(f["path"]).as_posix() for f in json.loads(out)["findings"]}) == [
        "docs/TILBUD.MD"
    ]
    assert code == 1
    # a file named on the command line is checked even where a folder walk skips it
    _, out, _ = run("check", "udkast/x.md", "--format", "json", cwd=tmp_path)
    assert json.loads(out)["findings"]


def test_github_output_stays_within_githubs_annotation_limits(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("Vores stakeholders er med.\n" * 25, encoding="utf-8")
    summary = tmp_path / "summary.md"
    code, out, _ = run(
        "check",
        "a.md",
        "--format",
        "github",
        cwd=tmp_path,
        env={"GITHUB_STEP_SUMMARY": str(summary)},
    )
    assert code == 1
    lines = out.splitlines()
    assert sum(line.startswith("::warning") for line in lines) == 10
    assert sum(line.startswith("::notice") for line in lines) <= 10
    assert "15 fund mere" in lines[-1]
    written = summary.read_text(encoding="utf-8")
    assert written.startswith("## kommunsk") and written.count("| a.md |") == 25


def test_sarif_rules_link_to_the_concept_page_and_results_carry_safe_fixes(
    tmp_path: Path, glossary
) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "a.md").write_text("Vi spørger kunderne i hjemmeplejen om det.\n", encoding="utf-8")
    _, out, _ = run("check", "a.md", "--format", "sarif", cwd=tmp_path)
    run_ = json.loads(out)["runs"][0]
    rule = next(r for r in run_["tool"]["driver"]["rules"] if r["id"] == "borger")
    domain = glossary.get("borger").domain
    assert rule["helpUri"].endswith(f"/docs/glossary/{domain}.md#borger")
    result = next(r for r in run_["results"] if r["ruleId"] == "borger")
    [replacement] = result["fixes"][0]["artifactChanges"][0]["replacements"]
    assert replacement["insertedContent"]["text"] == "borgerne"
    assert replacement["deletedRegion"]["startColumn"] == 12


def test_baseline_follows_findings_when_lines_move(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_text("Første afsnit.\n\nVores stakeholders er med.\n", encoding="utf-8")
    assert run("check", "a.md", "--baseline", "b.json", "--update-baseline", cwd=tmp_path)[0] == 0
    assert run("check", "a.md", "--baseline", "b.json", cwd=tmp_path)[0] == 0
    path.write_text(
        "Nyt afsnit om kick-off med vores stakeholders.\n\nFørste afsnit.\n\nVores stakeholders er med.\n",
        encoding="utf-8",
    )
    code, out, _ = run("check", "a.md", "--baseline", "b.json", "--format", "json", cwd=tmp_path)
    assert code == 1
    assert {f["line"] for f in json.loads(out)["findings"]} == {1}
    # the same file typed another way is the same file
    code, _, _ = run(
        "check",
        "./a.md",
        "--baseline",
        str(tmp_path / "b.json"),
        "--fail-on",
        "never",
        cwd=tmp_path,
    )
    assert code == 0


@pytest.mark.parametrize(
    ("content", "key"),
    [
        ('fail-on = "bogus"\n', "fail-on"),
        ('format = "xml"\n', "format"),
        ("min-severity = 3\n", "min-severity"),
    ],
)
def test_bad_config_values_are_user_errors_naming_file_and_key(
    tmp_path: Path, content: str, key: str
) -> None:
    (tmp_path / ".kommunsk.toml").write_text(content, encoding="utf-8")
    (tmp_path / "a.md").write_text(JARGON, encoding="utf-8")
    code, _, err = run("check", "a.md", cwd=tmp_path)
    assert code == 2
    assert ".kommunsk.toml" in err and f"'{key}'" in err and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1


def test_config_reaches_annotate_explain_and_rewrite(tmp_path: Path) -> None:
    (tmp_path / ".kommunsk.toml").write_text('municipality = "Aarhus"\n', encoding="utf-8")
    (tmp_path / "a.md").write_text("Sagen går til kommunalbestyrelsen.\n", encoding="utf-8")
    _, out, _ = run("annotate", "a.md", "--format", "json", cwd=tmp_path)
    assert json.loads(out)["findings"][0]["municipality"] == "751"
    _, out, _ = run("explain", "kommunalbestyrelse", "--format", "json", cwd=tmp_path)
    assert json.loads(out)["municipality"]["code"] == "751"
    _, out, _ = run("rewrite", "a.md", cwd=tmp_path)
    assert "kommunalbestyrelsen" in out  # a local variant is a suggestion, never a silent rewrite


def test_the_ignore_list_in_the_config_reaches_annotate_and_rewrite(tmp_path: Path) -> None:
    (tmp_path / ".kommunsk.toml").write_text('ignore = ["roadmap"]\n', encoding="utf-8")
    text = "Vores stakeholders kender vores roadmap.\n"
    (tmp_path / "a.md").write_text(text, encoding="utf-8")
    _, out, _ = run("annotate", "a.md", "--format", "json", cwd=tmp_path)
    assert [f["text"] for f in json.loads(out)["findings"]] == ["stakeholders"]
    _, out, _ = run("rewrite", "a.md", cwd=tmp_path)
    assert out == "Vores interessenter kender vores roadmap.\n"
    word = docx.Document()
    word.add_paragraph(text.strip())
    word.save(str(tmp_path / "a.docx"))
    code, _, err = run("rewrite", "a.docx", "--output", "b.docx", cwd=tmp_path)
    assert code == 0 and "1 sporet ændring" in err, err
    code, _, err = run("annotate", "a.docx", "--output", "c.docx", cwd=tmp_path)
    assert code == 0 and "1 kommentar" in err, err


def test_annotate_explains_each_concept_once_per_file(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("Visitationen og visitationen.\n", encoding="utf-8")
    _, out, _ = run("annotate", "a.md", cwd=tmp_path)
    headers = [line for line in out.splitlines() if line.startswith("a.md:")]
    assert len(headers) == 2 and "(" in headers[0] and "(" not in headers[1]


def test_pre_commit_hook_is_serial_and_matches_extensions_in_any_case() -> None:
    [hook] = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hook["require_serial"] is True
    files = re.compile(hook["files"])
    assert all(files.search(n) for n in ("a.md", "A.MD", "b.DOCX", "c.Html", "d.txt"))
    assert not files.search("e.py")


def test_python_dash_m_runs_the_command_line() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "kommunsk", "check", "-", "--format", "json"],
        input=JARGON,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 1 and json.loads(done.stdout)["findings"]


def test_public_types_are_importable_at_run_time() -> None:
    import kommunsk
    from kommunsk import Annotation, Explanation, Glossary, KommunskError, Municipality, Rewrite

    assert issubclass(kommunsk.errors.UnknownMunicipality, KommunskError)
    [found] = [a for a in kommunsk.annotate("Kunderne i hjemmeplejen.") if a.kind == "jargon"]
    assert isinstance(found, Annotation)
    assert isinstance(kommunsk.explain("visitation"), Explanation)
    assert isinstance(kommunsk.rewrite("Kunderne i hjemmeplejen."), Rewrite)
    assert isinstance(kommunsk.load(), Glossary)
    assert isinstance(kommunsk.load().municipalities.lookup("Aarhus"), Municipality)
