"""Safe writes: links, modes and owners kept; read-only, changed and crashed writes leave the file."""

from __future__ import annotations

import codecs
import os
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kommunsk import atomic
from kommunsk.atomic import Snapshot, write_bytes
from kommunsk.errors import WriteError
from kommunsk.lint.rewrite_files import _write_back
from kommunsk.readers.read import read_with_snapshot

from .helpers import JARGON, one_line_error, run

ROOT_USER = hasattr(os, "geteuid") and os.geteuid() == 0


def _temporaries(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_a_symlink_stays_a_link_and_its_target_is_rewritten(tmp_path: Path) -> None:
    target = tmp_path / "rigtig.md"
    target.write_text("før", encoding="utf-8")
    link = tmp_path / "genvej.md"
    link.symlink_to(target.name)
    write_bytes(link, b"efter")
    assert link.is_symlink() and link.readlink() == Path(target.name)
    assert target.read_bytes() == b"efter"


def test_a_hard_linked_file_is_rewritten_in_place(tmp_path: Path) -> None:
    first = tmp_path / "a.md"
    first.write_text("før", encoding="utf-8")
    second = tmp_path / "b.md"
    os.link(first, second)
    inode = first.stat().st_ino
    write_bytes(first, b"efter og mere")
    assert first.stat().st_ino == inode and second.read_bytes() == b"efter og mere"
    assert first.stat().st_nlink == 2
    write_bytes(first, b"kort")  # shorter: the old tail is cut off
    assert second.read_bytes() == b"kort"


def test_mode_and_owner_are_kept(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_text("før", encoding="utf-8")
    path.chmod(0o640)
    before = path.stat()
    if ROOT_USER:
        os.chown(path, 4321, 4321)  # a file of another user, rewritten by root, stays theirs
    write_bytes(path, b"efter")
    after = path.stat()
    assert stat.S_IMODE(after.st_mode) == 0o640
    expected = (4321, 4321) if ROOT_USER else (before.st_uid, before.st_gid)
    assert (after.st_uid, after.st_gid) == expected


def test_a_read_only_file_is_refused_and_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "låst.md"
    path.write_text(JARGON, encoding="utf-8")
    path.chmod(0o444)
    with pytest.raises(WriteError, match=r"skrivebeskyttet: .*låst\.md"):
        write_bytes(path, b"efter")
    code, _out, err = run("rewrite", "--write", str(path))
    assert code == 2
    one_line_error(err, "låst.md", "skrivebeskyttet")
    assert path.read_text(encoding="utf-8") == JARGON


def test_a_file_changed_since_it_was_read_is_not_written(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_text(JARGON, encoding="utf-8")
    _document, snapshot = read_with_snapshot(str(path))
    path.write_text(JARGON.replace("glade", "triste"), encoding="utf-8")  # an editor saves
    with pytest.raises(WriteError, match="ændret, siden den blev læst"):
        write_bytes(path, b"omskrevet", expected=snapshot)
    assert "triste" in path.read_text(encoding="utf-8")
    assert _temporaries(tmp_path) == []


def test_the_same_size_and_time_with_other_bytes_is_a_change(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_bytes(b"kunder")
    info = path.stat()
    stale = Snapshot(info.st_size, info.st_mtime_ns, "0" * 64)
    with pytest.raises(WriteError):
        write_bytes(path, b"borgere", expected=stale)


def test_an_unchanged_file_is_written(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_text(JARGON, encoding="utf-8")
    _document, snapshot = read_with_snapshot(str(path))
    write_bytes(path, b"omskrevet", expected=snapshot)
    assert path.read_bytes() == b"omskrevet"


def test_a_folder_without_room_for_a_temporary_file_is_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "a.md"
    path.write_text(JARGON, encoding="utf-8")

    def refused(_target: Path) -> tuple[int, Path | None]:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(atomic, "_temporary", refused)
    code, _out, err = run("rewrite", "--write", str(path))
    assert code == 2
    one_line_error(err, "a.md")
    assert path.read_text(encoding="utf-8") == JARGON


@pytest.mark.skipif(ROOT_USER, reason="root may write into a read-only folder")
def test_a_read_only_folder_is_one_line_and_exit_2(tmp_path: Path) -> None:
    folder = tmp_path / "låst"
    folder.mkdir()
    path = folder / "a.md"
    path.write_text(JARGON, encoding="utf-8")
    folder.chmod(0o555)
    try:
        code, _out, err = run("rewrite", "--write", str(path))
    finally:
        folder.chmod(0o755)
    assert code == 2
    one_line_error(err, "a.md")


# A writer that stops after the new bytes are in its temporary file and before they take
# the target's place (fsync is the last step before that), so the test can kill it there.
KILLED_WRITER = """
import os, sys, time
from pathlib import Path
from kommunsk import atomic
if sys.argv[3] == "named":
    atomic.O_TMPFILE = 0
real_fsync = os.fsync
def fsync(fd):
    real_fsync(fd)
    Path(sys.argv[2]).touch()
    time.sleep(60)
os.fsync = fsync
atomic.write_bytes(Path(sys.argv[1]), b"ny tekst " * 1_000_000)
"""


def _kill_mid_write(path: Path, how: str) -> None:
    ready = path.parent / "klar"
    process = subprocess.Popen([sys.executable, "-c", KILLED_WRITER, str(path), str(ready), how])
    try:
        deadline = time.monotonic() + 30
        while not ready.exists():
            assert process.poll() is None, "the writer stopped before it wrote"
            assert time.monotonic() < deadline
            time.sleep(0.02)
        process.send_signal(signal.SIGKILL)
    finally:
        process.wait(timeout=30)
    ready.unlink()


@pytest.mark.skipif(not atomic.O_TMPFILE, reason="O_TMPFILE is Linux-only")
def test_sigkill_in_the_middle_of_a_write_leaves_no_temporary_file(tmp_path: Path) -> None:
    path = tmp_path / "brev.md"
    path.write_text(JARGON, encoding="utf-8")
    fd, name = atomic._temporary(path)
    os.close(fd)
    if name is not None:
        name.unlink()
        pytest.skip("this file system has no O_TMPFILE")
    _kill_mid_write(path, "unnamed")
    assert path.read_text(encoding="utf-8") == JARGON
    assert _temporaries(tmp_path) == []


def test_a_named_temporary_file_left_by_a_crash_is_removed_later(tmp_path: Path) -> None:
    """Without O_TMPFILE a crash leaves `.NAME.*.tmp`; the next write there removes it once stale."""
    path = tmp_path / "brev.md"
    path.write_text(JARGON, encoding="utf-8")
    _kill_mid_write(path, "named")
    assert path.read_text(encoding="utf-8") == JARGON
    [leftover] = _temporaries(tmp_path)
    old = time.time() - atomic.STALE_SECONDS - 60
    os.utime(tmp_path / leftover, (old, old))
    write_bytes(path, b"ny")
    assert _temporaries(tmp_path) == [] and path.read_bytes() == b"ny"


@pytest.mark.parametrize(
    ("bom", "codec"), [(codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")]
)
def test_rewrite_keeps_utf16_with_its_byte_order_mark(
    tmp_path: Path, bom: bytes, codec: str
) -> None:
    path = tmp_path / "brev.txt"
    path.write_bytes(bom + "Vores stakeholders er glade.\r\n".encode(codec))
    code, _out, err = run("rewrite", "--write", str(path))
    assert code == 0, err
    data = path.read_bytes()
    assert data.startswith(bom)
    assert data[len(bom) :].decode(codec) == "Vores interessenter er glade.\r\n"


def test_rewrite_keeps_utf8_with_and_without_bom(tmp_path: Path) -> None:
    for name, prefix in (("med.txt", codecs.BOM_UTF8), ("uden.txt", b"")):
        path = tmp_path / name
        path.write_bytes(prefix + JARGON.encode())
        assert run("rewrite", "--write", str(path))[0] == 0
        assert (
            path.read_bytes() == prefix + JARGON.replace("stakeholders", "interessenter").encode()
        )


def test_a_rewrite_the_encoding_cannot_hold_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "brev.txt"
    path.write_bytes("Kunderne får hjælp.".encode("cp1252"))
    document, snapshot = read_with_snapshot(str(path))
    with pytest.raises(WriteError, match="cp1252"):
        _write_back(path, document, "Borgerne får hjælp ≠ støtte.", snapshot)
    assert path.read_bytes() == "Kunderne får hjælp.".encode("cp1252")
