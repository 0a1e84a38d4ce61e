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
    """Replace (or create) `path` with `data` atomically, keeping an existing file's mode."""
    mode = path.stat().st_mode & 0o7777 if path.exists() else _default_mode()
    fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    temp = Path(name)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        temp.chmod(mode)
        temp.replace(path)
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise


def _default_mode() -> int:
    """The mode a new file would get (0o666 less the umask); mkstemp alone would give 0o600."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def write_text(path: Path, text: str, encoding: str = "utf-8") -> None:
    """Replace `path` with `text` atomically (no newline translation)."""
    write_bytes(path, text.encode(encoding))
