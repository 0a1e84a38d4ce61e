"""Read a file (or standard input) into the text kommunsk should read, with a map back.

Each reader returns a `Document`: the prose to annotate (`text`), the decoded
file (`source`), a map from text offsets to source offsets, and the text
regions that inline comments switch off. See docs/readers.md.

`read` is the door for files and "-" (standard input); `read_bytes` is the same
without the file system, for tests and for callers that already hold the bytes.
"""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path, PurePath

from kommunsk.atomic import Snapshot
from kommunsk.errors import ReadError, Skipped
from kommunsk.readers.document import KINDS, Document, shown
from kommunsk.readers.encoding import binary_reason, decode
from kommunsk.readers.text import read_text

MAX_BYTES = 10_000_000
NOT_REGULAR = "ikke en almindelig fil (en FIFO, en enhed eller en sokkel læses ikke)"
_EXTENSIONS = {
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".docx": "docx",
    ".txt": "text",
    ".text": "text",
}


def kind_for(path: str) -> str | None:
    """The reader a file name asks for; None means "plain text, if the bytes are text"."""
    return _EXTENSIONS.get(PurePath(path).suffix.lower())


def read(path: str, *, max_bytes: int = MAX_BYTES, as_name: str | None = None) -> Document:
    """Read a file, or standard input for "-", into a Document.

    Standard input is plain text unless `as_name` gives it a file name, whose
    extension then picks the reader and which reports show (`--stdin-filename`).
    Raises ReadError for problems the user must fix (missing file, unknown
    encoding, corrupt .docx) and Skipped for files kommunsk does not read.
    """
    if path == "-":
        return read_bytes(_stdin(max_bytes), as_name or path, kind_for(as_name or "") or "text")
    return read_bytes(_load(path, max_bytes)[0], path)


def _stdin(max_bytes: int) -> bytes:
    """Standard input as bytes, so the encoding is detected as for a file (not the locale's)."""
    stream = getattr(sys.stdin, "buffer", None)
    if stream is None:
        raise ReadError("kan ikke læse standardinput")
    try:
        data: bytes = stream.read(max_bytes + 1)
    except OSError as error:
        raise ReadError(f"kan ikke læse standardinput ({error.strerror or error})") from error
    check_size("-", len(data), max_bytes)
    return data


def read_bytes(data: bytes, path: str, kind: str | None = None) -> Document:
    """Read `data` as if it were the file `path`; `kind` overrides the extension.

    With no kind and an unknown extension the bytes are read as plain text when
    they decode, and skipped when they do not (they are probably not text).
    """
    if kind is not None and kind not in KINDS:
        raise ValueError(f"unknown reader kind {kind!r}; expected one of {KINDS}")
    chosen = kind or kind_for(path)
    reason = binary_reason(path, data, by_name=kind is None, sniff=chosen != "docx")
    if reason is not None:
        raise Skipped(shown(path), reason)
    if chosen == "docx":
        from kommunsk.readers.docx import read_docx  # lazy: start-up speed of a check without Word

        return read_docx(data, path)
    try:
        decoded = decode(data, path)
    except ReadError as error:
        if chosen is None:
            raise Skipped(shown(path), "ser ikke ud til at være tekst") from error
        raise
    if chosen == "markdown":
        from kommunsk.readers.markdown import read_markdown  # lazy: start-up speed (see docx)

        return read_markdown(decoded, path)
    if chosen == "html":
        from kommunsk.readers.html import read_html  # lazy: start-up speed (see docx)

        return read_html(decoded, path)
    return read_text(decoded, path)


def file_bytes(path: str, max_bytes: int = MAX_BYTES) -> bytes:
    """A file's bytes after the same refusals as `read` (missing, folder, FIFO, too large)."""
    try:
        return _load(path, max_bytes)[0]
    except Skipped as skip:
        raise skip.as_error() from None


def read_with_snapshot(path: str) -> tuple[Document, Snapshot]:
    """Read a file and remember what was read, so a later write can tell if it changed meanwhile."""
    data, info = _load(path, MAX_BYTES)
    return read_bytes(data, path), Snapshot.of(data, info)


def _load(path: str, max_bytes: int) -> tuple[bytes, os.stat_result]:
    """The file's bytes and its status, after the cheap refusals (missing, folder, FIFO, too large).

    The file is opened without blocking and checked through its own descriptor,
    so a FIFO (or a file swapped for one) is refused instead of waiting for a writer.
    """
    try:
        if Path(path).is_dir():
            raise IsADirectoryError(path)
        reason = binary_reason(path, b"", sniff=False)
        if reason is not None:
            raise Skipped(path, reason)
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with os.fdopen(fd, "rb") as handle:
            info = os.fstat(handle.fileno())
            if not stat.S_ISREG(info.st_mode):
                raise Skipped(path, NOT_REGULAR)
            check_size(path, info.st_size, max_bytes)
            data = handle.read(max_bytes + 1)
    except OSError as error:
        raise os_error(error, path) from error
    check_size(path, len(data), max_bytes)
    return data, info


def check_size(path: str, size: int, max_bytes: int) -> None:
    """Skip a file over the size limit, saying how large it is and what the limit is."""
    if size > max_bytes:
        raise Skipped(
            shown(path),
            f"filen fylder {thousands(size)} bytes og er større end grænsen på "
            f"{thousands(max_bytes)} bytes",
        )


def thousands(count: int) -> str:
    """A count with Danish thousands separators (10.000.000)."""
    return f"{count:,}".replace(",", ".")


def os_error(error: OSError, path: str) -> ReadError:
    """One Danish line for the operating system's complaint, naming the file."""
    if isinstance(error, FileNotFoundError):
        return ReadError(f"filen findes ikke: {path}")
    if isinstance(error, IsADirectoryError):
        return ReadError(f"er en mappe, ikke en fil: {path}")
    if isinstance(error, PermissionError):
        return ReadError(f"ingen adgang til filen: {path}")
    return ReadError(f"kan ikke læse filen: {path} ({error.strerror or error})")
