"""A Word document opened for writing: checked as `check` checks it, then held by python-docx.

The bytes are read within the size limit and read once by the reader (zip bomb,
password, macros, old format and damage are refused there, before anything is
unpacked); only then does python-docx open the package. Its parts are offered
to the reader's walk (`readers.docx.paragraphs`), so the paragraphs, their text
and their offsets are exactly those `check` reads, now over elements that can
be changed. The copy is saved through `atomic`, and never over the original.
"""

from __future__ import annotations

import io
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from kommunsk.atomic import write_bytes
from kommunsk.errors import ReadError, UsageError
from kommunsk.readers.document import Document
from kommunsk.readers.docx import Paragraph, document_of, paragraphs, read_docx
from kommunsk.readers.package import damaged
from kommunsk.readers.read import file_bytes, kind_for

T = TypeVar("T")

# Parts python-docx does not model; loaded as plain XML parts so they can be changed too.
_XML_PARTS = (
    "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.endnotes+xml",
)


@dataclass(frozen=True)
class Opened:
    """A Word document held by python-docx, with the paragraphs as the reader reads them."""

    path: str
    word: Any  # docx.document.Document
    paragraphs: tuple[Paragraph, ...]
    document: Document  # the text as `check` reads it; annotation offsets refer to it

    @property
    def main_part(self) -> str:
        return str(self.word.part.partname).lstrip("/")


class _Parts:
    """python-docx's parts, offered to the reader's walk under the reader's own names."""

    def __init__(self, word: Any, path: str) -> None:
        self.path = path
        self.word = word
        self.parts = {str(p.partname).lstrip("/"): p for p in word.part.package.iter_parts()}

    def xml(self, name: str) -> Any:
        element = getattr(self.parts.get(name), "element", None)
        if element is None:
            raise damaged(self.path, f"delen {name} mangler")
        return element

    def relationships(self, part: str) -> dict[str, tuple[str, str]]:
        found = self.parts.get(part)
        if found is None:
            return {}
        return {
            rel_id: (rel.reltype, str(rel.target_part.partname).lstrip("/"))
            for rel_id, rel in found.rels.items()
            if not rel.is_external
        }

    def main_part(self) -> str:
        return str(self.word.part.partname).lstrip("/")


def open_docx(path: str) -> Opened:
    """Open a .docx for writing; ReadError (one line) for anything `check` would not read."""
    if kind_for(path) != "docx":
        raise UsageError(f"kun Word-filer (.docx) kan få kommentarer og sporede ændringer: {path}")
    return open_docx_bytes(file_bytes(path), path)


def open_docx_bytes(data: bytes, name: str) -> Opened:
    """Open a .docx held in memory (the server's uploads never touch the disk); `name` is shown."""
    read_docx(data, name)  # every refusal of `check`, before python-docx unpacks anything
    word = _load(data, name)
    found = tuple(paragraphs(_Parts(word, name)))
    return Opened(name, word, found, document_of(list(found), name))


def _load(data: bytes, path: str) -> Any:
    # lazy: python-docx is loaded only when a Word file is written
    import docx
    from docx.opc.part import PartFactory, XmlPart

    for content_type in _XML_PARTS:
        PartFactory.part_type_for.setdefault(content_type, XmlPart)
    try:
        return docx.Document(io.BytesIO(data))
    except ReadError:
        raise
    except Exception as error:  # python-docx fails on a damaged package in many ways
        raise damaged(path) from error


def refuse_same_file(source: str, output: str) -> None:
    """The original is never written: an output that is the source (by any name) is refused."""
    target = Path(output)
    same = Path(os.path.realpath(source)) == Path(os.path.realpath(target))
    if not same and target.exists():
        try:
            same = target.samefile(source)
        except OSError:
            same = False
    if same:
        raise UsageError(f"--output må ikke være filen selv ({source}); vælg et andet filnavn")
    if kind_for(output) != "docx":
        raise UsageError(f"--output skal være en Word-fil (.docx): {output}")


def to_bytes(opened: Opened) -> bytes:
    """The changed document as the bytes of a .docx file."""
    buffer = io.BytesIO()
    opened.word.save(buffer)
    return buffer.getvalue()


def edit_copy(path: str, output: str, work: Callable[[Opened], T]) -> T:
    """Open `path`, let `work` change the document, and write it to `output` (never `path`)."""
    refuse_same_file(path, output)
    opened = open_docx(path)
    done = work(opened)
    save(opened, output)
    return done


def edit_bytes(data: bytes, name: str, work: Callable[[Opened], object]) -> bytes:
    """The same for a .docx held in memory: the changed document's bytes (nothing is written)."""
    opened = open_docx_bytes(data, name)
    work(opened)
    return to_bytes(opened)


def save(opened: Opened, output: str) -> None:
    """Write the changed document to `output` atomically."""
    write_bytes(Path(output), to_bytes(opened))
