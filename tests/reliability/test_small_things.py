"""Smaller hostile cases: FIFOs, closed folders, deep Markdown, path spellings, memos and the cache."""

from __future__ import annotations

import copy
import marshal
import os
import time
from datetime import date, timedelta
from pathlib import Path

import pytest

from kommunsk.engine import cache, registry
from kommunsk.errors import ReadError
from kommunsk.glossary.municipalities import Municipalities
from kommunsk.glossary.paths import bundled_glossary
from kommunsk.lint import files
from kommunsk.readers import read_bytes

from .helpers import JARGON, ROOT, one_line_error, run, run_process

ROOT_USER = hasattr(os, "geteuid") and os.geteuid() == 0


def test_a_fifo_named_on_the_command_line_does_not_hang(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "rør.md")
    (tmp_path / "god.md").write_text(JARGON, encoding="utf-8")
    done = run_process("check", "rør.md", "god.md", cwd=tmp_path, timeout=60)
    assert done.returncode == 2
    one_line_error(done.stderr.decode(), "rør.md", "ikke en almindelig fil")
    assert b"god.md:1:7" in done.stdout


def test_a_fifo_met_while_walking_is_skipped_with_a_note(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "rør.md")
    (tmp_path / "god.md").write_text(JARGON, encoding="utf-8")
    done = run_process("check", ".", cwd=tmp_path, timeout=60)
    assert done.returncode == 1  # the findings decide: a FIFO in a folder is a note, not an error
    assert b"god.md:1:7" in done.stdout
    assert "springer over rør.md: ikke en almindelig fil".encode() in done.stdout + done.stderr


def test_an_unreadable_sub_folder_is_reported_by_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "lukket").mkdir()
    (tmp_path / "lukket" / "a.md").write_text(JARGON, encoding="utf-8")
    (tmp_path / "god.md").write_text(JARGON, encoding="utf-8")
    real_scandir = os.scandir

    def refusing(path: str | os.PathLike[str]) -> object:
        if Path(path).name == "lukket":
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", refusing)
    skipped: list[tuple[str, str]] = []
    found = list(
        files.expand([str(tmp_path)], ["*.md"], [], on_skip=lambda p, r: skipped.append((p, r)))
    )
    assert [Path(p).name for p in found] == ["god.md"]
    assert skipped == [(str(tmp_path / "lukket"), "ingen adgang til mappen")]
    code, out, _err = run("check", str(tmp_path))
    assert code == 1 and "lukket" in out and "ingen adgang til mappen" in out


@pytest.mark.skipif(ROOT_USER, reason="root enters folders whatever their mode")
def test_a_folder_with_mode_000_is_reported_by_name(tmp_path: Path) -> None:
    closed = tmp_path / "lukket"
    closed.mkdir()
    (closed / "a.md").write_text(JARGON, encoding="utf-8")
    closed.chmod(0)
    try:
        _code, out, err = run("check", str(tmp_path))
    finally:
        closed.chmod(0o755)
    assert "lukket" in out + err


@pytest.mark.parametrize("depth", [9, 10, 15, 40, 150])
@pytest.mark.parametrize("kind", ["list", "quote", "mixed"])
def test_markdown_nested_past_nine_levels_is_still_read(kind: str, depth: int) -> None:
    source = {
        "list": "".join("  " * i + "- punkt\n" for i in range(depth))
        + "  " * depth
        + "- Kunderne\n",
        "quote": "> " * depth + "Kunderne\n",
        "mixed": "> - " * depth + "Kunderne\n",
    }[kind]
    assert "Kunderne" in read_bytes(source.encode(), "a.md").text


def test_deep_markdown_still_blanks_link_definitions() -> None:
    source = "> - " * 150 + "Kunderne\n\n[ref]: https://kunder.example/kunder\n"
    text = read_bytes(source.encode(), "a.md").text
    assert "Kunderne" in text and "kunder.example" not in text


