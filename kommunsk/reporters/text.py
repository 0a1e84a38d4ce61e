"""The terminal report: one linter-style line per finding, the source line, a marker, a summary.

This module is on the pre-commit path, so it imports only click (for colours)
and the standard library; rich stays out. It also holds the Danish wording that
the other human-facing formats (SARIF, GitHub) share, so a label reads the same
everywhere.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable, Iterator, Sequence
from itertools import groupby
from typing import Any, TypeAlias

import click

from kommunsk.lint.findings import Finding, Summary

TAB_SIZE = 8
WINDOW = 120  # the longest source excerpt shown; Word paragraphs can run to thousands of characters
CONTEXT = 30  # characters kept before the span when a long line is cut
ELLIPSIS = "…"
INDENT = "    "

KIND_LABELS = {
    "jargon": "jargon",
    "avoid": "undgå",
    "variant": "lokalt ord",
    "outdated": "forældet",
    "term": "fagord",
}

SEVERITY_ORDER = ("warning", "suggestion", "info")
_COUNT_WORDS = {
    "warning": ("advarsel", "advarsler"),
    "suggestion": ("forslag", "forslag"),
    "info": ("kendt fagord", "kendte fagord"),
}
Styler: TypeAlias = Callable[[str, str], str]  # (text, style key) -> text, coloured or not
_STYLES: dict[str, dict[str, Any]] = {
    "warning": {"fg": "red", "bold": True},
    "suggestion": {"fg": "yellow"},
    "variant": {"fg": "magenta"},
    "outdated": {"fg": "magenta"},
    "info": {"fg": "cyan"},
    "term": {"fg": "cyan"},
}


# --- shared wording and order (used by the SARIF and GitHub reporters too) ---


def ordered(findings: Iterable[Finding]) -> list[Finding]:
    """Findings by file, then position; every format sorts alike, so output is deterministic."""
    return sorted(
        findings,
        key=lambda f: (
            f.path,
            f.line,
            f.column,
            f.end_line,
            f.end_column,
            f.annotation.concept_id,
            f.annotation.text,
        ),
    )


def kind_label(kind: str) -> str:
    """The Danish name of a kind; an unknown kind is shown as it is rather than hidden."""
    return KIND_LABELS.get(kind, kind)


def quoted_list(words: Sequence[str]) -> str:
    """`"a"`, `"a" eller "b"`, `"a", "b" eller "c"`: suggestions as a reader would say them."""
    quoted = [f'"{w}"' for w in words]
    if len(quoted) <= 1:
        return "".join(quoted)
    return ", ".join(quoted[:-1]) + " eller " + quoted[-1]


def full_message(finding: Finding) -> str:
    """The annotation's message, with the suggestions added when the message does not name them.

    Formats without a separate suggestion field (SARIF, GitHub) must still tell
    the reader what to write instead.
    """
    annotation = finding.annotation
    text = annotation.message.strip()
    missing = [s for s in annotation.suggestions if s not in text]
    if annotation.suggestions and missing == list(annotation.suggestions):
        joined = ", ".join(f"«{s}»" for s in annotation.suggestions)
        text = f"{text} Forslag: {joined}.".strip()
    return text


def clean(text: str) -> str:
    """Control characters replaced, so a file cannot steer the terminal or break a line.

    One character becomes one character, so columns still line up.
    """
    if text.isprintable():
        return text
    return text.translate(_CONTROLS)


def one_line(text: str) -> str:
    """Text for a one-line header: a span across a line break reads "customer journey"."""
    return clean(" ".join(text.split()))


# Unicode category Cc is exactly C0, DEL and C1; tab is kept (it is expanded for display)
_CONTROLS = {code: "\ufffd" for code in [*range(0x20), *range(0x7F, 0xA0)] if code != 0x09}


# --- the report ---


def render(findings: Sequence[Finding], summary: Summary, **options: bool) -> str:
    """The whole terminal report as one string, ending in a newline (`options`: see `chunks`)."""
    return "".join(chunks(findings, summary, **options))


def chunks(
    findings: Sequence[Finding],
    summary: Summary,
    *,
    color: bool = False,
    quiet: bool = False,
    explain_once: bool = False,
) -> Iterator[str]:
    """The terminal report piece by piece, so a run with 100 000 findings is written as it is
    made instead of being held twice in memory as one string.

    Files are separated by a blank line, and a blank line sets the summary apart.
    `quiet` leaves out everything but the findings (errors go to standard error anyway);
    `explain_once` gives a concept's explanation only at its first finding in each file.
    """
    style = _styler(color)
    any_file = False
    for _, group in groupby(ordered(findings), key=lambda f: f.path):
        if any_file:
            yield "\n"
        any_file = True
        yield from _file_block(list(group), style, explain_once)
    if not quiet:
        if any_file:
            yield "\n"
        yield summary_line(summary, style) + "\n"
        yield from (f"Sprunget over: {clean(note)}\n" for note in summary.skipped)


def _styler(color: bool) -> Styler:
    """A function that colours text by a style key, or leaves it alone; decided once, up front."""
    if not color:
        return _plain

    def paint(text: str, key: str) -> str:
        if key == "path":
            return click.style(text, bold=True)
        return click.style(text, **_STYLES[key]) if key in _STYLES else text

    return paint


def _plain(text: str, key: str) -> str:
    return text


def _file_block(findings: list[Finding], style: Styler, explain_once: bool) -> Iterator[str]:
    """The findings of one file; with `explain_once`, each concept's message only the first time."""
    seen: set[str] = set()
    for finding in findings:
        concept = finding.annotation.concept_id
        yield _finding_block(finding, style, explain=not explain_once or concept not in seen)
        seen.add(concept)


