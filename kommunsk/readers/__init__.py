"""Readers: turn a file (or standard input) into the text kommunsk should read, with a map back.

Each reader returns a `Document`: the prose to annotate (`text`), the decoded
file (`source`), a map from text offsets to source offsets, and the text
regions that inline comments switch off. See docs/readers.md. Readers know
nothing of the glossary or the engine: they are a leaf of the package.
"""

from kommunsk.errors import ReadError, Skipped
from kommunsk.readers.document import KINDS, Document, shown
from kommunsk.readers.read import MAX_BYTES, kind_for, read, read_bytes

__all__ = [
    "KINDS",
    "MAX_BYTES",
    "Document",
    "ReadError",
    "Skipped",
    "kind_for",
    "read",
    "read_bytes",
    "shown",
]
