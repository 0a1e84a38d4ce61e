"""Big files are read and annotated in pieces: flat memory, every character checked, exact places."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from kommunsk.engine.annotator import MAX_CHARS
from kommunsk.engine.cache import compiled
from kommunsk.engine.registry import annotator
from kommunsk.errors import ReadError, Skipped
from kommunsk.glossary.paths import bundled_glossary
from kommunsk.lint.check import CheckOptions, check_file, check_paths
from kommunsk.lint.findings import Finding
from kommunsk.readers import MAX_BYTES, stream
from kommunsk.readers.document import line_starts

from .helpers import EXAMPLE, KOMMUNSK, one_line_error, run

MEMORY_LIMIT = 300 * 1024 * 1024


def _places(findings: list[Finding]) -> list[tuple[int, int, int, int, str]]:
    return [(f.line, f.column, f.end_line, f.end_column, f.annotation.text) for f in findings]


def _letter(paragraphs: int, newline: str = "\n") -> str:
    """Paragraphs of the example proposal, with suppression markers and odd line endings."""
    parts = []
    blocks = [b for b in EXAMPLE.split("\n\n") if b.strip()]
    for n in range(paragraphs):
        block = blocks[n % len(blocks)]
        if n % 17 == 3:
            block = "kommunsk: off\n" + block
        if n % 17 == 9:
            block += "\nkommunsk: on"
        if n % 11 == 0:
            block = "# kommunsk: ignore\n" + block
        parts.append(block.replace("\n", newline))
    return (newline * 2).join(parts) + newline + "Til sidst: vores stakeholders"


def _both_ways(path: Path, monkeypatch: pytest.MonkeyPatch, limit: int) -> tuple[list, list]:  # type: ignore[type-arg]
    """The findings of `path` read whole and read as a stream of `limit`-character pieces."""
    engine, options = annotator(), CheckOptions()
    monkeypatch.setattr(stream, "STREAM_FROM", 10**12)
    whole = check_file(str(path), engine, options)
    monkeypatch.setattr(stream, "STREAM_FROM", 0)
    monkeypatch.setattr(stream, "PIECE_CHARS", limit)
    return whole, check_file(str(path), engine, options)


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_streamed_findings_are_placed_exactly_as_in_the_whole_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, newline: str
) -> None:
    path = tmp_path / "brev.txt"
    path.write_bytes(_letter(120, newline).encode())
    whole, streamed = _both_ways(path, monkeypatch, limit=2000)
    assert len(whole) > 100
    assert [(f.line, f.column, f.line_text) for f in streamed] == [
        (f.line, f.column, f.line_text) for f in whole
    ]
    assert _places(streamed) == _places(whole)
    assert whole[-1].annotation.text == "stakeholders"


@pytest.mark.parametrize("limit", [31, 97, 400])
def test_pieces_of_any_size_place_findings_as_the_in_memory_cut_does(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, limit: int
) -> None:
    """Tiny pieces cut paragraphs (so findings may differ), but never put one in a wrong place."""
    path = tmp_path / "brev.txt"
    path.write_bytes(_letter(30, "\r\n").encode())
    source = path.read_bytes().decode("utf-8")
    starts = line_starts(source)
    _whole, streamed = _both_ways(path, monkeypatch, limit)
    assert len(streamed) > 10
    for finding in streamed:
        start = starts[finding.line - 1] + finding.column - 1
        end = starts[finding.end_line - 1] + finding.end_column - 1
        assert source[start:end] == finding.annotation.text


def test_a_text_over_the_annotators_limit_is_checked_to_its_last_line(tmp_path: Path) -> None:
    """Between MAX_CHARS (5 M characters per call) and the byte limit nothing is cut off."""
    filler = ("-" * 99 + "\n") * ((MAX_CHARS + 500_000) // 100)
    for name, text in {
        "lang.txt": filler + "Vores stakeholders.\n",
        "lang.html": "<p>" + filler + "Vores stakeholders.</p>\n",
    }.items():
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        assert MAX_CHARS < len(text) < MAX_BYTES
        result = check_paths([str(path)], annotator(), CheckOptions())
        assert result.summary.errors == ()
        [finding] = result.findings
        assert (finding.line, finding.column) == (filler.count("\n") + 1, 7), name


def test_a_file_over_the_byte_limit_is_named_with_its_size_and_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "stor.md"
    path.write_bytes(b"kunder " * (MAX_BYTES // 7 + 1))
    size = f"{path.stat().st_size:,}".replace(",", ".")
    code, _out, err = run("check", str(path))
    assert code == 2
    one_line_error(err, "stor.md", size, "10.000.000")


def test_a_text_file_over_the_stream_limit_is_named_with_its_size_and_the_limit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "stor.txt"
    path.write_bytes(b"kunder\n" * 1000)
    monkeypatch.setattr(stream, "STREAM_FROM", 0)
    monkeypatch.setattr(stream, "MAX_TEXT_BYTES", 5000)
    with pytest.raises(Skipped, match=r"stor\.txt: filen fylder 7\.000 bytes .* 5\.000 bytes"):
        list(stream.pieces(str(path)))


def test_a_stream_that_stops_decoding_names_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "brudt.txt"
    path.write_bytes(b"kunder og borgere\n" * 100_000 + b"\xff\xfe\x00 slut\n")
    monkeypatch.setattr(stream, "STREAM_FROM", 0)
    with pytest.raises(ReadError, match=r"tegnsættet i .*brudt\.txt"):
        list(stream.pieces(str(path)))


@pytest.mark.parametrize("encoding", ["cp1252", "utf-16", "utf-8-sig"])
def test_big_files_in_other_encodings_stream_as_they_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, encoding: str
) -> None:
    path = tmp_path / "brev.txt"
    path.write_bytes(_letter(60).encode(encoding))
    whole, streamed = _both_ways(path, monkeypatch, limit=1500)
    assert _places(streamed) == _places(whole) and len(whole) > 40


# Starts `python -m kommunsk ARGS` with at most LIMIT bytes of address space and prints the
# child's own peak memory (os.wait4's ru_maxrss) on standard error. Why a launcher: on Linux the
# peak figure survives fork and exec, so a child forked straight from a test process that has
# grown to a few hundred MB would report the test process's memory, not its own.
LAUNCHER = """
import os, resource, subprocess, sys
limit = int(sys.argv[1])
child = subprocess.Popen(
    [sys.executable, "-m", "kommunsk", *sys.argv[2:]],
    preexec_fn=lambda: resource.setrlimit(resource.RLIMIT_AS, (limit, limit)),
)
_, status, usage = os.wait4(child.pid, 0)
print(usage.ru_maxrss, file=sys.stderr)
sys.exit(os.waitstatus_to_exitcode(status))
"""


def _fifty_megabytes(path: Path) -> int:
    """50 MB of text: the example proposal every 100 KB between prose and ruled lines."""
    filler = ("-" * 70 + "\n") * 1300
    prose = "Kommunen har i år sat fokus på trivsel, og byrådet har vedtaget en ny plan.\n" * 40
    block = EXAMPLE + "\n\n" + prose + "\n" + filler + "\n"
    count = 50_000_000 // len(block.encode())
    with path.open("w", encoding="utf-8") as out:
        for _ in range(count):
            out.write(block)
        out.write("Til sidst: vores stakeholders.\n")
    return count * block.count("\n") + 1


@pytest.mark.slow
def test_a_50_mb_text_file_is_checked_within_300_mb(tmp_path: Path) -> None:
    """Run in a process that cannot have more than 300 MB of address space (about 30 s)."""
    path = tmp_path / "halvtreds.txt"
    last_line = _fifty_megabytes(path)
    # the glossary's disk cache is made sure of here, outside the limited process (this process's
    # registry may hold the glossary in memory without a disk entry having been written)
    compiled(bundled_glossary())
    done = subprocess.run(
        [sys.executable, "-c", LAUNCHER, str(MEMORY_LIMIT), "check", "-q", str(path)],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    peak_mb = int(done.stderr.strip().splitlines()[-1]) // 1024
    print(f"peak resident memory for a 50 MB text file: {peak_mb} MB")
    assert done.returncode == 1, done.stderr[-2000:]
    assert f"halvtreds.txt:{last_line}:18: jargon" in done.stdout
    assert peak_mb < 300


def test_the_command_line_module_runs(tmp_path: Path) -> None:
    """`python -m kommunsk`, which the slow test runs under a memory limit, on a small file."""
    path = tmp_path / "a.txt"
    path.write_text("Vores stakeholders.\n", encoding="utf-8")
    done = subprocess.run([*KOMMUNSK, "check", "-q", str(path)], capture_output=True, text=True)
    assert done.returncode == 1 and "a.txt:1:7" in done.stdout
