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
    return _process([str(SCRIPT), *args], cwd, {**os.environ, "NO_COLOR": "1"}, stdin)


def _process(
    command: list[str], cwd: Path, env: dict[str, str], stdin: str | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        command,
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


def test_a_long_report_reaches_the_pipe_whole_before_the_process_ends(tmp_path: Path) -> None:
    """The script leaves without tearing Python down, so it must flush everything first."""
    from click.testing import CliRunner

    from kommunsk.cli import cli

    path = tmp_path / "lang.md"
    path.write_text("Vores stakeholders og kunderne får et dashboard.\n\n" * 2000, encoding="utf-8")
    result = run("check", path.name, "--format", "json", cwd=tmp_path)
    in_process = CliRunner().invoke(cli, ["check", str(path), "--format", "json"])
    assert result.returncode == in_process.exit_code == 1, result.stderr
    found = json.loads(result.stdout)["findings"]
    assert len(found) == len(json.loads(in_process.stdout)["findings"]) >= 4000


def _script_with(setup: str, *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """The console script's own function, after some set-up in the same process (output buffered,
    as it is by default, so that what is not flushed would be lost)."""
    code = f"import sys; {setup}; sys.argv = ['kommunsk', *{list(args)!r}]; from kommunsk.cli import main; main()"
    buffered = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}
    return _process([sys.executable, "-c", code], cwd, buffered)


def test_exit_handlers_run_and_buffered_output_is_flushed(tmp_path: Path) -> None:
    done = _script_with(
        "import atexit; sys.stdout.write('før '); atexit.register(lambda: sys.stdout.write('farvel'))",
        "explain",
        "visitation",
        cwd=tmp_path,
    )
    assert done.returncode == 0 and "Visitation" in done.stdout
    assert done.stdout.startswith("før ") and done.stdout.endswith("farvel")


def test_a_thread_still_running_is_waited_for(tmp_path: Path) -> None:
    done = _script_with(
        "import threading, time; "
        "threading.Thread(target=lambda: (time.sleep(0.5), print('færdig', flush=True))).start()",
        "explain",
        "visitation",
        cwd=tmp_path,
    )
    assert done.returncode == 0 and done.stdout.rstrip().endswith("færdig")


def test_the_exit_code_survives_the_quick_exit(tmp_path: Path) -> None:
    (tmp_path / "ren.md").write_text("Borgerne får hjælp.\n", encoding="utf-8")
    (tmp_path / "jargon.md").write_text("Vores stakeholders er glade.\n", encoding="utf-8")
    assert _script_with("pass", "check", "ren.md", cwd=tmp_path).returncode == 0
    assert _script_with("pass", "check", "jargon.md", cwd=tmp_path).returncode == 1
    assert _script_with("pass", "check", "findes-ikke.md", cwd=tmp_path).returncode == 2
