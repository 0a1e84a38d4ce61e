"""`kommunsk serve` as a person runs it: it starts, answers, says what is wrong, and stops on Ctrl-C."""

from __future__ import annotations

import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

KOMMUNSK = [sys.executable, "-m", "kommunsk"]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def run(*args: str, code: str | None = None) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-c", code, *args] if code else [*KOMMUNSK, *args]
    return subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)


def test_help_names_the_defaults() -> None:
    done = run("serve", "--help")
    assert done.returncode == 0
    assert "127.0.0.1" in done.stdout and "8081" in done.stdout


def test_an_unknown_default_municipality_is_a_usage_error() -> None:
    done = run("serve", "--port", str(free_port()), "--municipality", "Narnia")
    assert done.returncode == 2
    assert done.stderr.strip().splitlines() == [
        "kommunsk: fejl: ukendt kommune: 'Narnia' (mente du Mariagerfjord?)"
    ]


def test_the_default_municipality_comes_from_the_configuration(tmp_path: Path) -> None:
    (tmp_path / ".kommunsk.toml").write_text('municipality = "Narnia"\n', encoding="utf-8")
    done = subprocess.run(
        [*KOMMUNSK, "serve", "--port", str(free_port())],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 2
    assert "ukendt kommune: 'Narnia'" in done.stderr


def test_a_taken_port_is_a_usage_error() -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        port = taken.getsockname()[1]
        done = run("serve", "--port", str(port))
    assert done.returncode == 2
    assert f"kan ikke lytte på 127.0.0.1:{port}" in done.stderr
    assert "--port" in done.stderr and "Traceback" not in done.stderr


def test_without_the_server_packages_it_says_what_to_install() -> None:
    code = (
        "import sys; sys.modules['uvicorn'] = None; sys.argv = ['kommunsk', *sys.argv[1:]]; "
        "from kommunsk.cli import main; main()"
    )
    done = run("serve", code=code)
    assert done.returncode == 2
    assert "mangler pakken uvicorn" in done.stderr
    assert "pip install --force-reinstall kommunsk" in done.stderr


@pytest.mark.slow
def test_it_serves_until_ctrl_c_and_then_stops_cleanly(tmp_path: Path) -> None:
    port = free_port()
    server = subprocess.Popen(
        [*KOMMUNSK, "serve", "--port", str(port), "--municipality", "Aarhus"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert server.stdout is not None
        first = server.stdout.readline()
        assert first.startswith(f"kommunsk kører på http://127.0.0.1:{port}/")
        deadline = time.monotonic() + 30
        while True:
            try:
                answer = httpx.post(
                    f"http://127.0.0.1:{port}/v2/check",
                    data={"text": "Kommunalbestyrelsen mødes.", "language": "da-DK"},
                )
                break
            except httpx.ConnectError:
                assert time.monotonic() < deadline
                time.sleep(0.1)
        assert [m["rule"]["id"] for m in answer.json()["matches"]] == ["KOMMUNSK_VARIANT"]
        server.send_signal(signal.SIGINT)
        out, err = server.communicate(timeout=30)
    finally:
        if server.poll() is None:
            server.kill()
    assert server.returncode == 0, err
    assert "kommunsk er stoppet" in out
    assert "Traceback" not in err
