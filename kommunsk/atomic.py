"""Safe writes: the whole new file or the old one, never half of each, and never a stray temp file.

The new bytes go into a temporary file in the target's folder, are flushed to
disk, and only then take the target's place. Where Linux offers `O_TMPFILE`
the temporary file has no name until that moment, so a crash (even SIGKILL)
leaves nothing behind; elsewhere a named `.NAME.*.tmp` file is used, and
leftovers older than an hour are removed by the next write to that folder.

What the user expects of "the same file" is kept: a symlink stays a symlink
(its target is rewritten), a file with several hard links is rewritten in
place (a rename would split the links), the mode and, where permitted, the
owner stay. A read-only file is refused, and so is a file that changed since
it was read (`Snapshot`): then nothing is written.
"""

from __future__ import annotations

import contextlib
import glob
import hashlib
import os
import stat
import time
from dataclasses import dataclass
from pathlib import Path

from kommunsk.errors import WriteError

O_TMPFILE: int = getattr(os, "O_TMPFILE", 0)
STALE_SECONDS = 3600


@dataclass(frozen=True)
class Snapshot:
    """A file as it was read: size, modification time and a hash of the bytes read."""

    size: int
    mtime_ns: int
    digest: str

    @classmethod
    def of(cls, data: bytes, info: os.stat_result) -> Snapshot:
        """The snapshot of `data`, read from a file whose status (taken when reading) is `info`."""
        return cls(info.st_size, info.st_mtime_ns, hashlib.sha256(data).hexdigest())


def write_bytes(path: Path, data: bytes, *, expected: Snapshot | None = None) -> None:
    """Replace (or create) `path` with `data`; WriteError (one line, naming the file) if it cannot."""
    target = Path(os.path.realpath(path))
    try:
        info = _status(target, path)
        if info is not None and info.st_nlink > 1:
            _unchanged(target, path, expected)
            _in_place(target, data)
        else:
            _replace(target, data, info, path, expected)
    except OSError as error:
        raise WriteError(f"kan ikke skrive {path}: {error.strerror or error}") from None


def write_text(path: Path, text: str, encoding: str = "utf-8") -> None:
    """Replace `path` with `text` safely (no newline translation)."""
    write_bytes(path, text.encode(encoding))


def _status(target: Path, shown: Path) -> os.stat_result | None:
    """The target's status, None when it does not exist yet; refuses what must not be replaced."""
    try:
        info = target.stat()
    except FileNotFoundError:
        return None
    if not stat.S_ISREG(info.st_mode):
        raise WriteError(f"kan ikke skrive {shown}: ikke en almindelig fil")
    if not info.st_mode & 0o222 or not os.access(target, os.W_OK):
        raise WriteError(f"filen er skrivebeskyttet: {shown} (intet er skrevet)")
    return info


def _unchanged(target: Path, shown: Path, expected: Snapshot | None) -> None:
    """Refuse to write when the file is no longer what was read (an editor saved meanwhile)."""
    if expected is None:
        return
    try:
        info = target.stat()
        same = (info.st_size, info.st_mtime_ns) == (expected.size, expected.mtime_ns)
        same = same and hashlib.sha256(target.read_bytes()).hexdigest() == expected.digest
    except FileNotFoundError:
        same = False
    if not same:
        raise WriteError(f"{shown} er ændret, siden den blev læst; intet er skrevet (kør igen)")


def _in_place(target: Path, data: bytes) -> None:
    """Overwrite a hard-linked file through its own inode, so every link sees the new text."""
    fd = os.open(target, os.O_WRONLY)
    try:
        _write_all(fd, data)
        os.ftruncate(fd, len(data))
        os.fsync(fd)
    finally:
        os.close(fd)


def _replace(
    target: Path, data: bytes, info: os.stat_result | None, shown: Path, expected: Snapshot | None
) -> None:
    """Write a temporary file beside the target, then rename it over the target."""
    _remove_stale(target)
    fd, temp = _temporary(target)
    try:
        _write_all(fd, data)
        if info is not None:
            with contextlib.suppress(OSError):  # only root may give a file to someone else
                os.fchown(fd, info.st_uid, info.st_gid)
        os.fchmod(fd, info.st_mode & 0o7777 if info is not None else _default_mode())
        os.fsync(fd)
        _unchanged(target, shown, expected)
        if temp is None:
            temp = _link_unnamed(fd, target)
        temp.replace(target)
        temp = None
    finally:
        os.close(fd)
        if temp is not None:
            with contextlib.suppress(OSError):
                temp.unlink()


def _temporary(target: Path) -> tuple[int, Path | None]:
    """An open temporary file in the target's folder: unnamed (O_TMPFILE) when possible."""
    if O_TMPFILE and Path("/proc/self/fd").is_dir():
        try:
            return os.open(target.parent, O_TMPFILE | os.O_WRONLY, 0o600), None
        except OSError:
            pass  # a file system without O_TMPFILE support: fall back to a named file
    import tempfile  # lazy: start-up speed; only a write needs it

    fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    return fd, Path(name)


def _link_unnamed(fd: int, target: Path) -> Path:
    """Give the unnamed file a temporary name beside the target, for the final rename.

    A folder descriptor makes os.link call linkat() with AT_SYMLINK_FOLLOW, which
    links the file behind /proc/self/fd/N rather than that magic link itself.
    """
    folder = os.open(target.parent, os.O_RDONLY | os.O_DIRECTORY)
    try:
        for _ in range(100):
            name = f".{target.name}.{os.urandom(6).hex()}.tmp"
            try:
                os.link(f"/proc/self/fd/{fd}", name, dst_dir_fd=folder, follow_symlinks=True)
                return target.parent / name
            except FileExistsError:
                continue
    finally:
        os.close(folder)
    raise FileExistsError(f"no free temporary name beside {target}")


def _write_all(fd: int, data: bytes) -> None:
    """Write every byte: os.write may write less than it was given."""
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]


def _remove_stale(target: Path) -> None:
    """Remove this file's temporary files that a crashed writer left behind more than an hour ago."""
    pattern = glob.escape(f".{target.name}.") + "*.tmp"
    cutoff = time.time() - STALE_SECONDS
    for leftover in target.parent.glob(pattern):
        with contextlib.suppress(OSError):
            if leftover.stat().st_mtime < cutoff:
                leftover.unlink()


def _default_mode() -> int:
    """The mode a new file would get (0o666 less the umask); mkstemp alone would give 0o600."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask
