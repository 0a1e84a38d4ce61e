"""The installed console script, run as a real subprocess: a packaging mistake cannot hide here."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = Path(sys.executable).parent / "kommunsk"


def run(*args: str, cwd: Path, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_COLOR": "1"}
    return subprocess.run(
        [str(SCRIPT), *args],
        cwd=cwd,
        input=stdin,
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )


@pytest.fixture()
def proposal(tmp_path: Path) -> Path:
    path = tmp_path / "tilbud.md"
    path.write_text((ROOT / "examples" / "tilbud.md").read_text(encoding="utf-8"), encoding="utf-8")
    return path


def test_script_is_installed() -> None:
    assert SCRIPT.is_file()


def test_version(tmp_path: Path) -> None:
    result = run("--version", cwd=tmp_path)
    assert result.returncode == 0 and result.stdout.startswith("kommunsk ")


@pytest.mark.parametrize("fmt", ["text", "json", "sarif", "github"])
def test_every_format(proposal: Path, fmt: str) -> None:
    result = run("check", proposal.name, "--format", fmt, cwd=proposal.parent)
    assert result.returncode == 1, result.stderr
    if fmt in ("json", "sarif"):
        data = json.loads(result.stdout)
        assert data.get(
            "glossary_version",
            data.get("runs", [{}])[0].get("properties", {}).get("glossary_version"),
        )
    assert "borgerne" in result.stdout.lower()


def test_piped_text_has_no_colour_codes(proposal: Path) -> None:
    result = run("check", proposal.name, cwd=proposal.parent)
    assert "\x1b[" not in result.stdout
    forced = run("check", proposal.name, "--color", cwd=proposal.parent)
    assert "\x1b[" in forced.stdout


def test_clean_file_exits_zero(tmp_path: Path) -> None:
    (tmp_path / "ok.md").write_text("Borgerne får hjælp af hjemmeplejen.\n", encoding="utf-8")
    assert run("check", "ok.md", cwd=tmp_path).returncode == 0


def test_error_paths(tmp_path: Path) -> None:
    missing = run("check", "findes-ikke.md", cwd=tmp_path)
    assert (
        missing.returncode == 2
        and missing.stderr.strip() == "kommunsk: fejl: filen findes ikke: findes-ikke.md"
    )
    (tmp_path / "cp.txt").write_bytes("Kunderne på plejehjemmet.".encode("cp1252"))
    assert run("check", "cp.txt", cwd=tmp_path).returncode == 1
    (tmp_path / "data.bin").write_bytes(bytes(range(256)) * 4)
    named = run("check", "data.bin", cwd=tmp_path)
    assert named.returncode == 2 and "kan ikke tjekke data.bin" in named.stderr
    (tmp_path / ".kommunsk.toml").write_text("fail-on = [\n")
    broken = run("check", "cp.txt", cwd=tmp_path)
    assert (
        broken.returncode == 2
        and "ugyldig TOML" in broken.stderr
        and "Traceback" not in broken.stderr
    )


def test_standard_input(tmp_path: Path) -> None:
    result = run(
        "check", "-", "--format", "json", cwd=tmp_path, stdin="Vores stakeholders er glade.\n"
    )
    assert result.returncode == 1
    assert json.loads(result.stdout)["findings"][0]["suggestions"][0] == "interessenter"
