"""One bad file never hides the others: each is named, the rest are checked, the exit is the worst."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from kommunsk.readers import MAX_BYTES

from .helpers import JARGON, run

ROOT_USER = hasattr(os, "geteuid") and os.geteuid() == 0


def _good(tmp_path: Path) -> Path:
    path = tmp_path / "god.md"
    path.write_text(JARGON, encoding="utf-8")
    return path


def _assert_reported_and_others_checked(code: int, out: str, err: str, bad: str) -> None:
    assert code == 2
    assert bad in err and "Traceback" not in err
    assert "god.md:1:7: jargon" in out  # the good file, named after the bad one, is still checked


@pytest.mark.parametrize("order", ["bad first", "bad last"])
def test_a_missing_file_is_named_and_the_others_are_checked(tmp_path: Path, order: str) -> None:
    good = str(_good(tmp_path))
    names = ["væk.md", good] if order == "bad first" else [good, "væk.md"]
    code, out, err = run("check", *names, cwd=tmp_path)
    _assert_reported_and_others_checked(code, out, err, "filen findes ikke: væk.md")


def test_an_unreadable_file_is_named_and_the_others_are_checked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """chmod 000 does not stop root, so the refusal is simulated where the file is opened."""
    locked = tmp_path / "låst.md"
    locked.write_text(JARGON, encoding="utf-8")
    real_open = os.open

    def refusing(path: str | os.PathLike[str], flags: int, *args: int, **kwargs: int) -> int:
        if Path(path).name == "låst.md":
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", refusing)
    code, out, err = run("check", str(locked), str(_good(tmp_path)))
    _assert_reported_and_others_checked(code, out, err, "ingen adgang til filen")
    assert "låst.md" in err


@pytest.mark.skipif(ROOT_USER, reason="root reads files whatever their mode")
def test_a_file_with_mode_000_is_named_and_the_others_are_checked(tmp_path: Path) -> None:
    locked = tmp_path / "låst.md"
    locked.write_text(JARGON, encoding="utf-8")
    locked.chmod(0)
    try:
        code, out, err = run("check", str(locked), str(_good(tmp_path)))
    finally:
        locked.chmod(0o644)
    _assert_reported_and_others_checked(code, out, err, "låst.md")


def test_an_undecodable_file_is_named_and_the_others_are_checked(tmp_path: Path) -> None:
    garbled = tmp_path / "rod.txt"
    garbled.write_bytes(bytes(range(0x80, 0x100)) * 40)
    code, out, err = run("check", str(garbled), str(_good(tmp_path)))
    _assert_reported_and_others_checked(code, out, err, "rod.txt")
    assert "tegnsættet" in err


def test_an_oversized_file_is_named_and_the_others_are_checked(tmp_path: Path) -> None:
    big = tmp_path / "stor.md"
    with big.open("wb") as handle:
        handle.truncate(MAX_BYTES + 1)  # sparse: no need to write 10 MB
    code, out, err = run("check", str(big), str(_good(tmp_path)))
    _assert_reported_and_others_checked(code, out, err, "stor.md")
    assert "10.000.001 bytes" in err


def test_all_bad_files_at_once_each_get_their_own_line(tmp_path: Path) -> None:
    garbled = tmp_path / "rod.txt"
    garbled.write_bytes(bytes(range(0x80, 0x100)) * 40)
    pdf = tmp_path / "rapport.pdf"
    pdf.write_bytes(b"%PDF-1.7")
    code, out, err = run("check", "væk.md", str(garbled), str(pdf), str(_good(tmp_path)))
    assert code == 2
    errors = [line for line in err.splitlines() if line.startswith("kommunsk: fejl:")]
    assert len(errors) == 3
    assert "god.md:1:7" in out
