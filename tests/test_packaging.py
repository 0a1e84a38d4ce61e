"""The wheel carries the glossary: build it, install it in a fresh virtualenv, run it elsewhere."""

from __future__ import annotations

import os
import signal
import site
import socket
import subprocess
import sys
import time
import urllib.request
import venv
from pathlib import Path

import pytest
from conftest import GLOSSARY_VERSION

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.slow
def test_wheel_installs_and_runs_from_another_directory(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--outdir", str(dist), str(ROOT)],
        check=True,
        capture_output=True,
        timeout=600,
    )
    [wheel] = list(dist.glob("kommunsk-*.whl"))
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=True)
    python = env_dir / "bin" / "python"
    subprocess.run(
        [str(python), "-m", "pip", "install", "--quiet", "--no-deps", str(wheel)],
        check=True,
        timeout=300,
    )
    # dependencies come from the test environment, kommunsk itself only from the wheel
    purelib = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    Path(purelib, "test-dependencies.pth").write_text("\n".join(site.getsitepackages()) + "\n")
    work = tmp_path / "elsewhere"
    work.mkdir()
    env = {**os.environ, "KOMMUNSK_CACHE_DIR": str(tmp_path / "cache"), "PYTHONPATH": ""}
    script = env_dir / "bin" / "kommunsk"

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            list(args), cwd=work, env=env, capture_output=True, text=True, timeout=300, check=False
        )

    where = run(
        str(python),
        "-c",
        "import kommunsk; print(kommunsk.__file__); print(kommunsk.load().version)",
    )
    assert where.returncode == 0, where.stderr
    location, version = where.stdout.split()
    assert location.startswith(str(env_dir)) and version == GLOSSARY_VERSION
    assert run(str(script), "--version").stdout.startswith("kommunsk ")
    assert run(str(script), "glossary", "validate").returncode == 0
    (work / "tilbud.md").write_text("Kunderne på plejehjemmet.\n", encoding="utf-8")
    checked = run(str(script), "check", "tilbud.md")
    assert checked.returncode == 1 and "borgerne" in checked.stdout.lower()

    # the wheel carries the server's templates and static files: its page is served
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen(
        [str(script), "serve", "--port", str(port)], cwd=work, env=env, stdout=subprocess.PIPE
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=30) as page:
                    html = page.read().decode()
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/static/style.css") as css:
                    assert css.status == 200
                break
            except OSError:
                assert server.poll() is None and time.monotonic() < deadline
                time.sleep(0.2)
        assert "Tjek teksten" in html
        server.send_signal(signal.SIGINT)
        assert server.wait(timeout=30) == 0
    finally:
        if server.poll() is None:
            server.kill()