def test_baseline_keys_do_not_depend_on_how_the_path_is_typed(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "a.md").write_text(JARGON, encoding="utf-8")
    code, _out, _err = run(
        "check", "a.md", "--baseline", "base.json", "--update-baseline", cwd=tmp_path
    )
    assert code == 0
    for spelling in ("./a.md", str(tmp_path / "a.md"), "sub/../a.md", "./sub/../a.md"):
        code, out, err = run("check", spelling, "--baseline", "base.json", cwd=tmp_path)
        assert code == 0, (spelling, out, err)
    other = tmp_path / "sub" / "base.json"
    other.write_text((tmp_path / "base.json").read_text(encoding="utf-8"), encoding="utf-8")
    code, _out, _err = run("check", "a.md", "--baseline", "sub/base.json", cwd=tmp_path)
    assert code == 1  # relative to the baseline's own folder, "a.md" is another file


def test_load_sees_an_overlay_that_changed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    overlay = tmp_path / "ord.yaml"
    overlay.write_text(
        (ROOT / "tests" / "fixtures" / "overlay" / "company.yaml").read_text("utf-8")
    )
    real = registry.compiled_glossary()
    calls: list[tuple[Path, ...]] = []

    def counting(root: Path, overlays: tuple[Path, ...] = (), **_: object) -> cache.Compiled:
        calls.append(overlays)
        return cache.Compiled(copy.copy(real.glossary), real.index, real.lexicon, real.english)

    monkeypatch.setattr(registry, "compiled", counting)
    first = registry.load([overlay])
    assert registry.load([overlay]) is first and len(calls) == 1
    overlay.write_text(overlay.read_text("utf-8").replace("CareCloud", "CareSky"), "utf-8")
    second = registry.load([overlay])
    assert second is not first and len(calls) == 2
    os.utime(overlay, ns=(time.time_ns(), time.time_ns() + 1_000_000))  # same size, new time
    assert registry.load([overlay]) is not second and len(calls) == 3


def test_the_bundled_files_are_looked_at_once_a_second(monkeypatch: pytest.MonkeyPatch) -> None:
    """A server answers many small requests: each must not stat a hundred glossary files."""
    looked: list[int] = []
    real_files = registry.glossary_files

    def counted(root: Path) -> list[Path]:
        looked.append(1)
        return real_files(root)

    clock = [1_000.0]
    monkeypatch.setattr(registry, "glossary_files", counted)
    monkeypatch.setattr(registry.time, "monotonic", lambda: clock[0])
    monkeypatch.setattr(registry, "_BUNDLED", {})
    first = registry.load()
    for _ in range(50):
        assert registry.load() is first
    assert len(looked) == 1
    clock[0] += registry.BUNDLED_RECHECK + 0.01
    assert registry.load() is first and len(looked) == 2  # looked at again, and unchanged


def test_many_dates_do_not_grow_the_memos() -> None:
    start = date(2024, 1, 1)
    glossaries = [
        registry.load(as_of=start + timedelta(days=n)) for n in range(3 * registry.DATED_SIZE)
    ]
    for glossary in glossaries[-3:]:
        registry.annotator(glossary)
    assert len(registry._LOADED) <= registry.DATED_SIZE
    assert len(registry._ANNOTATORS) <= registry.DATED_SIZE
    assert len(registry._COMPILED) <= registry.MEMO_SIZE
    assert registry.load(as_of=glossaries[-1].as_of) is glossaries[-1]  # recent dates are reused


def _entry(folder: Path) -> tuple[Path, Path]:
    name = cache.key(bundled_glossary(), ())
    return folder / f"{name}.data", folder / f"{name}.lex"


@pytest.mark.parametrize(
    "data",
    [
        {"format": cache.FORMAT},
        {"format": cache.FORMAT, "meta": [], "concepts": {}, "municipalities": 5},
        {"format": cache.FORMAT, "concepts": {"x": 5}},
        [1, 2, 3],
        "tekst",
        None,
    ],
)
def test_a_cache_file_of_the_wrong_shape_is_rebuilt(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, data: object
) -> None:
    real = registry.compiled_glossary()
    monkeypatch.setenv("KOMMUNSK_CACHE_DIR", str(tmp_path))
    data_path, lex_path = _entry(tmp_path)
    data_path.write_bytes(marshal.dumps(data))
    lex_path.write_bytes(cache._pack(real.lexicon, real.english))
    built: list[int] = []

    def build(root: Path, overlays: tuple[Path, ...]) -> cache.Compiled:
        built.append(1)
        return real

    monkeypatch.setattr(cache, "build", build)
    assert cache.compiled(bundled_glossary()) is real and built == [1]
    again = cache._read(data_path, lex_path, bundled_glossary(), ())
    assert again is not None and len(again.glossary.concepts) == len(real.glossary.concepts)


