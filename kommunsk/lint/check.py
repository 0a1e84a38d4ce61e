"""Check files: read them, annotate, drop what is suppressed or ignored, and place findings.

This is the library behind `kommunsk check` and `kommunsk annotate`; the
command line only parses options and hands the result to a reporter. Big
plain-text files are read in pieces and every text is annotated in pieces
(readers.stream), so memory stays bounded and no file is too long for the
annotator; findings keep the positions they would have in the whole file.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import date
from functools import cached_property
from pathlib import Path
from typing import Any

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
from kommunsk.lint.municipality import Override
from kommunsk.lint.municipality import for_file as municipality_for
from kommunsk.readers import Document, read, stream
from kommunsk.readers.position import line_text, position

SEVERITIES = ("info", "suggestion", "warning")
# Annotation fields whose values repeat from finding to finding (see _Placer._compact).
_SHARED_FIELDS = ("text", "message", "suggestions", "term", "reason", "replacement")
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
    overrides: tuple[Override, ...] = ()  # per-path municipalities from the configuration

    @cached_property
    def ignored(self) -> frozenset[str]:
        """The ignore list, folded once (concept ids and words)."""
        return frozenset(fold(i) for i in self.ignore)


@dataclass(frozen=True)
class CheckResult:
    """The findings of a run and its summary."""

    findings: list[Finding]
    summary: Summary


def expand(
    paths: Sequence[str], options: CheckOptions, on_skip: Callable[[str, str], None] | None = None
) -> Iterator[str]:
    """Files to read: named files as given, folders walked (see lint.files)."""
    return files.expand(paths, options.include, options.exclude, on_skip=on_skip)


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

    def note(path: str, reason: str) -> None:
        """A path the folder walk passed over (an unreadable folder, a FIFO)."""
        skipped.append(printable(str(Skipped(path, reason))))

    for path in expand(paths, options, on_skip=note):
        if on_file:
            on_file(path)
        try:
            found = check_file(path, annotator, options)
        except Skipped as skip:
            if path in named:
                errors.append(printable(str(skip.as_error())))
            else:
                skipped.append(printable(str(skip)))
            continue
        except ReadError as error:
            errors.append(printable(str(error)))
            continue
        count += 1
        findings += found
    if options.baseline is not None:
        root = options.baseline_root or Path.cwd()
        findings = new_only(findings, options.baseline, root)
    summary = summarise(findings, count, skipped, annotator, options, errors=errors)
    return CheckResult(findings, summary)


def check_file(path: str, annotator: Annotator, options: CheckOptions) -> list[Finding]:
    """The findings in one file; a big plain-text file is read and annotated piece by piece."""
    if not stream.streamable(path):
        stdin_name = options.stdin_filename if path == "-" else None
        return findings_for(read(path, as_name=stdin_name), annotator, options)
    found: list[Finding] = []
    shared: dict[object, object] = {}
    options = _for_file(path, "", "text", options)
    for piece in stream.pieces(path):
        placer = _Placer(piece.document, annotator, piece.line, piece.column, shared)
        for batch in _annotate(piece.document.text, annotator, options):
            found += placer.findings(batch, options)
    return found


def findings_for(document: Document, annotator: Annotator, options: CheckOptions) -> list[Finding]:
    """The findings in one read document, placed at file positions."""
    options = _for_file(document.path, document.source, document.kind, options)
    placer = _Placer(document, annotator)
    found: list[Finding] = []
    for batch in _annotate(document.text, annotator, options):
        found += placer.findings(batch, options)
    return found


def _for_file(path: str, source: str, kind: str, options: CheckOptions) -> CheckOptions:
    """The options with the municipality this file is written for (front matter, overrides)."""
    chosen = municipality_for(path, source, kind, options.municipality, options.overrides)
    return options if chosen == options.municipality else replace(options, municipality=chosen)


def _annotate(text: str, annotator: Annotator, options: CheckOptions) -> Iterator[list[Annotation]]:
    """Annotations of `text`, a batch per piece (cut as a stream cuts it), so memory stays
    bounded and no text is ever over the annotator's per-call limit; offsets are those of `text`."""
    for start, end in stream.spans(text):
        piece = text if (start, end) == (0, len(text)) else text[start:end]
        annotations = annotator.annotate(
            piece,
            municipality=options.municipality,
            as_of=options.as_of,
            pipeline=options.pipeline,
            unverified_variants=options.unverified_variants,
        )
        yield annotations if start == 0 else [_shifted(a, start) for a in annotations]


