"""libyaml's scanner and PyYAML's own give the same documents and positions on the glossary."""

from pathlib import Path

import yaml

from kommunsk.glossary import yamlfile

ROOT = Path(__file__).resolve().parent.parent


def test_pyyaml_here_has_libyaml_and_it_is_the_loader_in_use() -> None:
    """PyYAML's wheels are built with libyaml; kommunsk then scans with it."""
    assert yaml.__with_libyaml__
    assert yamlfile._Loader is yamlfile._LibyamlLoader


def test_both_loaders_read_every_glossary_file_alike() -> None:
    paths = sorted((ROOT / "glossary").rglob("*.yaml"))
    assert len(paths) > 100
    for path in paths:
        text = path.read_text(encoding="utf-8")
        fast = yamlfile.parse(text, yamlfile._LibyamlLoader)
        assert fast == yamlfile.parse(text, yamlfile._PythonLoader), path
