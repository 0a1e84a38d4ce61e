"""Shared helpers of the reliability tests: the command line in-process and as a real process."""

from __future__ import annotations

import io
import os
import subprocess
import sys
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

from click.testing import CliRunner

from kommunsk.cli import cli

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = (ROOT / "examples" / "tilbud.md").read_text(encoding="utf-8")
JARGON = "Vores stakeholders er glade for løsningen.\n"
KOMMUNSK = [sys.executable, "-m", "kommunsk"]


def run(*args: str, cwd: Path | None = None, input: bytes | None = None) -> tuple[int, str, str]:
    """The command line in this process: (exit code, stdout, stderr); exceptions are not caught."""
    previous = Path.cwd()
    if cwd:
        os.chdir(cwd)
    try:
        result = CliRunner().invoke(cli, list(args), input=input, catch_exceptions=False)
    finally:
        os.chdir(previous)
    return result.exit_code, result.stdout, result.stderr


def run_process(
    *args: str, cwd: Path | None = None, timeout: float = 60, **kwargs: object
) -> subprocess.CompletedProcess[bytes]:
    """The command line as a real process (`python -m kommunsk`), bytes in and out."""
    return subprocess.run(
        [*KOMMUNSK, *args], cwd=cwd, capture_output=True, timeout=timeout, check=False, **kwargs
    )  # type: ignore[call-overload, no-any-return]


def one_line_error(stderr: str, *names: str) -> str:
    """The single error line of a run that must fail with one line naming `names`."""
    lines = [line for line in stderr.splitlines() if line.strip()]
    assert len(lines) == 1, stderr
    assert "Traceback" not in stderr and "intern fejl" not in stderr, stderr
    for name in names:
        assert name in lines[0], (name, lines[0])
    return lines[0]


def seconds(action: Callable[[], object], repeat: int = 3) -> float:
    """The best of `repeat` measurements of the processor time `action` takes.

    Processor time, not wall-clock time: other processes on a busy machine then
    barely change the figure. Only ratios of two such figures taken in the same
    run are asserted, never a number of seconds.
    """
    best = float("inf")
    for _ in range(repeat):
        start = time.process_time()
        action()
        best = min(best, time.process_time() - start)
    return best


def growth(small: Callable[[], object], large: Callable[[], object], tries: int = 4) -> float:
    """How many times longer `large` takes than `small`, measured again on a disturbed run.

    With 8 times the input, linear work grows about 8 times and quadratic work
    64 times, so a bound of `LINEAR_BOUND` separates them with room for noise.
    """
    found = float("inf")
    for _ in range(tries):
        found = min(found, seconds(large) / max(seconds(small), 1e-3))
        if found < LINEAR_BOUND:
            break
    return found


LINEAR_BOUND = 24.0  # for 8 times the input: linear is about 8, quadratic about 64


W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.wordprocessingml.document.main+xml"/></Types>'
)
PACKAGE_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="word/document.xml"/></Relationships>'
)


def document_xml(body: str, prolog: str = "") -> bytes:
    """A word/document.xml around `body` (raw WordprocessingML), with an optional DOCTYPE."""
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>{prolog}'
        f'<w:document xmlns:w="{W_NS}"><w:body>{body}</w:body></w:document>'
    ).encode()


def paragraph(text: str) -> str:
    """One paragraph of WordprocessingML holding `text` (already XML-escaped)."""
    return f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>"


def docx_bytes(document: bytes, extra: dict[str, bytes] | None = None) -> bytes:
    """A minimal .docx package: content types, relationships, the document and `extra` parts."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr("_rels/.rels", PACKAGE_RELS)
        archive.writestr("word/document.xml", document)
        for name, data in (extra or {}).items():
            archive.writestr(name, data)
    return buffer.getvalue()