def _shifted(annotation: Annotation, by: int) -> Annotation:
    """The annotation of a piece moved to offsets in the whole text."""
    return replace(
        annotation,
        start=annotation.start + by,
        end=annotation.end + by,
        edits=tuple((start + by, end + by, new) for start, end, new in annotation.edits),
    )


def printable(text: str) -> str:
    """`text` as valid UTF-8 for every reporter: a file-name byte that is not UTF-8 (a surrogate
    escape) is shown as %XX, as in a URI, and any other lone surrogate as U+FFFD."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return "".join(_printable_char(c) for c in text)
    return text


def _printable_char(char: str) -> str:
    """One character of `printable`: an escaped byte as %XX, another lone surrogate as U+FFFD."""
    if "\udc80" <= char <= "\udcff":
        return f"%{ord(char) - 0xDC00:02X}"
    return "\ufffd" if "\ud800" <= char <= "\udfff" else char


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
    return at_least(annotation, fail_on)


def at_least(annotation: Annotation, severity: str) -> bool:
    """Is the annotation at least as severe as `severity` ("info", "suggestion", "warning")?"""
    return SEVERITIES.index(annotation.severity) >= SEVERITIES.index(severity)


def is_ignored(annotation: Annotation, document: Document, options: CheckOptions) -> bool:
    """Switched off by a suppression comment, or named (by concept id or word) in the ignore list."""
    if any(start <= annotation.start < end for start, end in document.ignored):
        return True
    words = {annotation.concept_id, fold(annotation.text), fold(annotation.term)}
    return bool(options.ignored & words)


class _Placer:
    """Turns a document's annotations into findings; a piece of a file passes the line and
    column it starts at. Line texts and page links are shared between findings."""

    def __init__(
        self,
        document: Document,
        annotator: Annotator,
        line: int = 1,
        column: int = 0,
        shared: dict[object, object] | None = None,
    ) -> None:
        self.document = document
        self.annotator = annotator
        self.line = line
        self.column = column
        self.path = printable(document.path)
        self.unit = "paragraph" if document.kind == "docx" else "line"
        self._lines: dict[int, str] = {}
        self._pages: dict[str, str] = {}
        self._shared = {} if shared is None else shared  # shared by a file's pieces

    def findings(self, annotations: list[Annotation], options: CheckOptions) -> list[Finding]:
        """The annotations that are shown (severity, suppression, ignore list), placed."""
        return [
            self.place(a)
            for a in annotations
            if at_least(a, options.min_severity) and not is_ignored(a, self.document, options)
        ]

    def place(self, annotation: Annotation) -> Finding:
        """One finding, at its line and column in the file."""
        line, column = self._at(annotation.start)
        end_line, end_column = self._at(max(annotation.start, annotation.end - 1))
        return Finding(
            path=self.path,
            line=line,
            column=column,
            end_line=end_line,
            end_column=end_column + 1,
            annotation=self._compact(annotation),
            line_text=self._line_text(line - self.line + 1),
            unit=self.unit,
            help_uri=self._page(annotation.concept_id),
            place=self._place(line),
        )

    def _compact(self, annotation: Annotation) -> Annotation:
        """The annotation with its repeated texts shared with earlier findings: a file with
        100 000 findings of a few dozen words then holds each message once, not 100 000 times."""
        changes: dict[str, Any] = {}
        for name in _SHARED_FIELDS:
            value = getattr(annotation, name)
            shared = self._shared.setdefault(value, value)
            if shared is not value:
                changes[name] = shared
        return replace(annotation, **changes) if changes else annotation

    def _at(self, offset: int) -> tuple[int, int]:
        """Line and column in the file: the piece's own, moved to where the piece starts."""
        line, column = position(self.document, offset)
        return self.line + line - 1, column + (self.column if line == 1 else 0)

    def _place(self, line: int) -> str:
        """Where a Word user finds paragraph `line`; "" for files that have lines."""
        places = self.document.places
        return places[line - 1] if 0 < line <= len(places) else ""

    def _line_text(self, line: int) -> str:
        """The text of a line of this document, sliced once however many findings it holds."""
        found = self._lines.get(line)
        if found is None:
            found = self._lines[line] = line_text(self.document, line)
        return found

    def _page(self, concept_id: str) -> str:
        """The concept's documentation page, built once per concept."""
        found = self._pages.get(concept_id)
        if found is None:
            found = self._pages[concept_id] = page_url(self.annotator.glossary.get(concept_id))
        return found
