"""Shared fixtures: one compiled glossary per test session, in a private cache directory."""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
# the bundled glossary's version, read from its metadata so tests need no edit at each release
GLOSSARY_VERSION = re.search(
    r"^version: (\S+)$", (ROOT / "glossary" / "glossary.yaml").read_text(encoding="utf-8"), re.M
).group(1)  # type: ignore[union-attr]

# The cache is shared by every test in the session (and by the subprocesses
# they start), but never by the user's own cache.
_CACHE = tempfile.mkdtemp(prefix="kommunsk-test-cache-")
os.environ["KOMMUNSK_CACHE_DIR"] = _CACHE
os.environ.setdefault("NO_COLOR", "1")


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    shutil.rmtree(_CACHE, ignore_errors=True)


@pytest.fixture(scope="session")
def glossary():  # type: ignore[no-untyped-def]
    import kommunsk

    return kommunsk.load()


@pytest.fixture()
def glossary_copy(tmp_path: Path) -> Iterator[Path]:
    """A writable copy of the bundled glossary directory."""
    target = tmp_path / "glossary"
    shutil.copytree(ROOT / "glossary", target)
    yield target
