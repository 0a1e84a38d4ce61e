"""Overlays from a configuration stay inside the project, and no error message quotes a file whole."""

from __future__ import annotations

from pathlib import Path

import pytest

from kommunsk.engine import registry
from kommunsk.errors import ConfigError, GlossaryError, YamlProblem
from kommunsk.glossary.model import Location
from kommunsk.glossary.problems import Problem
from kommunsk.glossary.yamlfile import MAX_QUOTE, parse

from .helpers import JARGON, one_line_error, run

SECRET = "hemmelig-nøgle-123"


def _project(tmp_path: Path, glossary: str) -> Path:
    project = tmp_path / "projekt"
    project.mkdir()
    (project / "pyproject.toml").write_text(
        f'[tool.kommunsk]\nglossary = ["{glossary}"]\n', encoding="utf-8"
    )
    (project / "tilbud.md").write_text(JARGON, encoding="utf-8")
    return project


def test_a_dotenv_file_named_as_glossary_does_not_print_the_secret(tmp_path: Path) -> None:
    project = _project(tmp_path, ".env")
    (project / ".env").write_text(f"API_KEY={SECRET}\nDEBUG=1\n", encoding="utf-8")
    code, out, err = run("check", "tilbud.md", cwd=project)
    assert code == 2
    one_line_error(err, ".env")
    assert SECRET not in err and SECRET not in out


def test_a_yaml_overlay_full_of_secrets_is_never_quoted_whole(tmp_path: Path) -> None:
    project = _project(tmp_path, "hemmeligt.yaml")
    lines = [f"nøgle{n}: {SECRET}-{n} {'x' * 200}" for n in range(50)]
    (project / "hemmeligt.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    code, _out, err = run("check", "tilbud.md", cwd=project)
    assert code == 2
    assert "Traceback" not in err
    for line in err.splitlines():
        assert len(line) < MAX_QUOTE + 80, line  # location and prefix, then at most 120 characters
    assert f"{SECRET}-1 " not in err  # never a second value of the file


def test_every_glossary_problem_is_shortened_to_one_line(monkeypatch: pytest.MonkeyPatch) -> None:
    """A YAML file that is one long scalar makes the schema quote it; the quote is cut."""
    scalar = " ".join([SECRET] * 400)
    problem = Problem(Location("ord.yaml", 1, 1), f"{scalar!r} is not of type 'object'\nmore")

    def failing(*_args: object, **_kwargs: object) -> None:
        raise GlossaryError([problem])

    monkeypatch.setattr(registry, "compiled", failing)
    with pytest.raises(GlossaryError) as caught:
        registry.compiled_glossary([Path("ord.yaml")], use_cache=False)
    [short] = caught.value.problems
    assert "\n" not in short.message and len(short.message) <= MAX_QUOTE
    assert str(short).startswith("ord.yaml:1:1: 'hemmelig")


@pytest.mark.parametrize(
    "text", ["a: [1\n", "a: b\n\tc: d\n", "a: 'x\n" + "y" * 5000, "- !!python/object x"]
)
def test_yaml_errors_are_one_short_line(text: str) -> None:
    with pytest.raises(YamlProblem) as caught:
        parse(text)
    assert "\n" not in str(caught.value) and len(str(caught.value)) <= MAX_QUOTE


@pytest.mark.parametrize("outside", ["../andet/ord.yaml", "/etc/kommunsk-ord.yaml"])
def test_overlays_outside_the_configs_folder_are_refused(tmp_path: Path, outside: str) -> None:
    project = tmp_path / "projekt"
    project.mkdir()
    config_file = project / "pyproject.toml"
    with pytest.raises(ConfigError, match="uden for projektmappen") as caught:
        registry.inside_project([outside], project, config_file)
    assert str(config_file) in str(caught.value) and "allow-outside-glossary" in str(caught.value)


def test_overlays_inside_the_project_are_allowed(tmp_path: Path) -> None:
    project = tmp_path / "projekt"
    (project / "sprog").mkdir(parents=True)
    registry.inside_project(["sprog/ord.yaml", project / "ord.yaml"], project, project / "x.toml")


def test_a_link_inside_the_project_that_points_outside_is_refused(tmp_path: Path) -> None:
    project = tmp_path / "projekt"
    project.mkdir()
    secret = tmp_path / "hemmeligt.yaml"
    secret.write_text("a: b\n", encoding="utf-8")
    (project / "ord.yaml").symlink_to(secret)
    with pytest.raises(ConfigError, match="uden for projektmappen"):
        registry.inside_project(["ord.yaml"], project, project / "pyproject.toml")


def test_the_configuration_refuses_outside_overlays_unless_allowed(tmp_path: Path) -> None:
    outside = tmp_path / "andet.yaml"
    outside.write_text("domain: x\n", encoding="utf-8")
    project = _project(tmp_path, "../andet.yaml")
    code, _out, err = run("check", "tilbud.md", cwd=project)
    assert code == 2
    one_line_error(err, "uden for projektmappen")
    toml = project / "pyproject.toml"
    toml.write_text(toml.read_text(encoding="utf-8") + "allow-outside-glossary = true\n")
    code, _out, err = run("check", "tilbud.md", cwd=project)
    assert "uden for projektmappen" not in err


def test_an_overlay_that_is_not_yaml_is_refused_by_name(tmp_path: Path) -> None:
    key = tmp_path / "id_rsa"
    key.write_text(f"-----BEGIN KEY-----\n{SECRET}\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="id_rsa") as caught:
        registry.load([key])
    assert SECRET not in str(caught.value)
