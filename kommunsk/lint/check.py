"""Check files: read them, annotate, drop what is suppressed or ignored, and place findings.

This is the library behind `kommunsk check` and `kommunsk annotate`; the
command line only parses options and hands the result to a reporter.
"""

from __future__ import annotations

import fnmatch
import os
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cached_property
from pathlib import Path

from kommunsk._version import __version__
from kommunsk.engine.annotation import Annotation
from kommunsk.engine.annotator import Annotator
from kommunsk.language.danish import fold
from kommunsk.lint.baseline import new_only
from kommunsk.lint.findings import Finding, Summary
from kommunsk.readers import Document, read
from kommunsk.readers import Skipped as Skipped
from kommunsk.readers.position import line_text, position

SEVERITIES = ("info", "suggestion", "warning")
FAIL_LEVELS = ("warning", "suggestion", "info", "never")
DEFAULT_INCLUDE = ("*.md", "*.markdown", "*.txt", "*.text", "*.html", "*.htm", "*.docx")


@dataclass(frozen=True)
class CheckOptions:
    """What to check for and what counts as failure; defaults match the command line's."""

    municipality: str | None = None
    as_of: date | None = None
    fail_on: str = "warning"
    min_severity: str = "suggestion"
    ignore: tuple[str, ...] = ()
    include: tuple[str, ...] = DEFAULT_INCLUDE
    exclude: tuple[str, ...] = ()
    baseline: set[tuple[str, str, str, int]] | None = None
    pipeline: str | None = None
    unverified_variants: bool = False

    @cached_property
    def ignored(self) -> frozenset[str]:
        """The ignore list, folded once (concept ids and words)."""
        return frozenset(fold(i) for i in self.ignore)


@dataclass(frozen=True)
class CheckResult:
    """The findings of a run and its summary."""

    findings: list[Finding]
    summary: Summary


def expand(paths: Sequence[str], options: CheckOptions) -> Iterator[str]:
    """Files to read: given files as they are, folders walked with the include/exclude patterns."""
    for raw in paths:
        path = Path(raw)
        if raw != "-" and path.is_dir():
            for folder, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    full = str(Path(folder) / name)
                    if _wanted(full, options.include) and not _excluded(full, options.exclude):
                        yield full
        elif not _excluded(raw, options.exclude):
            yield raw


def check_paths(
    paths: Sequence[str],
    annotator: Annotator,
    options: CheckOptions,
    on_file: Callable[[str], None] | None = None,
) -> CheckResult:
    """Read and check every path; raises ReadError for a file that cannot be read.

    `on_file` is called before each file is read (the command line uses it for progress).
    """
    findings: list[Finding] = []
    skipped: list[str] = []
    files = 0
    for path in expand(paths, options):
        if on_file:
            on_file(path)
        try:
            document = read(path)
        except Skipped as note:
            skipped.append(str(note))
            continue
        files += 1
        findings += findings_for(document, annotator, options)
    if options.baseline is not None:
        findings = new_only(findings, options.baseline)
    return CheckResult(findings, summarise(findings, files, skipped, annotator, options))


def findings_for(document: Document, annotator: Annotator, options: CheckOptions) -> list[Finding]:
    """The findings in one read document, placed at file positions."""
    annotations = annotator.annotate(
        document.text,
        municipality=options.municipality,
        as_of=options.as_of,
        pipeline=options.pipeline,
        unverified_variants=options.unverified_variants,
    )
    kept = [a for a in annotations if _shown(a, document, options)]
    return [_place(document, a) for a in kept]


def summarise(
    findings: list[Finding],
    files: int,
    skipped: list[str],
    annotator: Annotator,
    options: CheckOptions,
) -> Summary:
    by_severity = dict.fromkeys(reversed(SEVERITIES), 0)
    for finding in findings:
        by_severity[finding.annotation.severity] += 1
    return Summary(
        files=files,
        findings=len(findings),
        by_severity=by_severity,
        failed=any(fails(f.annotation, options.fail_on) for f in findings),
        skipped=tuple(skipped),
        kommunsk_version=__version__,
        glossary_version=annotator.glossary.version,
    )


def fails(annotation: Annotation, fail_on: str) -> bool:
    """Does this finding fail the run? Recognised municipal terms never do."""
    if fail_on == "never" or annotation.kind == "term":
        return False
    return SEVERITIES.index(annotation.severity) >= SEVERITIES.index(fail_on)


def _shown(annotation: Annotation, document: Document, options: CheckOptions) -> bool:
    if SEVERITIES.index(annotation.severity) < SEVERITIES.index(options.min_severity):
        return False
    if any(start <= annotation.start < end for start, end in document.ignored):
        return False
    ignored = options.ignored
    return not ignored & {annotation.concept_id, fold(annotation.text), fold(annotation.term)}


def _place(document: Document, annotation: Annotation) -> Finding:
    line, column = position(document, annotation.start)
    end_line, end_column = position(document, max(annotation.start, annotation.end - 1))
    return Finding(
        path=document.path,
        line=line,
        column=column,
        end_line=end_line,
        end_column=end_column + 1,
        annotation=annotation,
        line_text=line_text(document, line),
        unit="paragraph" if document.kind == "docx" else "line",
    )


def _wanted(path: str, patterns: Sequence[str]) -> bool:
    name = Path(path).name
    return any(fnmatch.fnmatch(name, p) or fnmatch.fnmatch(path, p) for p in patterns)


def _excluded(path: str, patterns: Sequence[str]) -> bool:
    normal = Path(path).as_posix()
    return any(fnmatch.fnmatch(normal, p) or fnmatch.fnmatch(Path(path).name, p) for p in patterns)
