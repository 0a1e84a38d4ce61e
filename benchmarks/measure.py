"""Timing helpers and a description of the machine.

Why these rules: a single timing on a shared machine says little, and an
absolute number says nothing about another machine. So every comparison runs
both sides in the same process (or as the same kind of process), on the same
input, after a warm-up; in-process timings keep the best of several
repetitions (the least disturbed run), and process timings keep the median as
well as the best, since start-up time varies more from run to run.
"""

from __future__ import annotations

import gc
import json
import os
import platform
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Timing:
    """Wall-clock seconds of repeated runs."""

    seconds: tuple[float, ...]

    @property
    def best(self) -> float:
        return min(self.seconds)

    @property
    def median(self) -> float:
        return statistics.median(self.seconds)


def once(action: Callable[[], object]) -> float:
    """Seconds for one call (a collection first, so garbage from earlier work is not billed here)."""
    gc.collect()
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def repeat(action: Callable[[], object], repeats: int) -> Timing:
    """`repeats` timed calls of `action`; warm it up before calling this."""
    return Timing(tuple(once(action) for _ in range(repeats)))


def alternate(actions: Sequence[Callable[[], object]], repeats: int) -> list[Timing]:
    """Time several actions in turn (a, b, a, b, ...), so that a slow spell of a busy machine
    falls on both sides of a comparison rather than on one."""
    seconds: list[list[float]] = [[] for _ in actions]
    for _ in range(repeats):
        for action, found in zip(actions, seconds, strict=True):
            found.append(once(action))
    return [Timing(tuple(found)) for found in seconds]


@dataclass(frozen=True)
class ProcessRun:
    """One finished child process: wall-clock seconds, peak resident memory (MB, 10^6 bytes), exit code."""

    seconds: float
    peak_mb: float
    returncode: int


# Runs one command and reports its wall-clock time, peak memory and exit code as JSON.
# It runs in a fresh, small interpreter (see run_process for why).
_LAUNCHER = """
import json, os, subprocess, sys, time
start = time.perf_counter()
child = subprocess.Popen(sys.argv[1:], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
_, status, usage = os.wait4(child.pid, 0)
seconds = time.perf_counter() - start
child.returncode = os.waitstatus_to_exitcode(status)
print(json.dumps([seconds, usage.ru_maxrss, child.returncode]))
"""


def run_process(command: Sequence[str], *, cwd: Path, env: Mapping[str, str]) -> ProcessRun:
    """Run `command` as a fresh process, measuring wall-clock time and peak resident memory.

    Why a launcher: on Linux a process's peak-memory figure survives `exec`, so
    a child forked straight from this benchmark (which holds hundreds of MB of
    text and glossaries) would report the benchmark's memory, not its own. So
    a small fresh interpreter starts the command instead and reports what
    `os.wait4` says about exactly that child: the `ru_maxrss` that
    `/usr/bin/time -f %M` prints (a floor of the launcher's own ~10 MB, far
    below what either tool uses). The time is taken inside the launcher, so
    its own start-up is not counted. Output goes to /dev/null; run the command
    once with its output captured first, to see that it works.
    """
    launcher = [sys.executable, "-I", "-S", "-c", _LAUNCHER, *command]
    done = subprocess.run(
        launcher, cwd=cwd, env=dict(env), capture_output=True, text=True, check=False
    )
    if done.returncode != 0:
        raise RuntimeError(f"the launcher failed for {command[0]}: {done.stderr.strip()}")
    seconds, maxrss, returncode = json.loads(done.stdout)
    peak_bytes = maxrss if sys.platform == "darwin" else maxrss * 1024
    return ProcessRun(float(seconds), peak_bytes / 1e6, int(returncode))


def can_measure_processes() -> bool:
    """`os.wait4` exists on Linux and macOS, not on Windows."""
    return hasattr(os, "wait4")


def machine() -> dict[str, str]:
    """CPU, cores, memory, operating system and the versions that matter for the figures."""
    from importlib.metadata import version

    import kommunsk

    return {
        "cpu": _cpu_model(),
        "cores": _cores(),
        "memory": _memory(),
        "system": platform.platform(terse=True),
        "python": platform.python_version(),
        "spacy": version("spacy"),
        "kommunsk": kommunsk.__version__,
    }


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine() or "unknown"


def _cores() -> str:
    logical = os.cpu_count() or 0
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else logical
    return f"{usable} usable of {logical} logical"


def _memory() -> str:
    try:
        for line in Path("/proc/meminfo").read_text(encoding="utf-8").splitlines():
            if line.startswith("MemTotal:"):
                return f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
    except OSError:
        pass
    return "unknown"