def _finding_block(finding: Finding, style: Styler, *, explain: bool = True) -> str:
    """Header, source line and marker for one finding."""
    source, marker = excerpt(finding)
    caret = marker.lstrip(" ")
    lead = INDENT + " " * (len(marker) - len(caret))
    shown = f"{INDENT}{source}".rstrip()
    header = _header(finding, style, explain=explain)
    return f"{header}\n{shown}\n{lead}{style(caret, _style_key(finding))}\n"


def _header(finding: Finding, style: Styler, *, explain: bool = True) -> str:
    """`path:line:column: kind: "text" -> "suggestion" (message)`; the message only if `explain`.

    A Word finding with a place reads `path: Økonomi › afsnit 2: kind: ...` instead.
    """
    annotation = finding.annotation
    where = f"{style(clean(finding.path), 'path')}:{_where(finding)}:"
    label = style(kind_label(annotation.kind), _style_key(finding))
    what = f'"{one_line(annotation.text)}"'
    if annotation.suggestions:
        what += f" -> {one_line(quoted_list(annotation.suggestions))}"
    message = one_line(annotation.message) if explain else ""
    return f"{where} {label}: {what} ({message})" if message else f"{where} {label}: {what}"


def _where(finding: Finding) -> str:
    """`line:column`; in a Word document ` Økonomi › afsnit 2`, or `¶31:4` without a place."""
    if finding.place:
        return f" {clean(finding.place)}"
    place = f"¶{finding.line}" if finding.unit == "paragraph" else str(finding.line)
    return f"{place}:{finding.column}"


def _style_key(finding: Finding) -> str:
    """Local, outdated and known words get a colour of their own; otherwise severity decides."""
    kind = finding.annotation.kind
    if kind in ("variant", "outdated", "term"):
        return kind
    return finding.annotation.severity


def excerpt(finding: Finding) -> tuple[str, str]:
    """The source line as shown (tabs expanded, long lines cut) and the marker under the span.

    Both are built from the same characters, so the marker lines up whatever
    tabs or accents the line holds. A span that runs onto later lines is
    marked to the end of its first line.
    """
    line = finding.line_text.rstrip("\r\n")  # tolerate a reader that kept the line ending
    start = min(max(finding.column - 1, 0), len(line))
    same_line = finding.end_line == finding.line
    end = min(max(finding.end_column - 1, start), len(line)) if same_line else len(line)
    first, last = _window(len(line), start, end)
    shown, offsets = _expand(line[first:last])
    lead = ELLIPSIS if first > 0 else ""
    tail = ELLIPSIS if last < len(line) else ""
    begin = offsets[start - first] + len(lead)
    width = max(offsets[min(end, last) - first] + len(lead) - begin, 1)
    return f"{lead}{shown}{tail}".rstrip(), " " * begin + "^" + "~" * (width - 1)


def _window(length: int, start: int, end: int) -> tuple[int, int]:
    """Which characters of a long line to show: some context before the span, then up to WINDOW."""
    if length <= WINDOW:
        return 0, length
    first = max(0, min(start - CONTEXT, length - WINDOW))
    return first, min(length, first + WINDOW)


def _expand(text: str) -> tuple[str, list[int]]:
    """Text as the terminal shows it, and the display column at which each character starts.

    Tabs go to the next stop, combining accents take no room and wide
    characters take two, so the marker sits under the right letters.
    """
    shown: list[str] = []
    offsets: list[int] = []
    column = 0
    for ch in clean(text):
        offsets.append(column)
        if ch == "\t":
            step = TAB_SIZE - column % TAB_SIZE
            shown.append(" " * step)
            column += step
            continue
        shown.append(ch)
        column += _width(ch)
    offsets.append(column)
    return "".join(shown), offsets


def _width(ch: str) -> int:
    if unicodedata.combining(ch):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


def summary_line(summary: Summary, style: Styler | None = None) -> str:
    """`3 fund i 2 filer: 1 advarsel, 2 forslag`, or `Ingen fund i 4 filer.`."""
    paint = style or _styler(False)
    files = _count(summary.files, "fil", "filer")
    parts = [
        paint(_count(n, *_COUNT_WORDS.get(key, (key, key))), key)
        for key, n in severity_counts(summary.by_severity)
        if n
    ]
    if not summary.findings:
        return f"Ingen fund i {files}" + (f": {', '.join(parts)}" if parts else "") + "."
    head = f"{summary.findings} fund i {files}"
    return f"{head}: {', '.join(parts)}" if parts else head


def severity_counts(by_severity: dict[str, int]) -> list[tuple[str, int]]:
    """Counts in a fixed order (warning, suggestion, info, then any other key alphabetically)."""
    known = [(key, by_severity.get(key, 0)) for key in SEVERITY_ORDER]
    other = sorted((k, n) for k, n in by_severity.items() if k not in SEVERITY_ORDER)
    return known + other


def _count(n: int, singular: str, plural: str) -> str:
    return f"{n} {singular if n == 1 else plural}"