@pytest.mark.parametrize("cut", [0, 1, 1000, -1])
def test_a_cache_file_cut_short_or_not_marshal_data_is_rebuilt(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cut: int
) -> None:
    root = bundled_glossary()
    cache.compiled(root)  # the real entry, in the test's own cache folder
    name = cache.key(root, ())
    whole = (cache.cache_dir() / f"{name}.data").read_bytes()
    lexicon = (cache.cache_dir() / f"{name}.lex").read_bytes()
    monkeypatch.setenv("KOMMUNSK_CACHE_DIR", str(tmp_path))
    data_path, lex_path = _entry(tmp_path)
    data_path.write_bytes(whole[:cut] if cut >= 0 else b'{"format": 18}')  # -1: JSON, not marshal
    lex_path.write_bytes(lexicon)
    assert cache._read(data_path, lex_path, root, ()) is None
    rebuilt = cache.compiled(root)
    assert len(rebuilt.glossary.concepts) > 300
    assert data_path.read_bytes() == whole


def test_a_damaged_cached_concept_removes_the_entry(tmp_path: Path) -> None:
    data_path, lex_path = tmp_path / "a.json", tmp_path / "a.lex"
    data_path.write_text("{}", encoding="utf-8")
    lex_path.write_bytes(b"")
    concepts = cache.LazyConcepts({"x": marshal.dumps({"id": 5})}, (data_path, lex_path))
    with pytest.raises(ReadError, match="beskadiget"):
        concepts["x"]
    assert not data_path.exists() and not lex_path.exists()


def test_damaged_cached_municipalities_remove_the_entry_when_first_used(tmp_path: Path) -> None:
    data_path, lex_path = tmp_path / "a.json", tmp_path / "a.lex"
    data_path.write_text("{}", encoding="utf-8")
    lex_path.write_bytes(b"")
    decode = cache._lazy_municipalities(marshal.dumps([{"code": 5}]), (data_path, lex_path))
    assert data_path.exists()  # nothing is decoded until the registry is used
    with pytest.raises(ReadError, match="beskadiget"):
        decode()
    assert not data_path.exists() and not lex_path.exists()


def test_a_cached_glossary_decodes_its_municipalities_only_when_used() -> None:
    root = bundled_glossary()
    cache.compiled(root)  # built and written, if it was not yet
    name = cache.key(root, ())
    found = cache._read(
        cache.cache_dir() / f"{name}.data", cache.cache_dir() / f"{name}.lex", root, ()
    )
    assert found is not None
    assert not isinstance(found.glossary._municipalities, Municipalities)
    assert len(found.glossary.municipalities) == 98
    assert isinstance(found.glossary._municipalities, Municipalities)


def test_old_cache_entries_are_removed(tmp_path: Path) -> None:
    keys = [f"{n:032x}" for n in range(9)]
    for age, name in enumerate(keys):
        for suffix in (".data", ".json", ".lex", ".lock"):
            path = tmp_path / f"{name}{suffix}"
            path.write_bytes(b"x")
            os.utime(path, (1_000_000 + age, 1_000_000 + age))
    (tmp_path / "noter.json").write_text("{}", encoding="utf-8")  # not a cache entry: kept
    removed = cache.prune(tmp_path, keep=cache.KEEP_ENTRIES)
    assert sorted(removed) == keys[:4]
    left = sorted(p.name for p in tmp_path.iterdir())
    assert left == sorted(
        [*(f"{k}{s}" for k in keys[4:] for s in (".data", ".json", ".lex", ".lock")), "noter.json"]
    )
