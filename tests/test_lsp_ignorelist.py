"""The ignore list action: the word lands in the file the project already uses, kept as written."""

from __future__ import annotations

from pathlib import Path

import pytest

from kommunsk.errors import ConfigError, WriteError
from kommunsk.lint import config
from kommunsk.lsp.ignorelist import add


def test_no_configuration_makes_a_kommunsk_toml_in_the_workspace(tmp_path: Path) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    assert add("roadmap", folder, tmp_path) == tmp_path / ".kommunsk.toml"
    assert (tmp_path / ".kommunsk.toml").read_text(encoding="utf-8") == 'ignore = ["roadmap"]\n'
    assert config.load(start=folder).get("ignore") == ["roadmap"]


def test_pyproject_keeps_comments_and_other_tables(tmp_path: Path) -> None:
    pyproject = tmp_path / "pyproject.toml"
    pyproject.write_text(
        '[project]\nname = "x"  # navnet\n\n[tool.kommunsk]\nmunicipality = "Aarhus"\nignore = "app"\n',
        encoding="utf-8",
    )
    add("roadmap", tmp_path)
    assert pyproject.read_text(encoding="utf-8") == (
        '[project]\nname = "x"  # navnet\n\n[tool.kommunsk]\nmunicipality = "Aarhus"\n'
        'ignore = ["app", "roadmap"]\n'
    )
    assert not (tmp_path / ".kommunsk.toml").exists()


def test_a_pyproject_without_a_kommunsk_table_is_left_alone(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n', encoding="utf-8")
    assert add("roadmap", tmp_path) == tmp_path / ".kommunsk.toml"
    assert (tmp_path / "pyproject.toml").read_text(encoding="utf-8") == '[project]\nname = "x"\n'


def test_a_word_already_listed_in_any_case_is_not_added_twice(tmp_path: Path) -> None:
    path = tmp_path / ".kommunsk.toml"
    path.write_text('ignore = ["Roadmap"]\n', encoding="utf-8")
    add("roadmap", tmp_path)
    assert path.read_text(encoding="utf-8") == 'ignore = ["Roadmap"]\n'


def test_yaml_gets_a_list_appended_keeping_comments(tmp_path: Path) -> None:
    path = tmp_path / ".kommunsk.yaml"
    path.write_text("# vores indstillinger\nmunicipality: Aarhus", encoding="utf-8")
    add("kick-off", tmp_path)
    assert path.read_text(encoding="utf-8") == (
        '# vores indstillinger\nmunicipality: Aarhus\nignore:\n  - "kick-off"\n'
    )
    assert config.load(path).get("ignore") == ["kick-off"]


def test_yaml_with_a_list_is_rewritten_only_when_no_comment_is_lost(tmp_path: Path) -> None:
    path = tmp_path / ".kommunsk.yaml"
    path.write_text("ignore:\n- app\n", encoding="utf-8")
    add("roadmap", tmp_path)
    assert config.load(path).get("ignore") == ["app", "roadmap"]
    path.write_text("ignore:\n- app  # vores ord\n", encoding="utf-8")
    with pytest.raises(WriteError, match="tilføj «roadmap» under 'ignore' selv"):
        add("roadmap", tmp_path)
    assert path.read_text(encoding="utf-8") == "ignore:\n- app  # vores ord\n"


def test_broken_toml_is_a_config_error_and_nothing_is_written(tmp_path: Path) -> None:
    path = tmp_path / ".kommunsk.toml"
    path.write_text("ignore = [\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="ugyldig TOML"):
        add("roadmap", tmp_path)
    assert path.read_text(encoding="utf-8") == "ignore = [\n"
