"""User errors end with one line and exit 2, never a traceback or exit 3 (the code for bugs)."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from kommunsk.glossary.loader import Loaded, read_overlays
from kommunsk.readers import MAX_BYTES

from .helpers import EXAMPLE, JARGON, KOMMUNSK, ROOT, one_line_error, run

DEEP = "[" * 10_000 + "]" * 10_000


def test_a_config_nested_10000_lists_deep_is_a_file_line_error(tmp_path: Path) -> None:
    (tmp_path / ".kommunsk.yaml").write_text(f"glossary: {DEEP}\n", encoding="utf-8")
    (tmp_path / "a.md").write_text(JARGON, encoding="utf-8")
    code, _out, err = run("check", "a.md", cwd=tmp_path)
    assert code == 2
    one_line_error(err, ".kommunsk.yaml:1:", "nested")


def test_a_block_style_config_nested_deep_is_a_file_line_error(tmp_path: Path) -> None:
    (tmp_path / ".kommunsk.yaml").write_text("glossary:\n" + "- " * 5000 + "x\n", encoding="utf-8")
    (tmp_path / "a.md").write_text(JARGON, encoding="utf-8")
    code, _out, err = run("check", "a.md", cwd=tmp_path)
    assert code == 2
    one_line_error(err, ".kommunsk.yaml:2:")


def test_an_overlay_nested_10000_lists_deep_is_a_file_line_problem(tmp_path: Path) -> None:
    """The overlay alone is read here; through the command line it is the same GlossaryError."""
    overlay = tmp_path / "ord.yaml"
    overlay.write_text(DEEP, encoding="utf-8")
    [problem] = read_overlays([overlay], Loaded()).problems
    # the column is where the limit was seen: 51 by PyYAML's scanner, 1001 by libyaml's
    assert re.search(r"ord\.yaml:1:(51|1001): YAML nested more than 50 levels deep$", str(problem))


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("data.bin", b"\x00\x01\x02binary"),
        ("rapport.pdf", b"%PDF-1.7 tekst"),
        ("billede.png", b"\x89PNG\r\n"),
        ("rod.txt", bytes(range(0x80, 0x100)) * 40),
    ],
)
def test_rewrite_of_a_file_it_cannot_read_is_one_line(
    tmp_path: Path, name: str, data: bytes
) -> None:
    (tmp_path / name).write_bytes(data)
    code, _out, err = run("rewrite", "--write", name, cwd=tmp_path)
    assert code == 2
    one_line_error(err, name)
    assert (tmp_path / name).read_bytes() == data


def test_rewrite_of_an_oversized_file_is_one_line(tmp_path: Path) -> None:
    big = tmp_path / "stor.txt"
    with big.open("wb") as handle:
        handle.truncate(MAX_BYTES + 1)
    code, _out, err = run("rewrite", str(big))
    assert code == 2
    one_line_error(err, "stor.txt", "10.000.000")


@pytest.fixture()
def glossary_folder(tmp_path: Path) -> Path:
    """A small glossary folder: the bundled top-level files and one domain file."""
    target = tmp_path / "glossary"
    (target / "concepts").mkdir(parents=True)
    for name in ("glossary.yaml", "municipalities.yaml", "register.yaml"):
        shutil.copy(ROOT / "glossary" / name, target / name)
    shutil.copy(ROOT / "glossary" / "concepts" / "okonomi.yaml", target / "concepts")
    return target


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("domain: x\nconcepts: [\n", ":3:1:"),
        (f"domain: {DEEP}\n", ":1:"),
        ("a: b\n\tc: d\n", ":2:"),
    ],
)
def test_glossary_fmt_on_a_broken_file_names_the_file_and_line(
    glossary_folder: Path, text: str, where: str
) -> None:
    broken = glossary_folder / "concepts" / "okonomi.yaml"
    broken.write_text(text, encoding="utf-8")
    code, _out, err = run("glossary", "fmt", "--check", str(glossary_folder))
    assert code == 2
    one_line_error(err, f"okonomi.yaml{where}")


def test_glossary_fmt_on_a_file_of_the_wrong_shape_names_it(glossary_folder: Path) -> None:
    broken = glossary_folder / "concepts" / "okonomi.yaml"
    broken.write_text("- en liste\n- ikke en tabel\n", encoding="utf-8")
    code, _out, err = run("glossary", "fmt", "--check", str(glossary_folder))
    assert code == 2
    one_line_error(err, "okonomi.yaml", "glossary validate")


def test_sarif_for_a_file_name_that_is_not_utf8(tmp_path: Path) -> None:
    folder = tmp_path / "mappe"
    folder.mkdir()
    name = os.fsdecode(b"k\xe6nder.md")  # Latin-1 bytes: a surrogate escape in Python
    (folder / name).write_text(JARGON, encoding="utf-8")
    for fmt in ("sarif", "json", "text", "github"):
        done = subprocess.run(
            [*KOMMUNSK, "check", "--format", fmt, str(folder)], capture_output=True, timeout=120
        )
        assert done.returncode == 1, (fmt, done.stderr)
        assert b"Traceback" not in done.stderr and b"intern fejl" not in done.stderr
        output = done.stdout.decode("utf-8")  # valid UTF-8 whatever the file is called
        if fmt in ("sarif", "json"):
            json.loads(output)
        assert "nder.md" in output


def test_a_closed_standard_output_ends_quietly(tmp_path: Path) -> None:
    """`kommunsk check x.md | head -0`: the reader is gone before kommunsk writes."""
    path = tmp_path / "x.md"
    path.write_text(EXAMPLE * 60, encoding="utf-8")
    for fmt in ("text", "json"):
        process = subprocess.Popen(
            [*KOMMUNSK, "check", "--format", fmt, str(path)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        assert process.stdout is not None and process.stderr is not None
        process.stdout.close()
        err = process.stderr.read().decode()
        code = process.wait(timeout=120)
        assert code in (0, 1), (code, err)
        assert "Traceback" not in err and "intern fejl" not in err, err


def test_main_module_and_console_script_agree_on_exit_2(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "kommunsk", "check", str(tmp_path / "væk.md")],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 2
    one_line_error(done.stderr, "væk.md")
