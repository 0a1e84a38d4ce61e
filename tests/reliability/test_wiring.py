"""Reliability cases wired outside the readers: deep TOML, SARIF URIs of odd file names."""

from __future__ import annotations

from pathlib import Path

import pytest

from kommunsk.errors import ConfigError
from kommunsk.lint import config
from kommunsk.reporters.sarif import artifact_uri


def test_a_pyproject_nested_too_deep_is_one_config_error(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        "[tool.kommunsk]\nignore = " + "[" * 10_000 + "]" * 10_000 + "\n", encoding="utf-8"
    )
    with pytest.raises(ConfigError) as caught:
        config.load(tmp_path / "pyproject.toml")
    assert "\n" not in str(caught.value) and "pyproject.toml" in str(caught.value)


def test_a_non_utf8_file_name_is_encoded_once_in_sarif() -> None:
    # check shows the byte 0xE6 of a Latin-1 "æ" as %E6; the URI keeps it, and encodes the rest
    assert artifact_uri("k%E6nder mappe/fil.md") == "k%E6nder%20mappe/fil.md"
    assert artifact_uri("kønder.md") == "k%C3%B8nder.md"
