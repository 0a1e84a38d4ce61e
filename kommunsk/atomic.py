"""Atomic writes: a temporary file in the same directory, flushed, then renamed over the target.

A crash or a full disk leaves either the old file or the new one, never half of
each; the file's permission bits are kept.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path


def write_bytes(path: Path, data: bytes) -> None:
    """Replace `path` with `data` atomically, keeping its mode."""
    mode = path.stat().st_mode & 0o7777 if path.exists() else None
    fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if mode is not None:
            os.chmod(temp, mode)
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise


def write_text(path: Path, text: str, encoding: str = "utf-8") -> None:
    """Replace `path` with `text` atomically (no newline translation)."""
    write_bytes(path, text.encode(encoding))
