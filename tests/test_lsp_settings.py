"""Editor settings in every shape clients send them, and the project's configuration under them."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from kommunsk.errors import ConfigError
from kommunsk.lsp.settings import EditorSettings, editor_settings, project


@pytest.mark.parametrize(
    "raw",
    [
        {"kommunsk": {"municipality": "Aarhus"}},
        {"kommunsk.municipality": "Aarhus"},
        {"municipality": "Aarhus"},
    ],
)
def test_the_municipality_setting_in_each_shape(raw: object) -> None:
    assert editor_settings(raw) == EditorSettings("Aarhus")


def test_absent_keys_keep_the_setting_and_an_empty_string_clears_it() -> None:
    current = EditorSettings("Aarhus")
    assert editor_settings(None, current) == current
    assert editor_settings({"other": {"x": 1}}, current) == current
    assert editor_settings({"kommunsk": {"municipality": ""}}, current) == EditorSettings(None)


def test_the_editor_wins_over_the_project_file(tmp_path: Path) -> None:
    (tmp_path / ".kommunsk.toml").write_text(
        'municipality = "Aarhus"\nignore = ["app"]\nas-of = "2025-01-01"\n', encoding="utf-8"
    )
    found = project(tmp_path, EditorSettings())
    assert found.options.municipality == "Aarhus" and found.options.ignore == ("app",)
    assert found.options.as_of == date(2025, 1, 1) and found.path == tmp_path / ".kommunsk.toml"
    assert project(tmp_path, EditorSettings("151")).options.municipality == "151"


def test_a_bad_value_names_the_file_and_key(tmp_path: Path) -> None:
    (tmp_path / ".kommunsk.toml").write_text('min-severity = "loud"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="'min-severity'"):
        project(tmp_path, EditorSettings())
