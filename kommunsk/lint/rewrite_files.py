"""Rewrite a file in place or show the change, keeping encoding, BOM, line endings and file mode."""

from __future__ import annotations

import difflib
from dataclasses import dataclass, replace
from pathlib import Path

from kommunsk.atomic import Snapshot, write_bytes
from kommunsk.engine.annotation import Annotation
from kommunsk.engine.annotator import MAX_CHARS, Annotator
from kommunsk.engine.rewrite import Rewrite, apply
from kommunsk.errors import ReadError, Skipped, UsageError, WriteError
from kommunsk.lint.check import CheckOptions, is_ignored
from kommunsk.readers import Document, read
from kommunsk.readers.encoding import encode
from kommunsk.readers.position import position as source_position
from kommunsk.readers.position import source_span
from kommunsk.readers.read import read_with_snapshot


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
    annotations = rewritable(document, annotator, options)
    if document.offsets is not None:
        annotations = [_to_source(document, a) for a in annotations]
    return apply(document.source, annotations)


def rewritable(document: Document, annotator: Annotator, options: CheckOptions) -> list[Annotation]:
    """The annotations of a document's text that a rewrite considers (offsets in `document.text`)."""
    annotations = annotator.annotate(
        document.text,
        municipality=options.municipality,
        as_of=options.as_of,
        unverified_variants=options.unverified_variants,
    )
    return [a for a in annotations if not is_ignored(a, document, options)]


def rewrite_file(
    path: str, annotator: Annotator, *, options: CheckOptions, mode: str | None
) -> FileRewrite:
    """Rewrite one file: print the result (default), a unified diff, or write it back atomically."""
    document, snapshot = _read(path, options)
    result = rewrite_document(document, annotator, options)
    count = f"{len(result.changes)} ændring{'er' if len(result.changes) != 1 else ''}"
    notes = person_notes(path, document, result)
    told = "\n".join(notes)
    if mode == "diff":
        output = _diff(path, document.source, result.text) + "".join(f"# {n}\n" for n in notes)
        return FileRewrite(output, f"{path}: {count}, {len(notes)} kræver en person", result)
    if mode == "write":
        if path == "-":
            raise UsageError("--write kan ikke bruges med standard input")
        if result.changed:
            _write_back(Path(path), document, result.text, snapshot)
            return FileRewrite("", "\n".join([f"omskrev {path}: {count}", *notes]), result)
        return FileRewrite("", "\n".join([f"{path}: ingen ændringer", *notes]), result)
    return FileRewrite(result.text, told, result)


def _to_source(document: Document, annotation: Annotation) -> Annotation:
    """The annotation in the file's own offsets; an edit that does not map cleanly is left to a person."""
    start, end = source_span(document, annotation.start, annotation.end)
    moved = []
    for a, b, new in annotation.edits:
        s, e = source_span(document, a, b)
        if document.source[s:e] != document.text[a:b]:
            return replace(
                annotation, start=start, end=end, edits=(), replacement=None, needs_person=True
            )
        moved.append((s, e, new))
    return replace(annotation, start=start, end=end, edits=tuple(moved))


def _one_line(text: str) -> str:
    return " ".join(text.split())


def person_notes(path: str, document: Document, result: Rewrite) -> list[str]:
    """One line per finding a person must decide: where, the words, the suggestion and why."""
    notes = []
    for annotation in result.needs_person:
        line, column = source_position(document, annotation.start)
        suggestion = f" -> «{annotation.suggestions[0]}»" if annotation.suggestions else ""
        reason = f" ({_one_line(annotation.reason)})" if annotation.reason else ""
        notes.append(
            f"{path}:{line}:{column}: kræver en person: «{_one_line(annotation.text)}»{suggestion}{reason}"
        )
    return notes


def _diff(path: str, before: str, after: str) -> str:
    lines = difflib.unified_diff(
        before.splitlines(keepends=True), after.splitlines(keepends=True), f"a/{path}", f"b/{path}"
    )
    return "".join(line if line.endswith("\n") else line + "\n" for line in lines)


def _read(path: str, options: CheckOptions) -> tuple[Document, Snapshot | None]:
    """The document to rewrite and a snapshot of the bytes read (None for standard input).

    What `rewrite` cannot handle is refused with one line naming the file: what
    kommunsk does not read at all (PDF, binary, too large), Word files, and text
    longer than the annotator takes in one call.
    """
    try:
        if path == "-":
            document, snapshot = read(path, as_name=options.stdin_filename), None
        else:
            document, snapshot = read_with_snapshot(path)
    except Skipped as skip:
        raise skip.as_error() from None
    if document.kind == "docx":
        raise ReadError(
            f"rewrite kan ikke skrive Word-filer: {path} (brug 'kommunsk check' for at se fundene)"
        )
    if len(document.text) > MAX_CHARS:
        raise ReadError(
            f"rewrite kan ikke omskrive {path}: teksten er {len(document.text):,} tegn, "
            f"grænsen er {MAX_CHARS:,}".replace(",", ".")
        )
    return document, snapshot


def _write_back(path: Path, document: Document, text: str, snapshot: Snapshot | None) -> None:
    """Store the rewrite as the file was stored (encoding, byte order mark), or refuse.

    Nothing is re-encoded silently: a character the file's encoding cannot hold
    stops the write, and so does a file that changed since it was read.
    """
    try:
        data = encode(text, document.encoding, bom=document.bom, byte_order=document.byte_order)
    except UnicodeEncodeError as err:
        raise WriteError(
            f"{path}: omskrivningen kan ikke gemmes i {document.encoding}: {err.reason}; "
            "intet er skrevet"
        ) from None
    write_bytes(path, data, expected=snapshot)
