"""Reporters: findings as text for people, JSON for programs, SARIF and GitHub commands for CI.

Every reporter is a pure function from findings and a summary to a string; it
never prints, so the command line decides where output goes and tests can
compare it byte for byte. Output is deterministic: findings are sorted by file
and position whatever order they came in.

    from kommunsk.reporters import render
    print(render("text", findings, summary, color=True), end="")
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import TypeAlias

from kommunsk.errors import UnknownFormat
from kommunsk.lint.findings import Finding, Summary
from kommunsk.reporters import github, json_report, sarif, text

Reporter: TypeAlias = Callable[[Sequence[Finding], Summary], str]

REPORTERS: dict[str, Reporter] = {
    "text": text.render,
    "json": json_report.render,
    "sarif": sarif.render,
    "github": github.render,
}

__all__ = ["REPORTERS", "Reporter", "UnknownFormat", "render", "render_chunks"]


def render(name: str, findings: Sequence[Finding], summary: Summary, **options: bool) -> str:
    """The report in the named format as one string; `options` are `render_chunks`'s."""
    return "".join(render_chunks(name, findings, summary, **options))


def render_chunks(
    name: str,
    findings: Sequence[Finding],
    summary: Summary,
    *,
    color: bool = False,
    quiet: bool = False,
    explain_once: bool = False,
) -> Iterator[str]:
    """The report in the named format, in pieces to write as they come.

    `color`, `quiet` and `explain_once` apply to the terminal format only, which
    is made piece by piece so a run with a hundred thousand findings does not
    hold its report twice; machine formats ignore them, so a caller can pass
    the terminal's setting whatever format the user chose.
    """
    if name not in REPORTERS:
        raise UnknownFormat(f"ukendt format {name!r}; vælg mellem {', '.join(REPORTERS)}")
    if name == "text":
        return text.chunks(findings, summary, color=color, quiet=quiet, explain_once=explain_once)
    return iter((REPORTERS[name](findings, summary),))
