from pathlib import Path

import pytest

from kommunsk.glossary import yamlfile
from kommunsk.glossary.yamlfile import YamlProblem

LOADERS = [yamlfile._PythonLoader] + (
    [yamlfile._LibyamlLoader] if hasattr(yamlfile, "_LibyamlLoader") else []
)


@pytest.fixture(autouse=True, params=LOADERS, ids=lambda c: c.__name__)
def loader(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> type:
    """Every test runs with PyYAML's own parser and with libyaml's: they must agree."""
    monkeypatch.setattr(yamlfile, "_Loader", request.param)
    return request.param  # type: ignore[no-any-return]


def test_positions_point_at_values() -> None:
    doc = yamlfile.parse("a: 1\nb:\n  - x: 2021-01-01\n")
    assert doc.data == {"a": 1, "b": [{"x": "2021-01-01"}]}
    assert doc.position(("b", 0, "x")) == (3, 8)
    assert doc.position(("b", 0, "x"), key=True) == (3, 5)


def test_dates_stay_text() -> None:
    assert yamlfile.parse("d: 2025-07-01\n").data == {"d": "2025-07-01"}


def test_aliases_are_refused() -> None:
    with pytest.raises(YamlProblem, match="aliases") as err:
        yamlfile.parse("a: &x [1, 2]\nb: *x\n")
    assert err.value.line == 2


def test_duplicate_keys_are_errors_not_overrides() -> None:
    with pytest.raises(YamlProblem, match="duplicate key 'a'") as err:
        yamlfile.parse("a: 1\na: 2\n")
    assert (err.value.line, err.value.column) == (2, 1)


@pytest.mark.parametrize(
    "text",
    [
        "a: !!python/object/apply:os.system ['echo hacked']\n",
        "a: !!python/name:os.system\n",
        "a: !custom {b: 1}\n",
    ],
)
def test_tags_beyond_plain_yaml_are_refused(text: str) -> None:
    with pytest.raises(YamlProblem, match="tag"):
        yamlfile.parse(text)


def test_size_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "big.yaml"
    path.write_text("a: " + "x" * 200 + "\n", encoding="utf-8")
    monkeypatch.setattr(yamlfile, "MAX_BYTES", 100)
    with pytest.raises(YamlProblem, match="at most"):
        yamlfile.load(path)


def test_syntax_error_has_position() -> None:
    with pytest.raises(YamlProblem, match="syntax") as err:
        yamlfile.parse("a: [1\nb: 2\n")
    assert err.value.line >= 2
