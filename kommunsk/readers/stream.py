"""Big plain-text files, read piece by piece, so memory stays flat whatever the file's size.

A piece is a run of whole paragraphs of at most `PIECE_CHARS` characters, cut
after a blank line (or, failing that, after a line break or a space), so no
sentence is split. Each piece knows the file line and column it starts at, so
findings are placed exactly where they would be if the file were read whole;
an "off" block or a pending "ignore" marker carries over from piece to piece.
`pieces_of` cuts an in-memory text the same way, so both ways agree.
"""

from __future__ import annotations

import codecs
import os
import re
import stat
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from kommunsk.errors import ReadError, Skipped
from kommunsk.readers.document import Document, shown
from kommunsk.readers.encoding import SNIFF_BYTES, binary_reason, decode, dominant_newline
from kommunsk.readers.read import NOT_REGULAR, check_size, kind_for, os_error
from kommunsk.readers.suppress import LineMarkers

STREAM_FROM = 1_000_000  # bytes: plain text larger than this is read in pieces
MAX_TEXT_BYTES = 100_000_000  # bytes: the limit for plain text (other files: read.MAX_BYTES)
PIECE_CHARS = 250_000
BLOCK_BYTES = 1 << 20

_BLANK_LINE = re.compile(r"(?:\r\n|\r|\n)[ \t]*+(?:\r\n|\r|\n)")
_LINE_END = re.compile(r"\r\n|\r|\n")
_SPACE = re.compile(r"[ \t]")


@dataclass(frozen=True)
class Piece:
    """Part of a file as a Document of its own, and where in the file that part starts."""

    document: Document
    line: int  # the file's line (1-based) the piece starts on
    column: int  # characters of that line before the piece (0 when it starts a line)


def streamable(path: str) -> bool:
    """Is `path` a plain-text file large enough to be read in pieces?"""
    if path == "-" or kind_for(path) not in (None, "text"):
        return False
    if binary_reason(path, b"", sniff=False) is not None:
        return False
    try:
        info = Path(path).stat()
    except OSError:
        return False
    return stat.S_ISREG(info.st_mode) and info.st_size > STREAM_FROM


def cut(text: str, limit: int) -> int:
    """Where to end a piece of `text` (longer than `limit`): after its last blank line, line
    break or space within the limit; never between "\\r" and "\\n"."""
    for pattern in (_BLANK_LINE, _LINE_END, _SPACE):
        ends = [m.end() for m in pattern.finditer(text, 0, limit + 1) if m.end() <= limit]
        if ends and ends[-1] > 0:
            return ends[-1]
    return limit - 1 if text[limit - 1 : limit + 1] == "\r\n" else limit


def spans(text: str, limit: int | None = None) -> Iterator[tuple[int, int]]:
    """(start, end) of the pieces an in-memory text is cut into, exactly as a stream would be."""
    limit = limit or PIECE_CHARS
    start = 0
    while len(text) - start > limit:
        end = start + cut(text[start : start + limit + 1], limit)
        yield start, end
        start = end
    yield start, len(text)


def pieces(path: str, *, max_bytes: int | None = None, limit: int | None = None) -> Iterator[Piece]:
    """The file's pieces in order; Skipped or ReadError (naming the file) as `read` would raise.

    The limits default to the module's constants, read at call time.
    """
    max_bytes = max_bytes or MAX_TEXT_BYTES
    limit = limit or PIECE_CHARS
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with os.fdopen(fd, "rb") as handle:
            info = os.fstat(handle.fileno())
            if not stat.S_ISREG(info.st_mode):
                raise Skipped(shown(path), NOT_REGULAR)
            check_size(path, info.st_size, max_bytes)
            yield from _Stream(path, limit).pieces(handle)
    except OSError as error:
        raise os_error(error, path) from error


class _Stream:
    """The decoding and cutting state of one file being read."""

    def __init__(self, path: str, limit: int) -> None:
        self.path = path
        self.limit = limit
        self.line = 1
        self.column = 0
        self.markers = LineMarkers()
        self.encoding = "utf-8"
        self.bom = False

    def pieces(self, handle: BinaryIO) -> Iterator[Piece]:
        """Decode block by block and cut the text into pieces as soon as there is enough."""
        first = handle.read(BLOCK_BYTES)
        decoder = self._decoder(first)
        buffer = self._decode(decoder, first, final=False)
        while True:
            while len(buffer) > self.limit:
                end = cut(buffer, self.limit)
                yield self._piece(buffer[:end])
                buffer = buffer[end:]
            block = handle.read(BLOCK_BYTES)
            if not block:
                break
            buffer += self._decode(decoder, block, final=False)
        buffer += self._decode(decoder, b"", final=True)
        for start, end in spans(buffer, self.limit):
            yield self._piece(buffer[start:end])

    def _decoder(self, first: bytes) -> codecs.IncrementalDecoder:
        """A decoder for the encoding the file's first block shows (BOM, UTF-8 or detected)."""
        reason = binary_reason(self.path, first[:SNIFF_BYTES])
        if reason is not None:
            raise Skipped(shown(self.path), reason)
        if first.startswith(codecs.BOM_UTF8):
            self.encoding, self.bom = "utf-8-sig", True
        elif first.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            self.encoding, self.bom = "utf-16", True
        else:
            try:
                codecs.getincrementaldecoder("utf-8")().decode(first, final=False)
            except UnicodeDecodeError:
                self.encoding = self._detect(first)
        return codecs.getincrementaldecoder(self.encoding)("strict")

    def _detect(self, first: bytes) -> str:
        """The single-byte encoding of a file that is not UTF-8, judged from its first block."""
        try:
            return decode(first, self.path).encoding
        except ReadError as error:
            raise self._not_text() from error

    def _decode(self, decoder: codecs.IncrementalDecoder, block: bytes, *, final: bool) -> str:
        """One block as text; a byte that does not decode (or a NUL) ends the file with an error."""
        try:
            text = decoder.decode(block, final=final)
        except UnicodeDecodeError as error:
            raise self._not_text() from error
        if "\x00" in text:
            raise self._not_text()
        return text

    def _not_text(self) -> ReadError | Skipped:
        """The file stops decoding part-way: unknown extensions are skipped, text files fail."""
        if kind_for(self.path) is None:
            return Skipped(shown(self.path), "ser ikke ud til at være tekst")
        return ReadError(f"kunne ikke afgøre tegnsættet i {shown(self.path)}; gem filen som UTF-8")

    def _piece(self, text: str) -> Piece:
        """A Piece for `text`, then move the file position past it."""
        document = Document(
            path=self.path,
            text=text,
            source=text,
            kind="text",
            encoding=self.encoding,
            newline=dominant_newline(text),
            ignored=self.markers.ranges(text),
            bom=self.bom,
        )
        piece = Piece(document, self.line, self.column)
        breaks = text.count("\n") + text.count("\r") - text.count("\r\n")
        last = max(text.rfind("\n"), text.rfind("\r"))
        self.line += breaks
        self.column = self.column + len(text) if last < 0 else len(text) - last - 1
        return piece
