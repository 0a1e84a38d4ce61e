"""Check files: read them, annotate, drop what is suppressed or ignored, and place findings.

This is the library behind `kommunsk check` and `kommunsk annotate`; the
command line only parses options and hands the result to a reporter.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cached_property
from pathlib import Path

from kommunsk._version import __version__
from kommunsk.engine.annotation import Annotation
from kommunsk.engine.annotator import Annotator
from kommunsk.errors import ReadError, Skipped
from kommunsk.glossary.pages import page_url
from kommunsk.language.danish import fold
from kommunsk.lint import files
from kommunsk.lint.baseline import Key as BaselineKey
from kommunsk.lint.baseline import new_only
from kommunsk.lint.files import DEFAULT_INCLUDE
from kommunsk.lint.findings import Finding, Summary
from kommunsk.readers import Document, read
from kommunsk.readers.position import line_text, position

SEVERITIES = ("info", "suggestion", "warning")
FAIL_LEVELS = ("warning", "suggestion", "info", "never")


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
    baseline: set[BaselineKey] | None = None
    baseline_root: Path | None = None  # the baseline file's folder; paths are keyed relative to it
    pipeline: str | None = None
    unverified_variants: bool = False
    stdin_filename: str | None = None  # read standard input as if it were this file

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
    """Files to read: named files as given, folders walked (see lint.files)."""
    return files.expand(paths, options.include, options.exclude)


def check_paths(
    paths: Sequence[str],
    annotator: Annotator,
    options: CheckOptions,
    on_file: Callable[[str], None] | None = None,
) -> CheckResult:
    """Read and check every path; a file that cannot be read is reported, and the rest still checked.

    `on_file` is called before each file is read (the command line uses it for progress).
    """
    findings: list[Finding] = []
    skipped: list[str] = []
    errors: list[str] = []
    count = 0
    named = {p for p in paths if p == "-" or not Path(p).is_dir()}
    for path in expand(paths, options):
        if on_file:
            on_file(path)
        try:
            document = read(path, as_name=options.stdin_filename if path == "-" else None)
        except Skipped as note:
            if path in named:
                errors.append(str(note.as_error()))
            else:
                skipped.append(str(note))
            continue
        except ReadError as error:
            errors.append(str(error))
            continue
        count += 1
        findings += findings_for(document, annotator, options)
    if options.baseline is not None:
        root = options.baseline_root or Path.cwd()
        findings = new_only(findings, options.baseline, root)
    summary = summarise(findings, count, skipped, annotator, options, errors=errors)
    return CheckResult(findings, summary)


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
    return [_place(document, a, annotator) for a in kept]


def summarise(
    findings: list[Finding],
    files: int,
    skipped: list[str],
    annotator: Annotator,
    options: CheckOptions,
    *,
    errors: Sequence[str] = (),
) -> Summary:
    """Totals per severity, whether the run fails, and every skipped or unreadable file by name."""
    by_severity = dict.fromkeys(reversed(SEVERITIES), 0)
    for finding in findings:
        by_severity[finding.annotation.severity] += 1
    return Summary(
        files=files,
        findings=len(findings),
        by_severity=by_severity,
        failed=any(fails(f.annotation, options.fail_on) for f in findings),
        skipped=tuple(skipped),
        errors=tuple(errors),
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
    return not is_ignored(annotation, document, options)


def is_ignored(annotation: Annotation, document: Document, options: CheckOptions) -> bool:
    """Switched off by a suppression comment, or named (by concept id or word) in the ignore list."""
    if any(start <= annotation.start < end for start, end in document.ignored):
        return True
    words = {annotation.concept_id, fold(annotation.text), fold(annotation.term)}
    return bool(options.ignored & words)


def _place(document: Document, annotation: Annotation, annotator: Annotator) -> Finding:
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
        help_uri=page_url(annotator.glossary.get(annotation.concept_id)),
    )
