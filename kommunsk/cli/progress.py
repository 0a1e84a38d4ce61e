"""A progress bar on the terminal for long runs (rich); nothing at all for short runs or pipes.

rich is imported only when a bar is shown, so the pre-commit path stays light.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager

MIN_FILES = 20


@contextmanager
def file_progress(total: int) -> Iterator[Callable[[str], None] | None]:
    """Yield a callback that advances a bar per file, or None when no bar is wanted."""
    if total < MIN_FILES or not sys.stderr.isatty() or os.environ.get("TERM") == "dumb":
        yield None
        return
    # lazy, for start-up speed: rich is imported only when a bar is shown
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    columns = (
        TextColumn("kommunsk"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.description}"),
    )
    with Progress(*columns, console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task("", total=total)
        yield lambda path: bar.update(task, advance=1, description=path)
