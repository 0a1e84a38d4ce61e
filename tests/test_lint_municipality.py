"""A municipality per file: front matter and per-path overrides in the configuration."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from kommunsk.cli import cli
from kommunsk.errors import ConfigError
from kommunsk.lint import config
from kommunsk.lint.municipality import Override, for_file, front_matter, overrides_from


def test_front_matter_names_the_municipality() -> None:
    assert front_matter("---\ntitle: Tilbud\nkommune: Vejle\n---\n# Tilbud\n") == "Vejle"
    assert front_matter("---\nmunicipality: '751'\n...\ntekst\n") == "751"
    assert front_matter("# Tilbud\nkommune: Vejle\n") is None  # not front matter
    assert front_matter("---\nkommune: Vejle\n") is None  # never closed


def test_overrides_match_globs_relative_to_the_configuration(tmp_path: Path) -> None:
    [vejle] = overrides_from(
        [{"paths": ["tilbud/vejle/*"], "municipality": "Vejle"}], tmp_path, tmp_path
    )
    assert vejle.matches(str(tmp_path / "tilbud" / "vejle" / "a.md"))
    assert not vejle.matches(str(tmp_path / "tilbud" / "vejle" / "sub" / "a.md"))
    assert not vejle.matches(str(tmp_path / "tilbud" / "aarhus" / "a.md"))
    deep = Override(("tilbud/**/*.md",), "Aarhus", tmp_path)
    assert deep.matches(str(tmp_path / "tilbud" / "x" / "y" / "a.md"))


def test_the_most_specific_setting_wins(tmp_path: Path) -> None:
    overrides = (Override(("*.md",), "Vejle", tmp_path),)
    path = str(tmp_path / "a.md")
    assert (
        for_file(path, "---\nkommune: Odense\n---\n", "markdown", "Aarhus", overrides) == "Odense"
    )
    assert for_file(path, "tekst", "markdown", "Aarhus", overrides) == "Vejle"
    assert for_file(str(tmp_path / "a.txt"), "tekst", "text", "Aarhus", overrides) == "Aarhus"


@pytest.mark.parametrize(
    "raw",
    [["tilbud/*"], [{"paths": ["a"]}], [{"paths": [], "municipality": "Vejle"}], [{"x": 1}]],
)
def test_bad_overrides_are_config_errors(raw: list[object], tmp_path: Path) -> None:
    with pytest.raises(ConfigError):
        overrides_from(raw, tmp_path, tmp_path / ".kommunsk.toml")


def test_overrides_load_from_pyproject(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[tool.kommunsk]\nmunicipality = "Aarhus"\n\n'
        '[[tool.kommunsk.overrides]]\npaths = ["vejle/*"]\nmunicipality = "Vejle"\n',
        encoding="utf-8",
    )
    found = config.load(start=tmp_path)
    [override] = found.get("overrides")
    assert override.municipality == "Vejle" and override.base == tmp_path


def test_check_uses_each_files_municipality(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """One repository, proposals to two municipalities: each file gets its own council's name."""
    (tmp_path / "pyproject.toml").write_text(
        '[tool.kommunsk]\n\n[[tool.kommunsk.overrides]]\npaths = ["kbh/*"]\nmunicipality = "101"\n',
        encoding="utf-8",
    )
    (tmp_path / "kbh").mkdir()
    (tmp_path / "kbh" / "tilbud.md").write_text("Vi sender forslaget til kommunalbestyrelsen.\n")
    (tmp_path / "aarhus.md").write_text(
        "---\nkommune: Aarhus\n---\nVi sender forslaget til kommunalbestyrelsen.\n"
    )
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["check", ".", "--fail-on", "suggestion"])
    out = result.stdout
    assert '-> "Borgerrepræsentationen"' in out and '-> "Byrådet"' in out
    assert out.index("aarhus.md") < out.index('"Byrådet"')
