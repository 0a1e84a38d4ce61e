"""The real pre-commit framework runs the hook from this working tree (pre-commit try-repo)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.slow
def test_pre_commit_try_repo(tmp_path: Path) -> None:
    pre_commit = Path(sys.executable).parent / "pre-commit"
    assert pre_commit.is_file(), "pre-commit is part of the test extra"
    assert shutil.which("git")
    repo = tmp_path / "repo"
    repo.mkdir()
    env = {
        **os.environ,
        "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home"),
        "KOMMUNSK_CACHE_DIR": str(tmp_path / "cache"),
        "NO_COLOR": "1",
        "GIT_AUTHOR_NAME": "test",
        "GIT_AUTHOR_EMAIL": "test@example.org",
        "GIT_COMMITTER_NAME": "test",
        "GIT_COMMITTER_EMAIL": "test@example.org",
    }
    subprocess.run(["git", "init", "-q"], cwd=repo, check=True, env=env)
    (repo / "bad.md").write_text("Vores stakeholders og kunderne.\n", encoding="utf-8")
    (repo / "good.md").write_text("Borgerne og interessenterne.\n", encoding="utf-8")
    subprocess.run(["git", "add", "."], cwd=repo, check=True, env=env)

    def try_repo(name: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(pre_commit), "try-repo", str(ROOT), "kommunsk", "--files", name],
            cwd=repo,
            env=env,
            capture_output=True,
            text=True,
            timeout=1200,
            check=False,
        )

    bad = try_repo("bad.md")
    assert bad.returncode == 1, bad.stdout + bad.stderr
    assert "stakeholders" in bad.stdout and "Failed" in bad.stdout
    good = try_repo("good.md")
    assert good.returncode == 0, good.stdout + good.stderr
    assert "Passed" in good.stdout
