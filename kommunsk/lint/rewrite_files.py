"""Rewrite a file in place or show the change, keeping encoding, BOM, line endings and file mode."""

from __future__ import annotations

import difflib
from dataclasses import dataclass, replace
from pathlib import Path

from kommunsk.atomic import write_bytes
from kommunsk.engine.annotation import Annotation
from kommunsk.engine.annotator import Annotator
from kommunsk.engine.rewrite import Rewrite, apply
from kommunsk.errors import ReadError, UsageError, WriteError
from kommunsk.lint.check import CheckOptions, is_ignored
from kommunsk.readers import Document, read
from kommunsk.readers.position import source_span


@dataclass(frozen=True)
class FileRewrite:
    """What `kommunsk rewrite` prints (output) and tells (message)."""

    output: str
    message: str
    rewrite: Rewrite


def rewrite_document(document: Document, annotator: Annotator, options: CheckOptions) -> Rewrite:
    """The rewrite of a document's source text (only spans that map cleanly back to the source).

    What `check` would not show (suppressed lines, ignored words) is not rewritten either.
    """
    annotations = annotator.annotate(
        document.text,
        municipality=options.municipality,
        as_of=options.as_of,
        unverified_variants=options.unverified_variants,
    )
    annotations = [a for a in annotations if not is_ignored(a, document, options)]
    if document.offsets is not None:
        annotations = [_to_source(document, a) for a in annotations]
        annotations = [a for a in annotations if document.source[a.start : a.end] == a.text]
    return apply(document.source, annotations)


def rewrite_file(
    path: str, annotator: Annotator, *, options: CheckOptions, mode: str | None
) -> FileRewrite:
    """Rewrite one file: print the result (default), a unified diff, or write it back atomically."""
    document = read(path, as_name=options.stdin_filename if path == "-" else None)
    if document.kind == "docx":
        raise ReadError(
            f"rewrite kan ikke skrive Word-filer: {path} (brug 'kommunsk check' for at se fundene)"
        )
    result = rewrite_document(document, annotator, options)
    count = f"{len(result.changes)} ændring{'er' if len(result.changes) != 1 else ''}"
    if mode == "diff":
        return FileRewrite(_diff(path, document.source, result.text), f"{path}: {count}", result)
    if mode == "write":
        if path == "-":
            raise UsageError("--write kan ikke bruges med standard input")
        if result.changed:
            _write_back(Path(path), document, result.text)
            return FileRewrite("", f"omskrev {path}: {count}", result)
        return FileRewrite("", f"{path}: ingen ændringer", result)
    return FileRewrite(result.text, "", result)


def _to_source(document: Document, annotation: Annotation) -> Annotation:
    start, end = source_span(document, annotation.start, annotation.end)
    return replace(annotation, start=start, end=end)


def _diff(path: str, before: str, after: str) -> str:
    lines = difflib.unified_diff(
        before.splitlines(keepends=True), after.splitlines(keepends=True), f"a/{path}", f"b/{path}"
    )
    return "".join(line if line.endswith("\n") else line + "\n" for line in lines)


def _write_back(path: Path, document: Document, text: str) -> None:
    encoding = "utf-8-sig" if document.bom else document.encoding
    try:
        data = text.encode(encoding)
    except UnicodeEncodeError as err:
        raise WriteError(
            f"{path}: omskrivningen kan ikke gemmes i {document.encoding}: {err.reason}"
        ) from None
    try:
        write_bytes(path, data)
    except OSError as err:
        raise WriteError(f"kan ikke skrive {path}: {err.strerror or err}") from None
