"""The library behind `kommunsk check`: failing levels, progress and colour decisions."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

from kommunsk.cli.options import use_color as _color
from kommunsk.cli.progress import file_progress
from kommunsk.engine.registry import annotator
from kommunsk.lint.check import CheckOptions, check_paths, expand, fails


def test_fail_levels() -> None:
    import kommunsk

    [jargon] = [a for a in kommunsk.annotate("Vores stakeholders.") if a.kind == "jargon"]
    [suggestion] = [a for a in kommunsk.annotate("Vi har en deadline.") if a.kind == "jargon"]
    assert fails(jargon, "warning") and not fails(suggestion, "warning")
    assert fails(suggestion, "suggestion") and not fails(jargon, "never")


def test_expand_walks_folders_with_patterns(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("x")
    (tmp_path / "b.txt").write_text("x")
    (tmp_path / ".skjult").mkdir()
    (tmp_path / ".skjult" / "c.md").write_text("x")
    (tmp_path / "arkiv").mkdir()
    (tmp_path / "arkiv" / "d.md").write_text("x")
    options = CheckOptions(exclude=("*/arkiv/*",))
    assert [Path(p).name for p in expand([str(tmp_path)], options)] == ["a.md", "b.txt"]


def test_progress_callback_is_called_per_file(tmp_path: Path) -> None:
    for n in range(3):
        (tmp_path / f"{n}.md").write_text("Stakeholders.\n", encoding="utf-8")
    seen: list[str] = []
    result = check_paths([str(tmp_path)], annotator(), CheckOptions(), on_file=seen.append)
    assert len(seen) == 3 and result.summary.files == 3 and result.summary.findings == 3


def test_no_progress_bar_for_pipes_or_few_files(monkeypatch: pytest.MonkeyPatch) -> None:
    with file_progress(500) as advance:
        assert advance is None  # stderr is not a terminal under pytest
    monkeypatch.setattr(sys, "stderr", _Terminal())
    with file_progress(5) as advance:
        assert advance is None
    with file_progress(50) as advance:
        assert advance is not None
        advance("a.md")


def test_colour_only_on_a_terminal_without_no_color(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setattr(sys, "stdout", _Terminal())
    assert _color(None) is True
    monkeypatch.setenv("NO_COLOR", "1")
    assert _color(None) is False
    assert _color(True) is True
    monkeypatch.setattr(sys, "stdout", io.StringIO())
    monkeypatch.delenv("NO_COLOR")
    assert _color(None) is False


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True
