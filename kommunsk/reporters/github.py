"""GitHub Actions workflow commands: one `::warning` or `::notice` line per finding.

GitHub turns each line into an annotation on the pull request. Known terms
(severity info) are left out: they are not something to fix, and GitHub caps
the number of annotations per step. Nothing else is written, not even a
summary, because any other line would only be noise in the log.
"""

from __future__ import annotations

from collections.abc import Sequence

from kommunsk.lint.findings import Finding, Summary
from kommunsk.reporters.text import full_message, kind_label, ordered

COMMANDS = {"warning": "warning", "suggestion": "notice"}


def render(findings: Sequence[Finding], summary: Summary) -> str:
    """The workflow commands, each on its own line; empty when there is nothing to show."""
    lines = [command(f) for f in ordered(findings) if f.annotation.severity in COMMANDS]
    return "".join(line + "\n" for line in lines)


def command(finding: Finding) -> str:
    """`::warning file=…,line=…,col=…,endLine=…,endColumn=…,title=kommunsk: jargon::message`.

    A Word document has paragraphs, not lines, so its position goes into the
    message and the annotation is attached to the file alone.
    """
    a = finding.annotation
    message = full_message(finding)
    properties = {"file": finding.path.replace("\\", "/")}
    if finding.unit == "paragraph":
        message = f"¶{finding.line}, kolonne {finding.column}: {message}"
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
