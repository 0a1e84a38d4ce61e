"""GitHub Actions workflow commands: one `::warning` or `::notice` line per finding, within limits.

GitHub turns each line into an annotation on the pull request, but shows at
most ten annotations of each kind per step; the rest would vanish without a
word. So at most ten warnings and ten notices are written, and when some are
left out, the last notice says how many and points to the job summary, which
lists every finding (`append_step_summary`, written when $GITHUB_STEP_SUMMARY
is set). Known terms (severity info) are left out: they are nothing to fix.
Files that could not be read become `::error` lines.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from kommunsk.lint.findings import Finding, Summary
from kommunsk.reporters.text import full_message, kind_label, one_line, ordered, summary_line

COMMANDS = {"warning": "warning", "suggestion": "notice"}
PER_KIND = 10  # annotations of one kind that GitHub shows per step
SUMMARY_BYTES = 1_000_000  # GitHub's limit on a step summary is 1 MiB


def render(findings: Sequence[Finding], summary: Summary) -> str:
    """The workflow commands, each on its own line; empty when there is nothing to show."""
    shown = [f for f in ordered(findings) if f.annotation.severity in COMMANDS]
    warnings = [f for f in shown if COMMANDS[f.annotation.severity] == "warning"]
    notices = [f for f in shown if COMMANDS[f.annotation.severity] == "notice"]
    overflow = len(warnings) > PER_KIND or len(notices) > PER_KIND
    kept = warnings[:PER_KIND] + notices[: PER_KIND - 1 if overflow else PER_KIND]
    lines = [command(f) for f in kept]
    if overflow:
        lines.append(f"::notice title=kommunsk::{escape_data(_rest(len(shown) - len(kept)))}")
    lines += [f"::error title=kommunsk::{escape_data(error)}" for error in summary.errors]
    return "".join(line + "\n" for line in lines)


def _rest(count: int) -> str:
    return (
        f"{count} fund mere vises ikke som anmærkning (GitHub viser højst {PER_KIND} af hver slags); "
        "se jobbets opsummering, eller kør kommunsk check lokalt."
    )


def step_summary(findings: Sequence[Finding], summary: Summary) -> str:
    """The job summary in Markdown: the counts, the concepts found, and every finding."""
    found = ordered(findings)
    lines = ["## kommunsk", "", summary_line(summary), ""]
    concepts = Counter(f.annotation.concept_id for f in found)
    if concepts:
        lines += ["| begreb | fund |", "| --- | ---: |"]
        lines += [
            f"| {_cell(c)} | {n} |"
            for c, n in sorted(concepts.items(), key=lambda x: (-x[1], x[0]))
        ]
        lines += ["", "| fil | sted | fund | forslag |", "| --- | --- | --- | --- |"]
        for f in found:
            place = f.place or (f"¶{f.line}" if f.unit == "paragraph" else f"{f.line}:{f.column}")
            suggestion = ", ".join(f.annotation.suggestions[:2])
            lines.append(
                f"| {_cell(f.path)} | {place} | {_cell(f.annotation.text)} | {_cell(suggestion)} |"
            )
    lines += [f"- Fejl: {_cell(e)}" for e in summary.errors]
    text = "\n".join(lines) + "\n"
    if len(text.encode("utf-8")) > SUMMARY_BYTES:
        text = text.encode("utf-8")[: SUMMARY_BYTES - 100].decode("utf-8", "ignore")
        text = text[: text.rfind("\n") + 1] + "\n… (afkortet)\n"
    return text


def append_step_summary(path: Path, findings: Sequence[Finding], summary: Summary) -> None:
    """Add the job summary to GitHub's step-summary file (appended, as the runner expects)."""
    with path.open("a", encoding="utf-8") as handle:
        handle.write(step_summary(findings, summary))


def _cell(text: str) -> str:
    """Text for a Markdown table cell: one line, pipes escaped."""
    return one_line(text).replace("|", "\\|")


def command(finding: Finding) -> str:
    """`::warning file=…,line=…,col=…,endLine=…,endColumn=…,title=kommunsk: jargon::message`.

    A Word document has paragraphs, not lines, so its position goes into the
    message and the annotation is attached to the file alone.
    """
    a = finding.annotation
    message = full_message(finding)
    properties = {"file": finding.path.replace("\\", "/")}
    if finding.unit == "paragraph":
        where = finding.place or f"¶{finding.line}, kolonne {finding.column}"
        message = f"{where}: {message}"
    else:
        properties |= {
            "line": str(finding.line),
            "col": str(finding.column),
            "endLine": str(finding.end_line),
            "endColumn": str(finding.end_column),
        }
    properties["title"] = f"kommunsk: {kind_label(a.kind)}"
    listed = ",".join(f"{key}={escape_property(value)}" for key, value in properties.items())
    return f"::{COMMANDS[a.severity]} {listed}::{escape_data(message)}"


def escape_data(text: str) -> str:
    """Escape a message as GitHub's runner expects: `%`, carriage return and newline."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a property value: as data, plus `:` and `,`, which would end the value early."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")
