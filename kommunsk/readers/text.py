"""Plain text: the file is the prose, so text and source are the same string."""

from __future__ import annotations

from kommunsk.readers.document import Document
from kommunsk.readers.encoding import Decoded
from kommunsk.readers.suppress import in_lines


def read_text(decoded: Decoded, path: str) -> Document:
    """A Document whose text is the decoded file as is; marker lines switch passages off."""
    return Document(
        path=path,
        text=decoded.text,
        source=decoded.text,
        kind="text",
        encoding=decoded.encoding,
        newline=decoded.newline,
        ignored=in_lines(decoded.text),
        bom=decoded.bom,
        byte_order=decoded.byte_order,
    )
